/**
 * The list of <outcome-tracker>: one row per mail of the case file, newest first, each linking
 * to its case in /tools/case/ (where it is edited or deleted: this view changes nothing).
 */
import { RESOLUTION_LABELS, type OutcomeSummary } from '../../lib/outcomes/outcome-summary';
import type { CaseOutcome } from '../../lib/outcomes/case-outcomes';
import { el } from '../shared/dom';
import type { Labels } from './outcome-labels';

/** One mail as a table row; `workingDays` is its reply time, if it has one. */
function logRow(
  mail: CaseOutcome,
  labels: Labels,
  caseUrl: string,
  workingDays: number | undefined,
): HTMLTableRowElement {
  return el(
    'tr',
    { 'data-id': mail.id },
    el('td', { 'data-col': 'sent' }, mail.sent),
    el('td', { 'data-col': 'type' }, labels.type(mail.requestType)),
    el(
      'td',
      { 'data-col': 'case' },
      el('a', { href: `${caseUrl}#case=${encodeURIComponent(mail.caseId)}` }, mail.caseTitle),
    ),
    el('td', { 'data-col': 'reply' }, mail.firstReply ?? '未回复'),
    el(
      'td',
      { 'data-col': 'days', 'data-number': '' },
      workingDays === undefined ? '—' : String(workingDays),
    ),
    el('td', { 'data-col': 'resolved' }, RESOLUTION_LABELS[mail.resolved]),
  );
}

/** Newest sending date first; on the same day, the later in the shelf first. */
function newestFirst(mails: readonly CaseOutcome[]): CaseOutcome[] {
  return mails
    .map((mail, position) => ({ mail, position }))
    .sort((a, b) =>
      a.mail.sent !== b.mail.sent ? (a.mail.sent < b.mail.sent ? 1 : -1) : b.position - a.position,
    )
    .map(({ mail }) => mail);
}

/** Draws the list and its count; the rows are rebuilt on every change of the shelf. */
export function renderLog(
  root: HTMLElement,
  mails: readonly CaseOutcome[],
  summary: OutcomeSummary,
  labels: Labels,
) {
  const q = (selector: string) => root.querySelector<HTMLElement>(selector)!;
  const caseUrl = root.dataset.caseUrl!;
  q('[data-log-body]').replaceChildren(
    ...newestFirst(mails).map((mail) => logRow(mail, labels, caseUrl, summary.replyDays[mail.id])),
  );
  q('[data-count]').textContent = `（${mails.length} 封）`;
  q('[data-empty]').hidden = mails.length > 0;
  q('[data-log-wrap]').hidden = mails.length === 0;
}
