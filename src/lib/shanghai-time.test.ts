import { describe, expect, it } from 'vitest';
import { dashedDate, isRealDate, shanghaiDate, shanghaiDateTime } from './shanghai-time';
import fc from 'fast-check';
import { expectLinearTime, repeatTo } from '../../tests/support/linear-time';

describe('Beijing time', () => {
  it.each([
    ['2026-11-23T15:59:59Z', '2026-11-23', '2026-11-23 23:59'],
    ['2026-11-23T16:00:00Z', '2026-11-24', '2026-11-24 00:00'],
    ['2026-12-31T20:00:00-05:00', '2027-01-01', '2027-01-01 09:00'],
  ])('%s is %s in Beijing', (instant, date, dateTime) => {
    expect(shanghaiDate(Date.parse(instant))).toBe(date);
    expect(shanghaiDateTime(new Date(instant))).toBe(dateTime);
  });

  it.each([
    ['20240229', true],
    ['20260229', false],
    ['20260230', false],
    ['20261301', false],
    ['20261100', false],
    ['2026-11-30', true],
    ['2026-11-31', false],
    ['18991231', false],
    ['2026113', false],
  ])('isRealDate(%s) = %s', (text, real) => {
    expect(isRealDate(text)).toBe(real);
  });

  it('dashes a compact date', () => {
    expect(dashedDate('20261124')).toBe('2026-11-24');
  });
});

describe('Beijing time: properties', () => {
  // 1900-01-01 to 9999-12-31 (UTC), the range of dates the site reads.
  const instant = fc.integer({ min: -2_208_988_800_000, max: 253_402_300_799_000 - 8 * 3_600_000 });

  it('any instant is a real date, the UTC date eight hours later, and deterministic', () => {
    fc.assert(
      fc.property(instant, (value) => {
        const date = shanghaiDate(value);
        expect(isRealDate(date)).toBe(true);
        expect(date).toBe(new Date(value + 8 * 3_600_000).toISOString().slice(0, 10));
        expect(shanghaiDateTime(value).startsWith(date)).toBe(true);
        expect(shanghaiDate(value)).toBe(date);
      }),
    );
  });

  it('isRealDate never throws and agrees with the calendar for any text', () => {
    fc.assert(
      fc.property(
        fc.oneof(
          fc.string({ unit: 'binary', maxLength: 12 }),
          fc
            .tuple(
              fc.integer({ min: 1800, max: 2200 }),
              fc.integer({ min: 0, max: 13 }),
              fc.integer({ min: 0, max: 32 }),
            )
            .map(([y, m, d]) => `${y}${String(m).padStart(2, '0')}${String(d).padStart(2, '0')}`),
        ),
        (text) => {
          const real = isRealDate(text);
          if (real) {
            const dashed = text.includes('-') ? text : dashedDate(text);
            expect(new Date(`${dashed}T00:00:00Z`).toISOString().slice(0, 10)).toBe(dashed);
          }
          expect(isRealDate(text)).toBe(real);
        },
      ),
    );
  });

  it('isRealDate takes linear time on 1 MB (it is anchored: no backtracking)', () => {
    expectLinearTime(
      (size) => repeatTo('2026', size),
      (text) => isRealDate(text),
    );
  });
});
