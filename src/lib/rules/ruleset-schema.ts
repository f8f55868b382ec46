/**
 * Validation of ruleset data (YAML → Ruleset) and its in-file examples, for the build, the
 * command line and the tests. Not imported by the browser islands (they get validated JSON).
 */
import { z } from 'zod';
import { checkDraft } from './check-draft';
import { checkSubject } from './check-subject';
import { compileRules, type SubjectTypeInfo } from './rules-engine';
import {
  RULESET_VERSION,
  type AttachmentExample,
  type AttachmentRule,
  type Rule,
  type Ruleset,
} from './ruleset';
import { isoDate } from '../guide-data';
import {
  checkAttachments,
  compileAttachmentRules,
  type AttachmentInput,
  type AttachmentTypeInfo,
} from '../attachments/check-attachments';
import { SIGNATURES, signatureForExtension, type SignatureId } from '../attachments/file-signature';
import { splitName } from '../attachments/check-attachments';

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
const attachmentExample = z.union([exampleFile, z.array(exampleFile).min(1)]);
// Placeholders a message template may use (check-attachments.ts fills them).
const PLACEHOLDERS = new Set(
  'name size limit count max type extension suggested advice encoded limits allowed date'.split(' '),
);
const template = z.string().refine((text) => {
  const used = [...text.matchAll(/\{([a-z]+)\}/g)].map((match) => match[1]!);
  return used.every((key) => PLACEHOLDERS.has(key));
}, '消息中有未知的占位符（可用：{name} {size} {limit} {count} {max} {type} {extension} {suggested} {advice} {encoded} {limits} {allowed} {date}）');
const attachmentBase = {
  ...base,
  message: template.pipe(z.string().min(4)),
  appliesTo: z.array(z.literal('attachments')).length(1),
  examples: z
    .object({ match: z.array(attachmentExample).optional(), noMatch: z.array(attachmentExample).optional() })
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
  z
    .object({ ...attachmentBase, kind: z.literal('attachment-count'), max: z.number().int().positive() })
    .strict(),
  z
    .object({
      ...attachmentBase,
      kind: z.literal('attachment-size'),
      maxBytes: z.number().int().positive(),
      advice: template,
      categoryAdvice: z
        .partialRecord(z.enum(['image', 'video', 'document', 'archive', 'text']), template)
        .optional(),
    })
    .strict(),
  z.object({ ...attachmentBase, kind: z.literal('attachment-empty') }).strict(),
  z.object({ ...attachmentBase, kind: z.literal('attachment-format') }).strict(),
  z.object({ ...attachmentBase, kind: z.literal('attachment-type-mismatch') }).strict(),
  z
    .object({
      ...attachmentBase,
      kind: z.literal('attachment-blocked'),
      extensions: z.array(z.string().regex(/^[a-z0-9_]+$/, '扩展名用小写、不带点')).min(1),
    })
    .strict(),
  z
    .object({
      ...attachmentBase,
      kind: z.literal('attachment-name'),
      check: z.enum(['convention', 'event', 'date', 'future', 'characters', 'length']),
      maxLength: z.number().int().positive().optional(),
    })
    .strict()
    .refine((rule) => rule.check !== 'length' || rule.maxLength !== undefined, {
      message: 'check 为 length 时必须给出 maxLength',
      path: ['maxLength'],
    }),
]);

export const rulesetSchema = z
  .object({
    version: z.string().regex(RULESET_VERSION, '版本号形如 2026.11.0'),
    effective: isoDate,
    changelog: z.string().min(1),
    idLabels: z
      .array(z.object({ label: z.string(), aliases: z.array(z.string().min(1)).min(1) }).strict())
      .min(1),
    urgencyWords: z.array(z.string().min(1)),
    mailLimits: z
      .array(
        z
          .object({ name: z.string().min(1), bytes: z.number().int().positive(), source: z.string().min(1) })
          .strict(),
      )
      .optional(),
    cadence: z
      .array(
        z
          .object({
            id: z.enum(['email', 'call', 'escalate']),
            day: z.number().int().positive(),
            label: z.string().min(1),
            action: z.string().min(1),
            to: z.string().min(1),
          })
          .strict(),
      )
      .refine((steps) => steps.every((step, index) => index === 0 || step.day > steps[index - 1]!.day), {
        message: '跟进节奏的天数应当逐步增加',
      })
      .optional(),
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

/** An attachment example as the checker's input: content matching the extension unless given. */
export function exampleFiles(example: AttachmentExample): AttachmentInput[] {
  return (Array.isArray(example) ? example : [example]).map((file) => {
    const spec = typeof file === 'string' ? { name: file } : file;
    const signature = spec.content
      ? SIGNATURES[spec.content as SignatureId]
      : signatureForExtension(splitName(spec.name)[1]);
    const size = spec.size ?? 1024;
    return {
      name: spec.name,
      size,
      head: size === 0 ? new Uint8Array() : new Uint8Array(signature?.sample ?? [0, 1, 2, 3]),
    };
  });
}

/** Runs every rule's examples (prh-style specs). Returns the failures, empty when all hold. */
export function checkRuleExamples(
  ruleset: Ruleset,
  subjectTypes: readonly SubjectTypeInfo[],
  attachmentTypes: readonly AttachmentTypeInfo[],
): string[] {
  const compiled = compileRules(ruleset, subjectTypes);
  const attachments = compileAttachmentRules(ruleset, attachmentTypes);
  const failures: string[] = [];
  const fires = (rule: Rule, example: AttachmentExample) => {
    if (rule.kind.startsWith('attachment-')) {
      // Examples are dated as of the ruleset's effective date, so they do not age.
      const result = checkAttachments(exampleFiles(example), attachments, { today: ruleset.effective });
      return [...result.findings, ...result.files.flatMap((file) => file.findings)].some(
        (item) => item.rule === rule.id,
      );
    }
    if (typeof example !== 'string') return false;
    const findings = rule.appliesTo.includes('subject')
      ? checkSubject(example, compiled).findings
      : checkDraft(example, compiled).findings;
    return findings.some((item) => item.rule === rule.id);
  };
  for (const rule of ruleset.rules as (Rule | AttachmentRule)[]) {
    for (const example of rule.examples?.match ?? []) {
      if (!fires(rule, example)) failures.push(`${rule.id}：应当命中却没有命中：${JSON.stringify(example)}`);
    }
    for (const example of rule.examples?.noMatch ?? []) {
      if (fires(rule, example)) failures.push(`${rule.id}：不应命中却命中了：${JSON.stringify(example)}`);
    }
  }
  return failures;
}
