import fc from 'fast-check';
import holidayData from 'chinese-days/dist/chinese-days.json' with { type: 'json' };
import { describe, expect, it } from 'vitest';
import {
  decodeFestivalDates,
  encodeFestivalDates,
  fallbackHolidays,
  statutoryHolidays,
  type FestivalDates,
} from './statutory-holidays';
import { computeFestivalDates, festivalDates, festivalMismatches } from './node/festival-dates';
import { loadPlanContext } from './node/planner-context';
import { parseSentTime, planFollowUp, type PlanContext } from './follow-up/follow-up-plan';
import { addDays, WorkCalendar, type HolidayDataset } from './work-calendar';

const context = loadPlanContext();
const plan = (sent: string, type: string, ctx: PlanContext = context) =>
  planFollowUp({ sent: parseSentTime(sent).instant, type }, ctx);
const dues = (result: ReturnType<typeof plan>) =>
  Object.fromEntries(result.steps.map((step) => [step.id, step.due]));
const of = (year: number) => festivalDates().find((dates) => dates.year === year)!;

describe('the moving dates, from chinese-days’ lunar functions', () => {
  it.each([
    // year, 正月初一, 清明, 端午, 中秋 (2027: 除夕 is 5 February, 腊月 has only 29 days)
    [2027, '2027-02-06', '2027-04-05', '2027-06-09', '2027-09-15'],
    [2028, '2028-01-26', '2028-04-04', '2028-05-28', '2028-10-03'],
    [2031, '2031-01-23', '2031-04-05', '2031-06-24', '2031-10-01'],
    [2100, '2100-02-09', '2100-04-04', '2100-06-12', '2100-09-18'],
  ])('%i', (year, springFestival, qingming, dragonBoat, midAutumn) => {
    expect(of(year)).toEqual({ year, springFestival, qingming, dragonBoat, midAutumn });
  });

  it('agree with every published arrangement since 2013 (the build fails otherwise)', () => {
    expect(festivalMismatches(festivalDates(), holidayData)).toEqual([]);
    const wrong = festivalDates().map((dates) => ({ ...dates, qingming: addDays(dates.qingming, -1) }));
    expect(festivalMismatches(wrong, holidayData).length).toBeGreaterThan(0);
  });

  it('do not depend on the machine’s time zone (west of UTC chinese-days is a day off)', () => {
    const zone = process.env.TZ;
    process.env.TZ = 'America/Los_Angeles';
    try {
      expect(new Date(2027, 0, 1).getTimezoneOffset()).toBe(480);
      expect(computeFestivalDates(2027, 2027)).toEqual([of(2027)]);
      // The zone is given back afterwards.
      expect(new Date(2027, 0, 1).getTimezoneOffset()).toBe(480);
    } finally {
      if (zone === undefined) delete process.env.TZ;
      else process.env.TZ = zone;
    }
  });

  it('travel as a short string and back', () => {
    const list = festivalDates();
    expect(decodeFestivalDates(encodeFestivalDates(list))).toEqual(list);
    expect(() => decodeFestivalDates('2027:0230,0405,0609,0915')).toThrow(/无法读取/);
    expect(decodeFestivalDates('')).toEqual([]);
  });
});

describe('statutoryHolidays: 《全国年节及纪念日放假办法》 (2024)', () => {
  it('2027: 元旦, 春节 from 除夕, 清明, 劳动节 2 days, 端午, 中秋, 国庆 3 days — 13 days', () => {
    expect(statutoryHolidays(of(2027))).toEqual({
      '2027-01-01': '元旦',
      '2027-02-05': '春节',
      '2027-02-06': '春节',
      '2027-02-07': '春节',
      '2027-02-08': '春节',
      '2027-04-05': '清明节',
      '2027-05-01': '劳动节',
      '2027-05-02': '劳动节',
      '2027-06-09': '端午节',
      '2027-09-15': '中秋节',
      '2027-10-01': '国庆节',
      '2027-10-02': '国庆节',
      '2027-10-03': '国庆节',
    });
  });

  it('中秋 on 3 October (2028) keeps its name and 国庆 its other days', () => {
    const days = statutoryHolidays(of(2028));
    expect(Object.values(days).filter((name) => name === '国庆节')).toHaveLength(2);
    expect(days['2028-10-03']).toBe('中秋节');
  });

  it('正月初一 on 1 February or earlier: 除夕 may fall in January (2028: 25 January)', () => {
    expect(statutoryHolidays(of(2028))['2028-01-25']).toBe('春节');
  });
});

