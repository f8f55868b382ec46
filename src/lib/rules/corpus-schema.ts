/**
 * The labelled mail corpus (tests/corpus/<context>.yaml) as data: one file per checker context,
 * each mail with what an editor would say of it (good or not, rules that must and must not fire).
 * Validation only (zod, so build and Node only, never the browser); reading files is
 * src/lib/node/load-corpus.ts, scoring is corpus-benchmark.ts.
 */
import { z } from 'zod';

/** The checker contexts ("the case the reader is in"), as the issue names them. */
export const CORPUS_CONTEXTS = [
  'account-appeal',
  'infringement-notice',
  'counter-notice',
  'pipl-request',
  'ad-business',
  'merchant',
  'tech-fault',
  'basic-inquiry',
] as const;

/** How a mail is written: the page counts mails per style, so every style is a closed word. */
export const CORPUS_STYLES = [
  'paragraphs',
  'labelled',
  'numbered',
  'markdown',
  'traditional',
  'fullwidth',
  'spacing',
  'long',
  'short',
] as const;

export const CORPUS_SPLITS = ['tuning', 'holdout'] as const;

const ruleId = z.string().regex(/^[a-z]+(?:[.-][a-z0-9]+)+$/u, '规则 id 的格式应如 tone.pleading');

export const corpusMailSchema = z
  .object({
    id: z.string().regex(/^[a-z0-9-]+$/u, 'id 只能由小写字母、数字和连字符组成'),
    style: z.enum(CORPUS_STYLES),
    split: z.enum(CORPUS_SPLITS),
    good: z.boolean(),
    subject: z.string(),
    body: z.string().min(1, '正文不能为空'),
    fire: z.array(ruleId),
    quiet: z.array(ruleId),
    note: z.string().min(1, '每封邮件都要写一句标注理由（note）'),
  })
  .strict()
  .superRefine((mail, context) => {
    const both = mail.fire.filter((rule) => mail.quiet.includes(rule));
    if (both.length > 0)
      context.addIssue({
        code: 'custom',
        path: ['quiet'],
        message: `同一条规则不能既“必须报出”又“不得报出”：${both.join('、')}`,
      });
  });

export const corpusFileSchema = z
  .object({
    context: z.enum(CORPUS_CONTEXTS),
    mails: z.array(corpusMailSchema).min(1, '至少要有一封邮件'),
  })
  .strict();

export type CorpusContext = (typeof CORPUS_CONTEXTS)[number];
export type CorpusStyle = (typeof CORPUS_STYLES)[number];
export type CorpusSplit = (typeof CORPUS_SPLITS)[number];
export type CorpusFile = z.infer<typeof corpusFileSchema>;
/** One mail with the context of the file it came from. */
export type CorpusMail = z.infer<typeof corpusMailSchema> & { context: CorpusContext };
