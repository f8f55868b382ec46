import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import holidayData from 'chinese-days/dist/chinese-days.json' with { type: 'json' };
import {
  addDays,
  compactHolidays,
  decodeHolidays,
  encodeHolidays,
  isIsoDate,
  WorkCalendar,
} from './work-calendar';

const calendar = new WorkCalendar(holidayData);

describe('the working-day calendar (State Council arrangement, via chinese-days data)', () => {
  it.each([
    ['2026-09-30', 'workday', true, null],
    ['2026-10-01', 'holiday', false, '国庆节'],
    ['2026-10-10', 'makeup', true, '国庆节'],
    ['2026-09-27', 'holiday', false, '中秋'],
    ['2026-01-04', 'makeup', true, '元旦'],
    ['2026-11-28', 'weekend', false, null],
    ['2026-11-30', 'workday', true, null],
  ])('%s is a %s', (date, kind, working, festival) => {
    expect(calendar.day(date)).toMatchObject({ kind, working, festival, published: true });
  });

  it('knows which years are published and which are not', () => {
    expect(calendar.years.has(2004)).toBe(true);
    expect(calendar.years.has(2026)).toBe(true);
    expect(calendar.lastYear).toBe(2026);
    expect(calendar.day('2027-01-01')).toMatchObject({ kind: 'workday', published: false });
  });

  it('does not depend on the device time zone', () => {
    const saved = process.env.TZ;
    try {
      for (const zone of ['America/Los_Angeles', 'Pacific/Kiritimati', 'UTC']) {
        process.env.TZ = zone;
        expect(calendar.day('2026-11-28').kind, zone).toBe('weekend');
        expect(calendar.workdayAfter('2026-09-30', 3), zone).toBe('2026-10-10');
      }
    } finally {
      // Assigning undefined would set TZ to the string "undefined".
      if (saved === undefined) delete process.env.TZ;
      else process.env.TZ = saved;
    }
  });

  it('counts the N-th working day after a date, the date itself not counted', () => {
    fc.assert(
      fc.property(
        fc.date({
          min: new Date('2004-01-01T00:00:00Z'),
          max: new Date('2027-12-01T00:00:00Z'),
          noInvalidDate: true,
        }),
        fc.integer({ min: 1, max: 12 }),
        (instant, n) => {
          const date = instant.toISOString().slice(0, 10);
          const result = calendar.workdayAfter(date, n);
          expect(result > date).toBe(true);
          expect(calendar.day(result).working).toBe(true);
          const counted = calendar.range(addDays(date, 1), result).filter((day) => day.working).length;
          expect(counted).toBe(n);
        },
      ),
    );
  });

  it('validates ISO dates', () => {
    expect(isIsoDate('2026-02-28')).toBe(true);
    expect(isIsoDate('2026-02-30')).toBe(false);
    expect(isIsoDate('2026-13-01')).toBe(false);
    expect(isIsoDate('2026-00-10')).toBe(false);
    expect(isIsoDate('26-2-3')).toBe(false);
  });
});