describe('plans past the holiday data (issue 18’s done-when)', () => {
  it('sent 2026-12-28: 元旦 2027 is not day 4, and the plan says 2027’s 调休 is not published', () => {
    const result = plan('2026-12-28T10:00', 'routine');
    expect(dues(result)).toEqual({ email: '2026-12-31', call: '2027-01-05', escalate: '2027-01-07' });
    // The claimed 3 working days end on 31 December; the follow-up was on 1 January before.
    expect(result.commitment).toMatchObject({ deadline: '2026-12-31', followUp: '2027-01-04' });
    expect(result.notices.join()).toContain('2027 年的调休安排未公布，日期可能变动');
  });

  it('sent 2027-02-03: 正月初三 (Monday 8 February) is a holiday, not a working day', () => {
    const result = plan('2027-02-03T10:00', 'complex-appeal');
    expect(dues(result)).toEqual({ email: '2027-02-10', call: '2027-02-12', escalate: '2027-02-17' });
    expect(result.commitment).toMatchObject({ deadline: '2027-02-16', followUp: '2027-02-17' });
    for (const date of ['2027-02-05', '2027-02-06', '2027-02-07', '2027-02-08'])
      expect(context.calendar.day(date)).toMatchObject({ kind: 'holiday', working: false, published: false });
    expect(result.notices.join()).toContain('2027 年的调休安排未公布，日期可能变动');
  });

  it('a dataset that covers 2027 is followed as it is, with no notice', () => {
    // An invented 2027 arrangement: 春节 7 days with a make-up Sunday, 元旦 not a holiday at all.
    const days = (from: string, n: number) =>
      Object.fromEntries(Array.from({ length: n }, (_, i) => [addDays(from, i), 'Spring Festival,春节,7']));
    const dataset: HolidayDataset = {
      holidays: { ...holidayData.holidays, ...days('2027-02-05', 7) },
      workdays: { ...holidayData.workdays, '2027-02-14': 'Spring Festival,春节,1' },
    };
    const calendar = new WorkCalendar(dataset, fallbackHolidays(festivalDates(), dataset));
    const covered = { ...context, calendar };
    expect(calendar.day('2027-01-01')).toMatchObject({ kind: 'workday', published: true });
    expect(calendar.day('2027-02-14')).toMatchObject({ kind: 'makeup', working: true });
    expect(dues(plan('2026-12-28T10:00', 'routine', covered))).toEqual({
      email: '2026-12-31',
      call: '2027-01-04',
      escalate: '2027-01-06',
    });
    const february = plan('2027-02-03T10:00', 'complex-appeal', covered);
    // 4 Feb (1), 5–11 holidays, 12 Feb (2), Sunday 14 Feb make-up (3), 15 (4), 16 (5) …
    expect(dues(february)).toEqual({ email: '2027-02-14', call: '2027-02-16', escalate: '2027-02-19' });
    expect(february.notices.join()).not.toMatch(/调休安排未公布/);
  });

  it('property: in a year without data no step, deadline or follow-up lands on a statutory holiday', () => {
    const statutory = fallbackHolidays(festivalDates(), holidayData);
    fc.assert(
      fc.property(
        fc.integer({ min: 2027, max: 2099 }),
        fc.integer({ min: 0, max: 364 }),
        fc.constantFrom('routine', 'complex-appeal', 'emergency-fault'),
        (year, offset, type) => {
          const sent = addDays(`${year}-01-01`, offset);
          const result = plan(`${sent}T10:00`, type);
          // An hours deadline is a moment, not a working day: only day-counted dates are checked.
          const counted = result.commitment.hours === undefined;
          const dates = [
            ...result.steps.map((step) => step.due),
            ...(counted ? [result.commitment.deadline, result.commitment.followUp] : []),
          ];
          for (const date of dates) expect(statutory[date], `${sent} ${type} → ${date}`).toBeUndefined();
          expect(result.notices.some((notice) => notice.includes('调休安排未公布'))).toBe(true);
        },
      ),
      { numRuns: 200 },
    );
  });
});

describe('fallbackHolidays', () => {
  it('leaves out the years the dataset covers', () => {
    const list: FestivalDates[] = [of(2026), of(2027)];
    const days = fallbackHolidays(list, holidayData);
    expect(Object.keys(days).every((date) => date.startsWith('2027-'))).toBe(true);
  });
});
