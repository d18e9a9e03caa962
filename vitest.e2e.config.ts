import { defineConfig } from 'vitest/config';

/** Browser tests: the built extension in Debian's Chromium, one file at a time. */
export default defineConfig({
  test: {
    include: ['test/e2e/**/*.e2e.ts'],
    environment: 'node',
    globals: true,
    testTimeout: 180_000,
    hookTimeout: 180_000,
    fileParallelism: false,
    pool: 'forks',
    reporters: process.env.KEZHI_REPORT_DIR
      ? ['default', ['json', { outputFile: `${process.env.KEZHI_REPORT_DIR}/e2e.json` }]]
      : ['default'],
  },
});
