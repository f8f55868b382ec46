import { defineConfig } from 'vitest/config';

// Two projects: `unit` runs the pure TypeScript in src/lib and scripts (fast, no browser);
// `e2e` builds the site, serves dist/ on 127.0.0.1 and drives Debian's Chromium through
// playwright-core. See tests/support/global-setup.ts for how a missing browser is handled.
export default defineConfig({
  test: {
    projects: [
      {
        test: {
          name: 'unit',
          include: ['src/**/*.test.ts', 'scripts/**/*.test.ts', 'tests/unit/**/*.test.ts'],
          environment: 'node',
          // A guard against a hang, not a speed goal (those are the growth checks and the
          // benchmarks): property tests and the CLI's spawned runs took 5–7 s each, over Vitest's
          // default 5 s, while the two cores were shared (2026-11-30, 8 of 1,834 failed so).
          testTimeout: 30_000,
          sequence: { groupOrder: 0 },
        },
      },
      {
        test: {
          name: 'e2e',
          include: ['tests/e2e/**/*.test.ts'],
          globalSetup: ['tests/support/global-setup.ts'],
          environment: 'node',
          testTimeout: 60_000,
          hookTimeout: 180_000,
          // One Chromium at a time: the machine has two cores.
          fileParallelism: false,
          // After the unit tests, not beside them: the timing checks (Lighthouse, long tasks on a
          // 1 MB paste) measure the main thread and must not share the two cores with them.
          sequence: { groupOrder: 1 },
        },
      },
    ],
  },
});
