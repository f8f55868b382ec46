/**
 * The follow-up planner as a view of the case file (issue 18): which cases it can plan for (those
 * with a mail step) and how 「记入案卷并生成计划」 records a mail the reader has just sent — as a
 * mail step of a new case, or of the case migrated from the old planner's subject when that case
 * still has no step (the migration names it after the same subject: one case, not two). Pure:
 * the ids, the time and the cases are passed in.
 *
 * It is not the plan itself (case-next.ts and follow-up-plan.ts) nor the storage of the shelf.
 */
import type { CaseFile, CaseStep } from './case-schema';
import { addStep, newCase, orderedSteps } from './case-model';
import { shanghaiDateTime } from '../shanghai-time';

/** Where migrateLegacy marks a case made from the old planner's saved subject. */
const FROM_PLANNER = '跟进计划';

export interface MailCaseOption {
  id: string;
  /** The option's text: the case's title and the date of its last mail. */
  label: string;
  lastMail: string;
}

/** The cases with at least one mail step, the one with the most recent mail first. */
export function mailCases(cases: readonly CaseFile[]): MailCaseOption[] {
  return cases
    .flatMap((caseFile) => {
      const mails = orderedSteps(caseFile).filter((step) => step.kind === 'mail');
      const last = mails.at(-1);
      if (!last) return [];
      const when = `${last.date}${last.time ? ` ${last.time}` : ''}`;
      return [{ id: caseFile.id, label: `${caseFile.title}（最后一封邮件 ${when}）`, lastMail: when }];
    })
    .sort((a, b) => (a.lastMail < b.lastMail ? 1 : a.lastMail > b.lastMail ? -1 : 0));
}

export interface SentMail {
  /** Ids made by the caller: a new case's, and the mail step's. */
  caseId: string;
  stepId: string;
  /** A case type (request-routes.yaml id) and its name, for a case without a subject. */
  caseType: string;
  need: string;
  subject: string;
  /** The sending instant (parseSentTime): saved as its Beijing date and minute. */
  sent: number;
  now: number;
  /** Random edit tokens (case-lineage.ts): one for a new case, one for the step's edit. */
  tokens: { create: string; edit: string };
}

/**
 * The case the sent mail is recorded in, with its mail step added: the stepless case migrated
 * from the old planner under this subject and type, if there is one, otherwise a new case named
 * after the subject (or the case type and date when there is no subject).
 */
export function recordPlannedMail(cases: readonly CaseFile[], mail: SentMail): CaseFile {
  const subject = mail.subject.trim();
  const [date, time] = shanghaiDateTime(mail.sent).split(' ') as [string, string];
  const step: CaseStep = {
    id: mail.stepId,
    kind: 'mail',
    date,
    time,
    subject: subject.slice(0, 500),
    to: [],
    note: '在跟进计划里记入：收件人未记录。',
  };
  const migrated = cases.find(
    (caseFile) =>
      caseFile.migratedFrom === FROM_PLANNER &&
      caseFile.steps.length === 0 &&
      caseFile.caseType === mail.caseType &&
      subject !== '' &&
      caseFile.title === subject.slice(0, 100),
  );
  const target =
    migrated ??
    newCase({
      id: mail.caseId,
      caseType: mail.caseType,
      title: subject || `${mail.need}（${date} 发出）`,
      now: mail.now,
      token: mail.tokens.create,
    });
  return addStep(target, step, mail.now, mail.tokens.edit);
}
