import { expect } from 'vitest';

export const MEGABYTE = 1_048_576;

/** Best of `runs` timings of `work`, in milliseconds. */
function best(work: () => void, runs: number): number {
  let fastest = Number.POSITIVE_INFINITY;
  for (let run = 0; run < runs; run += 1) {
    const start = performance.now();
    work();
    fastest = Math.min(fastest, performance.now() - start);
  }
  return fastest;
}

/**
 * Asserts that `run` takes linear time in the size of its input: one 1 MB input against ten
 * inputs of a tenth of the size, which is the same work if the algorithm is linear (ratio about
 * 1) and ten times less if it is quadratic (ratio about 10). Both sides being the same amount of
 * work keeps timer resolution and warm-up out of the ratio; best-of-two timings and up to
 * three rounds absorb a noisy shared machine, while a quadratic algorithm fails every round.
 * `make(size)` builds an input of about `size` characters or bytes (not timed).
 */
export function expectLinearTime<T>(
  make: (size: number) => T,
  run: (input: T) => unknown,
  { size = MEGABYTE, limit = 4 }: { size?: number; limit?: number } = {},
): number {
  const small = make(Math.round(size / 10));
  const large = make(size);
  let ratio = Number.POSITIVE_INFINITY;
  for (let round = 0; round < 3 && ratio >= limit; round += 1) {
    best(() => run(small), 1); // warm up
    const tenSmall = best(() => {
      for (let index = 0; index < 10; index += 1) run(small);
    }, 2);
    const oneLarge = best(() => run(large), 2);
    ratio = Math.min(ratio, oneLarge / Math.max(tenSmall, 0.05));
  }
  expect(ratio, 'time for 1 MB ÷ time for 10 × 100 KB (linear ≈ 1, quadratic ≈ 10)').toBeLessThan(limit);
  return ratio;
}

/** A string of `length` code units made by repeating `piece`. */
export const repeatTo = (piece: string, length: number) =>
  piece.repeat(Math.ceil(length / piece.length)).slice(0, length);
