/**
 * The template gallery as data: each template has revisions (subject, four-module body with
 * placeholders, attachments), and every revision names the ruleset it was written against.
 * At every build the newest revision is checked by the current ruleset's subject and draft
 * checkers; an error fails the build, naming the template — so a new ruleset that a template
 * breaks forces the template's upgrade.
 */
import { z } from 'zod';
import { diffChars } from 'diff';
import { checkDraft } from './rules/check-draft';
import { checkSubject } from './rules/check-subject';
import type { CompiledRules } from './rules/rules-engine';
import { RULESET_VERSION, type Finding } from './rules/ruleset';
import { isoDate } from './guide-data';
import { parseInChinese } from './zod-chinese';

/** `{{手机号|13800138000}}`: shown as 【手机号】 to the user, checked with the sample value. */
const PLACEHOLDER = /\{\{([^{}|]+)\|([^{}]*)\}\}/g;

const version = z.string().regex(RULESET_VERSION, '规则集版本形如 2026.11.1');
const templateText = z
  .string()
  .min(1)
  .refine((text) => !/\{\{(?![^{}|]+\|[^{}]*\}\})/.test(text), {
    message: '占位符应写成 {{名称|示例值}}',
  });

export const templateRevisionSchema = z
  .object({
    revision: z.number().int().positive(),
    date: isoDate,
    /** The ruleset this revision was written and checked against. */
    ruleset: version,
    /** What changed in this revision, in Chinese. */
    changes: z.string().min(2),
    subject: templateText,
    body: templateText,
    attachments: z.array(z.string().min(1)),
  })
  .strict();

export const templateSchema = z
  .object({
    id: z.string().regex(/^[a-z0-9-]+$/),
    title: z.string().min(2),
    /** When to use it. */
    case: z.string().min(4),
    /** request-routes.yaml id: the mailbox and official channels; absent for a reply in the same thread. */
    route: z.string().optional(),
    notes: z.array(z.string().min(2)).default([]),
    revisions: z.array(templateRevisionSchema).min(1),
  })
  .strict()
  .superRefine((template, context) => {
    template.revisions.forEach((revision, index) => {
      if (revision.revision !== index + 1)
        context.addIssue({
          code: 'custom',
          message: `修订号应从 1 开始逐一递增（第 ${index + 1} 个是 ${revision.revision}）`,
          path: ['revisions', index, 'revision'],
        });
    });
  });

export type Template = z.output<typeof templateSchema>;
export type TemplateRevision = z.output<typeof templateRevisionSchema>;

export class TemplateError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'TemplateError';
  }
}

export function parseTemplate(raw: unknown, file: string): Template {
  const result = parseInChinese(templateSchema, raw);
  if (!result.success) throw new TemplateError(`模板数据有误：${file} → ${result.path}：${result.message}`);
  return result.data;
}

/** The text the user gets: placeholders as 【名称】, to be filled in. */
export const withBlanks = (text: string) =>
  text.replace(PLACEHOLDER, (_whole, label: string) => `【${label.trim()}】`);
/** The text the build checks: placeholders replaced by their sample values. */
export const withSamples = (text: string) =>
  text.replace(PLACEHOLDER, (_whole, _label, sample: string) => sample);
/** The placeholders of a text, in order. */
export const placeholders = (text: string) =>
  [...text.matchAll(PLACEHOLDER)].map((match) => match[1]!.trim());

export const currentRevision = (template: Template) => template.revisions.at(-1)!;

/** Findings of the current ruleset on the newest revision (with sample values). */
export function checkTemplate(
  template: Template,
  rules: CompiledRules,
): { subject: Finding[]; body: Finding[] } {
  const revision = currentRevision(template);
  return {
    subject: checkSubject(withSamples(revision.subject), rules).findings,
    body: checkDraft(withSamples(revision.body), rules).findings,
  };
}

/** Throws a TemplateError naming every template and error finding, or returns the warnings. */
export function assertTemplatesPass(templates: readonly Template[], rules: CompiledRules): void {
  const problems: string[] = [];
  for (const template of templates) {
    const { subject, body } = checkTemplate(template, rules);
    const revision = currentRevision(template);
    const errors = [
      ...subject
        .filter((f) => f.severity === 'error')
        .map((f) => ['主题', withSamples(revision.subject), f] as const),
      ...body
        .filter((f) => f.severity === 'error')
        .map((f) => ['正文', withSamples(revision.body), f] as const),
    ];
    for (const [part, text, finding] of errors) {
      const quoted = finding.end > finding.start ? `（“${text.slice(finding.start, finding.end)}”）` : '';
      problems.push(
        `模板「${template.title}」（${template.id}，修订 ${revision.revision}）${part}：${finding.rule}：${finding.message}${quoted}`,
      );
    }
  }
  if (problems.length > 0) {
    throw new TemplateError(
      `模板未通过当前规则集 ${rules.ruleset.version} 的检查，请升级这些模板（新增一个修订）：\n${problems.join('\n')}`,
    );
  }
}

/** A revision as one text (for the history's diff). */
export const revisionText = (revision: TemplateRevision) =>
  `主题：${withBlanks(revision.subject)}\n\n${withBlanks(revision.body)}\n\n附件：\n${revision.attachments.map((item) => `- ${item}`).join('\n')}`;

/** Character diff between two revisions (Chinese has no word boundaries to diff on). */
export function revisionDiff(before: TemplateRevision, after: TemplateRevision) {
  return diffChars(revisionText(before), revisionText(after)).map((part) => ({
    text: part.value,
    kind: part.added ? ('added' as const) : part.removed ? ('removed' as const) : ('same' as const),
  }));
}
