// npm run bench: the extension's speed targets, measured in Debian's Chromium with the built
// extension (real IndexedDB in the real service worker), against limits measured in the same run.
// Writes bench/results.json and bench/results.md and prints the table. One scenario per file in
// bench/scenarios; the environment variables are read in bench/harness.mjs (BENCH_N,
// BENCH_EXT_DIR, BENCH_ONLY, BENCH_OUT, BENCH_CSV_BUDGET_S, CHROMIUM_PATH).
import { pathToFileURL } from 'node:url';
import { createBench, writeReport } from './harness.mjs';
import { serveOrderPages } from './order-pages.mjs';
import csv from './scenarios/csv.mjs';
import idle from './scenarios/idle.mjs';
import incremental from './scenarios/incremental.mjs';
import ingest from './scenarios/ingest.mjs';
import lookup from './scenarios/lookup.mjs';
import mainShop from './scenarios/main-shop.mjs';
import overlay from './scenarios/overlay.mjs';
import popup from './scenarios/popup.mjs';
import sizes from './scenarios/sizes.mjs';

/** Scenarios by their BENCH_ONLY name, in the order they run: these two on the main shop alone, */
const ON_THE_SHOP = { ingest, incremental };
/** and these once the order pages are served. */
const ON_THE_PAGES = { overlay, lookup, popup, csv, idle };
export const SCENARIOS = Object.keys({ ...ON_THE_SHOP, ...ON_THE_PAGES });

/**
 * Runs the scenarios `b.want`s on a fresh browser and writes the table. `afterShop(b)`, if given,
 * runs once the main shop is built, before any scenario (the curve counts what was stored there).
 */
export async function runBench(b, { afterShop } = {}) {
  sizes(b); // no browser needed
  await b.open();
  await mainShop(b); // the shop every read-side figure uses: always built
  if (afterShop) await afterShop(b);
  for (const [name, run] of Object.entries(ON_THE_SHOP)) if (b.want(name)) await run(b);
  await serveOrderPages(b);
  for (const [name, run] of Object.entries(ON_THE_PAGES)) if (b.want(name)) await run(b);
  await b.close();
  writeReport(b);
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) await runBench(createBench());
