import { beforeAll, describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { foldForMatching, originalRange, toSimplifiedCharacters, useSimplifiedTable } from './text-normalize';
import { SIMPLIFIED_TABLE } from './t2s-table';
import { expectLinearTime, repeatTo } from '../../tests/support/linear-time';

describe('foldForMatching', () => {
  it.each([
    ['ＴｉｋＴｏｋ', 'tiktok'],
    ['转\u200B投 其\u00A0他\t平台', '转投其他平台'],
    ['视频ＩＤ：１２３', '视频id:123'],
    ['emoji 😀 ok', 'emoji😀ok'],
    ['', ''],
  ])('%j → %j', (input, expected) => {
    expect(foldForMatching(input).text).toBe(expected);
  });

  it('maps every folded range back into the original text', () => {
    const original = '我要转 投\u200B其他平台！';
    const folded = foldForMatching(original);
    const start = folded.text.indexOf('转投其他平台');
    const [from, to] = originalRange(folded, start, start + '转投其他平台'.length);
    expect(original.slice(from, to)).toBe('转 投\u200B其他平台');
  });

  it('keeps ranges inside the original for any string', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'grapheme', maxLength: 200 }), (text) => {
        const folded = foldForMatching(text);
        expect(folded.starts.length).toBe(folded.text.length);
        for (let index = 0; index < folded.text.length; index += 1) {
          expect(folded.starts[index]!).toBeLessThan(folded.ends[index]!);
          expect(folded.ends[index]!).toBeLessThanOrEqual(text.length);
        }
      }),
    );
  });
});

describe('foldForMatching: properties', () => {
  /** The implementation before the megabyte rewrite: a regular expression per character. */
  function reference(original: string): { text: string; starts: number[]; ends: number[] } {
    const ignored = /[\s\u00AD\u180E\u200B-\u200F\u202A-\u202E\u2060-\u2064\uFEFF]/u;
    let text = '';
    const starts: number[] = [];
    const ends: number[] = [];
    for (let index = 0; index < original.length;) {
      const codePoint = original.codePointAt(index)!;
      const width = codePoint > 0xffff ? 2 : 1;
      const character = original.slice(index, index + width);
      if (!ignored.test(character)) {
        const folded =
          codePoint < 0x80
            ? character.toLowerCase()
            : codePoint >= 0x4e00 && codePoint <= 0x9fff
              ? character
              : character.normalize('NFKC').toLowerCase();
        for (let unit = 0; unit < folded.length; unit += 1) {
          starts.push(index);
          ends.push(index + width);
        }
        text += folded;
      }
      index += width;
    }
    return { text, starts, ends };
  }
  // Any UTF-16 (lone surrogates too), and the characters the fast paths and the cache touch.
  const anyText = fc.oneof(
    fc.string({ unit: 'binary', maxLength: 200 }),
    fc
      .array(
        fc.constantFrom(
          'Ａ',
          'a',
          'Z',
          '转',
          ' ',
          '\u3000',
          '\u200B',
          '！',
          'ﷺ',
          '😀',
          '\uD800',
          'İ',
          '\u2028',
        ),
        {
          maxLength: 60,
        },
      )
      .map((parts) => parts.join('')),
  );

  it('folds exactly as the per-character reference does, for any UTF-16', () => {
    fc.assert(
      fc.property(anyText, (text) => {
        const folded = foldForMatching(text);
        const expected = reference(text);
        expect(folded.text).toBe(expected.text);
        expect([...folded.starts]).toEqual(expected.starts);
        expect([...folded.ends]).toEqual(expected.ends);
      }),
    );
  });

  it('keeps ranges inside the text and is deterministic, for any UTF-16', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary', maxLength: 300 }), (text) => {
        const folded = foldForMatching(text);
        for (let index = 0; index < folded.text.length; index += 1) {
          const [from, to] = originalRange(folded, index, index + 1);
          expect(0 <= from && from < to && to <= text.length).toBe(true);
        }
        expect(foldForMatching(text)).toEqual(folded);
      }),
    );
  });

  it('takes linear time on 1 MB', () => {
    expectLinearTime(
      (size) => repeatTo('问题描述：ＩＤ 转\u200B投 其他平台！！😀 abc\n', size),
      (text) => foldForMatching(text),
    );
  });
});

describe('folding Traditional to Simplified', () => {
  // compileRules installs it in the checkers; here the fold is tested on its own.
  beforeAll(() => useSimplifiedTable(SIMPLIFIED_TABLE));

  it.each([
    ['帳號', '账号'],
    ['帐号', '账号'],
    ['轉投其他平台', '转投其他平台'],
    ['快手號', '快手号'],
    ['問題描述', '问题描述'],
    ['聯繫電話：１３８', '联系电话:138'],
    ['個人資料查閱申請', '个人资料查阅申请'],
  ])('%j → %j', (input, expected) => {
    expect(foldForMatching(input).text).toBe(expected);
  });

  it('maps a Traditional match back to the characters as typed', () => {
    const original = '再不處理我就轉 投\u200B其他平臺';
    const folded = foldForMatching(original);
    const start = folded.text.indexOf('转投其他平台');
    const [from, to] = originalRange(folded, start, start + '转投其他平台'.length);
    expect(original.slice(from, to)).toBe('轉 投\u200B其他平臺');
  });

  it('toSimplifiedCharacters keeps length and every other character', () => {
    expect(toSimplifiedCharacters('問題描述：帳號 ks_01\n')).toBe('问题描述：账号 ks_01\n');
    fc.assert(
      fc.property(fc.string({ unit: 'binary', maxLength: 300 }), (text) => {
        const simplified = toSimplifiedCharacters(text);
        expect(simplified.length).toBe(text.length);
        for (let index = 0; index < text.length; index += 1) {
          const [before, after] = [text.charCodeAt(index), simplified.charCodeAt(index)];
          // Only Han characters change, and only into Han characters.
          if (before !== after) expect(after >= 0x4e00 && after <= 0x9fff).toBe(true);
          if (before < 0x3400) expect(after).toBe(before);
        }
      }),
    );
  });

  it('folds mixed scripts and lone surrogates without throwing, ranges valid, in linear time', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary', maxLength: 300 }), (text) => {
        const folded = foldForMatching(`帳號${text}轉投`);
        for (let index = 0; index < folded.text.length; index += 1) {
          expect(folded.starts[index]!).toBeLessThan(folded.ends[index]!);
          expect(folded.ends[index]!).toBeLessThanOrEqual(text.length + 4);
        }
      }),
    );
    expectLinearTime(
      (size) => repeatTo('帳號 ks_chen_88 於11月18日被封禁，無法登錄。\uD800😀Ｑ\n', size),
      (text) => foldForMatching(text),
    );
  });
});
