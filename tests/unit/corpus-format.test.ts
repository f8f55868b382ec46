/**
 * The realistic mail corpus (tests/corpus/<context>.yaml) is in the agreed format: one file per
 * checker context, each mail with exactly the contract's fields, ids unique across the corpus, and
 * every rule id named in `fire` / `quiet` one the newest ruleset has (or one of issue 16's new ids).
 * It checks the labels' shape, not whether the checkers agree with them: that is the benchmark's job.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { parse } from 'yaml';
import { z } from 'zod';
import { describe, expect, it } from 'vitest';
import { loadRulesets } from '../../src/lib/node/load-ruleset';
import { CORPUS_CONTEXTS, CORPUS_STYLES } from '../../src/lib/rules/corpus-schema';

const CORPUS_DIR = resolve(import.meta.dirname, '../corpus');

// The closed lists are the corpus schema's own (src/lib/rules/corpus-schema.ts): one source.
const CONTEXTS = CORPUS_CONTEXTS;
const STYLES = CORPUS_STYLES;

/**
 * Issue 16's new rule ids with their agreed levels: the corpus may label them before the ruleset
 * that adds them is merged. Once they are in the ruleset, the ruleset's own level is used.
 */
const NEW_RULE_LEVELS: Record<string, 'error' | 'warning' | 'info'> = {
  'placeholder.unfilled': 'error',
  'pii.id-number': 'warning',
  'pii.bank-card': 'warning',
  'tone.pleading': 'warning',
  'tone.accusation': 'warning',
  'tone.pressure': 'warning',
  'structure.unlabelled-section': 'info',
};

const mailSchema = z
  .object({
    id: z.string().regex(/^[a-z]+(?:-[a-z]+)*-\d{2,}$/u, 'id 应为 <场景>-<两位以上编号>'),
    style: z.enum(STYLES),
    split: z.enum(['tuning', 'holdout']),
    good: z.boolean(),
    subject: z.string(),
    body: z.string().min(1),
    fire: z.array(z.string()),
    quiet: z.array(z.string()),
    note: z.string().min(1),
  })
  .strict();

const fileSchema = z.object({ context: z.enum(CONTEXTS), mails: z.array(mailSchema).min(1) }).strict();

type CorpusFile = z.infer<typeof fileSchema> & { file: string; text: string };

function readCorpus(): CorpusFile[] {
  return readdirSync(CORPUS_DIR)
    .filter((file) => /\.ya?ml$/u.test(file))
    .sort()
    .map((file) => {
      const text = readFileSync(join(CORPUS_DIR, file), 'utf8');
      const parsed = fileSchema.safeParse(parse(text));
      if (!parsed.success) {
        const issues = parsed.error.issues.map((issue) => `${issue.path.join('.')}: ${issue.message}`);
        throw new Error(`${file} 不符合语料格式：\n${issues.join('\n')}`);
      }
      return { ...parsed.data, file, text };
    });
}

const newestRuleset = loadRulesets().at(-1)!;
const ruleLevels = new Map<string, string>([
  ...Object.entries(NEW_RULE_LEVELS),
  ...newestRuleset.rules.map((rule) => [rule.id, rule.level] as [string, string]),
]);

describe('the corpus files', () => {
  const corpus = readCorpus();

  it('exist, one per context, each named after its context and opening with its description', () => {
    expect(corpus.length).toBeGreaterThan(0);
    for (const { file, context, text } of corpus) {
      expect(file, `${file} 的 context 是 ${context}`).toBe(`${context}.yaml`);
      expect(text.startsWith('# 语料：'), `${file} 应以「# 语料：<中文名>」开头`).toBe(true);
    }
  });

  it('give every mail an id unique across the corpus and prefixed with its context', () => {
    const seen = new Map<string, string>();
    for (const { file, context, mails } of corpus) {
      for (const mail of mails) {
        expect(mail.id.startsWith(`${context}-`), `${file}: ${mail.id} 应以 ${context}- 开头`).toBe(true);
        expect(seen.get(mail.id), `${mail.id} 在 ${seen.get(mail.id)} 和 ${file} 中重复`).toBeUndefined();
        seen.set(mail.id, file);
      }
    }
  });

  it('name only rule ids the ruleset has (or issue 16 adds), never one both in fire and quiet', () => {
    for (const { mails } of corpus) {
      for (const mail of mails) {
        for (const rule of [...mail.fire, ...mail.quiet]) {
          expect(ruleLevels.has(rule), `${mail.id}: 未知的规则 ${rule}`).toBe(true);
        }
        const both = mail.fire.filter((rule) => mail.quiet.includes(rule));
        expect(both, `${mail.id}: 同一规则既要触发又不得触发`).toEqual([]);
        expect(new Set(mail.fire).size, `${mail.id}: fire 有重复`).toBe(mail.fire.length);
        expect(new Set(mail.quiet).size, `${mail.id}: quiet 有重复`).toBe(mail.quiet.length);
      }
    }
  });

  it('label a good mail with no rule of level error or warning that must fire, a bad one with at least one', () => {
    for (const { mails } of corpus) {
      for (const mail of mails) {
        const serious = mail.fire.filter((rule) => ruleLevels.get(rule) !== 'info');
        if (mail.good) expect(serious, `${mail.id} 标为 good，却要求触发`).toEqual([]);
        else
          expect(
            serious.length,
            `${mail.id} 标为有问题，却没有要求触发的 error/warning 规则`,
          ).toBeGreaterThan(0);
      }
    }
  });

  it('keep about one mail in three for the holdout split, in every file', () => {
    for (const { file, mails } of corpus) {
      const holdout = mails.filter((mail) => mail.split === 'holdout').length;
      expect(holdout / mails.length, `${file}: holdout ${holdout}/${mails.length}`).toBeGreaterThanOrEqual(
        0.2,
      );
      expect(holdout / mails.length, `${file}: holdout ${holdout}/${mails.length}`).toBeLessThanOrEqual(0.5);
    }
  });
});
