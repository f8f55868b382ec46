/**
 * China's working-day calendar: weekends, the State Council's public holidays and the
 * make-up working days (调休上班), from the chinese-days dataset (its JSON, maintained from
 * the State Council notices). Dates are plain `YYYY-MM-DD` strings and all arithmetic is in
 * UTC, so the answer never depends on the device's time zone. (chinese-days' own functions
 * read weekdays in the local zone and call a Saturday a working day west of UTC.)
 * For a year the dataset does not cover, the statutory holidays of 《全国年节及纪念日放假办法》
 * (statutory-holidays.ts) are given as a fallback: never working days, though still unpublished.
 */

/** The shape of chinese-days/dist/chinese-days.json: date → "English,中文,days". */
export interface HolidayDataset {
  holidays: Record<string, string>;
  workdays: Record<string, string>;
}

export type DayKind = 'workday' | 'weekend' | 'holiday' | 'makeup';

export interface DayInfo {
  date: string;
  /** 0 Sunday … 6 Saturday. */
  weekday: number;
  kind: DayKind;
  /** Whether people work that day: workdays and make-up days. */
  working: boolean;
  /** The holiday (国庆节 …) for holidays and make-up days. */
  festival: string | null;
  /** False when the year's holiday arrangement is not in the data: weekdays are then guessed. */
  published: boolean;
}

const DAY_MS = 24 * 60 * 60 * 1000;

const toUtc = (date: string) => Date.parse(`${date}T00:00:00Z`);
const fromUtc = (ms: number) => new Date(ms).toISOString().slice(0, 10);

/** `date` moved by `days` calendar days. */
export const addDays = (date: string, days: number) => fromUtc(toUtc(date) + days * DAY_MS);

export const DAY_KIND_LABELS: Record<DayKind, string> = {
  workday: '工作日',
  weekend: '周末',
  holiday: '节假日',
  makeup: '调休上班',
};

export const WEEKDAY_NAMES = ['周日', '周一', '周二', '周三', '周四', '周五', '周六'] as const;

const festivalOf = (entry: string | undefined) => (entry ? (entry.split(',')[1] ?? entry) : null);

/**
 * The dataset cut down to what WorkCalendar reads: the holidays and make-up working days, each
 * with the festival's Chinese name only (chinese-days also carries English names, day counts and
 * the 调休 days off).
 */
export function compactHolidays(dataset: HolidayDataset): HolidayDataset {
  const compact = (days: Record<string, string>) =>
    Object.fromEntries(Object.entries(days).map(([date, entry]) => [date, festivalOf(entry) ?? entry]));
  return { holidays: compact(dataset.holidays), workdays: compact(dataset.workdays) };
}

/**
 * The arrangement as one short string, for a page to hand to its islands as data (an attribute
 * with nothing to escape, a tenth of the JSON, instead of the dataset in their JavaScript): runs
 * of consecutive days of one kind and festival, separated by `;`. `H20261001+6国庆节` is a holiday
 * from 2026-10-01 and the 6 days after it, `W20261010国庆节` one make-up working day.
 * decodeHolidays(encodeHolidays(data)) equals compactHolidays(data).
 */
export function encodeHolidays(dataset: HolidayDataset): string {
  const runs: string[] = [];
  const compact = compactHolidays(dataset);
  for (const [kind, days] of [
    ['H', compact.holidays],
    ['W', compact.workdays],
  ] as const) {
    const dates = Object.keys(days).sort();
    for (let start = 0; start < dates.length;) {
      const festival = days[dates[start]!]!;
      if (!/^[^;\d+][^;]*$/.test(festival)) throw new Error(`节日名称无法编码：${festival}`);
      let end = start;
      while (
        end + 1 < dates.length &&
        dates[end + 1] === addDays(dates[end]!, 1) &&
        days[dates[end + 1]!] === festival
      )
        end += 1;
      runs.push(
        `${kind}${dates[start]!.replaceAll('-', '')}${end > start ? `+${end - start}` : ''}${festival}`,
      );
      start = end + 1;
    }
  }
  return runs.join(';');
}

/** The dataset back from encodeHolidays; a malformed string is an error naming the bad part. */
export function decodeHolidays(text: string): HolidayDataset {
  const dataset: HolidayDataset = { holidays: {}, workdays: {} };
  if (text === '') return dataset;
  for (const run of text.split(';')) {
    const match = /^([HW])(\d{4})(\d{2})(\d{2})(?:\+(\d{1,3}))?([^;\d+][^;]*)$/.exec(run);
    const first = match && `${match[2]}-${match[3]}-${match[4]}`;
    if (!match || !first || !isIsoDate(first))
      throw new Error(`节假日数据有一段无法读取：“${run.slice(0, 40)}”`);
    const days = match[1] === 'H' ? dataset.holidays : dataset.workdays;
    for (let offset = 0, date = first; offset <= Number(match[5] ?? 0); offset += 1, date = addDays(date, 1))
      days[date] = match[6]!;
  }
  return dataset;
}

