import { describe, expect, it } from 'vitest';
import { growthRatio, LINEAR_LIMIT } from '../support/growth-ratio';
import { expectLinearTime, repeatTo } from '../support/linear-time';

/**
 * The growth helper must be able to fail: known quadratic code is flagged, and linear code of
 * the same shape passes. Without this a broken helper would pass every "linear time" test.
 */
const QUADRATIC: [
  name: string,
  make: (size: number) => string,
  run: (text: string) => unknown,
  size: number,
][] = [
  // Each start position scans the rest of the run of a, and no b ends it.
  ['/a*b/ on a run of a', (size) => 'a'.repeat(size), (text) => /a*b/.test(text), 20_000],
  // The e-mail pattern of contact.missing before issue 21: its start moves through a long run.
  [
    'the old e-mail pattern on a run of letters',
    (size) => repeatTo('a1', size),
    (text) => /[A-Za-z0-9._%+-]+@[A-Za-z0-9.-]+\.[A-Za-z]{2,}/iu.test(text),
    20_000,
  ],
  [
    'a hand-written quadratic loop',
    (size) => 'x'.repeat(size),
    (text) => {
      let same = 0;
      for (let a = 0; a < text.length; a += 1)
        for (let b = a + 1; b < text.length; b += 1) if (text.charCodeAt(a) === text.charCodeAt(b)) same += 1;
      return same;
    },
    5_000,
  ],
];

describe('the growth helper flags quadratic code', () => {
  // Up to three rounds of the slow side each: longer than the default 5 s on a busy machine.
  it.each(QUADRATIC)(
    '%s',
    (_name, make, run, size) => {
      expect(() => expectLinearTime(make, run, { size })).toThrow(/linear ≈ 1, quadratic ≈ 10/);
    },
    60_000,
  );
});

describe('the growth helper passes linear code', () => {
  it.each([
    [
      '/a*b/ on runs broken by b',
      (size: number) => repeatTo('aaaab', size),
      // Counted with exec, not text.match: V8 caches a global match's result array per subject
      // string, so ten calls on the same small input cost little and the ratio read ≈ 5.5.
      (text: string) => {
        const pattern = /a*b/g;
        let matches = 0;
        while (pattern.exec(text)) matches += 1;
        return matches;
      },
    ],
    [
      'the e-mail pattern with its lookbehind',
      (size: number) => repeatTo('a1', size),
      (text: string) => /(?<![A-Za-z0-9._%+-])[A-Za-z0-9._%+-]+@[A-Za-z0-9.-]+\.[A-Za-z]{2,}/iu.test(text),
    ],
  ])('%s', (_name, make, run) => {
    expect(growthRatio(make, run, { size: 200_000 })).toBeLessThan(LINEAR_LIMIT);
  });
});
