/**
 * Validation of ruleset data (YAML → Ruleset) for the build, the command line and the tests. The
 * rules themselves are validated by the kind registry (kinds/); running the rules' examples is
 * rule-examples.ts, so this schema imports no checker. Not imported by the browser islands (they
 * get validated JSON); ruleset.ts derives its types from here with type-only imports.
 */
import { z } from 'zod';
import { isoDate } from '../guide-data';
import { parseInChinese } from '../zod-chinese';
import { ruleSchema } from './kinds';
import { RULESET_VERSION } from './ruleset';

export { ruleSchema };

const cadenceStep = z
  .object({
    id: z.enum(['email', 'call', 'escalate']),
    /** The N-th working day after the sending day. */
    day: z.number().int().positive(),
    /** Short name of the step (追问邮件 …). */
    label: z.string().min(1),
    action: z.string().min(1),
    /** Whom to address; `{escalation}` is replaced by the escalation path of table 6. */
    to: z.string().min(1),
  })
  .strict();

const mailLimit = z
  .object({ name: z.string().min(1), bytes: z.number().int().positive(), source: z.string().min(1) })
  .strict();

/**
 * A case the reader is in (the checker's context): the routing cases it stands for, the subject
 * types that suggest it and the words (cues) that suggest it when no case was given.
 */
const checkContext = z
  .object({
    id: z.string().regex(/^[a-z]+(-[a-z]+)*$/),
    label: z.string().min(2),
    routes: z.array(z.string().min(1)).min(1),
    subjectTypes: z.array(z.string().min(1)).optional(),
    cues: z.array(z.string().min(1)).min(1),
  })
  .strict();

export const rulesetSchema = z
  .object({
    version: z.string().regex(RULESET_VERSION, '版本号形如 2026.11.0'),
    effective: isoDate,
    /** The changelog entry that introduced this version. */
    changelog: z.string().min(1),
    /** ID labels recognised in subjects and drafts (作品ID, 视频ID, 创作者ID, 快手号 …). */
    idLabels: z
      .array(z.object({ label: z.string(), aliases: z.array(z.string().min(1)).min(1) }).strict())
      .min(1),
    /** Words that mark a subject as urgent (紧急 …). */
    urgencyWords: z.array(z.string().min(1)),
    /** Size limits of common mailboxes, as researched (the whole message, Base64-encoded). */
    mailLimits: z.array(mailLimit).optional(),
    /** The follow-up rhythm (the article's 3-5-7): what to do on which working day. */
    cadence: z
      .array(cadenceStep)
      .refine((steps) => steps.every((step, index) => index === 0 || step.day > steps[index - 1]!.day), {
        message: '跟进节奏的天数应当逐步增加',
      })
      .optional(),
    /** The cases rules may run in or be relaxed in (2026.11.3 on; older rulesets have none). */
    contexts: z.array(checkContext).optional(),
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
    const contextIds = new Set((ruleset.contexts ?? []).map((entry) => entry.id));
    if (contextIds.size !== (ruleset.contexts ?? []).length)
      context.addIssue({ code: 'custom', message: 'contexts 中有重复的 id', path: ['contexts'] });
    for (const [index, rule] of ruleset.rules.entries()) {
      for (const id of [...(rule.contexts?.skip ?? []), ...(rule.contexts?.only ?? [])])
        if (!contextIds.has(id))
          context.addIssue({
            code: 'custom',
            message: `规则 ${rule.id} 引用了不存在的案件类型：${id}（可用：${[...contextIds].join('、') || '无'}）`,
            path: ['rules', index, 'contexts'],
          });
      if (rule.kind === 'pattern')
        for (const id of rule.rewrite?.when ?? [])
          if (!seen.has(id))
            context.addIssue({
              code: 'custom',
              message: `规则 ${rule.id} 的 rewrite.when 引用了不存在的规则：${id}`,
              path: ['rules', index, 'rewrite'],
            });
    }
  });

export class RulesetError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'RulesetError';
  }
}

/** Validates raw ruleset data; throws RulesetError naming the source and the path. */
export function parseRuleset(raw: unknown, source: string) {
  const result = parseInChinese(rulesetSchema, raw);
  if (!result.success) throw new RulesetError(`规则集有误：${source} → ${result.path}：${result.message}`);
  return result.data;
}
