import { describe, expect, it } from 'vitest';
import { displayEms, displayWidth, indexAtEms, indexAtWidth } from './display-width';
import fc from 'fast-check';
import { expectLinearTime, repeatTo } from '../../tests/support/linear-time';

describe('displayWidth', () => {
  it.each([
    ['abc', 3],
    ['账号申诉', 8],
    ['【账号申诉-创作者ID:XXX-紧急】', 30],
    ['ＡＢ', 4],
    ['😀', 2],
    ['a\u200Bb', 2],
  ])('%j is %i columns', (text, width) => {
    expect(displayWidth(text)).toBe(width);
  });

  it('finds where a phone cuts the subject', () => {
    expect(indexAtWidth('账号申诉abc', 5)).toBe(2);
    expect(indexAtWidth('abc', 10)).toBe(3);
  });
});

describe('display width: properties', () => {
  const anyText = fc.string({ unit: 'binary', maxLength: 200 });

  it('never throws; between 0 and 2 columns per code point; deterministic', () => {
    fc.assert(
      fc.property(anyText, (text) => {
        const width = displayWidth(text);
        expect(width).toBeGreaterThanOrEqual(0);
        expect(width).toBeLessThanOrEqual(2 * [...text].length);
        expect(displayWidth(text)).toBe(width);
      }),
    );
  });

  it('cuts inside the text, never inside a surrogate pair, later for more columns', () => {
    fc.assert(
      fc.property(anyText, fc.nat({ max: 400 }), fc.nat({ max: 400 }), (text, a, b) => {
        const [few, more] = a <= b ? [a, b] : [b, a];
        const cut = indexAtWidth(text, few);
        expect(cut).toBeGreaterThanOrEqual(0);
        expect(cut).toBeLessThanOrEqual(text.length);
        if (cut > 0 && cut < text.length) {
          const split = /[\uD800-\uDBFF]/.test(text[cut - 1]!) && /[\uDC00-\uDFFF]/.test(text[cut]!);
          expect(split).toBe(false);
        }
        expect(displayWidth(text.slice(0, cut))).toBeLessThanOrEqual(few);
        expect(indexAtWidth(text, more)).toBeGreaterThanOrEqual(cut);
      }),
    );
  });

  it('takes linear time on 1 MB', () => {
    expectLinearTime(
      (size) => repeatTo('【账号申诉】ＩＤ abc 😀\u200B', size),
      (text) => displayWidth(text) + indexAtWidth(text, Number.MAX_SAFE_INTEGER),
    );
  });
});

describe('displayEms: width in a proportional font, as a phone mail list draws it', () => {
  it.each([
    ['账号申诉', 4],
    ['abc', 1.8],
    ['ks_lin2024', 6],
    ['ID', 1.8],
    ['【账号申诉-快手号:ks_lin2024】', 16.2],
    ['ＡＢ', 2],
    ['😀', 1],
    ['a\u200Bb', 1.2],
  ])('%j is %f em', (text, ems) => {
    expect(displayEms(text)).toBeCloseTo(ems, 9);
  });

  it('finds where the line ends, never inside a surrogate pair', () => {
    expect(indexAtEms('账号申诉abc', 5)).toBe(5);
    expect(indexAtEms('abcdefghij', 6)).toBe(10);
    expect(indexAtEms('😀😀😀', 2)).toBe(4);
    fc.assert(
      fc.property(
        fc.string({ unit: 'binary', maxLength: 60 }),
        fc.integer({ min: 0, max: 40 }),
        (text, ems) => {
          const cut = indexAtEms(text, ems);
          expect(cut).toBeLessThanOrEqual(text.length);
          expect(displayEms(text.slice(0, cut))).toBeLessThanOrEqual(ems + 1e-9);
        },
      ),
    );
  });
});
