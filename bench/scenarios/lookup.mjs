/* global chrome -- evaluated in the content script's world and extension pages, where it is defined */
// Lookup and recompute, sent from the content script's own isolated world on a matched page:
// repeat, cold and new-order lookups with their floors, and a full statistics recompute.
import { until } from '../../scripts/browser.mjs';
import { IDLE_SPA_URL, MAIN_SHOP } from '../harness.mjs';
import { summarize } from '../lib.mjs';

export default async function lookup(b) {
  const { s, ctl, ext, n, now, mainGen, pageOrders, record } = b;
  const page = await s.context.newPage();
  const cdp = await s.context.newCDPSession(page);
  const contexts = [];
  cdp.on('Runtime.executionContextCreated', (e) => contexts.push(e.context));
  await cdp.send('Runtime.enable');
  // A page where one of our isolated scripts runs (千牛's route watcher), so its world exists.
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
  // Each run's round trips in turn: `hold`, naming the digests of the answers held, as the
  // overlay does (unchanged rows come back as ids, lib/row-answer), then, with `whole` on, the
  // same ask without them (every answer whole), so both see the same moments of the machine.
  const syncTimes = (arg) =>
    inContent(async ({ ids, runs, shopId, whole = false }) => {
      const out = [];
      const outWhole = [];
      const held = new Map();
      const ask = async (hold) => {
        const t0 = performance.now();
        const r = await chrome.runtime.sendMessage({
          kezhi: 1,
          name: 'sync',
          input: {
            adapter: 'taobao-old',
            platform: 'taobao',
            shopId,
            orders: [],
            rows: ids.map((orderId) => ({ orderId, seen: hold ? held.get(orderId) : undefined })),
          },
        });
        const ms = performance.now() - t0;
        if (!r?.ok || r.value.summaries.length + (r.value.same?.length ?? 0) !== ids.length)
          throw new Error(JSON.stringify(r).slice(0, 300));
        for (const s of r.value.summaries) held.set(s.orderId, s.digest);
        return ms;
      };
      for (let i = 0; i < runs; i++) {
        out.push(await ask(true));
        if (whole) outWhole.push(await ask(false));
      }
      return whole ? { out, outWhole } : out;
    }, arg);
  const ids = pageOrders.map((o) => o.orderId);
  if (!b.want('overlay')) {
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
  const repeat = await syncTimes({ ids, runs: 12, shopId: MAIN_SHOP, whole: true });
  const lookup = repeat.out.slice(2);
  const lookupWhole = repeat.outWhole.slice(2);
  // Cold: every run asks for 100 stored orders of the shop that nobody asked for before (the
  // background's record cache has none of them), as a first look at a page does.
  const coldIds = await ctl.evaluate((gen) => {
    const { generateHistory, rng } = globalThis.__kzHistory;
    const all = generateHistory(gen);
    const rand = rng(77);
    return Array.from({ length: 10 }, () =>
      Array.from({ length: 100 }, () => all[Math.floor(rand() * all.length)].orderId),
    );
  }, mainGen);
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
    { shopId: MAIN_SHOP, now, n },
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
  }, mainGen);
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
    note: 'sync of the same 100 known rows again, naming the answers held as the overlay does (the overlay re-asks every minute; unchanged rows come back as ids): round trip from the content script',
  });
  record('lookup_batch_100_whole_ms', lookupWhole, {
    unit: 'ms',
    note: 'the same repeat with every answer sent whole (about 80 kB), as before the page named what it holds; each run alternates the two',
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
