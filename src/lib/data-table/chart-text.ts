/**
 * How much room a chart label takes, estimated without a browser: CJK and other wide characters
 * ≈ 1 em, wide Latin letters and signs ≈ 0.9 em, other Latin ≈ 0.6 em at the font size; and the
 * viewBox that holds every label of a chart. The charts lay themselves out with these estimates
 * (svg-chart.ts), so a label is never cut off on screen or in the PNG, which is the viewBox drawn
 * at 2×. It draws nothing itself and knows no chart kind.
 */
import { charWidth } from '../display-width';

/** Letters and signs wider than an average Latin glyph in the chart's fonts (%, W, M, capitals). */
const WIDE_LATIN = /[A-Z%@&#mw‰…—]/;

/** Estimated width of `text` in user units at `fontSize` (bold is a little wider). */
export function estimateTextWidth(text: string, fontSize: number, bold = false): number {
  let ems = 0;
  for (const character of text) {
    const columns = charWidth(character);
    if (columns === 0) continue;
    ems += columns === 2 ? 1 : WIDE_LATIN.test(character) ? 0.9 : 0.6;
  }
  return ems * fontSize * (bold ? 1.05 : 1);
}

/** Cuts `text` (with …) until its estimated width is at most `width`; '' when not even … fits. */
export function fitText(text: string, width: number, fontSize: number, bold = false): string {
  if (estimateTextWidth(text, fontSize, bold) <= width) return text;
  const ellipsis = estimateTextWidth('…', fontSize, bold);
  let used = 0;
  let out = '';
  for (const character of text) {
    const next = estimateTextWidth(character, fontSize, bold);
    if (used + next + ellipsis > width) break;
    used += next;
    out += character;
  }
  return ellipsis <= width ? `${out}…` : '';
}

export interface Box {
  x: number;
  y: number;
  width: number;
  height: number;
}

/** What a <text> element needs for its box: content, position, anchor and font. */
export interface TextLike {
  text?: string | undefined;
  attrs: Record<string, string | number>;
}

/**
 * The estimated box of a <text>: its width from the characters, its height the font's ascent and
 * descent as Chromium's getBBox reports them for Noto Sans CJK (≈ 1.1 em above the baseline,
 * ≈ 0.45 em below), rounded up.
 */
export function textBox(node: TextLike): Box {
  const size = Number(node.attrs['font-size'] ?? 12);
  const bold = node.attrs['font-weight'] === 'bold';
  const width = estimateTextWidth(node.text ?? '', size, bold);
  const x = Number(node.attrs.x ?? 0);
  const y = Number(node.attrs.y ?? 0);
  const anchor = node.attrs['text-anchor'];
  const left = anchor === 'middle' ? x - width / 2 : anchor === 'end' ? x - width : x;
  return { x: left, y: y - 1.15 * size, width, height: 1.65 * size };
}

/** Room left around the outermost label, for fonts a little wider than the estimate. */
export const EDGE = 6;

/**
 * The smallest whole-unit viewBox that holds the base area (0, 0, width, height) and every box
 * with EDGE around it: the chart grows, it never cuts a label.
 */
export function viewBoxAround(boxes: readonly Box[], width: number, height: number): Box {
  let left = 0;
  let top = 0;
  let right = width;
  let bottom = height;
  for (const box of boxes) {
    left = Math.min(left, box.x - EDGE);
    top = Math.min(top, box.y - EDGE);
    right = Math.max(right, box.x + box.width + EDGE);
    bottom = Math.max(bottom, box.y + box.height + EDGE);
  }
  const x = Math.floor(left);
  const y = Math.floor(top);
  return { x, y, width: Math.ceil(right) - x, height: Math.ceil(bottom) - y };
}

/** Whether `inner` lies within `outer`. */
export function boxInside(inner: Box, outer: Box): boolean {
  return (
    inner.x >= outer.x &&
    inner.y >= outer.y &&
    inner.x + inner.width <= outer.x + outer.width &&
    inner.y + inner.height <= outer.y + outer.height
  );
}
