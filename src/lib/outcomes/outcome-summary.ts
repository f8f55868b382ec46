/**
 * The figures of chapter 9 (效果评估) from a list of mails (outcome-log.ts's OutcomeEntry): reply
 * rate, median reply time in working days, resolution rate per matter, satisfaction, per request
 * type or per template revision. The definitions are in outcome-log.ts's opening comment. Pure:
 * the calendar is passed in. Not the checking of entries (outcome-log.ts) nor files.
 */
import type { WorkCalendar } from '../work-calendar';
import type { OutcomeEntry, Resolution } from './outcome-log';

export const RESOLUTION_LABELS: Record<Resolution, string> = {
  yes: '已解决',
  no: '未解决',
  pending: '处理中',
};

export type GroupBy = 'requestType' | 'template';

/** The group an entry falls in: its request type, or `template@revision` ('' without a template). */
export const groupKey = (entry: OutcomeEntry, groupBy: GroupBy) =>
  groupBy === 'requestType'
    ? entry.requestType
    : entry.template
      ? `${entry.template.id}@${entry.template.revision}`
      : '';

export interface GroupFigures {
  key: string;
  /** Mails sent. */
  sent: number;
  /** Mails with a human reply. */
  replied: number;
  unanswered: number;
  /** replied ÷ sent, 0–1; null without mails. */
  replyRate: number | null;
  /** Median of the replied mails' working days; null without replies. */
  medianReplyDays: number | null;
  /** Matters (事项): mails sharing a matter name count once. */
  matters: number;
  resolved: number;
  unresolved: number;
  pending: number;
  /** resolved + unresolved. */
  decided: number;
  /** resolved ÷ decided, 0–1; null when nothing is decided yet. */
  resolutionRate: number | null;
  satisfaction: { mean: number | null; count: number };
  /** Fewer than SMALL_SAMPLE mails: the ratios swing widely. */
  smallSample: boolean;
}

export interface OutcomeSummary {
  groupBy: GroupBy;
  groups: GroupFigures[];
  total: GroupFigures;
  /** Working days per replied entry id. */
  replyDays: Record<string, number>;
  /** Years outside the holiday data, and the like. */
  notices: string[];
}

/** Below this many mails a group's ratios are flagged (chapter: 10 mails, one reply = 10 points). */
export const SMALL_SAMPLE = 10;

/** Working days after the sending day up to the reply day (0 for a reply on the sending day). */
export function replyWorkingDays(entry: Pick<OutcomeEntry, 'sent' | 'firstReply'>, calendar: WorkCalendar) {
  if (!entry.firstReply) return null;
  return calendar.workdaysBetween(entry.sent, entry.firstReply);
}

export function median(values: readonly number[]): number | null {
  if (values.length === 0) return null;
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? sorted[middle]! : (sorted[middle - 1]! + sorted[middle]!) / 2;
}

/** Mails in a stable order: by sending date, then id (so figures do not depend on the log's order). */
const chronological = (a: OutcomeEntry, b: OutcomeEntry) =>
  a.sent < b.sent ? -1 : a.sent > b.sent ? 1 : a.id < b.id ? -1 : a.id > b.id ? 1 : 0;

function figures(key: string, entries: readonly OutcomeEntry[], days: Record<string, number>): GroupFigures {
  const sent = entries.length;
  const replied = entries.filter((entry) => entry.firstReply !== undefined);
  // A matter is resolved when any of its mails says so, otherwise it has its latest mail's result.
  const matters = new Map<string, OutcomeEntry[]>();
  for (const entry of [...entries].sort(chronological)) {
    const name = entry.matter !== undefined ? `m:${entry.matter}` : `id:${entry.id}`;
    const mails = matters.get(name);
    if (mails) mails.push(entry);
    else matters.set(name, [entry]);
  }
  let resolved = 0;
  let unresolved = 0;
  let pending = 0;
  const scores: number[] = [];
  for (const mails of matters.values()) {
    const outcome = mails.some((mail) => mail.resolved === 'yes') ? 'yes' : mails.at(-1)!.resolved;
    if (outcome === 'yes') resolved += 1;
    else if (outcome === 'no') unresolved += 1;
    else pending += 1;
    const scored = mails.filter((mail) => mail.satisfaction !== undefined).at(-1);
    if (scored) scores.push(scored.satisfaction!);
  }
  const decided = resolved + unresolved;
  return {
    key,
    sent,
    replied: replied.length,
    unanswered: sent - replied.length,
    replyRate: sent ? replied.length / sent : null,
    medianReplyDays: median(replied.map((entry) => days[entry.id]!)),
    matters: matters.size,
    resolved,
    unresolved,
    pending,
    decided,
    resolutionRate: decided ? resolved / decided : null,
    satisfaction: {
      mean: scores.length ? scores.reduce((sum, score) => sum + score, 0) / scores.length : null,
      count: scores.length,
    },
    smallSample: sent < SMALL_SAMPLE,
  };
}

/** The chapter's figures per request type or per template revision, and for all mails. */
export function summarize(
  entries: readonly OutcomeEntry[],
  calendar: WorkCalendar,
  groupBy: GroupBy,
): OutcomeSummary {
  // No prototype: an id such as "__proto__" is just a key.
  const replyDays: Record<string, number> = Object.create(null) as Record<string, number>;
  const unpublished = new Set<number>();
  for (const entry of entries) {
    if (entry.firstReply === undefined) continue;
    replyDays[entry.id] = calendar.workdaysBetween(entry.sent, entry.firstReply);
    for (const year of calendar.unpublishedYears(entry.sent, entry.firstReply)) unpublished.add(year);
  }

  const groups = new Map<string, OutcomeEntry[]>();
  for (const entry of entries) {
    const key = groupKey(entry, groupBy);
    const members = groups.get(key);
    if (members) members.push(entry);
    else groups.set(key, [entry]);
  }
  const notices: string[] = [];
  const years = [...unpublished].sort((a, b) => a - b);
  if (years.length > 0) {
    const range = [...calendar.years].sort((a, b) => a - b);
    notices.push(
      `${years.join('、')} 年不在节假日数据范围内（本站数据覆盖 ${range[0]}–${range.at(-1)} 年）：这些年份的用时暂按周一至周五是工作日推算，安排公布后请重新核对。`,
    );
  }
  return {
    groupBy,
    groups: [...groups.keys()].sort().map((key) => figures(key, groups.get(key)!, replyDays)),
    total: figures('', entries, replyDays),
    replyDays,
    notices,
  };
}
