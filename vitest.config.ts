import { defineConfig } from 'vitest/config';
import { WxtVitest } from 'wxt/testing/vitest-plugin';

/**
 * The "one day" tests run once per time zone: a worker's zone is fixed when it starts, so each
 * zone is its own project (TZ set in the worker's environment before anything reads a Date).
 */
const TIME_ZONES = ['UTC', 'Asia/Shanghai', 'America/Los_Angeles'];
const DAYS = 'test/days/**/*.test.ts';

export default defineConfig({
  plugins: [WxtVitest()],
  test: {
    globals: true,
    environment: 'node',
    setupFiles: ['test/setup.ts'],
    // No test asserts on time; the default 5 s limit only turned a property test that takes 6 s
    // on a loaded 2-core machine into a random failure. A hung test still fails, a minute later.
    testTimeout: 60_000,
    hookTimeout: 60_000,
    // .ci/run sums these JSON reports into its closing "N passed, N failed" line.
    reporters: process.env.KEZHI_REPORT_DIR
      ? ['default', ['json', { outputFile: `${process.env.KEZHI_REPORT_DIR}/unit.json` }]]
      : ['default'],
    projects: [
      {
        extends: true,
        test: {
          name: 'unit',
          include: ['test/**/*.test.{ts,tsx}'],
          exclude: ['test/e2e/**', 'node_modules/**', DAYS],
        },
      },
      ...TIME_ZONES.map((tz) => ({
        extends: true as const,
        test: {
          name: `days ${tz}`,
          include: [DAYS],
          env: { TZ: tz, KEZHI_EXPECT_TZ: tz },
          pool: 'forks' as const,
        },
      })),
    ],
  },
});
