// Node-side micro-profiles of the ingest's pure parts (npx vitest run --config bench/profile/vitest.config.ts).
// Not part of npm test: they time things, and timing belongs in the bench only.
import { defineConfig } from 'vitest/config';
import { WxtVitest } from 'wxt/testing/vitest-plugin';

export default defineConfig({
  plugins: [WxtVitest()],
  test: {
    globals: true,
    environment: 'node',
    include: ['bench/profile/*.profile.mjs'],
    testTimeout: 120_000,
  },
});
