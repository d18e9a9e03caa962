/* global chrome -- evaluated in an extension page, where it is defined */
// Sends generated orders to the background from an extension page, as an import does.
import { BATCH } from './harness.mjs';

/**
 * In an extension page (b.extensionPage()): generate orders with scripts/history.mjs's
 * `workload` and send them as importBatch messages; with `raw`, also time a raw put of the same
 * records (orders table layout, one transaction) into a scratch database.
 */
export function ingestFromPage(
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
      const batchMs = [];
      for (let i = 0; i < orders.length; i += batch) {
        const tb = performance.now();
        const r = await chrome.runtime.sendMessage({
          kezhi: 1,
          name: 'importBatch',
          input: { orders: orders.slice(i, i + batch) },
        });
        if (!r?.ok) throw new Error(`importBatch: ${r?.error}`);
        written += r.value.written;
        rejected += r.value.rejected.length;
        batchMs.push(performance.now() - tb);
      }
      const ingestMs = performance.now() - t0;
      let after = 0;
      if (estimate) {
        await new Promise((res) => setTimeout(res, 1000));
        after = (await navigator.storage.estimate()).usage;
      }
      let rawMs = NaN;
      if (raw) {
        const { open, asStored, put, drop } = globalThis.__kzRaw;
        const db = await open('kezhi-bench-raw');
        rawMs = await put(db, { orders: orders.map(asStored) });
        await drop(db);
      }
      return {
        count: orders.length,
        unique,
        written,
        rejected,
        ingestMs,
        batchMs,
        rawMs,
        bytes: after - before,
      };
    },
    { gen, batch, raw, estimate, from, to: to ?? null, workload },
  );
}
