/**
 * What every rule kind shares: the fields of a rule (id, level, message, guide page, targets,
 * examples) and the small validators kinds use (regular expressions, message templates). A rule
 * kind is one file in this folder; `index.ts` is the registry. Build time only (zod): the
 * browser gets rulesets already validated, as JSON.
 */
import { z } from 'zod';
import { SIGNATURES } from '../../attachments/file-signature';

/** How a kind's examples are run (rule-examples.ts): as subject/draft text, or as files. */
export type ExampleRunner = 'text' | 'attachments';

/** A rule kind: the schema of its rules and how their examples run. */
export interface RuleKindDefinition<Schema extends z.ZodType> {
  schema: Schema;
  examples: ExampleRunner;
  /** Where its matcher lives, for the reader (see CONTRIBUTING.md, "add a rule kind"). */
  matcher: string;
}

export const defineKind = <Schema extends z.ZodType>(definition: RuleKindDefinition<Schema>) => definition;

/**
 * On whose authority a rule speaks, shown with each finding (「依据：…」): the article's words
 * (unverified, shown as 原文称), a law's article (only ones in the research notes), a Kuaishou
 * rule page, a technical standard or provider's document, or our own advice (编辑补充).
 * Optional in the schema because older rulesets predate it; the newest must give it on every rule
 * (load-ruleset.ts checks that).
 */
export const ruleSource = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('article'), quote: z.string().min(2) }).strict(),
  z
    .object({
      kind: z.literal('law'),
      law: z.string().regex(/^《.+》$/u),
      article: z.string().min(2),
      /** The article's id in the statute registry (src/content/law/): ndr-14, pipl-24-3. */
      lawId: z
        .string()
        .regex(/^[a-z-]+-\d+(-\d+)?$/u, '法条 id 形如 ndr-14 或 pipl-24-3')
        .optional(),
    })
    .strict(),
  z.object({ kind: z.literal('platform'), title: z.string().min(2), url: z.url() }).strict(),
  z
    .object({ kind: z.literal('technical'), standard: z.string().min(2), note: z.string().optional() })
    .strict(),
  z.object({ kind: z.literal('editorial'), note: z.string().min(2) }).strict(),
]);

/**
 * Where a rule runs, by the case the reader is in (the ruleset's `contexts`): `skip` lists the
 * cases it does not run in, `only` the cases it is limited to. Without a known case every rule runs.
 */
export const ruleContexts = z
  .object({
    skip: z.array(z.string().min(1)).min(1).optional(),
    only: z.array(z.string().min(1)).min(1).optional(),
  })
  .strict()
  .refine((value) => value.skip === undefined || value.only === undefined, '不能同时写 skip 和 only');

export const textRuleFields = {
  id: z.string().regex(/^[a-z]+(\.[a-z-]+)+$/, '规则 id 形如 tone.emotional'),
  source: ruleSource.optional(),
  contexts: ruleContexts.optional(),
  level: z.enum(['error', 'warning', 'info']),
  message: z.string().min(4),
  /** The guide page that explains the rule. */
  guide: z.string().regex(/^\/[a-z0-9/-]*\/$/),
  appliesTo: z.array(z.enum(['subject', 'draft'])).min(1),
  examples: z
    .object({ match: z.array(z.string()).optional(), noMatch: z.array(z.string()).optional() })
    .strict()
    .optional(),
};

/**
 * An attachment example: a file name (its content then matches its extension, 1 KB), a file with
 * a size in bytes and the content of a signature in file-signature.ts, or files chosen together.
 */
const exampleFile = z.union([
  z.string().min(1),
  z
    .object({
      name: z.string().min(1),
      size: z.number().int().nonnegative().optional(),
      content: z
        .string()
        .refine((id) => id in SIGNATURES, '不是 file-signature.ts 中的类型')
        .optional(),
    })
    .strict(),
]);
export const attachmentExample = z.union([exampleFile, z.array(exampleFile).min(1)]);

/** Placeholders an attachment message may use (check-attachments.ts fills them per file). */
const PLACEHOLDERS = new Set(
  'name size limit count max type extension suggested advice encoded limits allowed date'.split(' '),
);
export const messageTemplate = z.string().refine((text) => {
  const used = [...text.matchAll(/\{([a-z]+)\}/g)].map((match) => match[1]!);
  return used.every((key) => PLACEHOLDERS.has(key));
}, '消息中有未知的占位符（可用：{name} {size} {limit} {count} {max} {type} {extension} {suggested} {advice} {encoded} {limits} {allowed} {date}）');

export const attachmentRuleFields = {
  ...textRuleFields,
  message: messageTemplate.pipe(z.string().min(4)),
  appliesTo: z.array(z.literal('attachments')).length(1),
  examples: z
    .object({ match: z.array(attachmentExample).optional(), noMatch: z.array(attachmentExample).optional() })
    .strict()
    .optional(),
};

export const regexSource = z.string().refine((source) => {
  try {
    new RegExp(source, 'u');
    return true;
  } catch {
    return false;
  }
}, '不是有效的正则表达式');
