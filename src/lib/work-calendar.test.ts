import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import holidayData from 'chinese-days/dist/chinese-days.json' with { type: 'json' };
import { addDays, isIsoDate, WorkCalendar } from './work-calendar';

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
      process.env.TZ = saved;
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
    expect(isIsoDate('26-2-3')).toBe(false);
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
