/**
 * The tests' assertion of linear time (issue 21): growthRatio (growth-ratio.ts) under its limit.
 * A quadratic algorithm fails it; linear-time.test.ts proves that with known quadratic code.
 */
import { expect } from 'vitest';
import { growthRatio, LINEAR_LIMIT } from './growth-ratio';

export const MEGABYTE = 1_048_576;

/**
 * Asserts that `run` takes linear time in the size of its input: one 1 MB input (or `size`)
 * against ten inputs of a tenth of the size; see growthRatio. Returns the ratio.
 * `make(size)` builds an input of about `size` characters or bytes (not timed).
 */
export function expectLinearTime<T>(
  make: (size: number) => T,
  run: (input: T) => unknown,
  { size = MEGABYTE, limit = LINEAR_LIMIT }: { size?: number; limit?: number } = {},
): number {
  const ratio = growthRatio(make, run, { size, limit });
  expect(
    ratio,
    'time for one input ÷ time for ten inputs a tenth its size (linear ≈ 1, quadratic ≈ 10)',
  ).toBeLessThan(limit);
  return ratio;
}

/** A string of `length` code units made by repeating `piece`. */
export const repeatTo = (piece: string, length: number) =>
  piece.repeat(Math.ceil(length / piece.length)).slice(0, length);
