/**
 * China's working-day calendar: weekends, the State Council's public holidays and the
 * make-up working days (调休上班), from the chinese-days dataset (its JSON, maintained from
 * the State Council notices). Dates are plain `YYYY-MM-DD` strings and all arithmetic is in
 * UTC, so the answer never depends on the device's time zone. (chinese-days' own functions
 * read weekdays in the local zone and call a Saturday a working day west of UTC.)
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

export class WorkCalendar {
  readonly #holidays: Record<string, string>;
  readonly #workdays: Record<string, string>;
  /** Years whose arrangement is published (every year has holidays, so the keys tell). */
  readonly years: ReadonlySet<number>;

  constructor(dataset: HolidayDataset) {
    this.#holidays = dataset.holidays;
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
}

/** Whether a string is a real `YYYY-MM-DD` date. */
export const isIsoDate = (text: string) => /^\d{4}-\d{2}-\d{2}$/.test(text) && fromUtc(toUtc(text)) === text;
