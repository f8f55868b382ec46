import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { compileCue } from './windowed-cue';
import { loadRulesets } from '../node/load-ruleset';
import { rulePatterns, wordsOf } from '../node/pattern-safety';
import { expectLinearTime, repeatTo } from '../../../tests/support/linear-time';

/** Every module cue of every ruleset, once. */
const cues = [
  ...new Set(
    loadRulesets()
      .flatMap((ruleset) => rulePatterns(ruleset))
      .filter((pattern) => pattern.rule.startsWith('structure.missing-section'))
      .map((pattern) => pattern.source),
  ),
];
const windowed = cues.filter((source) => compileCue(source).windowed);

describe('which cues take the windowed scan', () => {
  it.each([
    ['(?:请|求)[^。]{0,30}?(?:发送|退)', true],
    ['给(?:我|我们)[^。！？]{0,12}(?:加上|退)', true], // greedy window: the same answer for .test
    ['(?:卡顿|闪退)[^。]{0,30}?(?:一直|[一二\\d]+个?(?:天|周)(?:了)?)', true], // a run alternative
    ['(?:天天|[一二\\d]+天)[^。]{0,30}?(?:闪退)', false], // A unbounded: the regex
    ['(?:天天|(?<![一二\\d])[一二\\d]+个?(?:天|周)(?:了|来))[^。]{0,30}?(?:闪退)', true], // a run from its start
    ['(?:天天|(?<![一\\d])[一二\\d]+个?天)[^。]{0,30}?(?:闪退)', false], // the guard is another class
    ['(?:天天|(?<![一二\\d])[一二\\d]+(?:二|天))[^。]{0,30}?(?:闪退)', false], // REST may start in the run
    ['(?:天天|(?<![一二\\d])[一二\\d]+(?:了)?)[^。]{0,30}?(?:闪退)', false], // REST may be empty
    ['损失|订单[^。，,]{0,4}取消', false], // top-level alternation
    ['(?:请)[^。]{2,}', false], // not a window {0,N}
    ['(?:请)[^。]{0,9}?(?:a+b+)', false], // B: a run not followed by a bounded rest
    ['(请)[^。]{0,9}?(?:\\1)', false], // a backreference
    ['(?:请)[^。]{0,3}(?:发)[^。]{0,3}(?:送)', false], // two windows
  ])('/%s/ windowed: %s', (source, expected) => {
    expect(compileCue(source).windowed).toBe(expected);
  });

  it('the windowed cues of the rulesets include the slow ones (问题描述 twice, 诉求清单)', () => {
    expect(windowed.some((source) => source.startsWith('(?:被(?:人)?'))).toBe(true);
    expect(windowed.some((source) => source.startsWith('(?:天天|每天'))).toBe(true);
    expect(windowed.some((source) => source.startsWith('(?:请|恳请'))).toBe(true);
    expect(windowed.length).toBeGreaterThanOrEqual(7);
  });
});

describe('the windowed scan answers exactly as the regex', () => {
  const samples: [string, string][] = [
    ['(?:卡顿|闪退)[^。]{0,3}?(?:一直|[一二\\d]+个?(?:天|周)(?:了)?)', '卡顿了三天'],
    ['(?:卡顿|闪退)[^。]{0,3}?(?:一直|[一二\\d]+个?(?:天|周)(?:了)?)', '卡顿一二一二一二一二一二天'],
    ['(?:卡顿|闪退)[^。]{0,3}?(?:一直|[一二\\d]+个?(?:天|周)(?:了)?)', '卡顿一二一二一二一二一二'],
    ['(?:卡顿|闪退)[^。]{0,3}?(?:一直|[一二\\d]+个?(?:天|周)(?:了)?)', '卡顿。一直'],
    ['(?:卡顿|闪退)[^。]{0,3}?(?:一直|[一二\\d]+个?(?:天|周)(?:了)?)', '卡顿abcd一直'],
    ['(?:卡顿|闪退)[^。]{0,3}?(?:一直|[一二\\d]+个?(?:天|周)(?:了)?)', '卡顿😀😀😀一直'], // 3 characters, 6 code units
    ['(?:卡顿|闪退)[^。]{0,3}?(?:一直|[一二\\d]+个?(?:天|周)(?:了)?)', '卡顿😀😀😀😀一直'],
    ['(?:请|求)[^。]{0,2}?(?:发送|退)', '请求退'],
    ['(?:请|求)[^。]{0,2}?(?:发送|退)', '请abc退'],
  ];
  it.each(samples)('/%s/ on %s', (source, text) => {
    expect(compileCue(source).test(text)).toBe(new RegExp(source, 'u').test(text));
  });

  it.each(windowed)('/%s/ on random text made of its words, breaks and noise', (source) => {
    const regex = new RegExp(source, 'u');
    const tester = compileCue(source);
    const words = wordsOf(source);
    const noise = ['一', '二', '3', '个', '天', '了', 'a', '。', '？', '?', '；', ' ', '😀', '\ud83d', '的'];
    const piece = fc.oneof(fc.constantFrom(...words), fc.constantFrom(...noise), fc.string({ maxLength: 3 }));
    const width = Number(/\{0,(\d+)\}/.exec(source)![1]);
    // A word, a window of about the cue's width (in characters, some of two code units), a word.
    const window = fc
      .tuple(fc.integer({ min: Math.max(0, width - 2), max: width + 1 }), fc.constantFrom('的', '😀', 'a'))
      .map(([count, char]) => char.repeat(count));
    const near = fc
      .tuple(fc.constantFrom(...words), window, fc.constantFrom(...words))
      .map((parts) => parts.join(''));
    const text = fc.array(fc.oneof(piece, piece, near), { maxLength: 12 }).map((parts) => parts.join(''));
    fc.assert(
      fc.property(text, (sample) => tester.test(sample) === regex.test(sample)),
      { numRuns: 1500 },
    );
  });

  it.each(cues)('/%s/ on every example of every ruleset', (source) => {
    const regex = new RegExp(source, 'u');
    const tester = compileCue(source);
    const examples = loadRulesets().flatMap((ruleset) =>
      ruleset.rules.flatMap((rule) =>
        [...(rule.examples?.match ?? []), ...(rule.examples?.noMatch ?? [])].filter(
          (example): example is string => typeof example === 'string',
        ),
      ),
    );
    for (const example of examples)
      for (const line of example.split('\n')) expect(tester.test(line), line).toBe(regex.test(line));
  });
});

describe('the windowed scan is linear on the inputs that made the regex slow', () => {
  it.each([
    ['卡顿', '一'],
    ['说明', '盼'],
    ['卡顿', '卡顿'],
    ['盼', '盼。发送'],
    ['每天', '天'],
    ['', '一二天了闪'],
  ])('%s then %s repeated', (head, repeated) => {
    for (const source of windowed) {
      const tester = compileCue(source);
      expectLinearTime(
        (size) => head + repeatTo(repeated, size),
        (text) => tester.test(text),
        { size: 200_000 },
      );
    }
  });
});
