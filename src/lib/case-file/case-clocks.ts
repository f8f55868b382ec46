/**
 * The legal and published clocks a case can start (clocks.yaml, groups `legal` and `platform`):
 * which of them fit a case type, and — for a case whose steps say which clock they started — each
 * running clock's due date on the working-day calendar, its counting and its basis. The article's
 * cadence and table 6's reply windows are not here: the follow-up plan runs those from each mail
 * (case-next.ts).
 *
 * Pure: the clocks come in as data (built into the page by CaseFile.astro), the calendar and
 * today's date are passed in. Not the arithmetic of one clock (follow-up/clocks.ts clockDue).
 */
import {
  basisText,
  clockDue,
  clockMark,
  CLOCK_COUNT_LABELS,
  type Clock,
  type ClockCounts,
} from '../follow-up/clocks';
import type { ClockReminder } from '../follow-up/follow-up-ics';
import type { WorkCalendar } from '../work-calendar';
import type { CaseFile } from './case-schema';
import { orderedSteps } from './case-model';

/** One clock as the case file carries it: its figures, what starts it, and its basis in words. */
export interface CaseClock {
  id: string;
  name: string;
  counts: ClockCounts;
  length: number;
  startsWhen: string;
  /** basisText: the law quoted, or the platform's words (second-hand marked). */
  basis: string;
  /** 原文称 or 二手资料 when the basis is so (clockMark). */
  mark?: string | undefined;
  note?: string | undefined;
  caseTypes: readonly string[] | 'all';
}

/** The clocks a case can start, from clocks.yaml (build time). */
export function caseClocks(
  clocks: readonly Clock[],
  lawName?: (lawId: string) => string | undefined,
): CaseClock[] {
  return clocks.flatMap((clock) => {
    // Which case types may start it is data (clocks.yaml `caseTypes`); the rest run from a mail.
    const { caseTypes } = clock;
    if (!caseTypes || clock.counts === 'hours') return [];
    const { id, name, counts, length, startsWhen, note } = clock;
    const [basis, mark] = [basisText(clock.basis, lawName), clockMark(clock.basis)];
    return [{ id, name, counts, length, startsWhen, basis, ...(mark ? { mark } : {}), note, caseTypes }];
  });
}

export const clocksForType = (clocks: readonly CaseClock[], caseType: string) =>
  clocks.filter((clock) => clock.caseTypes === 'all' || clock.caseTypes.includes(caseType));

export interface RunningClock {
  stepId: string;
  /** The clock, or null when the step names a clock this version of the site does not have. */
  clock: CaseClock | null;
  clockId: string;
  start: string;
  /** YYYY-MM-DD, or null when it cannot be counted (unknown clock, a start outside 2004–2099). */
  due: string | null;
  countsLabel: string;
  /** The due day is over (today is after it). */
  passed: boolean;
  /** 「20xx 年的调休安排未公布，日期可能变动：…」 for each year without published data. */
  notices: string[];
  problem?: string;
}

/** Every clock the case's steps started, oldest step first. */
export function runningClocks(
  caseFile: Pick<CaseFile, 'steps'>,
  clocks: readonly CaseClock[],
  calendar: WorkCalendar,
  today: string,
): RunningClock[] {
  return orderedSteps(caseFile).flatMap((step): RunningClock[] => {
    if (!step.clock) return [];
    const clock = clocks.find((candidate) => candidate.id === step.clock) ?? null;
    const base = { stepId: step.id, clock, clockId: step.clock, start: step.date };
    if (!clock)
      return [
        {
          ...base,
          due: null,
          countsLabel: '',
          passed: false,
          notices: [],
          problem: `本站的数据里没有“${step.clock}”这个时钟（可能来自其他版本），无法推算。`,
        },
      ];
    try {
      const { due, notices } = clockDue(clock, step.date, calendar);
      return [{ ...base, due, countsLabel: CLOCK_COUNT_LABELS[clock.counts], passed: today > due, notices }];
    } catch (problem) {
      return [
        {
          ...base,
          due: null,
          countsLabel: '',
          passed: false,
          notices: [],
          problem: (problem as Error).message,
        },
      ];
    }
  });
}

/**
 * A waiting next step with no date of its own (a reply said 处理中; a channel without a stated
 * time) takes the date of the earliest clock still running on the case — 电子商务法第四十三条's
 * 15 days after a counter-notice reached the rights holder, say — and says which clock it is.
 * Any other next step is returned as it was.
 */
export function withRunningClock<
  T extends { kind: string; due: string | null; detail: string; dueNow: boolean },
>(next: T, running: readonly RunningClock[], today: string): T {
  if (next.kind !== 'wait' || next.due !== null) return next;
  const open = running
    .filter((item) => item.clock && item.due && !item.passed)
    .sort((a, b) => (a.due! < b.due! ? -1 : a.due! > b.due! ? 1 : 0))[0];
  if (!open) return next;
  const due = open.due!;
  const [year, month, day] = due.split('-').map(Number);
  const detail = `${next.detail} 正在计时：「${open.clock!.name}」${year} 年 ${month} 月 ${day} 日到期（${open.countsLabel}，见下方“时钟”）。`;
  return { ...next, due, detail, dueNow: due <= today };
}

/**
 * The clocks still running on a case as calendar events (follow-up-ics.ts clockEvents), each UID
 * made of the case, the step that started the clock and the clock. A clock already over, one
 * this version does not know, or one that cannot be counted gives no event.
 */
export function clockReminders(caseId: string, running: readonly RunningClock[]): ClockReminder[] {
  return running.flatMap((item) => {
    if (!item.clock || !item.due || item.passed) return [];
    const { id, name, counts, length, startsWhen, basis, mark, note } = item.clock;
    return [
      {
        uidStem: `case-${caseId}-${item.stepId}`,
        clockId: id,
        name,
        counts,
        length,
        start: item.start,
        due: item.due,
        startsWhen,
        basis,
        mark,
        note,
        notices: item.notices,
      },
    ];
  });
}
