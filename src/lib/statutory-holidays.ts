/**
 * The statutory holidays of 《全国年节及纪念日放假办法》 (2024 修订), for years the State
 * Council's arrangement (chinese-days' dataset) does not cover yet: 元旦 1 day, 春节 4 days
 * (农历除夕、正月初一至初三), 清明 1 day (the solar term), 劳动节 5月1日–2日, 端午 (五月初五),
 * 中秋 (八月十五), 国庆 10月1日–3日. Those days are never working days whatever the 调休 turns
 * out to be; which weekends become make-up days is not knowable before the notice, so a plan that
 * reaches such a year must say so (UNPUBLISHED_NOTICE).
 *
 * Not the lunar calculation: the four moving dates of each year come in as data (FestivalDates),
 * computed in Node from chinese-days' lunar functions (node/festival-dates.ts) and handed to the
 * browser as a short string, so no island carries a lunar calendar in its code.
 */
import { addDays, isIsoDate, type HolidayDataset } from './work-calendar';

/** The year's moving dates, each `YYYY-MM-DD`: 正月初一, the 清明 solar term, 五月初五, 八月十五. */
export interface FestivalDates {
  year: number;
  springFestival: string;
  qingming: string;
  dragonBoat: string;
  midAutumn: string;
}

/** The words every plan reaching a year without a published arrangement shows (issue 18). */
export const UNPUBLISHED_NOTICE = '调休安排未公布，日期可能变动';

/** The year's statutory holidays: date → festival name (the names chinese-days' dataset uses). */
export function statutoryHolidays(dates: FestivalDates): Record<string, string> {
  const y = String(dates.year).padStart(4, '0');
  const days: Record<string, string> = { [`${y}-01-01`]: '元旦' };
  // 除夕 is the day before 正月初一 (腊月 has 29 or 30 days, so "腊月三十" does not always exist).
  for (let offset = -1; offset <= 2; offset += 1) days[addDays(dates.springFestival, offset)] = '春节';
  days[dates.qingming] = '清明节';
  days[`${y}-05-01`] = '劳动节';
  days[`${y}-05-02`] = '劳动节';
  days[dates.dragonBoat] = '端午节';
  days[dates.midAutumn] = '中秋节';
  // 中秋 can fall on 1–3 October (2028, 2036 …): 国庆 keeps its three days, 中秋 its name.
  for (const day of ['01', '02', '03']) days[`${y}-10-${day}`] ??= '国庆节';
  return days;
}

const md = (date: string) => date.slice(5).replace('-', '');

/**
 * The table as one short attribute value: `2027:0206,0405,0609,0915;2028:…` (year, then 正月初一,
 * 清明, 端午, 中秋 as MMDD; 正月初一 can fall in January, the others stay in their year).
 */
export function encodeFestivalDates(list: readonly FestivalDates[]): string {
  return list
    .map(
      (dates) =>
        `${dates.year}:${[dates.springFestival, dates.qingming, dates.dragonBoat, dates.midAutumn].map(md).join(',')}`,
    )
    .join(';');
}

/** The table back from encodeFestivalDates; a malformed part is an error naming it. */
export function decodeFestivalDates(text: string): FestivalDates[] {
  if (text === '') return [];
  return text.split(';').map((part) => {
    const match = /^(\d{4}):(\d{4}),(\d{4}),(\d{4}),(\d{4})$/.exec(part);
    const year = match?.[1];
    const dates = match?.slice(2, 6).map((mmdd) => `${year}-${mmdd.slice(0, 2)}-${mmdd.slice(2)}`);
    if (!match || !dates || !dates.every(isIsoDate))
      throw new Error(`法定节假日数据有一段无法读取：“${part.slice(0, 40)}”`);
    const [springFestival, qingming, dragonBoat, midAutumn] = dates as [string, string, string, string];
    return { year: Number(year), springFestival, qingming, dragonBoat, midAutumn };
  });
}

/**
 * The statutory holidays of every year in `list` that `dataset` does not cover: WorkCalendar's
 * fallback. A year the dataset covers is left out, so a newer chinese-days wins on its own.
 */
export function fallbackHolidays(
  list: readonly FestivalDates[],
  dataset: HolidayDataset,
): Record<string, string> {
  const covered = new Set(Object.keys(dataset.holidays).map((date) => Number(date.slice(0, 4))));
  return Object.assign({}, ...list.filter((dates) => !covered.has(dates.year)).map(statutoryHolidays));
}
