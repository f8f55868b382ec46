/**
 * Clocks as data (src/content/data/clocks.yaml): every period that runs on a matter — the
 * article's 3-5-7 cadence and table 6's reply windows (原文称), the legal clocks quoted from the
 * statute registry, and clocks that complaint platforms publish (second-hand). Each clock says what
 * it counts (calendar days, working days or hours), how many, what starts it and on what basis,
 * and carries self-testing examples (start → due) that run whenever the data loads, so a wrong
 * calendar or a wrong figure fails the build and ksmail, not a reader's plan.
 *
 * Not the planner (follow-up-plan.ts) and not the case file: this is the list and the arithmetic
 * of one clock from one start.
 */
import { z } from 'zod';
import { isRealDate, shanghaiDateTime } from '../shanghai-time';
import { UNPUBLISHED_NOTICE } from '../statutory-holidays';
import { addDays, type WorkCalendar } from '../work-calendar';
import { CALENDAR_YEARS } from './follow-up-plan';

const id = z.string().regex(/^[a-z0-9][a-z0-9-]*$/, 'id 只能由小写字母、数字和连字符组成');

export const clockCounts = ['calendarDays', 'workingDays', 'hours'] as const;
export type ClockCounts = (typeof clockCounts)[number];
export const CLOCK_COUNT_LABELS: Record<ClockCounts, string> = {
  calendarDays: '自然日',
  workingDays: '工作日',
  hours: '小时',
};

/** Where a clock's figure comes from: the article (原文称), a registry article, or a platform's own words. */
export const clockBasisSchema = z.discriminatedUnion('kind', [
  z
    .object({
      kind: z.literal('article'),
      /** The article's words (原文称, unconfirmed). */
      quote: z.string().min(1),
      /** Where in the article: 表6 … */
      where: z.string().min(1),
    })
    .strict(),
  z
    .object({
      kind: z.literal('law'),
      lawId: id,
      /** An exact piece of one paragraph of the registry's text (checked at load). */
      quote: z.string().min(4),
    })
    .strict(),
  z
    .object({
      kind: z.literal('published'),
      /** Who publishes it and where we read it. */
      title: z.string().min(1),
      /** The platform's words, or our paraphrase when `quoted` is false. */
      statement: z.string().min(1),
      quoted: z.boolean(),
      /** Read in a copy or a report, not on the platform's own page. */
      secondHand: z.boolean(),
      /** The research note it comes from. */
      note: z.string().min(1),
    })
    .strict(),
]);

export const clockExampleSchema = z
  .object({
    /** YYYY-MM-DD, or a Beijing date-time YYYY-MM-DDTHH:mm for an hours clock. */
    start: z.string().min(10),
    due: z.string().min(10),
  })
  .strict();

export const clockSchema = z
  .object({
    id,
    name: z.string().min(1),
    group: z.enum(['cadence', 'reply-window', 'legal', 'platform']),
    basis: clockBasisSchema,
    counts: z.enum(clockCounts),
    length: z.number().int().positive(),
    /** What starts the clock (the start day itself is not counted). */
    startsWhen: z.string().min(1),
    /** A reply window: the table 6 row (follow-ups.yaml) whose commitment it is. */
    followUpRow: id.optional(),
    /** What we add or could not check (编辑补充). */
    note: z.string().min(1).optional(),
    /**
     * The case types (request-routes.yaml ids) a case-file step may start this clock on, or
     * `all`; absent: a clock the case file does not offer (the cadence and reply windows run from
     * a mail by themselves). Editorial (编辑补充); ids are checked against the routes.
     */
    caseTypes: z.union([z.literal('all'), z.array(id).min(1)]).optional(),
    examples: z.array(clockExampleSchema).min(1),
  })
  .strict();

export type Clock = z.infer<typeof clockSchema>;
export type ClockBasis = z.infer<typeof clockBasisSchema>;

export class ClockInputError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'ClockInputError';
  }
}

export interface ClockDue {
  /** YYYY-MM-DD, or YYYY-MM-DDTHH:mm (Beijing) for an hours clock. */
  start: string;
  due: string;
  /** Years the count crossed whose holiday arrangement is not published. */
  unpublishedYears: number[];
  notices: string[];
}

