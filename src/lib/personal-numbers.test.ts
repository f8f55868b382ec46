import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { findBankCards, findIdNumbers, isValidIdNumber, passesLuhn } from './personal-numbers';

const CARD_OPTIONS = { labels: ['订单号', '单号', '编号', 'ID'], window: 8 };

describe('isValidIdNumber (GB 11643-1999 check character)', () => {
  it.each([
    ['11010519491231002X', true],
    ['11010519491231002x', true],
    ['440304199001011233', true],
    ['１１０１０５１９４９１２３１００２Ｘ', true],
    ['110105194912310021', false],
    ['44030419900101123', false],
    ['4403041990010112333', false],
    ['44030419900101123A', false],
  ])('%s → %s', (candidate, valid) => expect(isValidIdNumber(candidate)).toBe(valid));
});

describe('passesLuhn (ISO/IEC 7812-1)', () => {
  it.each<[string, boolean]>([
    ['4111111111111111', true],
    ['6222021234567890128', true],
    ['6222021234567890127', false],
    ['79927398713', true],
    ['', false],
  ])('%s → %s', (digits, valid) => expect(passesLuhn(digits)).toBe(valid));
});

describe('findIdNumbers', () => {
  it.each([
    ['身份证号11010519491231002X。', [[4, 22]]],
    ['身份证：１１０１０５１９４９１２３１００２Ｘ', [[4, 22]]],
    ['作品ID:4403041990010112331', []],
    ['a440304199001011233', []],
    ['110105194912310021', []],
  ])('%j', (text, ranges) => expect(findIdNumbers(text)).toEqual(ranges));
});

describe('findBankCards', () => {
  it.each([
    ['退款请打到 6222 0212 3456 7890 128', [[6, 29]]],
    ['卡号6222021234567890128', [[2, 21]]],
    ['卡号：4111-1111-1111-1111', [[3, 22]]],
    ['订单号：4111111111111111', []],
    ['视频ID 4111111111111111', []],
    ['卡号 6222 0212 3456 7890 127', []],
    ['手机 13800138000', []],
    ['身份证 440304199001011233', []],
  ])('%j', (text, ranges) => expect(findBankCards(text, CARD_OPTIONS)).toEqual(ranges));
});

/** Naive 身份证号 finder: every 18-character window, checked with the alphanumeric boundaries. */
function naiveIdNumbers(text: string): [number, number][] {
  const found: [number, number][] = [];
  const alnum = (character: string | undefined) => character !== undefined && /[0-9A-Za-z]/u.test(character);
  for (let start = 0; start + 18 <= text.length; start += 1) {
    if (alnum(text[start - 1]) || alnum(text[start + 18])) continue;
    if (isValidIdNumber(text.slice(start, start + 18))) found.push([start, start + 18]);
  }
  return found;
}

/** Naive card finder for text without separators: each maximal digit run of 13–19 passing Luhn. */
function naiveCards(text: string): [number, number][] {
  return [...text.matchAll(/(?<![0-9A-Za-z])\d+(?![0-9A-Za-z])/gu)]
    .filter((match) => match[0].length >= 13 && match[0].length <= 19 && passesLuhn(match[0]))
    .filter((match) => !(match[0].length === 18 && isValidIdNumber(match[0])))
    .map((match) => [match.index, match.index + match[0].length]);
}

const digitText = fc
  .array(
    fc.oneof(
      fc.constantFrom('0', '1', '2', '3', '4', '5', '6', '7', '8', '9', 'X'),
      fc.constantFrom('，', '号', ' ', 'a'),
    ),
    {
      maxLength: 80,
    },
  )
  .map((parts) => parts.join(''));

describe('personal numbers: properties', () => {
  it('never throw and return ranges inside the text, on any UTF-16', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary', maxLength: 120 }), (text) => {
        for (const [start, end] of [...findIdNumbers(text), ...findBankCards(text, CARD_OPTIONS)])
          expect(0 <= start && start < end && end <= text.length).toBe(true);
      }),
      { numRuns: 60 },
    );
  });

  it('findIdNumbers agrees with the naive window check', () => {
    fc.assert(
      fc.property(digitText, (text) => {
        expect(findIdNumbers(text)).toEqual(naiveIdNumbers(text));
      }),
    );
  });

  it('findBankCards agrees with the naive run check on text without separators or labels', () => {
    const noSeparators = digitText.map((text) => text.replace(/[ X]/gu, '，'));
    fc.assert(
      fc.property(noSeparators, (text) => {
        expect(findBankCards(text, { labels: [], window: 8 })).toEqual(naiveCards(text));
      }),
    );
  });

  it('a valid number found anywhere in random text: both finders see it', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 30 }), fc.string({ maxLength: 30 }), (before, after) => {
        const text = `${before}。11010519491231002X。${after}`;
        expect(findIdNumbers(text)).toContainEqual([before.length + 1, before.length + 19]);
        const card = `${before}。卡 4111111111111111。${after}`;
        expect(findBankCards(card, { labels: [], window: 8 })).toContainEqual([
          before.length + 3,
          before.length + 19,
        ]);
      }),
    );
  });
});
