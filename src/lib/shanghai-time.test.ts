import { describe, expect, it } from 'vitest';
import { dashedDate, isRealDate, shanghaiDate, shanghaiDateTime } from './shanghai-time';

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
