/**
 * The outcome figures of chapter 9 read from the case file: every mail step of every case is
 * one observation (an OutcomeEntry, so outcome-summary.ts's summarize computes the same figures the
 * tracker computed from its own log). Pure: no DOM, no storage, no zod (the cases are the
 * shelf's, each already shaped as a case; the view skips what does not look like one).
 *
 * How a mail becomes an observation:
 * - its request type is the case's type; its matter (事项) is the case: a case counts once in
 *   the resolution rate, however many mails it took;
 * - its replies are the reply steps after it and before the case's next mail (a reply after a
 *   follow-up mail answers the follow-up, as the tracker's per-mail 首次人工回复 did);
 *   the first one's date is its first human reply, the last one's result its outcome
 *   (resolved → 已解决, rejected → 未解决, pending → 处理中); no reply → 处理中;
 * - a case migrated from the old tracker (case-migration.ts) keeps, in its notes, one line per
 *   old entry with its result, first reply, template, satisfaction and note: read back here, so
 *   the migrated log shows the figures it showed before (templates and satisfaction exist nowhere
 *   else in a case, and the old log said which mail a reply answered: a migrated reply step does
 *   not). Replies recorded in the case file since then are read as above and take precedence.
 *
 * It is not the migration (case-migration.ts) nor the drawing of the figures (the island).
 */
import { orderedSteps } from '../case-file/case-model';
import type { CaseFile, CaseStep } from '../case-file/case-schema';
import { isIsoDate } from '../work-calendar';
import type { OutcomeEntry, Resolution, Satisfaction, TemplateRef } from './outcome-log';

/** One mail of one case, with the case it belongs to (for links and the CSV's 事项). */
export interface CaseOutcome extends OutcomeEntry {
  caseId: string;
  caseTitle: string;
  /** The mail step's id within its case. */
  stepId: string;
}

const RESOLUTION: Record<Extract<CaseStep, { kind: 'reply' }>['result'], Resolution> = {
  resolved: 'yes',
  rejected: 'no',
  pending: 'pending',
};
const RESOLUTION_WORDS: Record<string, Resolution> = { 已解决: 'yes', 未解决: 'no', 处理中: 'pending' };

/** What case-migration.ts's entryNotes wrote about one old entry. */
export interface LegacyFacts {
  sent: string;
  firstReply?: string;
  resolved?: Resolution;
  template?: TemplateRef;
  satisfaction?: Satisfaction;
  note?: string;
}

/** How case-migration.ts's reply steps begin their note. */
const MIGRATED_REPLY = '从效果记录迁移';
const LEGACY_HEAD = /^效果记录 (\d{4}-\d{2}-\d{2}) 发出的邮件：/;
const OUT_OF_RANGE = '；日期超出案卷可记的范围（2004–2099 年），只记在备注里';

/**
 * The old entries' lines in a migrated case's notes. A line starts 「效果记录 <date> 发出的邮件：」;
 * an old note may hold line breaks, so a line runs until the next such start. The note comes
 * last in a line: what precedes it is the migration's own wording, read first.
 */
export function legacyFacts(notes: string): LegacyFacts[] {
  return notes.split(/\n(?=效果记录 \d{4}-\d{2}-\d{2} 发出的邮件：)/).flatMap((line) => {
    const head = LEGACY_HEAD.exec(line);
    if (!head) return [];
    const noteAt = line.indexOf('；备注：');
    const own = noteAt < 0 ? line : line.slice(0, noteAt);
    const facts: LegacyFacts = { sent: head[1]! };
    const result = /结果 (已解决|未解决|处理中)/.exec(own);
    if (result) facts.resolved = RESOLUTION_WORDS[result[1]!]!;
    const replied = /；首次人工回复 (\d{4}-\d{2}-\d{2})/.exec(own);
    if (replied) facts.firstReply = replied[1]!;
    const template = /；模板 (.+?)（第 (\d+) 版）/.exec(own);
    if (template) facts.template = { id: template[1]!, revision: Number(template[2]) };
    const score = /；满意度 ([1-5])\/5/.exec(own);
    if (score) facts.satisfaction = Number(score[1]) as Satisfaction;
    if (noteAt >= 0) {
      const note = line.slice(noteAt + '；备注：'.length);
      facts.note = note.endsWith(OUT_OF_RANGE) ? note.slice(0, -OUT_OF_RANGE.length) : note;
    }
    return [facts];
  });
}

