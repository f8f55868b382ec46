import { describe, expect, it } from 'vitest';
import { displayWidth, indexAtWidth } from './display-width';

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
