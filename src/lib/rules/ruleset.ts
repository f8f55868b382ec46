/**
 * The rules as data: a small closed set of rule kinds (as Vale and prh), one level and one
 * Chinese message per rule, and examples inside the data that are checked when it loads.
 * This module holds only types and pure helpers so that the browser islands can use it
 * without the schema validator (see ruleset-schema.ts).
 */

export type Severity = 'error' | 'warning' | 'info';
export type Target = 'subject' | 'draft' | 'attachments';

interface RuleBase {
  id: string;
  level: Severity;
  message: string;
  /** The guide page that explains the rule. */
  guide: string;
  appliesTo: Target[];
  examples?: { match?: string[]; noMatch?: string[] };
}

/** Any word of the list, matched on folded text (full width, zero width and spaces ignored). */
export interface WordsRule extends RuleBase {
  kind: 'words';
  words: string[];
  /** Suggested replacement for every word, or '' to delete it. */
  replaceWith?: string;
}

/** A regular expression on the original text. */
export interface PatternRule extends RuleBase {
  kind: 'pattern';
  pattern: string;
  replaceWith?: string;
}

/** At least one of the patterns must occur somewhere (contact details, an ID). */
export interface RequiredRule extends RuleBase {
  kind: 'required';
  patterns: string[];
}

export interface SectionSpec {
  name: string;
  aliases: string[];
}

/** The draft's modules: each must be present (missing → this rule). */
export interface SectionsRule extends RuleBase {
  kind: 'sections';
  sections: SectionSpec[];
}

/** Each module at most `max` characters (white space and Markdown marks not counted). */
export interface SectionLengthRule extends RuleBase {
  kind: 'section-length';
  max: number;
}

/** Figures (numbers with % or a unit) in running text that are neither bold nor in a table. */
export interface FiguresRule extends RuleBase {
  kind: 'figures';
  units: string[];
}

/** A part of the three-part subject that must be present. */
export interface SubjectPartRule extends RuleBase {
  kind: 'subject-part';
  part: 'type' | 'id' | 'request';
}

/** The subject's type and ID must end within `columns` display columns (a phone's list). */
export interface SubjectWidthRule extends RuleBase {
  kind: 'subject-width';
  columns: number;
}

/**
 * An attachment rule example: a file name (its content then matches its extension, 1 KB), a
 * file with a size in bytes and the content of a signature in file-signature.ts, or a list of
 * files chosen together.
 */
export type AttachmentExampleFile = string | { name: string; size?: number; content?: string };
export type AttachmentExample = AttachmentExampleFile | AttachmentExampleFile[];

/**
 * Attachment rules. Their messages are templates: {name} {size} {limit} {count} {max} {type}
 * {extension} {suggested} {advice} {encoded} {limits} {allowed} {date} are filled in per file.
 */
interface AttachmentRuleBase extends Omit<RuleBase, 'examples'> {
  examples?: { match?: AttachmentExample[]; noMatch?: AttachmentExample[] };
}

/** At most `max` files in one mail. */
export interface AttachmentCountRule extends AttachmentRuleBase {
  kind: 'attachment-count';
  max: number;
}

/** Each file at most `maxBytes`; `categoryAdvice` replaces `advice` for video, archives … */
export interface AttachmentSizeRule extends AttachmentRuleBase {
  kind: 'attachment-size';
  maxBytes: number;
  advice: string;
  categoryAdvice?: Partial<Record<'image' | 'video' | 'document' | 'archive' | 'text', string>>;
}

/** A file of 0 bytes. */
export interface AttachmentEmptyRule extends AttachmentRuleBase {
  kind: 'attachment-empty';
}

/** A format outside the guide's table 4 (the allowed formats are read from that table). */
export interface AttachmentFormatRule extends AttachmentRuleBase {
  kind: 'attachment-format';
}

/** Content (magic bytes) that does not match the extension. */
export interface AttachmentTypeMismatchRule extends AttachmentRuleBase {
  kind: 'attachment-type-mismatch';
}

/** Executables and scripts, by extension or by content. */
export interface AttachmentBlockedRule extends AttachmentRuleBase {
  kind: 'attachment-blocked';
  extensions: string[];
}

/** One check of the `YYYYMMDD_事件类型.格式` name convention. */
export interface AttachmentNameRule extends AttachmentRuleBase {
  kind: 'attachment-name';
  check: 'convention' | 'event' | 'date' | 'future' | 'characters' | 'length';
  /** For `length`: most characters a name may have. */
  maxLength?: number;
}

export type AttachmentRule =
  | AttachmentCountRule
  | AttachmentSizeRule
  | AttachmentEmptyRule
  | AttachmentFormatRule
  | AttachmentTypeMismatchRule
  | AttachmentBlockedRule
  | AttachmentNameRule;

export type Rule =
  | AttachmentRule
  | WordsRule
  | PatternRule
  | RequiredRule
  | SectionsRule
  | SectionLengthRule
  | FiguresRule
  | SubjectPartRule
  | SubjectWidthRule;

export type RuleKind = Rule['kind'];

export interface IdLabel {
  label: string;
  aliases: string[];
}

export interface Ruleset {
  version: string;
  effective: string;
  /** The changelog entry that introduced this version. */
  changelog: string;
  /** ID labels recognised in subjects and drafts (作品ID, 视频ID, 创作者ID, 快手号 …). */
  idLabels: IdLabel[];
  /** Words that mark a subject as urgent (紧急 …). */
  urgencyWords: string[];
  /** Size limits of common mailboxes, as researched (the whole message, Base64-encoded). */
  mailLimits?: MailLimit[];
  /** The follow-up rhythm (the article's 3-5-7): what to do on which working day. */
  cadence?: CadenceStep[];
  rules: Rule[];
}

export interface CadenceStep {
  id: 'email' | 'call' | 'escalate';
  /** The N-th working day after the sending day. */
  day: number;
  /** Short name of the step (追问邮件 …). */
  label: string;
  action: string;
  /** Whom to address; `{escalation}` is replaced by the escalation path of table 6. */
  to: string;
}

export interface MailLimit {
  name: string;
  bytes: number;
  source: string;
}

/** A finding, as textlint reports them: half-open UTF-16 range into the text the user typed. */
export interface Finding {
  rule: string;
  severity: Severity;
  message: string;
  start: number;
  end: number;
  fix?: { start: number; end: number; text: string };
  guide?: string;
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

/** Applies one finding's fix to the text. */
export function applyFix(text: string, finding: Finding): string {
  if (!finding.fix) return text;
  const { start, end, text: replacement } = finding.fix;
  if (start < 0 || end > text.length || start > end) return text;
  return text.slice(0, start) + replacement + text.slice(end);
}
