/* global chrome -- evaluated in an extension page, where it is defined */
// Incremental: a page of 50 new orders from known buyers of the 100k shop, against the raw put
// of the same 50 records in the same run.
import { MAIN_SHOP } from '../harness.mjs';
import { summarize } from '../lib.mjs';

export default async function incremental(b) {
  const runs = await b.ctl.evaluate(
    async ({ shopId, now, n }) => {
      const { rng } = globalThis.__kzHistory;
      const { open, asStored, put, drop } = globalThis.__kzRaw;
      const rand = rng(5);
      const out = [];
      const raw = [];
      // The floor: the same 50 order records put raw into a store with the orders table's indexes.
      const scratch = await open('kezhi-bench-inc');
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
        await put(scratch, { orders: orders.map(asStored) });
        raw.push(performance.now() - t1);
      }
      await drop(scratch);
      return { out, raw };
    },
    { shopId: MAIN_SHOP, now: b.now, n: b.n },
  );
  const rawMedian = summarize(runs.raw.slice(2)).median;
  b.record('incremental_page_ms', runs.out.slice(2), {
    unit: 'ms',
    // The target is twice the raw put of the same 50 orders in the same run.
    target: Math.round(2 * rawMedian * 10) / 10,
    note: '50 new orders into the 100k shop, importBatch round trip; target: 2 × incremental_raw_put_ms of this run',
  });
  b.record('incremental_raw_put_ms', runs.raw.slice(2), {
    unit: 'ms',
    note: 'the floor for incremental_page_ms: the same 50 orders put raw (orders indexes, one transaction), same run',
  });
}
