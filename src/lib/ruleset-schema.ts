/**
 * Validation of ruleset data (YAML → Ruleset) and its in-file examples, for the build, the
 * command line and the tests. Not imported by the browser islands (they get validated JSON).
 */
import { z } from 'zod';
import { checkDraft } from './check-draft';
import { checkSubject } from './check-subject';
import { compileRules, type SubjectTypeInfo } from './rules-engine';
import type { Rule, Ruleset } from './ruleset';

const base = {
  id: z.string().regex(/^[a-z]+(\.[a-z-]+)+$/, '规则 id 形如 tone.emotional'),
  level: z.enum(['error', 'warning', 'info']),
  message: z.string().min(4),
  guide: z.string().regex(/^\/[a-z0-9/-]*\/$/),
  appliesTo: z.array(z.enum(['subject', 'draft'])).min(1),
  examples: z
    .object({ match: z.array(z.string()).optional(), noMatch: z.array(z.string()).optional() })
    .strict()
    .optional(),
};
const regexSource = z.string().refine((source) => {
  try {
    new RegExp(source, 'u');
    return true;
  } catch {
    return false;
  }
}, '不是有效的正则表达式');

const ruleSchema = z.discriminatedUnion('kind', [
  z
    .object({
      ...base,
      kind: z.literal('words'),
      words: z.array(z.string().min(1)).min(1),
      replaceWith: z.string().optional(),
    })
    .strict(),
  z
    .object({ ...base, kind: z.literal('pattern'), pattern: regexSource, replaceWith: z.string().optional() })
    .strict(),
  z.object({ ...base, kind: z.literal('required'), patterns: z.array(regexSource).min(1) }).strict(),
  z
    .object({
      ...base,
      kind: z.literal('sections'),
      sections: z
        .array(z.object({ name: z.string(), aliases: z.array(z.string().min(1)).min(1) }).strict())
        .min(1),
    })
    .strict(),
  z.object({ ...base, kind: z.literal('section-length'), max: z.number().int().positive() }).strict(),
  z.object({ ...base, kind: z.literal('figures'), units: z.array(z.string().min(1)).min(1) }).strict(),
  z.object({ ...base, kind: z.literal('subject-part'), part: z.enum(['type', 'id', 'request']) }).strict(),
  z.object({ ...base, kind: z.literal('subject-width'), columns: z.number().int().positive() }).strict(),
]);

export const rulesetSchema = z
  .object({
    version: z.string().regex(/^\d{4}\.\d{2}\.\d+$/, '版本号形如 2026.11.0'),
    effective: z
      .union([z.string(), z.date()])
      .transform((value) => (value instanceof Date ? value.toISOString().slice(0, 10) : value)),
    changelog: z.string().min(1),
    idLabels: z
      .array(z.object({ label: z.string(), aliases: z.array(z.string().min(1)).min(1) }).strict())
      .min(1),
    urgencyWords: z.array(z.string().min(1)),
    rules: z.array(ruleSchema).min(1),
  })
  .strict()
  .superRefine((ruleset, context) => {
    const seen = new Set<string>();
    for (const [index, rule] of ruleset.rules.entries()) {
      if (seen.has(rule.id))
        context.addIssue({
          code: 'custom',
          message: `规则 id 重复：${rule.id}`,
          path: ['rules', index, 'id'],
        });
      seen.add(rule.id);
    }
  });

export class RulesetError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'RulesetError';
  }
}

/** Validates raw ruleset data; throws RulesetError naming the source and the path. */
export function parseRuleset(raw: unknown, source: string): Ruleset {
  const result = rulesetSchema.safeParse(raw, { error: z.locales.zhCN().localeError });
  if (!result.success) {
    const issue = result.error.issues[0]!;
    throw new RulesetError(`规则集有误：${source} → ${issue.path.join('.')}：${issue.message}`);
  }
  return result.data as Ruleset;
}

/** Runs every rule's examples (prh-style specs). Returns the failures, empty when all hold. */
export function checkRuleExamples(ruleset: Ruleset, subjectTypes: readonly SubjectTypeInfo[]): string[] {
  const compiled = compileRules(ruleset, subjectTypes);
  const failures: string[] = [];
  const fires = (rule: Rule, example: string) => {
    const findings = rule.appliesTo.includes('subject')
      ? checkSubject(example, compiled).findings
      : checkDraft(example, compiled).findings;
    return findings.some((item) => item.rule === rule.id);
  };
  for (const rule of ruleset.rules) {
    for (const example of rule.examples?.match ?? []) {
      if (!fires(rule, example)) failures.push(`${rule.id}：应当命中却没有命中：${JSON.stringify(example)}`);
    }
    for (const example of rule.examples?.noMatch ?? []) {
      if (fires(rule, example)) failures.push(`${rule.id}：不应命中却命中了：${JSON.stringify(example)}`);
    }
  }
  return failures;
}
