import { defineConfig } from 'vitest/config';
import { WxtVitest } from 'wxt/testing/vitest-plugin';

export default defineConfig({
  plugins: [WxtVitest()],
  test: {
    globals: true,
    environment: 'node',
    include: ['test/**/*.test.{ts,tsx}'],
    exclude: ['test/e2e/**', 'node_modules/**'],
    setupFiles: ['test/setup.ts'],
    // .ci/run sums these JSON reports into its closing "N passed, N failed" line.
    reporters: process.env.KEZHI_REPORT_DIR
      ? ['default', ['json', { outputFile: `${process.env.KEZHI_REPORT_DIR}/unit.json` }]]
      : ['default'],
  },
});
