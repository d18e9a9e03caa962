// The benchmark's frame: options from the environment, the browser session, how a metric is
// recorded, and the table written at the end. Each scenario (bench/scenarios/*.mjs) gets one
// bench object and records its own figures; bench/run.mjs runs them in order.
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { EXTENSION_DIR, launch } from '../scripts/browser.mjs';
import { historyInstaller, machine, summarize } from './lib.mjs';
import { rawStoreInstaller } from './raw-store.mjs';

export const ORDER_URL = 'https://trade.taobao.com/trade/itemlist/list_sold_items.htm';
export const IDLE_URL = 'https://trade.taobao.com/some/other/page.htm';
/** A non-order route inside 千牛 (a single-page app): our script runs there, a URL check only. */
export const IDLE_SPA_URL = 'https://myseller.taobao.com/home.htm/shop-manage/overview';
export const MAIN_SHOP = 'kzbench';
/** Orders per importBatch message. */
export const BATCH = 2000;

/** The order of the table's rows; metrics not named here follow in the order they came. */
const ORDER = [
  'ingest_orders_per_s',
  'ingest_vs_raw_idb',
  'ingest_vs_raw_idb_grouped',
  'csv_import_100k_s',
  'csv_import_longest_task_ms',
  'overlay_first_visit_ms',
  'overlay_100_rows_ms',
  'overlay_longest_task_ms',
  'overlay_heap_delta_mb',
  'lookup_batch_100_ms',
  'lookup_batch_100_cold_ms',
  'search_p95_ms_nick',
  'search_p95_ms_pinyin',
  'search_p95_ms_order',
  'search_p95_ms_phone',
  'popup_open_ms',
  'recompute_100k_customers_ms',
  'incremental_page_ms',
  'incremental_raw_put_ms',
  'incremental_raw_orders_customers_ms',
  'content_js_gzip_kb',
  'overlay_detail_js_gzip_kb',
  'order_page_scripts_gzip_kb',
  'background_js_gzip_kb',
  'idle_page_script_ms',
  'idle_spa_page_script_ms',
  'db_bytes_per_order',
];

export function fmt(x) {
  if (!Number.isFinite(x)) return 'n/a';
  if (Math.abs(x) >= 1000) return Math.round(x).toLocaleString('en-US');
  if (Math.abs(x) >= 100) return x.toFixed(0);
  if (Math.abs(x) >= 10) return x.toFixed(1);
  return x.toFixed(2);
}

/**
 * The bench object every scenario gets. BENCH_N (default 100000) scales every 100k figure down
 * for a quick look; BENCH_EXT_DIR points at another build; BENCH_ONLY=ingest,overlay,… runs some
 * scenarios, and such a partial run writes its table to BENCH_OUT (default /tmp/kezhi-bench).
 */
export function createBench(env = process.env) {
  const only = env.BENCH_ONLY?.split(',');
  const started = Date.now();
  const outDir =
    env.BENCH_OUT ?? (only ? '/tmp/kezhi-bench' : new URL('.', import.meta.url).pathname);
  mkdirSync(outDir, { recursive: true });
  const results = {};
  const log = (...a) =>
    console.log(`[${((Date.now() - started) / 1000).toFixed(0).padStart(3)}s]`, ...a);
  const b = {
    n: Number(env.BENCH_N ?? 100_000),
    extDir: env.BENCH_EXT_DIR ?? EXTENSION_DIR,
    env,
    started,
    outDir,
    results,
    now: Date.now(),
    log,
    /** Whether BENCH_ONLY asks for this scenario (the main shop is always built). */
    want: (name) => !only || only.includes(name),
    /** Records one metric: its runs, their summary, the target and whether the median meets it. */
    record(key, runs, { unit, target, better = 'lower', note } = {}) {
      const s = summarize(runs.filter((x) => Number.isFinite(x)));
      const met =
        target === undefined || !Number.isFinite(s.median)
          ? null
          : better === 'lower'
            ? s.median <= target
            : s.median >= target;
      results[key] = { unit, median: s.median, min: s.min, max: s.max, q1: s.q1, q3: s.q3 };
      Object.assign(results[key], { runs, target, better, met, note });
      const spread = runs.length > 1 ? `(${fmt(s.min)}–${fmt(s.max)})` : '';
      log(key, fmt(s.median), unit, spread, met === null ? '' : met ? 'met' : 'MISSED');
    },
    /** The browser with the built extension; `b.closed` once a scenario closed it. */
    async open() {
      b.s = await launch({ extensionDir: b.extDir });
      b.chromium =
        b.s.context.browser()?.version() ?? (await b.s.worker.evaluate(() => navigator.userAgent));
      b.ext = `chrome-extension://${b.s.extensionId}`;
      b.closed = false;
    },
    async close() {
      if (b.closed || !b.s) return;
      b.closed = true;
      await b.s.close();
    },
    /** A quiet extension page (no liveQuery re-rendering while we write): the manifest's JSON view. */
    async extensionPage() {
      const page = await b.s.context.newPage();
      await page.goto(`${b.ext}/manifest.json`);
      await page.evaluate(historyInstaller());
      await page.evaluate(rawStoreInstaller());
      return page;
    },
  };
  return b;
}

/** Writes results.json and results.md into the bench's out dir and prints the table. */
export function writeReport(b) {
  const { results, n } = b;
  const extra = Object.keys(results).filter((k) => !ORDER.includes(k));
  const keys = [...ORDER, ...extra].filter((k) => results[k]);
  const env = machine(b.chromium);
  const out = {
    machine: env,
    generatedAt: new Date().toISOString(),
    scale: n,
    durationS: Math.round((Date.now() - b.started) / 1000),
    ...Object.fromEntries(keys.map((k) => [k, results[k]])),
  };
  writeFileSync(join(b.outDir, 'results.json'), JSON.stringify(out, null, 2) + '\n');

  const target = (r) =>
    r.target === undefined ? '—' : `${r.better === 'higher' ? '≥' : '≤'} ${r.target}`;
  const spread = (r) =>
    r.runs.length > 1 ? `${fmt(r.min)}–${fmt(r.max)} (n=${r.runs.length})` : 'single';
  const met = (r) => (r.met === null ? '—' : r.met ? 'yes' : '**no**');
  const md = [
    `# Benchmark results`,
    '',
    `Machine: ${env.cpu}, ${env.cores} cores, ${env.memoryGb} GB; ${env.chromium}; Node ${env.node}. ` +
      `Scale ${n.toLocaleString('en-US')}; ${out.generatedAt}; took ${out.durationS} s.`,
    '',
    '| metric | median | spread (min–max) | target | met? |',
    '| --- | --- | --- | --- | --- |',
    ...keys.map((k) => {
      const r = results[k];
      return `| \`${k}\` | ${fmt(r.median)} ${r.unit} | ${spread(r)} | ${target(r)} | ${met(r)} |`;
    }),
    '',
    'Notes:',
    ...keys.filter((k) => results[k].note).map((k) => `- \`${k}\`: ${results[k].note}`),
    '',
  ].join('\n');
  // The curve (npm run bench:curve) keeps its block in results.md across full runs.
  const curveMd = join(b.outDir, 'curve.md');
  const curve = existsSync(curveMd)
    ? `\n<!-- curve:start -->\n${readFileSync(curveMd, 'utf8')}<!-- curve:end -->\n`
    : '';
  writeFileSync(join(b.outDir, 'results.md'), md + curve);
  console.log('\n' + md);
}