describe('the arrangement as page data: compactHolidays, encodeHolidays, decodeHolidays', () => {
  const compact = compactHolidays(holidayData);

  it('the compact dataset gives the same calendar, every day of every published year and the next', () => {
    const small = new WorkCalendar(compact);
    expect([...small.years]).toEqual([...calendar.years]);
    let days = 0;
    for (let date = '2004-01-01'; date <= `${calendar.lastYear + 1}-12-31`; date = addDays(date, 1)) {
      expect(small.day(date), date).toEqual(calendar.day(date));
      days += 1;
    }
    expect(days).toBeGreaterThan(8000);
    expect(compact.holidays['2026-10-01']).toBe('国庆节');
    expect(compactHolidays(compact)).toEqual(compact);
  });

  it('the string decodes to exactly the compact dataset, at a tenth of the JSON', () => {
    const encoded = encodeHolidays(holidayData);
    expect(decodeHolidays(encoded)).toEqual(compact);
    expect(encoded).toContain('H20261001+6国庆节');
    expect(encoded).toMatch(/(^|;)W20261010国庆节(;|$)/);
    expect(encoded).not.toMatch(/["'&<>]/);
    expect(encoded.length).toBeLessThan(JSON.stringify(holidayData).length / 5);
  });

  it('round-trips any arrangement, and refuses a malformed string with a message', () => {
    const date = fc
      .integer({ min: Date.UTC(2000, 0, 1), max: Date.UTC(2040, 11, 31) })
      .map((ms) => new Date(ms).toISOString().slice(0, 10));
    const days = fc.dictionary(date, fc.constantFrom('元旦', '春节', '国庆节', '中秋'), { maxKeys: 40 });
    fc.assert(
      fc.property(days, days, (holidays, workdays) => {
        expect(decodeHolidays(encodeHolidays({ holidays, workdays }))).toEqual({ holidays, workdays });
      }),
    );
    expect(decodeHolidays('')).toEqual({ holidays: {}, workdays: {} });
    for (const bad of ['X20261001国庆节', 'H20261301国庆节', 'H20261001', 'H20261001+7', '国庆节'])
      expect(() => decodeHolidays(bad), bad).toThrow(/节假日数据有一段无法读取/);
    expect(() => encodeHolidays({ holidays: { '2026-10-01': 'a;b' }, workdays: {} })).toThrow(
      /节日名称无法编码/,
    );
  });
});

describe('the working-day calendar: properties', () => {
  const date = fc
    .integer({ min: Date.UTC(2000, 0, 1), max: Date.UTC(2100, 11, 31) })
    .map((ms) => new Date(ms).toISOString().slice(0, 10));

  it('the n-th working day after a date is later, a working day, with n working days up to it', () => {
    fc.assert(
      fc.property(date, fc.integer({ min: 1, max: 30 }), (start, n) => {
        const due = calendar.workdayAfter(start, n);
        expect(due > start).toBe(true);
        expect(calendar.day(due).working).toBe(true);
        const days = calendar.range(addDays(start, 1), due);
        expect(days.filter((day) => day.working)).toHaveLength(n);
        expect(days.at(-1)!.date).toBe(due);
        expect(calendar.workdayAfter(start, n)).toBe(due);
      }),
    );
  });

  it('every date is one of the four kinds; a date string is ISO exactly when it round-trips', () => {
    fc.assert(
      fc.property(date, fc.string({ unit: 'binary', maxLength: 12 }), (day, text) => {
        expect(['workday', 'weekend', 'holiday', 'makeup']).toContain(calendar.day(day).kind);
        expect(isIsoDate(day)).toBe(true);
        expect(() => isIsoDate(text)).not.toThrow();
      }),
    );
  });
});

describe('counting working days between two dates: workdaysBetween', () => {
  it.each([
    ['2026-11-20', '2026-11-20', 0, 'the same day'],
    ['2026-11-20', '2026-11-25', 3, 'Friday → Wednesday'],
    ['2026-11-27', '2026-11-28', 0, 'Friday → Saturday: no working day has passed'],
    ['2026-11-27', '2026-11-30', 1, 'Friday → Monday'],
    ['2026-11-28', '2026-11-29', 0, 'a weekend'],
    ['2026-09-30', '2026-10-08', 1, 'across 国庆 2026 (1–7 October are holidays)'],
    ['2026-09-30', '2026-10-10', 3, 'the make-up Saturday 10 October counts'],
    ['2026-09-30', '2026-10-12', 4, 'across 国庆 and the make-up day'],
    ['2025-12-31', '2026-01-05', 2, 'across New Year: 1 January a holiday, 4 January a make-up day'],
    ['2026-12-31', '2027-01-04', 2, 'into 2027, not published: Friday 1 January guessed a working day'],
    ['2026-01-01', '2027-01-01', 249, 'the 248 working days of 2026, and Friday 1 January 2027 guessed'],
    ['2026-11-25', '2026-11-20', -3, 'backwards: the same count, negative'],
  ])('%s → %s: %i (%s)', (from, to, days) => {
    expect(calendar.workdaysBetween(from, to)).toBe(days);
  });

  it('names the years a span touches that the data does not cover', () => {
    expect(calendar.unpublishedYears('2026-12-31', '2026-12-31')).toEqual([]);
    expect(calendar.unpublishedYears('2025-06-01', '2028-01-04')).toEqual([2027, 2028]);
  });

  // Spans of up to about three years, over published years and guessed ones (2000–2100).
  const date = fc
    .integer({ min: Date.UTC(2000, 0, 1), max: Date.UTC(2100, 11, 31) })
    .map((ms) => new Date(ms).toISOString().slice(0, 10));
  const span = fc
    .tuple(date, fc.integer({ min: 0, max: 1100 }))
    .map(([from, days]) => [from, addDays(from, days)] as const);

  it('counts what range() enumerates: the working days after the first date, up to the second', () => {
    fc.assert(
      fc.property(span, ([from, to]) => {
        const enumerated = calendar.range(addDays(from, 1), to).filter((day) => day.working).length;
        expect(calendar.workdaysBetween(from, to)).toBe(enumerated);
        expect(calendar.workdaysBetween(to, from)).toBe(0 - enumerated);
      }),
      { numRuns: 200 },
    );
  });

  it('undoes workdayAfter, and adds up over consecutive spans', () => {
    fc.assert(
      fc.property(date, fc.integer({ min: 1, max: 60 }), span, (start, n, [from, to]) => {
        expect(calendar.workdaysBetween(start, calendar.workdayAfter(start, n))).toBe(n);
        const middle = addDays(from, Math.floor((Date.parse(to) - Date.parse(from)) / 2 / 86_400_000));
        expect(calendar.workdaysBetween(from, middle) + calendar.workdaysBetween(middle, to)).toBe(
          calendar.workdaysBetween(from, to),
        );
      }),
    );
  });
});
