import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { foldForMatching, originalRange } from './text-normalize';

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
