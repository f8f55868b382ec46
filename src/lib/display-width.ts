/**
 * Columns a string takes in a terminal or plain-text table: East Asian wide and full-width
 * characters and emoji take two, everything else one (zero-width characters none). And, for a
 * phone's mail list, which draws in a proportional font, the width in em (`displayEms`).
 */
const WIDE =
  /[\u1100-\u115F\u2E80-\u303E\u3041-\u33FF\u3400-\u4DBF\u4E00-\u9FFF\uA000-\uA4CF\uAC00-\uD7A3\uF900-\uFAFF\uFE30-\uFE4F\uFF00-\uFF60\uFFE0-\uFFE6]|[\u{1F300}-\u{1FAFF}\u{20000}-\u{3FFFD}]/u;
const ZERO = /[\u0300-\u036F\u200B-\u200F\u2060-\u2064\uFE00-\uFE0F\uFEFF]/u;

export function charWidth(character: string): number {
  if (ZERO.test(character)) return 0;
  return WIDE.test(character) ? 2 : 1;
}

export function displayWidth(text: string): number {
  let width = 0;
  for (const character of text) width += charWidth(character);
  return width;
}

/** The UTF-16 index where the text passes `columns` columns (text.length if it never does). */
export function indexAtWidth(text: string, columns: number): number {
  let width = 0;
  let index = 0;
  for (const character of text) {
    width += charWidth(character);
    if (width > columns) return index;
    index += character.length;
  }
  return text.length;
}

/** Latin letters and signs wider than an average glyph (as chart-text.ts estimates them). */
const WIDE_LATIN = /[A-Z%@&#mw‰…—]/;

/**
 * Width of one character in a proportional font, in em (the font size): CJK, full-width and emoji
 * 1 em, wide Latin 0.9 em, other Latin, digits and signs 0.6 em. The same estimate the charts lay
 * out with (chart-text.ts), measured there in Chromium at most 1.01× the estimate.
 */
export function emWidth(character: string): number {
  const columns = charWidth(character);
  if (columns === 0) return 0;
  return columns === 2 ? 1 : WIDE_LATIN.test(character) ? 0.9 : 0.6;
}

export function displayEms(text: string): number {
  let ems = 0;
  for (const character of text) ems += emWidth(character);
  return ems;
}

/** The UTF-16 index where the text passes `ems` em (text.length if it never does). */
export function indexAtEms(text: string, ems: number): number {
  let width = 0;
  let index = 0;
  for (const character of text) {
    width += emWidth(character);
    // A hair of tolerance: 0.6 + 0.6 + … accumulates floating-point error.
    if (width > ems + 1e-9) return index;
    index += character.length;
  }
  return text.length;
}