/** Reads a start: `YYYY-MM-DD`, or `YYYY-MM-DDTHH:mm` (Beijing time), within 2004–2099. */
function readStart(text: string, hours: boolean): { date: string; time: string } {
  const match = /^(\d{4}-\d{2}-\d{2})(?:[T ](\d{2}):(\d{2}))?$/.exec(text.trim());
  if (!match || !isRealDate(match[1]!))
    throw new ClockInputError(
      `起算日期格式不对：“${text}”。请写成 2026-11-30${hours ? '，或带时刻的 2026-11-30T10:00（北京时间）' : ''}。`,
    );
  const year = Number(match[1]!.slice(0, 4));
  if (year < CALENDAR_YEARS.first || year > CALENDAR_YEARS.last)
    throw new ClockInputError(
      `起算日期的年份 ${year} 超出了可以推算的范围：只能推算 ${CALENDAR_YEARS.first}–${CALENDAR_YEARS.last} 年之间的日期。`,
    );
  if (match[2] !== undefined && (Number(match[2]) > 23 || Number(match[3]) > 59))
    throw new ClockInputError(`起算时刻不存在：${match[2]}:${match[3]}。`);
  return { date: match[1]!, time: match[2] === undefined ? '00:00' : `${match[2]}:${match[3]}` };
}

/**
 * When `clock` runs out from `start`: calendar days and working days from the day after the start
 * (the start day is not counted, as the planner counts), hours from the start's moment.
 */
export function clockDue(
  clock: Pick<Clock, 'counts' | 'length'>,
  start: string,
  calendar: WorkCalendar,
): ClockDue {
  const { date, time } = readStart(start, clock.counts === 'hours');
  if (clock.counts === 'hours') {
    const instant = Date.parse(`${date}T${time}:00+08:00`) + clock.length * 3_600_000;
    return {
      start: `${date}T${time}`,
      due: shanghaiDateTime(instant).replace(' ', 'T'),
      unpublishedYears: [],
      notices: [],
    };
  }
  const due =
    clock.counts === 'calendarDays' ? addDays(date, clock.length) : calendar.workdayAfter(date, clock.length);
  // Calendar days do not care about 调休; working days across an unpublished year do.
  const unpublishedYears = clock.counts === 'workingDays' ? calendar.unpublishedYears(date, due) : [];
  return {
    start: date,
    due,
    unpublishedYears,
    notices: unpublishedYears.map(
      (year) =>
        `${year} 年的${UNPUBLISHED_NOTICE}：本站按《全国年节及纪念日放假办法》的法定节假日和周一至周五推算，国务院公布安排后请重新核对。`,
    ),
  };
}

/** The basis in one line, with its mark: 原文称 for the article, the law, or the platform (二手). */
export function basisText(basis: ClockBasis, lawName?: (lawId: string) => string | undefined): string {
  switch (basis.kind) {
    case 'article':
      return `原文称：“${basis.quote}”（${basis.where}，未经证实）`;
    case 'law':
      return `${lawName?.(basis.lawId) ?? basis.lawId}：“${basis.quote}”`;
    case 'published':
      return `${basis.title}${basis.quoted ? `：“${basis.statement}”` : `（转述）：${basis.statement}`}${basis.secondHand ? '（二手资料，本站未在平台页面核实）' : ''}`;
  }
}

/**
 * The mark a clock's figure carries wherever it is shown alone (a calendar's title): 原文称 for
 * the article's figures, 二手资料 for a platform's words read only in a copy or a report; none
 * for the statute registry's text or a platform's own page.
 */
export function clockMark(basis: ClockBasis): '原文称' | '二手资料' | undefined {
  if (basis.kind === 'article') return '原文称';
  return basis.kind === 'published' && basis.secondHand ? '二手资料' : undefined;
}

/**
 * Every example of every clock that does not come out as written, in Chinese; empty when all
 * hold. Run wherever clocks.yaml loads, with the calendar the tools use.
 */
export function clockExampleProblems(clocks: readonly Clock[], calendar: WorkCalendar): string[] {
  return clocks.flatMap((clock) =>
    clock.examples.flatMap((example) => {
      let due: string;
      try {
        due = clockDue(clock, example.start, calendar).due;
      } catch (error) {
        return [`时钟 ${clock.id} 的例子 ${example.start} 无法计算：${(error as Error).message}`];
      }
      return due === example.due
        ? []
        : [`时钟 ${clock.id} 的例子不成立：从 ${example.start} 起算应到 ${due}，数据写的是 ${example.due}`];
    }),
  );
}
