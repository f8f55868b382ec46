import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { nestsDeeperThan as original } from '../json-depth';
import { nestsDeeperThan } from './case-depth';

describe('case-depth: the same answers as json-depth', () => {
  it.each<[string, unknown, number, boolean]>([
    ['a scalar', 'x', 0, false],
    ['an empty object at limit 1', {}, 1, false],
    ['an object at limit 0', {}, 0, true],
    ['three levels at limit 2', { a: [{ b: 1 }] }, 2, true],
    ['three levels at limit 3', { a: [{ b: 1 }] }, 3, false],
  ])('%s', (_, value, limit, deeper) => {
    expect(nestsDeeperThan(value, limit)).toBe(deeper);
  });
  it('100,000 levels: no stack overflow', () => {
    let value: unknown = 1;
    for (let i = 0; i < 100_000; i += 1) value = [value];
    expect(nestsDeeperThan(value, 8)).toBe(true);
  });
  it('property: agrees with json-depth on any JSON value', () => {
    fc.assert(
      fc.property(fc.jsonValue(), fc.integer({ min: 0, max: 6 }), (value, limit) => {
        expect(nestsDeeperThan(value, limit)).toBe(original(value, limit));
      }),
    );
  });
});
