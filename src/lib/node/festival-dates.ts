/**
 * The moving statutory holidays (正月初一, 清明, 端午, 中秋) of each year, from chinese-days' own
 * lunar and solar-term functions, for the build and ksmail; the browser gets the result as data.
 *
 * Why the time zone is pinned: chinese-days formats its answers from local dates (dayjs), and on a
 * machine west of UTC it is a day off — in America/Los_Angeles getSolarDateFromLunar('2027-01-01')
 * gives 2027-02-07 and getSolarTermDate(2027, 4, 'pure_brightness') 2027-04-04 (UTC: 02-06, 04-05).
 * Node reads process.env.TZ on every change, so the calls run in UTC and the zone is restored.
 * The result is checked against the published arrangements the dataset holds: a library whose lunar
 * dates disagree with the State Council's own holidays fails here, not in someone's plan.
 */
import holidayData from 'chinese-days/dist/chinese-days.json' with { type: 'json' };
// The default export: chinese-days' `main` is a CommonJS bundle whose named exports Node's ESM
// loader cannot see (ksmail), while Vite takes its `module` build; both have the default object.
import chineseDays from 'chinese-days';
import { CALENDAR_YEARS } from '../follow-up/follow-up-plan';
import { encodeFestivalDates, fallbackHolidays, type FestivalDates } from '../statutory-holidays';
import type { HolidayDataset } from '../work-calendar';

function inUtc<T>(compute: () => T): T {
  const zone = process.env.TZ;
  process.env.TZ = 'UTC';
  try {
    return compute();
  } finally {
    if (zone === undefined) delete process.env.TZ;
    else process.env.TZ = zone;
  }
}

const pad = (year: number) => String(year).padStart(4, '0');

/** One year's moving dates. */
function festivalDatesOf(year: number): FestivalDates {
  const { getSolarDateFromLunar, getSolarTermDate } = chineseDays;
  return {
    year,
    springFestival: getSolarDateFromLunar(`${pad(year)}-01-01`).date,
    qingming: getSolarTermDate(year, 4, 'pure_brightness'),
    dragonBoat: getSolarDateFromLunar(`${pad(year)}-05-05`).date,
    midAutumn: getSolarDateFromLunar(`${pad(year)}-08-15`).date,
  };
}

/**
 * 清明, 端午 and 中秋 became holidays in 2008; the dataset leaves out 2012-06-23 (端午, a Saturday
 * inside 22–24 June), so the check starts the year after.
 */
const FIRST_CHECKED_YEAR = 2013;

/**
 * Dates of `list` that a year the dataset covers does not call a holiday: empty when the lunar
 * functions agree with the published arrangements.
 */
export function festivalMismatches(list: readonly FestivalDates[], dataset: HolidayDataset): string[] {
  const covered = new Set(Object.keys(dataset.holidays).map((date) => Number(date.slice(0, 4))));
  return list
    .filter((dates) => dates.year >= FIRST_CHECKED_YEAR && covered.has(dates.year))
    .flatMap((dates) =>
      [dates.springFestival, dates.qingming, dates.dragonBoat, dates.midAutumn].filter(
        (date) => !(date in dataset.holidays),
      ),
    );
}

/** The moving dates of the years `from` to `to`, computed afresh (unchecked, uncached). */
export function computeFestivalDates(from: number, to: number): FestivalDates[] {
  return inUtc(() => {
    const years: FestivalDates[] = [];
    for (let year = from; year <= to; year += 1) years.push(festivalDatesOf(year));
    return years;
  });
}

let cached: FestivalDates[] | undefined;

/**
 * Every year's moving dates from CALENDAR_YEARS.first to the year after the last (a plan sent at
 * the end of 2099 reaches into 2100). Throws in Chinese when the check against the dataset fails.
 */
export function festivalDates(): FestivalDates[] {
  if (cached) return cached;
  const list = computeFestivalDates(CALENDAR_YEARS.first, CALENDAR_YEARS.last + 1);
  const mismatches = festivalMismatches(list, holidayData);
  if (mismatches.length > 0)
    throw new Error(
      `chinese-days 的农历换算与国务院已公布的放假安排不一致：${mismatches.slice(0, 5).join('、')} 不是节假日。请检查 chinese-days 的版本。`,
    );
  cached = list;
  return list;
}

/** The fallback holidays for the installed dataset: statutory holidays of the years it lacks. */
export const installedFallbackHolidays = (dataset: HolidayDataset = holidayData) =>
  fallbackHolidays(festivalDates(), dataset);

/**
 * The page data for an island's calendar: the statutory holidays of the years the installed
 * arrangement does not cover (a newer chinese-days shortens this by itself), encoded.
 */
export function uncoveredFestivalData(): string {
  const covered = new Set(Object.keys(holidayData.holidays).map((date) => Number(date.slice(0, 4))));
  return encodeFestivalDates(festivalDates().filter((dates) => !covered.has(dates.year)));
}
