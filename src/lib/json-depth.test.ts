import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { nestsDeeperThan } from './json-depth';

describe('nestsDeeperThan', () => {
  it.each([
    ['a string', 'x', 0, false],
    ['null', null, 0, false],
    ['an empty array', [], 0, true],
    ['an empty array', [], 1, false],
    ['an object in an array', [{ a: 1 }], 1, true],
    ['an object in an array', [{ a: 1 }], 2, false],
  ])('%s, limit %i → %s', (_name, value, limit, deeper) => {
    expect(nestsDeeperThan(value, limit)).toBe(deeper);
  });

  it('finds 100,000 arrays deep without overflowing the stack', () => {
    expect(nestsDeeperThan(JSON.parse('['.repeat(100_000) + ']'.repeat(100_000)), 8)).toBe(true);
  });

  it('agrees with a recursive depth on any JSON value', () => {
    const depth = (value: unknown): number =>
      value !== null && typeof value === 'object' ? 1 + Math.max(0, ...Object.values(value).map(depth)) : 0;
    fc.assert(
      fc.property(fc.jsonValue(), fc.integer({ min: 0, max: 6 }), (value, limit) => {
        expect(nestsDeeperThan(value, limit)).toBe(depth(value) > limit);
      }),
    );
  });
});
