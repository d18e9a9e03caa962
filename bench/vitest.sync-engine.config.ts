// Sync-engine bench (not part of npm test): `npm run bench:sync-engine` builds the extension
// first. KEZHI_ENGINE_ORDERS sets N (default 10,000).
import { defineConfig } from 'vitest/config';
import { WxtVitest } from 'wxt/testing/vitest-plugin';

export default defineConfig({
  plugins: [WxtVitest()],
  test: {
    environment: 'node',
    include: ['bench/sync-engine.bench.ts'],
    testTimeout: 3_600_000,
    hookTimeout: 120_000,
  },
});
