/**
 * A mail the composer sent, recorded into a case: which saved cases it can go into (newest
 * first), the `mail` step it becomes (Beijing date and time, subject, To, Cc, the SHA-256 of the
 * .eml and of the evidence package, the template it was written from), and the shelf with that step added to a chosen case or to a
 * new case of the chosen request type. Pure: no DOM, no storage, no zod (the composer loads it
 * on the click, within its lazy chunk); the instant and random ids are passed in.
 *
 * The shelf's cases are as storage holds them (only shape-checked): a case this cannot read as a
 * case is not offered. Every value is kept within case-schema.ts's limits, so the case file's
 * check accepts what is written here (case-file.test.ts runs it on random input).
 */
import { shanghaiDateTime } from '../shanghai-time';
import { TEMPLATE_ID, TEMPLATE_REVISION_MAX } from './case-contract';
import { addStep, newCase, shelveCase, type CaseShelf } from './case-model';
import type { CaseFile, CaseStep } from './case-schema';

type MailStep = Extract<CaseStep, { kind: 'mail' }>;

/** A case the mail can be recorded into, as the composer's list shows it. */
export interface CaseChoice {
  id: string;
  title: string;
  /** Last saved (ISO 8601): the list is newest first. */
  updatedAt: string;
  steps: number;
}

/** The limits of case-schema.ts a mail step must keep (subject, each address, how many). */
const SUBJECT_MAX = 500;
const ADDRESS_MAX = 320;
const RECIPIENTS_MAX = 20;
const TITLE_MAX = 100;
const CASE_TYPE = /^[a-z][a-z0-9-]{0,63}$/;
const SHA256 = /^[0-9a-f]{64}$/;

/** At most `max` UTF-16 units (the schema's measure), never cutting a character in two. */
function within(text: string, max: number): string {
  let kept = '';
  for (const char of text) {
    if (kept.length + char.length > max) break;
    kept += char;
  }
  return kept;
}

const looksLikeCase = (value: unknown): value is CaseFile => {
  if (typeof value !== 'object' || value === null) return false;
  const record = value as Partial<CaseFile>;
  return (
    typeof record.id === 'string' &&
    typeof record.title === 'string' &&
    typeof record.updatedAt === 'string' &&
    typeof record.revision === 'number' &&
    Array.isArray(record.steps)
  );
};

/** The saved cases a mail can go into, last saved first. */
export function caseChoices(shelf: CaseShelf): CaseChoice[] {
  return shelf.cases
    .filter(looksLikeCase)
    .map((caseFile) => ({
      id: caseFile.id,
      title: caseFile.title,
      updatedAt: caseFile.updatedAt,
      steps: caseFile.steps.length,
    }))
    .sort((a, b) => b.updatedAt.localeCompare(a.updatedAt) || a.id.localeCompare(b.id));
}

export interface SentMail {
  subject: string;
  to: readonly string[];
  cc: readonly string[];
  /** SHA-256 (hex) of the .eml's exact bytes, when one was made. */
  emlSha256?: string | undefined;
  /** SHA-256 (hex) of the evidence package the mail attached, when it attached one. */
  packageSha256?: string | undefined;
  /** The gallery template the draft was started from (「使用此模板」), when it was. */
  template?: { id: string; revision: number } | null | undefined;
}

/** The template as the schema takes it, or nothing (a stored value may be anything). */
const templateRef = (template: SentMail['template']) =>
  template &&
  typeof template.id === 'string' &&
  TEMPLATE_ID.test(template.id) &&
  Number.isInteger(template.revision) &&
  template.revision >= 1 &&
  template.revision <= TEMPLATE_REVISION_MAX
    ? { template: { id: template.id, revision: template.revision } }
    : {};

/** Addresses as the schema takes them: non-empty, each within its length, at most 20. */
const recipients = (list: readonly string[]) =>
  list
    .map((address) => address.trim())
    .filter((address) => address && address.length <= ADDRESS_MAX)
    .slice(0, RECIPIENTS_MAX);

/** The `mail` step of a mail sent at `now` (an instant): Beijing date and time to the minute. */
export function sentMailStep(id: string, mail: SentMail, now: number): MailStep {
  const [date, time] = shanghaiDateTime(now).split(' ') as [string, string];
  const cc = recipients(mail.cc);
  return {
    id,
    kind: 'mail',
    date,
    time,
    subject: within(mail.subject.trim(), SUBJECT_MAX),
    to: recipients(mail.to),
    ...(cc.length ? { cc } : {}),
    ...(mail.emlSha256 && SHA256.test(mail.emlSha256) ? { emlSha256: mail.emlSha256 } : {}),
    ...(mail.packageSha256 && SHA256.test(mail.packageSha256) ? { packageSha256: mail.packageSha256 } : {}),
    ...templateRef(mail.template),
  };
}

/** Where the mail goes: a saved case, or a new one of the request type chosen in 选择诉求. */
export type RecordTarget = { caseId: string } | { newCase: { id: string; requestType: string } };

export type RecordResult =
  { ok: true; shelf: CaseShelf; caseFile: CaseFile; created: boolean } | { ok: false; message: string };

/** A new case's title: the mail's subject, or the date when there is none. */
export const newCaseTitle = (step: MailStep) =>
  within(step.subject, TITLE_MAX).trim() || `${step.date} 发出的邮件`;

/**
 * The shelf with the step added to the target case (a new revision of it), or why it cannot be
 * (in Chinese): no request type for a new case, a case gone meanwhile, a case that is full.
 */
export function recordSentMail(
  shelf: CaseShelf,
  target: RecordTarget,
  step: MailStep,
  now: number,
  /** Random edit tokens (case-lineage.ts): one for a new case, one for the step's edit. */
  tokens: { create: string; edit: string },
): RecordResult {
  let caseFile: CaseFile;
  const created = 'newCase' in target;
  if (created) {
    if (!CASE_TYPE.test(target.newCase.requestType))
      return {
        ok: false,
        message: '新建案卷需要诉求类型：请先在“选择诉求”里选择这封邮件的诉求，再记入案卷。',
      };
    caseFile = newCase({
      id: target.newCase.id,
      caseType: target.newCase.requestType,
      title: newCaseTitle(step),
      now,
      token: tokens.create,
    });
  } else {
    const found = shelf.cases.find((saved) => looksLikeCase(saved) && saved.id === target.caseId);
    if (!found)
      return { ok: false, message: '找不到这个案卷：可能已在其他标签页删除。请重新选择，或新建案卷。' };
    caseFile = found;
  }
  try {
    const next = addStep(caseFile, step, now, tokens.edit);
    return { ok: true, shelf: shelveCase(shelf, next), caseFile: next, created };
  } catch (problem) {
    return { ok: false, message: (problem as Error).message };
  }
}
