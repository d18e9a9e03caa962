// Team-sync bench (not part of npm test): `npx vitest run --config bench/vitest.sync.config.ts`.
// KEZHI_SYNC_ORDERS sets the scale (default 100,000).
import { defineConfig } from 'vitest/config';
import { WxtVitest } from 'wxt/testing/vitest-plugin';

export default defineConfig({
  plugins: [WxtVitest()],
  test: {
    environment: 'node',
    include: ['bench/sync.bench.ts'],
    setupFiles: ['test/setup.ts'],
    testTimeout: 3_600_000,
    hookTimeout: 120_000,
  },
});
