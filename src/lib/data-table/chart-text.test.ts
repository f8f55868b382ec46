import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { boxInside, EDGE, estimateTextWidth, fitText, textBox, viewBoxAround } from './chart-text';

/** Labels as people write them: Chinese, Latin, digits, signs, emoji, zero-width and combining marks. */
const chartLabel = (maxLength: number) =>
  fc
    .array(
      fc.oneof(
        fc.constantFrom('播', '放', '量', '收', '入', '元', '率', '（', '）', '：', '…', '—', '😀'),
        fc.constantFrom('W', 'M', '%', 'a', 'i', '1', '0', ',', '.', ' ', '/', '\u200B', '\u0301'),
        fc.string({ maxLength: 1 }),
      ),
      { maxLength },
    )
    .map((characters) => characters.join(''));

describe('label size estimates', () => {
  it.each([
    ['日期', 12, 24],
    ['1,200', 10, 30],
    ['%', 10, 9],
    ['单位：%', 12, 3 * 12 + 0.9 * 12],
    ['WM', 10, 18],
    ['a\u200Bb', 10, 12],
    ['', 12, 0],
  ])('estimateTextWidth(%j, %d) = %d', (text, size, width) => {
    expect(estimateTextWidth(text, size)).toBeCloseTo(width, 9);
  });

  it.each([
    ['短', 100, '短'],
    ['这是一个名字特别特别长的美食探店达人账号', 60, '这是一个…'],
    ['abcdefghij', 30, 'ab…'],
    ['长名字', 5, ''],
  ])('fitText(%j, %d) = %j', (text, width, fitted) => {
    expect(fitText(text, width, 12)).toBe(fitted);
  });

  it.each([
    [{ x: 100, y: 50 }, 100],
    [{ x: 100, y: 50, 'text-anchor': 'middle' }, 88],
    [{ x: 100, y: 50, 'text-anchor': 'end' }, 76],
  ])('a box follows the anchor: %j starts at %d', (attrs, left) => {
    const box = textBox({ text: '日期', attrs: { 'font-size': 12, ...attrs } });
    expect(box).toEqual({ x: left, y: 50 - 1.15 * 12, width: 24, height: 1.65 * 12 });
  });

  it('the viewBox holds the base area and every box with room around it, in whole units', () => {
    expect(viewBoxAround([], 640, 360)).toEqual({ x: 0, y: 0, width: 640, height: 360 });
    const view = viewBoxAround([{ x: -20.5, y: 10, width: 50, height: 10 }], 640, 360);
    expect(view).toEqual({ x: -27, y: 0, width: 667, height: 360 });
  });

  it('property: a fitted label fits its width; every box lies inside the viewBox around it', () => {
    fc.assert(
      fc.property(
        chartLabel(40),
        fc.integer({ min: 0, max: 400 }),
        fc.array(
          fc.record({
            x: fc.double({ min: -1000, max: 1000, noNaN: true }),
            y: fc.double({ min: -1000, max: 1000, noNaN: true }),
            width: fc.double({ min: 0, max: 500, noNaN: true }),
            height: fc.double({ min: 0, max: 50, noNaN: true }),
          }),
          { maxLength: 10 },
        ),
        (label, width, boxes) => {
          const fitted = fitText(label, width, 12);
          expect(estimateTextWidth(fitted, 12)).toBeLessThanOrEqual(Math.max(width, 0) + 1e-9);
          if (fitted !== label && fitted !== '') expect(fitted.endsWith('…')).toBe(true);
          const view = viewBoxAround(boxes, 640, 360);
          for (const box of boxes) {
            const room = {
              x: box.x - EDGE,
              y: box.y - EDGE,
              width: box.width + 2 * EDGE,
              height: box.height + 2 * EDGE,
            };
            expect(boxInside(room, view)).toBe(true);
          }
        },
      ),
    );
  });
});