export class WorkCalendar {
  readonly #holidays: Record<string, string>;
  readonly #workdays: Record<string, string>;
  /** Per year, built on first use: working days from 1 January up to and including each day. */
  readonly #yearTables = new Map<number, Int32Array>();
  /** Years whose arrangement is published (every year has holidays, so the keys tell). */
  readonly years: ReadonlySet<number>;

  constructor(dataset: HolidayDataset, statutory: Record<string, string> = {}) {
    // `statutory` holds only years the dataset lacks (fallbackHolidays leaves the others out), so
    // it can sit beside the dataset's holidays; `years` still names the published years alone.
    // (Not filtered here: the outcome tracker's first-load budget has no room for it.)
    this.#holidays = { ...statutory, ...dataset.holidays };
    this.#workdays = dataset.workdays;
    this.years = new Set(Object.keys(dataset.holidays).map((date) => Number(date.slice(0, 4))));
  }

  /** The last year with a published arrangement. */
  get lastYear(): number {
    return Math.max(...this.years);
  }

  day(date: string): DayInfo {
    const weekday = new Date(toUtc(date)).getUTCDay();
    const published = this.years.has(Number(date.slice(0, 4)));
    if (date in this.#workdays)
      return {
        date,
        weekday,
        kind: 'makeup',
        working: true,
        festival: festivalOf(this.#workdays[date]),
        published,
      };
    if (date in this.#holidays)
      return {
        date,
        weekday,
        kind: 'holiday',
        working: false,
        festival: festivalOf(this.#holidays[date]),
        published,
      };
    const weekend = weekday === 0 || weekday === 6;
    return {
      date,
      weekday,
      kind: weekend ? 'weekend' : 'workday',
      working: !weekend,
      festival: null,
      published,
    };
  }

  /** The `n`-th working day after `date` (`date` itself not counted); n ≥ 1. */
  workdayAfter(date: string, n: number): string {
    let current = date;
    for (let counted = 0; counted < n;) {
      current = addDays(current, 1);
      if (this.day(current).working) counted += 1;
    }
    return current;
  }

  /** Every day from `start` to `end`, both included. */
  range(start: string, end: string): DayInfo[] {
    const days: DayInfo[] = [];
    for (let current = start; current <= end; current = addDays(current, 1)) days.push(this.day(current));
    return days;
  }

  /**
   * Working days after `from` up to and including `to`: 0 for the same day, n when `to` is
   * workdayAfter(from, n), negative when `to` is earlier. Years without a published arrangement
   * count Monday to Friday except statutory holidays, as day() does (unpublishedYears names them). Each year a span touches
   * is tabulated once, so a long log costs a lookup per span, not a walk over its days.
   */
  workdaysBetween(from: string, to: string): number {
    // 0 - n rather than -n: a span without working days counts 0 either way, never -0.
    if (to < from) return 0 - this.workdaysBetween(to, from);
    const toYear = Number(to.slice(0, 4));
    let count = this.#workdaysThisYear(to) - this.#workdaysThisYear(from);
    for (let year = Number(from.slice(0, 4)); year < toYear; year += 1)
      count += this.#yearTable(year).at(-1)!;
    return count;
  }

  /** The years from `from`'s to `to`'s whose arrangement is not published: their days are guessed. */
  unpublishedYears(from: string, to: string): number[] {
    const years: number[] = [];
    for (let year = Number(from.slice(0, 4)); year <= Number(to.slice(0, 4)); year += 1)
      if (!this.years.has(year)) years.push(year);
    return years;
  }

  #yearTable(year: number): Int32Array {
    let table = this.#yearTables.get(year);
    if (!table) {
      const first = toUtc(`${String(year).padStart(4, '0')}-01-01`);
      const length = (toUtc(`${String(year + 1).padStart(4, '0')}-01-01`) - first) / DAY_MS;
      table = new Int32Array(length);
      for (let i = 0; i < length; i += 1)
        table[i] = (i > 0 ? table[i - 1]! : 0) + (this.day(fromUtc(first + i * DAY_MS)).working ? 1 : 0);
      this.#yearTables.set(year, table);
    }
    return table;
  }

  /** Working days from 1 January of the date's year up to and including the date. */
  #workdaysThisYear(date: string): number {
    const dayOfYear = (toUtc(date) - toUtc(`${date.slice(0, 4)}-01-01`)) / DAY_MS;
    return this.#yearTable(Number(date.slice(0, 4)))[dayOfYear]!;
  }
}

/** Whether a string is a real `YYYY-MM-DD` date. */
export const isIsoDate = (text: string) => {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(text)) return false;
  // A month or day out of range (2026-13-01) parses as NaN, which toISOString would throw on.
  const ms = toUtc(text);
  return !Number.isNaN(ms) && fromUtc(ms) === text;
};
