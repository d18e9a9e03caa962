// npm run bench:curve: how lookup, search, recompute and incremental ingest grow with the shop.
// Runs the bench's read-side scenarios (bench/scenarios) on the built extension at each shop size
// in CURVE_ORDERS (orders, default 10k, 100k and 1M), each size in its own fresh browser. Every
// shop is built as the full run's main shop is (bench/scenarios/main-shop.mjs: scripts/history.mjs
// orders sent through importBatch), with orders / 1.7 generated buyers who keep all their orders,
// so it holds about that many orders; the stored orders and customers are counted once it is
// built. Writes bench/curve.{json,md} and puts the chart into bench/results.md and the README's
// curve block. All points come from this one run on one build; the full run's point is not mixed in.
import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { createBench } from './harness.mjs';
import { SCENARIOS, runBench } from './run.mjs';

const HERE = new URL('.', import.meta.url).pathname;
if (process.env.CURVE_SIZES)
  throw new Error('CURVE_SIZES (customers) is gone: give CURVE_ORDERS, the shop sizes in orders');
const SIZES = (process.env.CURVE_ORDERS ?? '10000,100000,1000000')
  .split(',')
  .map(Number)
  .filter((n) => n > 0);
/** The generator's mean orders per buyer (scripts/history.mjs: 72 % buy once, 28 % 1–6 times). */
const ORDERS_PER_BUYER = 1.7;
const METRICS = [
  ['lookup_batch_100_ms', 'lookup, 100 rows (repeat)'],
  ['lookup_batch_100_cold_ms', 'lookup, 100 rows (cold)'],
  ['lookup_new_100_ms', 'lookup, 100 new orders (badges before writes)'],
  ['search_p95_ms_nick', 'search p95, nick'],
  ['search_p95_ms_pinyin', 'search p95, pinyin'],
  ['search_p95_ms_order', 'search p95, order id'],
  ['search_p95_ms_phone', 'search p95, phone tail'],
  ['popup_open_ms', 'popup open'],
  ['recompute_100k_customers_ms', 'full statistics recompute'],
  ['incremental_page_ms', 'incremental ingest, 50 orders'],
  // How loaded the machine was at each point (the same work at every size).
  ['message_roundtrip_ms', 'reference: a refused message round trip'],
  ['lookup_cold_raw_reads_ms', 'reference: raw reads under a cold lookup'],
];

/** The scenarios that grow with the shop (the main shop is always built). */
const CURVE_SCENARIOS = ['lookup', 'incremental', 'popup'];
for (const name of CURVE_SCENARIOS)
  if (!SCENARIOS.includes(name)) throw new Error(`no bench scenario ${name}`);

const git = (...args) => execFileSync('git', args, { cwd: HERE, encoding: 'utf8' }).trim();
const commit = git('rev-parse', 'HEAD');
const dirty = git('status', '--porcelain', '--untracked-files=no') !== '';
const loadavg = () => readFileSync('/proc/loadavg', 'utf8').split(' ').slice(0, 3).join(' ');
const started = Date.now();

/** Counts the extension's stored orders and customers (one shop in the database at this point). */
const countStored = (b) =>
  b.s.worker.evaluate(async () => {
    const req = (r) =>
      new Promise(
        (res, rej) => ((r.onsuccess = () => res(r.result)), (r.onerror = () => rej(r.error))),
      );
    const db = await req(indexedDB.open('kezhi'));
    const tx = db.transaction(['orders', 'customers'], 'readonly');
    const [orders, customers] = await Promise.all([
      req(tx.objectStore('orders').count()),
      req(tx.objectStore('customers').count()),
    ]);
    db.close();
    return { orders, customers };
  });

const points = [];
for (const orders of SIZES) {
  const buyers = Math.round(orders / ORDERS_PER_BUYER);
  const out = `/tmp/kezhi-curve-${orders}`;
  console.log(`curve: ${orders} orders (${buyers} buyers), load ${loadavg()}`);
  const t0 = Date.now();
  const b = createBench({
    ...process.env,
    BENCH_N: String(buyers),
    BENCH_ONLY: CURVE_SCENARIOS.join(','),
    BENCH_OUT: out,
  });
  let built;
  await runBench(b, {
    afterShop: async (b) => {
      built = { at: Date.now(), load: loadavg(), stored: await countStored(b) };
      b.log(`stored: ${built.stored.orders} orders, ${built.stored.customers} customers`);
    },
  });
  const r = JSON.parse(readFileSync(join(out, 'results.json'), 'utf8'));
  points.push({
    orders,
    buyers,
    stored: built.stored,
    buildS: Math.round(b.mainShopMs / 1000),
    measureS: Math.round((Date.now() - built.at) / 1000),
    totalS: Math.round((Date.now() - t0) / 1000),
    loadBuilt: built.load,
    loadEnd: loadavg(),
    r,
  });
}
const machine = points.find((p) => p.r.machine)?.r.machine;

