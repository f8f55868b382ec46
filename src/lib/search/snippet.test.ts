import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { LENGTH, snippet } from './snippet';

const join = (parts: ReturnType<typeof snippet>) =>
  parts.map((part) => (part.marked ? `[${part.text}]` : part.text)).join('');

describe('snippet', () => {
  const text = '第一句话在这里。抄送给谁要看诉求类型，侵权投诉抄送法务。第三句。';
  it.each([
    // Starts at the sentence holding the match, not mid-word (「送给谁」 cut from 抄送给谁).
    [text, text.indexOf('抄送'), ['抄送'], '[抄送]给谁要看诉求类型，侵权投诉[抄送]法务。第三句。'],
    [text, text.indexOf('侵权'), ['侵权'], '抄送给谁要看诉求类型，[侵权]投诉抄送法务。第三句。'],
    [text, -1, ['第三'], '第一句话在这里。抄送给谁要看诉求类型，侵权投诉抄送法务。[第三]句。'],
  ])('%#', (input, at, marks, expected) => expect(join(snippet(input, input, at, marks))).toBe(expected));

  it('a long sentence is entered at a clause boundary, with an ellipsis', () => {
    const long = `${'很长的一段话'.repeat(10)}，附件格式在这里说明`;
    const out = join(snippet(long, long, long.indexOf('附件'), ['附件']));
    expect(out).toBe('…[附件]格式在这里说明');
  });

  it('the page start after bodyStart is used when there is no match', () => {
    const page = '标题. 本页解答：甲；乙。正文第一句。';
    expect(join(snippet(page, page, -1, [], page.indexOf('正文')))).toBe('正文第一句。');
  });

  it('any text and place: no throw, bounded length, the parts are the text', () => {
    fc.assert(
      fc.property(
        fc.string({ maxLength: 600 }),
        fc.integer({ min: -1, max: 700 }),
        fc.array(fc.string({ maxLength: 3 })),
        (input, at, marks) => {
          const parts = snippet(input, input, at, marks);
          const shown = parts.map((part) => part.text).join('');
          expect(shown.length).toBeLessThanOrEqual(LENGTH + 2);
          expect(input.includes(shown.replace(/^…|…$/g, '').trim()) || shown.trim() === '').toBe(true);
        },
      ),
    );
  });
});
