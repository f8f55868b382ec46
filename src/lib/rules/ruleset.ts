/**
 * The rules as data: a small closed set of rule kinds (as Vale and prh), one level and one
 * Chinese message per rule, and examples inside the data that are checked when it loads.
 * This module holds only types and pure helpers so that the browser islands can use it
 * without the schema validator (see ruleset-schema.ts).
 */

import type { z } from 'zod';
import type { ruleSchema, rulesetSchema } from './ruleset-schema';

// Types only: derived from the zod schemas (as guide-data.ts does), imported as types so that
// the browser islands, which use this module, never load zod.

export type Ruleset = z.output<typeof rulesetSchema>;
export type Rule = z.output<typeof ruleSchema>;
export type RuleKind = Rule['kind'];
export type Severity = Rule['level'];
export type Target = Rule['appliesTo'][number];
/** The targets of the text rules (subject and draft checkers). */
export type TextTarget = WordsRule['appliesTo'][number];
export type IdLabel = Ruleset['idLabels'][number];
export type CadenceStep = NonNullable<Ruleset['cadence']>[number];
export type MailLimit = NonNullable<Ruleset['mailLimits']>[number];

type OfKind<K extends RuleKind> = Extract<Rule, { kind: K }>;
export type WordsRule = OfKind<'words'>;
export type PatternRule = OfKind<'pattern'>;
export type PersonalDataRule = OfKind<'personal-data'>;
export type RuleSource = NonNullable<Rule['source']>;
export type Context = NonNullable<Ruleset['contexts']>[number];
export type RequiredRule = OfKind<'required'>;
export type SectionsRule = OfKind<'sections'>;
export type SectionSpec = SectionsRule['sections'][number];
export type SectionLengthRule = OfKind<'section-length'>;
export type UnlabelledSectionRule = OfKind<'unlabelled-section'>;
export type FiguresRule = OfKind<'figures'>;
export type LegalElementsRule = OfKind<'legal-elements'>;
export type SubjectPartRule = OfKind<'subject-part'>;
export type SubjectWidthRule = OfKind<'subject-width'>;
export type PlaceholdersRule = OfKind<'placeholders'>;
export type AttachmentCountRule = OfKind<'attachment-count'>;
export type AttachmentSizeRule = OfKind<'attachment-size'>;
export type AttachmentEmptyRule = OfKind<'attachment-empty'>;
export type AttachmentFormatRule = OfKind<'attachment-format'>;
export type AttachmentTypeMismatchRule = OfKind<'attachment-type-mismatch'>;
export type AttachmentBlockedRule = OfKind<'attachment-blocked'>;
export type AttachmentNameRule = OfKind<'attachment-name'>;
export type AttachmentRule = Extract<Rule, { appliesTo: 'attachments'[] }>;
export type AttachmentExample = NonNullable<NonNullable<AttachmentRule['examples']>['match']>[number];
export type AttachmentExampleFile = Exclude<AttachmentExample, unknown[]>;

/** Labels of the severities, as every island, page and the command line show them. */
export const SEVERITY_LABELS: Record<Severity, string> = { error: '错误', warning: '警告', info: '提示' };

/** A finding, as textlint reports them: half-open UTF-16 range into the text the user typed. */
export interface Finding {
  rule: string;
  severity: Severity;
  message: string;
  start: number;
  end: number;
  fix?: { start: number; end: number; text: string };
  guide?: string;
  /** On whose authority the rule speaks (older rulesets may lack it). */
  source?: RuleSource;
}

/**
 * How many findings an island lists; the rest are counted. Here, beside Finding, so that the
 * findings list does not pull the draft view's code into every island that shows findings.
 */
export const LISTED_FINDINGS = 200;

/** A ruleset version: YYYY.MM.N. */
export const RULESET_VERSION = /^\d{4}\.\d{2}\.\d+$/;

/** Compares ruleset versions of the form YYYY.MM.N numerically. */
export function compareVersions(a: string, b: string): number {
  const pa = a.split('.').map(Number);
  const pb = b.split('.').map(Number);
  for (let index = 0; index < Math.max(pa.length, pb.length); index += 1) {
    const difference = (pa[index] ?? 0) - (pb[index] ?? 0);
    if (difference !== 0) return difference;
  }
  return 0;
}

/** The rules of one kind, typed as that kind. */
export const ofKind = <K extends Rule['kind']>(rules: readonly Rule[], kind: K) =>
  rules.filter((rule): rule is Extract<Rule, { kind: K }> => rule.kind === kind);

export const severityRank: Record<Severity, number> = { error: 0, warning: 1, info: 2 };

/** Findings in reading order, errors first at the same place. */
export function sortFindings(findings: Finding[]): Finding[] {
  return findings.sort(
    (a, b) =>
      a.start - b.start ||
      severityRank[a.severity] - severityRank[b.severity] ||
      a.rule.localeCompare(b.rule),
  );
}

/**
 * A finding's authority as one short line (「依据：原文称“…”」「依据：编辑建议」「依据：GB 11643-1999…」),
 * the same in the islands and in ksmail. The article's words are cut short: the rule's own page
 * quotes them whole.
 */
export function describeSource(source: RuleSource): string {
  switch (source.kind) {
    case 'article':
      return `依据：原文称“${source.quote.length > 28 ? `${source.quote.slice(0, 27)}…` : source.quote}”`;
    case 'law':
      return `依据：${source.law}${source.article}`;
    case 'platform':
      return `依据：快手规则《${source.title}》`;
    case 'technical':
      return `依据：${source.standard}`;
    case 'editorial':
      return '依据：编辑建议';
  }
}

/** Applies one finding's fix to the text. */
export function applyFix(text: string, finding: Finding): string {
  if (!finding.fix) return text;
  const { start, end, text: replacement } = finding.fix;
  if (start < 0 || end > text.length || start > end) return text;
  return text.slice(0, start) + replacement + text.slice(end);
}