const json = {
  machine,
  commit,
  dirty,
  generatedAt: new Date().toISOString(),
  durationS: Math.round((Date.now() - started) / 1000),
  points: points.map((p) => ({
    orders: p.orders,
    buyers: p.buyers,
    storedOrders: p.stored.orders,
    storedCustomers: p.stored.customers,
    buildS: p.buildS,
    measureS: p.measureS,
    totalS: p.totalS,
    loadavgBuilt: p.loadBuilt,
    loadavgEnd: p.loadEnd,
    generatedAt: p.r.generatedAt,
    ...Object.fromEntries(METRICS.map(([k]) => [k, p.r[k]?.median ?? null])),
  })),
};
writeFileSync(join(HERE, 'curve.json'), JSON.stringify(json, null, 2) + '\n');

const fmt = (x) =>
  x === null || x === undefined || !Number.isFinite(x)
    ? 'n/a'
    : x >= 100
      ? Math.round(x).toLocaleString('en-US')
      : x.toFixed(1);
const int = (x) => x.toLocaleString('en-US');
const short = (n) =>
  n >= 1e6 ? `${+(n / 1e6).toFixed(1)}M` : n >= 1e3 ? `${+(n / 1e3).toFixed(1)}k` : String(n);
const label = (p) => `${short(p.orders)} orders`;
const minutes = (s) => (s >= 60 ? `${Math.floor(s / 60)} min ${s % 60} s` : `${s} s`);
/** Largest size over smallest: how many times the figure grew while the shop grew. */
function growth(key) {
  const [a, z] = [json.points[0]?.[key], json.points.at(-1)?.[key]];
  return json.points.length > 1 && a > 0 && Number.isFinite(z) ? `${(z / a).toFixed(1)}×` : 'n/a';
}
/** A text bar per size, scaled to the metric's largest median (the chart is in a code block). */
function bars(key) {
  const vals = json.points.map((p) => p[key]);
  const max = Math.max(...vals.filter((v) => Number.isFinite(v)), 1);
  return json.points.map((p, i) => {
    const v = vals[i];
    const w = Number.isFinite(v) ? Math.max(1, Math.round((v / max) * 40)) : 0;
    return `  ${label(p).padStart(11)} ${'█'.repeat(w).padEnd(40)} ${fmt(v)} ms`;
  });
}
const spread = `${short(json.points[0]?.orders ?? 0)} → ${short(json.points.at(-1)?.orders ?? 0)}`;
const md = [
  '## Curve: how each figure grows with the shop',
  '',
  `Medians in ms at each shop size, from one \`npm run bench:curve\` run (${json.generatedAt}, ` +
    `${minutes(json.durationS)} in all) on one build (commit ${commit.slice(0, 10)}${dirty ? ', with uncommitted changes' : ''}). ` +
    (machine
      ? `Machine: ${machine.cpu}, ${machine.cores} cores, ${machine.memoryGb} GB; Chromium ${machine.chromium}; Node ${machine.node}. `
      : '') +
    'Each size is its own fresh browser; its shop is built through `importBatch` (generated orders, ' +
    `${ORDERS_PER_BUYER} per buyer on average), then counted.`,
  '',
  '| size | stored orders | stored customers | shop built in | measured in | load avg when built | load avg at end |',
  '| --- | --- | --- | --- | --- | --- | --- |',
  ...json.points.map(
    (p) =>
      `| ${label(p)} | ${int(p.storedOrders)} | ${int(p.storedCustomers)} | ${minutes(p.buildS)} (${int(Math.round(p.storedOrders / Math.max(p.buildS, 1)))} orders/s) | ${minutes(p.measureS)} | ${p.loadavgBuilt} | ${p.loadavgEnd} |`,
  ),
  '',
  `| metric | ${json.points.map((p) => `${label(p)} (${short(p.storedCustomers)} customers)`).join(' | ')} | ${spread} |`,
  `| --- | ${json.points.map(() => '---').join(' | ')} | --- |`,
  ...METRICS.map(
    ([k, name]) =>
      `| ${name} | ${json.points.map((p) => fmt(p[k])).join(' | ')} | ${growth(k)} |`,
  ),
  '',
  '```text',
  ...METRICS.flatMap(([k, name]) => [name, ...bars(k)]),
  '```',
  '',
].join('\n');
writeFileSync(join(HERE, 'curve.md'), md);

/** Replaces (or appends) the block between the curve markers in a markdown file. */
function patch(file) {
  if (!existsSync(file)) return;
  const text = readFileSync(file, 'utf8');
  const block = `<!-- curve:start -->\n${md}<!-- curve:end -->`;
  const re = /<!-- curve:start -->[\s\S]*?<!-- curve:end -->/;
  writeFileSync(file, re.test(text) ? text.replace(re, block) : `${text.trimEnd()}\n\n${block}\n`);
}
patch(join(HERE, 'results.md'));
patch(join(HERE, '..', 'README.md'));
console.log('\n' + md);
