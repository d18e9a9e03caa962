/* global chrome -- evaluated in extension pages and the content script world, where it is defined */
// npm run bench: the extension's speed targets, measured in Debian's Chromium with the built
// extension (real IndexedDB in the real service worker), against limits measured in the same run.
// Writes bench/results.json and bench/results.md and prints the table.
//
// BENCH_N (default 100000) scales every 100k figure down for a quick look; BENCH_EXT_DIR points
// at another build.
import { gzipSync } from 'node:zlib';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { chromium } from 'playwright-core';
import { EXTENSION_DIR, launch, until } from '../scripts/browser.mjs';
import {
  IDLE_PAGE,
  chinaStamp,
  historyInstaller,
  machine,
  percentile,
  summarize,
  taobaoCsv,
  taobaoOldPage,
} from './lib.mjs';

const N = Number(process.env.BENCH_N ?? 100_000);
const EXT = process.env.BENCH_EXT_DIR ?? EXTENSION_DIR;
const BATCH = 2000;
const MAIN_SHOP = 'kzbench';
const ORDER_URL = 'https://trade.taobao.com/trade/itemlist/list_sold_items.htm';
const IDLE_URL = 'https://trade.taobao.com/some/other/page.htm';
/** A non-order route inside 千牛 (a single-page app): our script runs there, a URL check only. */
const IDLE_SPA_URL = 'https://myseller.taobao.com/home.htm/shop-manage/overview';
const started = Date.now();
const ONLY = process.env.BENCH_ONLY?.split(',');
/** BENCH_ONLY=ingest,overlay,… runs some sections (the main shop is always built). */
const want = (section) => !ONLY || ONLY.includes(section);
/** A partial run (BENCH_ONLY) writes its table to BENCH_OUT (default /tmp/kezhi-bench), not bench/. */
const OUT_DIR =
  process.env.BENCH_OUT ?? (ONLY ? '/tmp/kezhi-bench' : new URL('.', import.meta.url).pathname);
mkdirSync(OUT_DIR, { recursive: true });
const log = (...a) =>
  console.log(`[${((Date.now() - started) / 1000).toFixed(0).padStart(3)}s]`, ...a);

const results = {};
/** Records one metric: its runs, their summary, the target and whether the median meets it. */
function record(key, runs, { unit, target, better = 'lower', note } = {}) {
  const s = summarize(runs.filter((x) => Number.isFinite(x)));
  const met =
    target === undefined || !Number.isFinite(s.median)
      ? null
      : better === 'lower'
        ? s.median <= target
        : s.median >= target;
  results[key] = {
    unit,
    median: s.median,
    min: s.min,
    max: s.max,
    q1: s.q1,
    q3: s.q3,
    runs,
    target,
    better,
    met,
    note,
  };
  log(
    key,
    fmt(s.median),
    unit,
    runs.length > 1 ? `(${fmt(s.min)}–${fmt(s.max)})` : '',
    met === null ? '' : met ? 'met' : 'MISSED',
  );
}
function fmt(x) {
  if (!Number.isFinite(x)) return 'n/a';
  if (Math.abs(x) >= 1000) return Math.round(x).toLocaleString('en-US');
  if (Math.abs(x) >= 100) return x.toFixed(0);
  if (Math.abs(x) >= 10) return x.toFixed(1);
  return x.toFixed(2);
}