/** The first unused line about a mail sent on `date` (mails of one day in the order migrated). */
function takeFacts(facts: (LegacyFacts | null)[], date: string): LegacyFacts | undefined {
  const index = facts.findIndex((fact) => fact?.sent === date);
  if (index < 0) return undefined;
  const found = facts[index]!;
  facts[index] = null;
  return found;
}

/** The observations of one case, its mails oldest first. */
function caseOutcomes(caseFile: CaseFile): CaseOutcome[] {
  const steps = orderedSteps(caseFile);
  const migrated = caseFile.migratedFrom === '效果记录';
  const facts: (LegacyFacts | null)[] = migrated ? legacyFacts(caseFile.notes) : [];
  const outcomes: CaseOutcome[] = [];
  steps.forEach((step, index) => {
    if (step.kind !== 'mail') return;
    const replies: Extract<CaseStep, { kind: 'reply' }>[] = [];
    for (const later of steps.slice(index + 1)) {
      if (later.kind === 'mail') break;
      // The migration's own reply steps: the old entry's line says which mail each answered.
      if (later.kind === 'reply' && !(migrated && later.note?.startsWith(MIGRATED_REPLY)))
        replies.push(later);
    }
    const fact = takeFacts(facts, step.date);
    const last = replies.at(-1);
    const firstReply = fact?.firstReply ?? replies[0]?.date;
    const outcome: CaseOutcome = {
      id: `${caseFile.id}:${step.id}`,
      requestType: caseFile.caseType,
      matter: caseFile.id,
      sent: step.date,
      // With no reply recorded since, the old entry's own result (it could be 已解决 without a reply date).
      resolved: last ? RESOLUTION[last.result] : (fact?.resolved ?? 'pending'),
      caseId: caseFile.id,
      caseTitle: caseFile.title,
      stepId: step.id,
    };
    if (firstReply && firstReply >= step.date) outcome.firstReply = firstReply;
    const template = step.template ?? fact?.template;
    if (template) outcome.template = { id: template.id, revision: template.revision };
    if (fact?.satisfaction) outcome.satisfaction = fact.satisfaction;
    const note = fact ? fact.note : step.note;
    if (note) outcome.note = note;
    outcomes.push(outcome);
  });
  return outcomes;
}

/** Every mail of every case as one observation, cases in the shelf's order. */
export function casesToOutcomes(cases: readonly CaseFile[]): CaseOutcome[] {
  return cases.flatMap(caseOutcomes);
}

/**
 * Whether a shelf entry has the fields this reading relies on (the shelf is checked only by its
 * shape on load; the case file names the unreadable ones). A case failing this is left out.
 */
export function looksLikeCase(value: unknown): value is CaseFile {
  if (typeof value !== 'object' || value === null) return false;
  const caseFile = value as Partial<CaseFile>;
  return (
    typeof caseFile.id === 'string' &&
    typeof caseFile.caseType === 'string' &&
    typeof caseFile.title === 'string' &&
    typeof caseFile.notes === 'string' &&
    Array.isArray(caseFile.steps) &&
    caseFile.steps.every(
      (step: unknown) =>
        typeof step === 'object' &&
        step !== null &&
        typeof (step as CaseStep).id === 'string' &&
        typeof (step as CaseStep).kind === 'string' &&
        typeof (step as CaseStep).date === 'string' &&
        isIsoDate((step as CaseStep).date) &&
        ((step as CaseStep).kind !== 'reply' ||
          Object.hasOwn(RESOLUTION, (step as Extract<CaseStep, { kind: 'reply' }>).result)),
    )
  );
}
