/**
 * Columns a string takes in a mail list on a phone: East Asian wide and full-width
 * characters and emoji take two, everything else one (zero-width characters none).
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