// ---------------------------------------------------------------------------------------------
// Bundle sizes (no browser needed)
const gz = (f) => gzipSync(readFileSync(join(EXT, f))).length / 1024;
// Each platform's order pages get their own isolated script plus the MAIN-world interceptor; the
// figure is the largest such pair. The overlay's detail half (cards, 催付 assistant) is injected
// by the background after the badges are up, and counted on its own.
const manifest = JSON.parse(readFileSync(join(EXT, 'manifest.json'), 'utf8'));
const pageScripts = manifest.content_scripts.flatMap((c) => c.js);
const isolated = pageScripts.filter((f) => !f.endsWith('/interceptor.js'));
const perPage = isolated.map((f) => [f, gz(f) + gz('content-scripts/interceptor.js')]);
const [largest, largestKb] = perPage.reduce((a, b) => (b[1] > a[1] ? b : a));
record('content_js_gzip_kb', [largestKb], {
  unit: 'kB',
  target: 30,
  note: `largest per page: ${largest.replace(/^.*\//, '')} + interceptor.js; ${perPage
    .map(([f, kb]) => `${f.replace(/^.*\//, '').replace('.js', '')} ${fmt(kb)}`)
    .join(', ')}`,
});
record('overlay_detail_js_gzip_kb', [gz('overlay-assistant.js')], {
  unit: 'kB',
  note: 'chip cards and the 催付 assistant: injected into the order page once its badges are up',
});
record('background_js_gzip_kb', [gz('background.js')], { unit: 'kB' });
// Everything an order page can load, summed: its platform's script, the MAIN-world interceptor
// and, once the seller first hovers or clicks an overlay, the detail half.
const everyScript = perPage.map(([f, kb]) => [f, kb + gz('overlay-assistant.js')]);
const [widest, widestKb] = everyScript.reduce((a, b) => (b[1] > a[1] ? b : a));
record('order_page_scripts_gzip_kb', [widestKb], {
  unit: 'kB',
  target: 40,
  note: `every script an order page loads, summed (largest platform): ${widest.replace(/^.*\//, '')} + interceptor.js + overlay-assistant.js (the last on the first hover or click of an overlay)`,
});

const s = await launch({ extensionDir: EXT });
const chromiumVersion =
  s.context.browser()?.version() ?? (await s.worker.evaluate(() => navigator.userAgent));
const ext = `chrome-extension://${s.extensionId}`;

/** A quiet extension page (no liveQuery re-rendering while we write): the manifest's JSON view. */
async function extensionPage() {
  const page = await s.context.newPage();
  await page.goto(`${ext}/manifest.json`);
  await page.evaluate(historyInstaller());
  return page;
}

/** In an extension page: generate `count` orders and send them as importBatch messages. */
async function ingestFromPage(
  page,
  gen,
  { batch = BATCH, raw = false, estimate = false, from = 0, to, workload = 'generateHistory' } = {},
) {
  return page.evaluate(
    async ({ gen, batch, raw, estimate, from, to, workload }) => {
      const orders = globalThis.__kzHistory[workload](gen).slice(from, to ?? undefined);
      const before = estimate ? (await navigator.storage.estimate()).usage : 0;
      let written = 0;
      let rejected = 0;
      const unique = new Set(orders.map((o) => o.orderId)).size;
      const t0 = performance.now();
      for (let i = 0; i < orders.length; i += batch) {
        const r = await chrome.runtime.sendMessage({
          kezhi: 1,
          name: 'importBatch',
          input: { orders: orders.slice(i, i + batch) },
        });
        if (!r?.ok) throw new Error(`importBatch: ${r?.error}`);
        written += r.value.written;
        rejected += r.value.rejected.length;
      }
      const ingestMs = performance.now() - t0;
      let after = 0;
      if (estimate) {
        await new Promise((res) => setTimeout(res, 1000));
        after = (await navigator.storage.estimate()).usage;
      }
      let rawMs = NaN;
      if (raw) {
        // The same records, with the keys the orders table indexes, put in one transaction into
        // a separate database with the orders table's index layout.
        const name = `kezhi-bench-raw-${Math.random().toString(36).slice(2)}`;
        const db = await new Promise((res, rej) => {
          const open = indexedDB.open(name, 1);
          open.onupgradeneeded = () => {
            const st = open.result.createObjectStore('orders', { keyPath: 'key' });
            st.createIndex('customerKey', 'customerKey');
            st.createIndex('platform+shopId+createdAt', ['platform', 'shopId', 'createdAt']);
            st.createIndex('status', 'status');
          };
          open.onsuccess = () => res(open.result);
          open.onerror = () => rej(open.error);
        });
        const records = orders.map((o) => ({
          ...o,
          key: `${o.platform}:${o.shopId}:${o.orderId}`,
          customerKey: `${o.platform}:${o.shopId}:${o.buyerId}`,
        }));
        const t1 = performance.now();
        await new Promise((res, rej) => {
          const tx = db.transaction('orders', 'readwrite');
          const st = tx.objectStore('orders');
          for (const r of records) st.put(r);
          tx.oncomplete = res;
          tx.onerror = () => rej(tx.error);
        });
        rawMs = performance.now() - t1;
        db.close();
        await new Promise((res) => {
          const del = indexedDB.deleteDatabase(name);
          del.onsuccess = del.onerror = del.onblocked = res;
        });
      }
      return {
        count: orders.length,
        unique,
        written,
        rejected,
        ingestMs,
        rawMs,
        bytes: after - before,
      };
    },
    { gen, batch, raw, estimate, from, to: to ?? null, workload },
  );
}

// ---------------------------------------------------------------------------------------------
// 1. The 100k-customer shop the read-side figures use: every generated buyer keeps all their
//    orders (≈1.7 per buyer), sent through importBatch like any import.
const now = Date.now();
const ctl = await extensionPage();
log(`building the main shop: ${N} customers`);
const MAIN_GEN = {
  platform: 'taobao',
  shopId: MAIN_SHOP,
  orders: 10 * N,
  buyers: N,
  now,
  seed: 11,
  idPrefix: '4100',
};
// Its first N orders are ingest run 1 (timed against raw put); the rest is sent untimed.
const ingestRuns = [];
if (want('ingest')) {
  const r = await ingestFromPage(ctl, MAIN_GEN, { raw: true, estimate: true, to: N });
  ingestRuns.push(r);
  log(
    `ingest run 1 (main shop, first ${N}): ${(r.ingestMs / 1000).toFixed(1)} s, raw put ${(r.rawMs / 1000).toFixed(1)} s`,
  );
}
const main = await ingestFromPage(ctl, MAIN_GEN, { from: want('ingest') ? N : 0 });
log(
  `main shop: ${main.count} more orders, ${main.written} written, ${main.rejected} rejected in ${(main.ingestMs / 1000).toFixed(1)} s`,
);

// ---------------------------------------------------------------------------------------------
// 2. Ingest of N orders into a fresh shop vs raw IndexedDB put of the same records.
if (want('ingest')) {
  // Runs 2–4: the realistic workload (scripts/history.mjs realisticPages): random order ids,
  // buyers interleaved, a third masked, 1–4 items, list pages of 100 that overlap by a fifth,
  // into fresh shops. Run 1 (the main shop's first N, ids in order and grouped by buyer, the
  // easy case for range reads) is reported on its own.
  for (let run = 2; run <= 4; run++) {
    const r = await ingestFromPage(
      ctl,
      {
        platform: 'taobao',
        shopId: `bench-ingest-${run}`,
        orders: Math.round(N / 4),
        buyers: Math.round(N / 6),
        now,
        seed: 100 + run,
      },
      { raw: true, workload: 'realisticPages' },
    );
    ingestRuns.push(r);
    log(
      `ingest run ${run} (realistic): ${r.count} sightings of ${r.unique} orders in ${(r.ingestMs / 1000).toFixed(1)} s, raw put ${(r.rawMs / 1000).toFixed(1)} s`,
    );
  }
  for (const r of ingestRuns) {
    if (r.rejected > 0) throw new Error(`ingest: ${r.rejected} rejected`);
    if (r.written < r.unique) throw new Error(`ingest: ${r.written} written of ${r.unique}`);
  }
  const realistic = ingestRuns.slice(1);
  const rates = realistic.map((r) => r.count / (r.ingestMs / 1000));
  const ratios = realistic.map((r) => r.rawMs / r.ingestMs);
  const bytes = [ingestRuns[0].bytes / ingestRuns[0].count];
  // What bounds the ratio: the same orders AND the customer aggregates ingest wrote (read back
  // from the extension's database), put raw into a database with the same index layout.
  const bound = await ctl.evaluate(async (shopId) => {
    const req = (r) =>
      new Promise(
        (res, rej) => ((r.onsuccess = () => res(r.result)), (r.onerror = () => rej(r.error))),
      );
    const kz = await req(indexedDB.open('kezhi'));
    const tx = kz.transaction(['orders', 'customers'], 'readonly');
    const range = IDBKeyRange.bound(`taobao:${shopId}:`, `taobao:${shopId}:\uffff`);
    const [orders, customers] = await Promise.all([
      req(tx.objectStore('orders').getAll(range)),
      req(tx.objectStore('customers').getAll(range)),
    ]);
    kz.close();
    /** Raw put of the orders and customers into a fresh database with the tables' indexes. */
    const rawPut = async (withSearchIndex) => {
      const name = `kezhi-bench-bound-${Math.random().toString(36).slice(2)}`;
      const open = indexedDB.open(name, 1);
      open.onupgradeneeded = () => {
        const o = open.result.createObjectStore('orders', { keyPath: 'key' });
        o.createIndex('customerKey', 'customerKey');
        o.createIndex('platform+shopId+createdAt', ['platform', 'shopId', 'createdAt']);
        o.createIndex('status', 'status');
        const c = open.result.createObjectStore('customers', { keyPath: 'key' });
        c.createIndex('platform+shopId', ['platform', 'shopId']);
        if (withSearchIndex) c.createIndex('searchTerms', 'searchTerms', { multiEntry: true });
        c.createIndex('lastOrderAt', 'lastOrderAt');
      };
      const db = await req(open);
      const t0 = performance.now();
      await new Promise((res, rej) => {
        const w = db.transaction(['orders', 'customers'], 'readwrite');
        for (const r of orders) w.objectStore('orders').put(r);
        for (const r of customers) w.objectStore('customers').put(r);
        w.oncomplete = res;
        w.onerror = () => rej(w.error);
      });
      const ms = performance.now() - t0;
      db.close();
      await new Promise((res) => {
        const del = indexedDB.deleteDatabase(name);
        del.onsuccess = del.onerror = del.onblocked = res;
      });
      return ms;
    };
    const ms = await rawPut(true);
    const msNoSearch = await rawPut(false);
    const terms = customers.reduce((n, c) => n + c.searchTerms.length, 0) / customers.length;
    return { ms, msNoSearch, orders: orders.length, customers: customers.length, terms };
  }, 'bench-ingest-2');
  const run2 = ingestRuns[1];
  record('raw_orders_and_customers_vs_ingest', [bound.ms / run2.ingestMs], {
    unit: '×',
    note: `raw put of run 2's ${bound.orders} orders + ${bound.customers} customer aggregates (${bound.terms.toFixed(1)} search keys each, same indexes) / ingest time: the ceiling for ingest_vs_raw_idb`,
  });
  record('raw_orders_and_customers_no_search_index_vs_ingest', [bound.msNoSearch / run2.ingestMs], {
    unit: '×',
    note: 'the same raw put without the customers’ multiEntry search index / ingest time: what the search keys cost',
  });
  record('ingest_orders_per_s', rates, {
    unit: 'orders/s',
    better: 'higher',
    note: `realistic workload: ${realistic[0].count} sightings of ${realistic[0].unique} orders per run (random ids, interleaved buyers, a third masked, 1–4 items, pages of 100 overlapping by 20 %), importBatch of ${BATCH}`,
  });
  record('ingest_vs_raw_idb', ratios, {
    unit: '×',
    target: 0.5,
    better: 'higher',
    note: 'realistic workload (runs 2–4): raw put of the same sightings (orders table layout, one transaction) / ingest time, same run',
  });
  record('ingest_vs_raw_idb_grouped', [ingestRuns[0].rawMs / ingestRuns[0].ingestMs], {
    unit: '×',
    better: 'higher',
    note: `the easy case, for comparison: the main shop's first ${N} orders (ids in order, grouped by buyer)`,
  });
  record('db_bytes_per_order', bytes, {
    unit: 'B',
    note: 'storage.estimate() delta over the first ingest run / orders',
  });
}

// ---------------------------------------------------------------------------------------------
// 3. Incremental: a page of 50 new orders from known buyers of the 100k shop.
if (want('incremental')) {
  const runs = await ctl.evaluate(
    async ({ shopId, now, n }) => {
      const { rng } = globalThis.__kzHistory;
      const rand = rng(5);
      const out = [];
      const raw = [];
      // The floor: the same 50 order records put raw into a store with the orders table's indexes.
      const scratch = await new Promise((res, rej) => {
        const open = indexedDB.open(`kezhi-bench-inc-${Math.random().toString(36).slice(2)}`, 1);
        open.onupgradeneeded = () => {
          const st = open.result.createObjectStore('orders', { keyPath: 'key' });
          st.createIndex('customerKey', 'customerKey');
          st.createIndex('platform+shopId+createdAt', ['platform', 'shopId', 'createdAt']);
          st.createIndex('status', 'status');
        };
        open.onsuccess = () => res(open.result);
        open.onerror = () => rej(open.error);
      });
      for (let run = 0; run < 9; run++) {
        const orders = Array.from({ length: 50 }, (_, i) => {
          const b = 2 * (1 + Math.floor(rand() * (n / 2 - 1)));
          const nick = `tb_demo_${String(b).padStart(5, '0')}`;
          return {
            platform: 'taobao',
            shopId,
            orderId: `43${String(run).padStart(3, '0')}${String(i).padStart(14, '0')}`,
            buyerId: `nick:${nick}`,
            buyerNick: nick,
            identity: 'known',
            status: 'paid',
            createdAt: now - 3600_000,
            paidAt: now - 3500_000,
            amount: 9900,
            items: [
              {
                title: '纯棉短袖T恤 男女同款 宽松圆领',
                quantity: 1,
                unitPrice: 9900,
                itemId: '600000000000',
              },
            ],
            source: 'dom',
          };
        });
        const t0 = performance.now();
        const r = await chrome.runtime.sendMessage({
          kezhi: 1,
          name: 'importBatch',
          input: { orders },
        });
        const ms = performance.now() - t0;
        if (!r?.ok || r.value.written !== 50)
          throw new Error(`incremental: ${JSON.stringify(r).slice(0, 200)}`);
        out.push(ms);
        const t1 = performance.now();
        await new Promise((res, rej) => {
          const tx = scratch.transaction('orders', 'readwrite');
          for (const o of orders)
            tx.objectStore('orders').put({
              ...o,
              key: `${o.platform}:${o.shopId}:${o.orderId}`,
              customerKey: `${o.platform}:${o.shopId}:${o.buyerId}`,
            });
          tx.oncomplete = res;
          tx.onerror = () => rej(tx.error);
        });
        raw.push(performance.now() - t1);
      }
      const name = scratch.name;
      scratch.close();
      indexedDB.deleteDatabase(name);
      return { out, raw };
    },
    { shopId: MAIN_SHOP, now, n: N },
  );
  const rawMedian = summarize(runs.raw.slice(2)).median;
  record('incremental_page_ms', runs.out.slice(2), {
    unit: 'ms',
    // The target is twice the raw put of the same 50 orders in the same run.
    target: Math.round(2 * rawMedian * 10) / 10,
    note: '50 new orders into the 100k shop, importBatch round trip; target: 2 × incremental_raw_put_ms of this run',
  });
  record('incremental_raw_put_ms', runs.raw.slice(2), {
    unit: 'ms',
    note: 'the floor for incremental_page_ms: the same 50 orders put raw (orders indexes, one transaction), same run',
  });
}

// ---------------------------------------------------------------------------------------------
// 4. Overlay: 100 orders of known buyers on the Taobao old page.
// Even-numbered generated buyers have reproducible nicks (tb_demo_…): the page uses those.
const pageOrders = Array.from({ length: 100 }, (_, i) => {
  const b = 2 * (1 + ((i * 997) % Math.floor(N / 2 - 1)));
  return {
    orderId: `4400${String(i).padStart(15, '0')}`,
    nick: `tb_demo_${String(b).padStart(5, '0')}`,
    time: chinaStamp(now - (i + 1) * 600_000),
  };
});
await s.serve(ORDER_URL, taobaoOldPage(pageOrders));
/**
 * First visits: each run a list page of 100 orders the shop has never seen (ids of its own):
 * four in five from the shop's known buyers, one in five from buyers new to the shop.
 */
const firstVisitOrders = (run) =>
  Array.from({ length: 100 }, (_, i) => {
    const b = 2 * (1 + ((i * 7919 + run * 104_729) % Math.floor(N / 2 - 1)));
    return {
      orderId: `45${String(run).padStart(2, '0')}${String(i).padStart(15, '0')}`,
      nick: i % 5 === 4 ? `kz_new_${run}_${i}` : `tb_demo_${String(b).padStart(5, '0')}`,
      time: chinaStamp(now - (i + 1) * 300_000),
    };
  });
await s.context.route(/list_sold_items\.htm\?kzfirst=\d+$/, (route) =>
  route.fulfill({
    status: 200,
    contentType: 'text/html; charset=utf-8',
    body: taobaoOldPage(firstVisitOrders(Number(/kzfirst=(\d+)/.exec(route.request().url())[1]))),
  }),
);
await s.serve(/https:\/\/trade\.taobao\.com\/kzbench-baseline\.htm/, taobaoOldPage(pageOrders));
await s.serve(IDLE_URL, IDLE_PAGE);
await s.serve(IDLE_SPA_URL, IDLE_PAGE);

/** Loads the order page once and returns what the page probe saw. */
async function overlayVisit(url = ORDER_URL, expectBadges = true) {
  const page = await s.context.newPage();
  const cdp = await s.context.newCDPSession(page);
  await cdp.send('Performance.enable');
  await page.goto(url, { waitUntil: 'domcontentloaded' });
  if (expectBadges)
    await page.waitForFunction(() => window.__kz?.doneAt > 0, null, { timeout: 60_000 });
  else await page.waitForTimeout(1500);
  await page.waitForTimeout(300); // let the last paint and any trailing task land
  await cdp.send('HeapProfiler.collectGarbage');
  const metrics = Object.fromEntries(
    (await cdp.send('Performance.getMetrics')).metrics.map((m) => [m.name, m.value]),
  );
  const probe = await page.evaluate(() => window.__kz);
  await cdp.detach();
  return { page, probe, heap: metrics.JSHeapUsedSize, script: metrics.ScriptDuration };
}

if (want('overlay')) {
  log('overlay: first visits (100 new orders each)');
  const firstMs = [];
  const firstLongest = [];
  for (let run = 1; run <= 5; run++) {
    const v = await overlayVisit(`${ORDER_URL}?kzfirst=${run}`);
    firstMs.push(v.probe.doneAt - v.probe.rowsAt);
    const after = v.probe.longTasks.filter(([start]) => start >= v.probe.rowsAt);
    firstLongest.push(Math.max(0, ...after.map(([, d]) => d)));
    // The ingest after the badges: wait until the page's orders are stored before the next visit.
    await v.page.waitForTimeout(1500);
    await v.page.close();
  }
  // The main page's orders stored (its repeat visits below are repeats).
  const seed = await overlayVisit();
  await seed.page.waitForTimeout(1500);
  await seed.page.close();
  const ms = [];
  const longest = [];
  const heap = [];
  for (let run = 0; run < 7; run++) {
    const base = await overlayVisit('https://trade.taobao.com/kzbench-baseline.htm', false);
    if (await base.page.locator('kezhi-overlay').count())
      throw new Error('badges on the baseline page');
    await base.page.close();
    const v = await overlayVisit();
    ms.push(v.probe.doneAt - v.probe.rowsAt);
    const after = v.probe.longTasks.filter(([start]) => start >= v.probe.rowsAt);
    longest.push(Math.max(0, ...after.map(([, d]) => d)));
    heap.push((v.heap - base.heap) / 2 ** 20);
    await v.page.close();
  }
  record('overlay_100_rows_ms', ms, {
    unit: 'ms',
    target: 50,
    note: 'repeat visit: rows parsed to every row badged (the page is re-sent; lookup paints, the ingest re-check follows)',
  });
  record('overlay_first_visit_ms', firstMs, {
    unit: 'ms',
    target: 150,
    note: '5 pages of 100 orders the shop never saw (1 in 5 from new buyers): rows parsed to every row badged; the ingest runs after the badges. Run 1 also builds the shop statistics after the main shop’s import',
  });
  record('overlay_longest_task_ms', [...firstLongest, ...longest], {
    unit: 'ms',
    target: 50,
    note: 'longtask entries on the order page after the rows were parsed (first and repeat visits)',
  });
  record('overlay_heap_delta_mb', heap, {
    unit: 'MB',
    target: 5,
    note: 'JSHeapUsedSize after GC: order page vs same markup on a non-order URL',
  });
}

// ---------------------------------------------------------------------------------------------
// 5. Lookup and recompute, sent from the content script's own isolated world on a matched page.
if (want('lookup')) {
  const page = await s.context.newPage();
  const cdp = await s.context.newCDPSession(page);
  const contexts = [];
  cdp.on('Runtime.executionContextCreated', (e) => contexts.push(e.context));
  await cdp.send('Runtime.enable');
  // A page where an order script runs (trade.taobao.com's other pages get none since the split).
  await page.goto(IDLE_SPA_URL);
  const world = await until('the content script world', async () =>
    contexts.find((c) => c.auxData?.type === 'isolated' && c.origin.startsWith(ext)),
  );
  const inContent = async (fn, arg) => {
    const r = await cdp.send('Runtime.evaluate', {
      expression: `(${fn})(${JSON.stringify(arg)})`,
      contextId: world.id,
      awaitPromise: true,
      returnByValue: true,
    });
    if (r.exceptionDetails) throw new Error(JSON.stringify(r.exceptionDetails).slice(0, 300));
    return r.result.value;
  };
  const syncTimes = (arg) =>
    inContent(async ({ ids, runs, shopId }) => {
      const out = [];
      for (let i = 0; i < runs; i++) {
        const t0 = performance.now();
        const r = await chrome.runtime.sendMessage({
          kezhi: 1,
          name: 'sync',
          input: {
            adapter: 'taobao-old',
            platform: 'taobao',
            shopId,
            orders: [],
            rows: ids.map((orderId) => ({ orderId })),
          },
        });
        out.push(performance.now() - t0);
        if (!r?.ok || r.value.summaries.length !== ids.length)
          throw new Error(JSON.stringify(r).slice(0, 300));
      }
      return out;
    }, arg);
  const ids = pageOrders.map((o) => o.orderId);
  if (!want('overlay')) {
    // The page's orders, as the Taobao adapter would send them (the overlay section's first
    // visit stores them otherwise).
    const r = await ctl.evaluate(
      ({ orders, shopId, now }) =>
        chrome.runtime.sendMessage({
          kezhi: 1,
          name: 'importBatch',
          input: {
            orders: orders.map((o, i) => ({
              platform: 'taobao',
              shopId,
              orderId: o.orderId,
              buyerId: `nick:${o.nick}`,
              buyerNick: o.nick,
              identity: 'known',
              status: 'paid',
              createdAt: now - (i + 1) * 600_000,
              amount: 9900,
              items: [{ title: '纯棉短袖T恤', quantity: 1, unitPrice: 9900 }],
              source: 'dom',
            })),
          },
        }),
      { orders: pageOrders, shopId: MAIN_SHOP, now },
    );
    if (!r?.ok) throw new Error(`lookup: page orders not stored: ${r?.error}`);
  }
  const lookup = (await syncTimes({ ids, runs: 12, shopId: MAIN_SHOP })).slice(2);
  // Cold: every run asks for 100 stored orders of the shop that nobody asked for before (the
  // background's record cache has none of them), as a first look at a page does.
  const coldIds = await ctl.evaluate((gen) => {
    const { generateHistory, rng } = globalThis.__kzHistory;
    const all = generateHistory(gen);
    const rand = rng(77);
    return Array.from({ length: 10 }, () =>
      Array.from({ length: 100 }, () => all[Math.floor(rand() * all.length)].orderId),
    );
  }, MAIN_GEN);
  const lookupCold = [];
  for (const batch of coldIds)
    lookupCold.push(...(await syncTimes({ ids: [...new Set(batch)], runs: 1, shopId: MAIN_SHOP })));
  // Badges before writes: a page of 100 orders the shop never saw, answered from what is stored
  // (nothing written), as a first visit's overlay asks; each run its own ids.
  const lookupNew = await inContent(
    async ({ shopId, now, n }) => {
      const out = [];
      for (let run = 0; run < 12; run++) {
        const orders = Array.from({ length: 100 }, (_, i) => {
          const b = 2 * (1 + ((i * 31 + run * 977) % Math.floor(n / 2 - 1)));
          const nick =
            i % 5 === 4 ? `kz_fresh_${run}_${i}` : `tb_demo_${String(b).padStart(5, '0')}`;
          return {
            platform: 'taobao',
            shopId,
            orderId: `46${String(run).padStart(3, '0')}${String(i).padStart(14, '0')}`,
            buyerId: `nick:${nick}`,
            buyerNick: nick,
            identity: 'nick',
            status: 'paid',
            createdAt: now - (i + 1) * 60_000,
            amount: 9900,
            items: [{ title: '纯棉短袖T恤', quantity: 1, unitPrice: 9900 }],
            source: 'dom',
          };
        });
        const t0 = performance.now();
        const r = await chrome.runtime.sendMessage({
          kezhi: 1,
          name: 'lookup',
          input: {
            platform: 'taobao',
            shopId,
            orders,
            rows: orders.map((o) => ({ orderId: o.orderId })),
          },
        });
        out.push(performance.now() - t0);
        if (!r?.ok || r.value.summaries.length !== 100)
          throw new Error(JSON.stringify(r).slice(0, 300));
      }
      return out.slice(2);
    },
    { shopId: MAIN_SHOP, now, n: N },
  );
  record('lookup_new_100_ms', lookupNew, {
    unit: 'ms',
    note: 'badges before writes: 100 orders the shop never saw (1 in 5 from new buyers) answered from what is stored, round trip from the content script; the floor of overlay_first_visit_ms with the mount',
  });
  // The floor under a cold lookup: the records a badge needs (100 orders, then their customers)
  // read raw in one read transaction of a second connection in the service worker.
  const floorIds = await ctl.evaluate((gen) => {
    const { generateHistory, rng } = globalThis.__kzHistory;
    const all = generateHistory(gen);
    const rand = rng(4242);
    return Array.from({ length: 8 }, () =>
      Array.from(
        { length: 100 },
        () => `taobao:${gen.shopId}:${all[Math.floor(rand() * all.length)].orderId}`,
      ),
    );
  }, MAIN_GEN);
  const rawFloor = await s.worker.evaluate(async (batches) => {
    const req = (r) =>
      new Promise(
        (res, rej) => ((r.onsuccess = () => res(r.result)), (r.onerror = () => rej(r.error))),
      );
    const db = await req(indexedDB.open('kezhi'));
    const out = [];
    for (const keys of batches) {
      const t0 = performance.now();
      const tx = db.transaction(['orders', 'customers'], 'readonly');
      const orders = await Promise.all(keys.map((k) => req(tx.objectStore('orders').get(k))));
      const ck = [...new Set(orders.filter(Boolean).map((o) => o.customerKey))];
      await Promise.all(ck.map((k) => req(tx.objectStore('customers').get(k))));
      out.push(performance.now() - t0);
    }
    db.close();
    return out;
  }, floorIds);
  record('lookup_cold_raw_reads_ms', rawFloor, {
    unit: 'ms',
    note: 'floor of lookup_batch_100_cold_ms: 100 never-read orders and their customers read raw (IDB get, one read transaction) inside the service worker, no messaging, no summary',
  });
  const noop = await inContent(async () => {
    const out = [];
    for (let i = 0; i < 12; i++) {
      const t0 = performance.now();
      await chrome.runtime.sendMessage({ kezhi: 1, name: 'noSuchMessage', input: {} });
      out.push(performance.now() - t0);
    }
    return out.slice(2);
  });
  const noopMedian = summarize(noop).median;
  record('lookup_batch_100_ms', lookup, {
    unit: 'ms',
    target: 10,
    note: 'sync of the same 100 known rows again (the overlay re-asks every minute): round trip from the content script',
  });
  record('lookup_batch_100_cold_ms', lookupCold, {
    unit: 'ms',
    target: 15,
    note: '100 stored orders asked for the first time (not in the background record cache), round trip',
  });
  record(
    'lookup_batch_100_handler_ms',
    lookup.map((x) => x - noopMedian),
    { unit: 'ms', note: 'round trip minus an unanswered message round trip (messaging cost)' },
  );
  record('message_roundtrip_ms', noop, {
    unit: 'ms',
    note: 'a message the background refuses at once',
  });

  // Recompute: drop the background's memo (a settings write does) and the stored statistics,
  // then one sync of one row rebuilds the shop's statistics from its 100k customers' figures.
  const one = [ids[0]];
  const recompute = [];
  for (let run = 0; run < 3; run++) {
    await ctl.evaluate(
      (v) => chrome.storage.local.set({ 'kezhi:settings': { staffName: `bench${v}` } }),
      run,
    );
    await page.waitForTimeout(300);
    await s.worker.evaluate(
      (key) =>
        new Promise((res, rej) => {
          const open = indexedDB.open('kezhi');
          open.onsuccess = () => {
            const tx = open.result.transaction('stats', 'readwrite');
            tx.objectStore('stats').delete(key);
            tx.oncomplete = () => (open.result.close(), res());
            tx.onerror = () => rej(tx.error);
          };
        }),
      `taobao:${MAIN_SHOP}`,
    );
    const [cold] = await syncTimes({ ids: one, runs: 1, shopId: MAIN_SHOP });
    const warm = summarize(await syncTimes({ ids: one, runs: 5, shopId: MAIN_SHOP })).median;
    recompute.push(cold - warm);
  }
  await ctl.evaluate(() => chrome.storage.local.remove('kezhi:settings'));
  record('recompute_100k_customers_ms', recompute, {
    unit: 'ms',
    target: 1000,
    note: 'sync with no statistics (memo dropped, record deleted) minus a cached one: read the shop’s figure blocks, sort R/F/M of 100k customers, store',
  });
  await page.close();
}

// ---------------------------------------------------------------------------------------------
// 6. Popup: open to first results, and search per query kind.
if (want('popup')) {
  const open = [];
  for (let run = 0; run < 5; run++) {
    const page = await s.context.newPage();
    await page.goto(`${ext}/popup.html`, { waitUntil: 'commit' });
    const at = await page.waitForFunction(
      () => {
        const list = document.querySelector('.kp-list');
        if (!list || list.children.length === 0) return false;
        return new Promise((res) => requestAnimationFrame(() => res(performance.now())));
      },
      null,
      { timeout: 30_000, polling: 'raf' },
    );
    open.push(await at.jsonValue());
    await page.close();
  }
  record('popup_open_ms', open, {
    unit: 'ms',
    target: 150,
    note: 'navigation start to the frame after the first result list',
  });

  const queries = await ctl.evaluate(
    ({ n }) => {
      const { generateHistory, rng } = globalThis.__kzHistory;
      const rand = rng(99);
      const pick = () => 1 + Math.floor(rand() * n);
      // Order ids and phones of the main shop's generated orders.
      const sample = generateHistory({
        platform: 'taobao',
        shopId: 'x',
        orders: 10 * n,
        buyers: n,
        now: 0,
        seed: 11,
        idPrefix: '4100',
      });
      const at = () => sample[Math.floor(rand() * sample.length)];
      return {
        nick: Array.from({ length: 20 }, () =>
          `tb_demo_${String(pick()).padStart(5, '0')}`.slice(0, 11),
        ),
        pinyin: [
          'wf',
          'lj',
          'zm',
          'cy',
          'yq',
          'hl',
          'zw',
          'lm',
          'gx',
          'ms',
          'wj',
          'lh',
          'zs',
          'zj',
          'sq',
          'hj',
          'gc',
          'ly',
          'rm',
          'xy',
        ],
        order: Array.from({ length: 20 }, () => at().orderId.slice(-6)),
        phone: Array.from({ length: 20 }, () => at().receiverPhone.slice(-4)),
      };
    },
    { n: N },
  );
  const page = await s.context.newPage();
  await page.goto(`${ext}/popup.html`);
  await page.waitForSelector('.kp-list');
  /** Types a query and times until the list for it has rendered (aria-busy back to false). */
  const searchOnce = (q) =>
    page.evaluate(
      (q) =>
        new Promise((res) => {
          const input = document.querySelector('.kp-input');
          const box = document.querySelector('.kp-search');
          let busySeen = false;
          const t0 = performance.now();
          const mo = new MutationObserver(() => {
            const busy = box.getAttribute('aria-busy') === 'true';
            if (busy) busySeen = true;
            else if (busySeen) {
              mo.disconnect();
              res({
                ms: performance.now() - t0,
                rows: document.querySelectorAll('.kp-list > *').length,
              });
            }
          });
          mo.observe(box, {
            attributes: true,
            attributeFilter: ['aria-busy'],
            subtree: true,
            childList: true,
          });
          setTimeout(() => (mo.disconnect(), res({ ms: NaN, rows: 0 })), 10_000);
          input.value = q;
          input.dispatchEvent(new Event('input', { bubbles: true }));
        }),
      q,
    );
  page.on('crash', () => log('popup page crashed'));
  page.on('close', () => log('popup page closed'));
  for (const kind of ['nick', 'pinyin', 'order', 'phone']) {
    const p95s = [];
    let found = 0;
    for (let run = 0; run < 5; run++) {
      const times = [];
      for (const q of queries[kind]) {
        const r = await searchOnce(q);
        times.push(r.ms);
        if (r.rows > 0) found++;
      }
      p95s.push(percentile(times, 0.95));
    }
    record(`search_p95_ms_${kind}`, p95s, {
      unit: 'ms',
      target: 16,
      note: `popup UI: input to rendered list, 20 queries × 5 runs; ${found}/100 with results`,
    });
  }
  await page.close();
}

// ---------------------------------------------------------------------------------------------
// 7. CSV import of N rows through the options page's file input.
/** Past this, the CSV import (minutes at 100k) is left out and the table says so. */
const CSV_BUDGET_S = Number(process.env.BENCH_CSV_BUDGET_S ?? 900);
const csvLate = (Date.now() - started) / 1000 > CSV_BUDGET_S;
if (want('csv') && csvLate) {
  const at = Math.round((Date.now() - started) / 1000);
  log(`CSV: left out, the run had taken ${at} s`);
  for (const key of ['csv_import_100k_s', 'csv_import_longest_task_ms'])
    record(key, [], {
      unit: key.endsWith('_s') ? 's' : 'ms',
      note: `not measured in this run: left out after ${at} s (over BENCH_CSV_BUDGET_S=${CSV_BUDGET_S}) on a loaded machine`,
    });
}
if (want('csv') && !csvLate) {
  const csvOrders = await ctl.evaluate(
    ({ n, now }) =>
      globalThis.__kzHistory.generateHistory({
        platform: 'taobao',
        shopId: 'csv',
        orders: n,
        buyers: n,
        now,
        seed: 31,
        idPrefix: '3306',
      }),
    { n: N, now },
  );
  const csv = Buffer.from(taobaoCsv(csvOrders), 'utf8');
  log(`CSV: ${csvOrders.length} rows, ${(csv.length / 2 ** 20).toFixed(1)} MB`);
  const secs = [];
  const longest = [];
  for (let run = 1; run <= 3; run++) {
    // The whole bench must stay under 10 minutes here: a run that would not fit is left out
    // (and the spread says n=…). The first run goes whatever the time (its figure is reported).
    const elapsed = (Date.now() - started) / 1000;
    if (run > 1 && elapsed + secs.at(-1) + 30 > 570) {
      log(`CSV: run ${run} left out to stay under 10 minutes`);
      break;
    }
    const page = await s.context.newPage();
    await page.goto(`${ext}/options.html#import`);
    await page.waitForSelector('[data-testid="import-file"]', { state: 'attached' });
    await page.setInputFiles(
      '[data-testid="import-file"]',
      { name: 'ExportOrderList202601011200.csv', mimeType: 'text/csv', buffer: csv },
      // 35 MB over the DevTools protocol: 30 s was not enough on a loaded machine.
      { timeout: 300_000 },
    );
    await page.waitForSelector('[data-testid="import-ready"]', { timeout: 120_000 });
    await page.selectOption('[data-testid="import-shop"]', '__new__');
    await page.fill('[data-testid="import-shop-id"]', `bench-csv-${run}`);
    await page.evaluate(() => {
      window.__lt = [];
      new PerformanceObserver((l) =>
        l.getEntries().forEach((e) => window.__lt.push(e.duration)),
      ).observe({ type: 'longtask' });
      window.__t0 = performance.now();
    });
    await page.click('[data-testid="import-start"]');
    await page.waitForSelector('[data-testid="import-report"]', { timeout: 300_000 });
    const r = await page.evaluate(() => ({
      ms: performance.now() - window.__t0,
      longest: Math.max(0, ...window.__lt),
      written: document.querySelector('[data-testid="import-written"]')?.textContent,
    }));
    if (Number(String(r.written).replace(/\D/g, '')) !== csvOrders.length)
      throw new Error(`CSV run ${run}: written ${r.written}`);
    secs.push(r.ms / 1000);
    longest.push(r.longest);
    log(`CSV run ${run}: ${(r.ms / 1000).toFixed(1)} s, longest task ${r.longest.toFixed(0)} ms`);
    await page.close();
  }
  record('csv_import_100k_s', secs, {
    unit: 's',
    note: `${N} rows, start click to report; options page (worker parses, background ingests)`,
  });
  record('csv_import_longest_task_ms', longest, {
    unit: 'ms',
    target: 50,
    note: 'longtask on the options page during the import',
  });
}

// ---------------------------------------------------------------------------------------------
// 8. Idle page: script time on a matched non-order page, with and without the extension.
async function idleScript(context, serve, url = IDLE_URL) {
  await serve();
  const out = [];
  for (let run = 0; run < 5; run++) {
    const page = await context.newPage();
    const cdp = await context.newCDPSession(page);
    await cdp.send('Performance.enable');
    await page.goto(url, { waitUntil: 'load' });
    await page.waitForTimeout(500);
    const m = Object.fromEntries(
      (await cdp.send('Performance.getMetrics')).metrics.map((x) => [x.name, x.value]),
    );
    const ours = await page.locator('kezhi-overlay, kezhi-notice').count();
    if (ours) throw new Error('kezhi elements on a non-order page');
    out.push(m.ScriptDuration * 1000);
    await page.close();
  }
  return out;
}
let closed = false;
if (want('idle')) {
  const withExt = await idleScript(s.context, async () => {});
  const withExtSpa = await idleScript(s.context, async () => {}, IDLE_SPA_URL);
  await s.close();
  closed = true;
  const plain = await chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    args: ['--no-sandbox', '--disable-gpu'],
  });
  const ctx = await plain.newContext({ locale: 'zh-CN', timezoneId: 'Asia/Shanghai' });
  await ctx.route(/^https?:\/\//, (r) => r.abort('blockedbyclient'));
  const serveIdle = (url) => () =>
    ctx.route(url, (r) =>
      r.fulfill({ status: 200, contentType: 'text/html; charset=utf-8', body: IDLE_PAGE }),
    );
  const without = await idleScript(ctx, serveIdle(IDLE_URL));
  const withoutSpa = await idleScript(ctx, serveIdle(IDLE_SPA_URL), IDLE_SPA_URL);
  await plain.close();
  const base = summarize(without).median;
  const baseSpa = summarize(withoutSpa).median;
  record(
    'idle_page_script_ms',
    withExt.map((x) => x - base),
    {
      unit: 'ms',
      target: 1,
      note: `${IDLE_URL}: ScriptDuration with the extension minus without (${fmt(base)} ms); no kezhi element present. The order scripts' manifest matches are their adapters' areas, so nothing of ours runs here`,
    },
  );
  record(
    'idle_spa_page_script_ms',
    withExtSpa.map((x) => x - baseSpa),
    {
      unit: 'ms',
      target: 1,
      note: `${IDLE_SPA_URL} (千牛 app, not the sold list): the taobao script runs, checks the route, listens for route changes; minus without (${fmt(baseSpa)} ms)`,
    },
  );
}

if (!closed) await s.close();

// ---------------------------------------------------------------------------------------------
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
  'content_js_gzip_kb',
  'overlay_detail_js_gzip_kb',
  'order_page_scripts_gzip_kb',
  'background_js_gzip_kb',
  'idle_page_script_ms',
  'idle_spa_page_script_ms',
  'db_bytes_per_order',
];
const extra = Object.keys(results).filter((k) => !ORDER.includes(k));
const env = machine(chromiumVersion);
const out = {
  machine: env,
  generatedAt: new Date().toISOString(),
  scale: N,
  durationS: Math.round((Date.now() - started) / 1000),
  ...Object.fromEntries([...ORDER, ...extra].filter((k) => results[k]).map((k) => [k, results[k]])),
};
writeFileSync(join(OUT_DIR, 'results.json'), JSON.stringify(out, null, 2) + '\n');

const target = (r) =>
  r.target === undefined ? '—' : `${r.better === 'higher' ? '≥' : '≤'} ${r.target}`;
const spread = (r) =>
  r.runs.length > 1 ? `${fmt(r.min)}–${fmt(r.max)} (n=${r.runs.length})` : 'single';
const rows = [...ORDER, ...extra]
  .filter((k) => results[k])
  .map((k) => {
    const r = results[k];
    return `| \`${k}\` | ${fmt(r.median)} ${r.unit} | ${spread(r)} | ${target(r)} | ${r.met === null ? '—' : r.met ? 'yes' : '**no**'} |`;
  });
const md = [
  `# Benchmark results`,
  '',
  `Machine: ${env.cpu}, ${env.cores} cores, ${env.memoryGb} GB; ${env.chromium}; Node ${env.node}. ` +
    `Scale ${N.toLocaleString('en-US')}; ${out.generatedAt}; took ${out.durationS} s.`,
  '',
  '| metric | median | spread (min–max) | target | met? |',
  '| --- | --- | --- | --- | --- |',
  ...rows,
  '',
  'Notes:',
  ...[...ORDER, ...extra]
    .filter((k) => results[k]?.note)
    .map((k) => `- \`${k}\`: ${results[k].note}`),
  '',
].join('\n');
// The curve (npm run bench:curve) keeps its block in results.md across full runs.
const curveMd = join(OUT_DIR, 'curve.md');
const curve = existsSync(curveMd)
  ? `\n<!-- curve:start -->\n${readFileSync(curveMd, 'utf8')}<!-- curve:end -->\n`
  : '';
writeFileSync(join(OUT_DIR, 'results.md'), md + curve);
console.log('\n' + md);
