/**
 * How an algorithm's time grows with its input, measured without a wall-clock limit: the time of
 * one run on an input of `size` against ten runs on inputs of a tenth of it. Both sides are the
 * same amount of work if the algorithm is linear (ratio about 1) and the large side is ten times
 * more if it is quadratic (ratio about 10), so the verdict does not depend on how fast or busy
 * the machine is. Plain TypeScript without Vitest, so that `npm run bench` can print the same
 * figure the tests judge (linear-time.ts holds the assertion).
 */

/** Ratios at or above this are not linear: quadratic growth gives about 10. */
export const LINEAR_LIMIT = 4;

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
 * time(one input of `size`) ÷ time(ten inputs of `size` / 10); the lowest of up to five rounds,
 * stopping at the first round under `limit` (a noisy shared machine can slow one round — CI once
 * measured a linear /a*b/ at 5.1 in three rounds of best-of-two —; a quadratic algorithm is slow
 * in every round). `make(size)` builds an input of about `size`
 * characters or bytes (not timed).
 */
export function growthRatio<T>(
  make: (size: number) => T,
  run: (input: T) => unknown,
  { size, limit = LINEAR_LIMIT }: { size: number; limit?: number },
): number {
  const small = make(Math.round(size / 10));
  const large = make(size);
  let ratio = Number.POSITIVE_INFINITY;
  for (let round = 0; round < 5 && ratio >= limit; round += 1) {
    best(() => run(small), 1); // warm up
    const tenSmall = best(() => {
      for (let index = 0; index < 10; index += 1) run(small);
    }, 3);
    const oneLarge = best(() => run(large), 3);
    // 0.05 ms: below it the timer, not the algorithm, decides the ratio.
    ratio = Math.min(ratio, oneLarge / Math.max(tenSmall, 0.05));
  }
  return ratio;
}
