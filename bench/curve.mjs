// npm run bench:curve: how lookup, search, recompute and incremental ingest grow with the shop.
// Runs the bench's read-side scenarios (bench/scenarios) at each size in CURVE_SIZES (customers; the shop holds
// ≈1.7 orders per customer) on the built extension, and adds the full run's point from
// bench/results.json when its scale is not among them. Writes bench/curve.{json,md} and puts the
// chart into bench/results.md (and the README's curve block).
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { createBench } from './harness.mjs';
import { SCENARIOS, runBench } from './run.mjs';

const HERE = new URL('.', import.meta.url).pathname;
const SIZES = (process.env.CURVE_SIZES ?? '10000,30000')
  .split(',')
  .map(Number)
  .filter((n) => n > 0);
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

const points = [];
for (const n of SIZES) {
  const out = `/tmp/kezhi-curve-${n}`;
  console.log(`curve: ${n} customers`);
  const t0 = Date.now();
  await runBench(
    createBench({
      ...process.env,
      BENCH_N: String(n),
      BENCH_ONLY: CURVE_SCENARIOS.join(','),
      BENCH_OUT: out,
    }),
  );
  const r = JSON.parse(readFileSync(join(out, 'results.json'), 'utf8'));
  points.push({ n, source: 'bench:curve', seconds: Math.round((Date.now() - t0) / 1000), r });
}
const full = join(HERE, 'results.json');
if (existsSync(full)) {
  const r = JSON.parse(readFileSync(full, 'utf8'));
  if (!SIZES.includes(r.scale)) points.push({ n: r.scale, source: 'npm run bench', r });
}
points.sort((a, b) => a.n - b.n);
const machine = points.find((p) => p.r.machine)?.r.machine;

const json = {
  machine,
  generatedAt: new Date().toISOString(),
  points: points.map((p) => ({
    customers: p.n,
    source: p.source,
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
const sizes = json.points.map((p) => p.customers);
const label = (n) => (n >= 1e6 ? `${n / 1e6}M` : `${n / 1e3}k`);
/** A text bar per size, scaled to the metric's largest median (the chart is in a code block). */
function bars(key) {
  const vals = json.points.map((p) => p[key]);
  const max = Math.max(...vals.filter((v) => Number.isFinite(v)), 1);
  return json.points.map((p, i) => {
    const v = vals[i];
    const w = Number.isFinite(v) ? Math.max(1, Math.round((v / max) * 40)) : 0;
    return `  ${label(p.customers).padStart(5)} ${'█'.repeat(w).padEnd(40)} ${fmt(v)} ms`;
  });
}
const md = [
  '## Curve: how each figure grows with the shop',
  '',
  `Medians in ms at each shop size (customers; ≈1.7 orders each). ${
    machine ? `Machine: ${machine.cpu}, ${machine.cores} cores; Chromium ${machine.chromium}.` : ''
  } Sources: ${json.points.map((p) => `${label(p.customers)} from \`${p.source}\` (${p.generatedAt})`).join('; ')}.`,
  '',
  `| metric | ${sizes.map(label).join(' | ')} |`,
  `| --- | ${sizes.map(() => '---').join(' | ')} |`,
  ...METRICS.map(([k, name]) => `| ${name} | ${json.points.map((p) => fmt(p[k])).join(' | ')} |`),
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
