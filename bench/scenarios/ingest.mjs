// Ingest of N orders into fresh shops vs raw IndexedDB put of the same records, and what bounds
// the ratio. Run 1 is the main shop's first N/4 (bench/scenarios/main-shop.mjs).
import { BATCH } from '../harness.mjs';
import { ingestFromPage } from '../ingest-from-page.mjs';

/** The latest a realistic run may start, by run (seconds into the bench): later ones are left out. */
const INGEST_RUN_BY_S = { 3: 200, 4: 170 };
/** Past this many seconds in, the floor replays a quarter of run 2's batches instead of half. */
const REPLAY_HALF_BY_S = 230;

export default async function ingest(b) {
  const { ctl, n, now, log, record, ingestRuns } = b;
  /** Run `run`'s realistic workload, into a fresh shop of its own. */
  const workloadOf = (run) => ({
    platform: 'taobao',
    shopId: `bench-ingest-${run}`,
    orders: Math.round(n / 4),
    buyers: Math.round(n / 6),
    now,
    seed: 100 + run,
  });
  // Runs 2–4: the realistic workload (scripts/history.mjs realisticPages): random order ids,
  // buyers interleaved, a third masked, 1–4 items, list pages of 100 that overlap by a fifth,
  // into fresh shops. Run 1 (the main shop's first N/4, ids in order and grouped by buyer, the
  // easy case for range reads) is reported on its own.
  for (let run = 2; run <= 4; run++) {
    // The whole bench must stay under 10 minutes: on a slow machine (the main shop built late)
    // the later realistic runs are left out, and the spread says n=2 or single.
    const elapsed = (Date.now() - b.started) / 1000;
    if (elapsed > (INGEST_RUN_BY_S[run] ?? Infinity)) {
      log(
        `ingest run ${run} and later left out to stay under 10 minutes (${Math.round(elapsed)} s in)`,
      );
      break;
    }
    const r = await ingestFromPage(ctl, workloadOf(run), { raw: true, workload: 'realisticPages' });
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
  // What bounds the ratio, from run 2's records as ingest stored them (read back once, untimed):
  // - `bound`: the orders AND the customer aggregates put raw into a database with the same
  //   index layout (the writes alone);
  // - `batched`: what an ingest cannot leave out, batch by batch as importBatch receives them: in
  //   one raw readwrite transaction per batch, read the batch's order keys and its customers (each
  //   batch must merge with what is stored), then put its orders and those customers (each batch
  //   commits before it is answered), into a store with both tables' indexes that holds what the
  //   batches before it put. The customers are as they ended, a little larger than each batch's
  //   version of them. Only the first half (a quarter in a late run) of run 2's batches (`replayed`) is replayed (the whole
  //   replay took about 40 s of a run that must stay under ten minutes), against the ingest time
  //   of the same batches.
  const run2 = ingestRuns[1];
  // A quarter when the run is late (a slow pass of the machine: the main shop built late), so the
  // whole bench stays under ten minutes; the note says how many were replayed.
  const late = (Date.now() - b.started) / 1000 > REPLAY_HALF_BY_S;
  const replayed = Math.ceil(run2.batchMs.length / (late ? 4 : 2));
  if (late) log(`ingest floors: a quarter of run 2's batches replayed, not half (late)`);
  const replayedIngestMs = run2.batchMs.slice(0, replayed).reduce((a, x) => a + x, 0);
  const { bound, batched } = await ctl.evaluate(
    async ({ gen, batch, replayed }) => {
      const { req, open, asStored, put, drop } = globalThis.__kzRaw;
      const kz = await req(indexedDB.open('kezhi'));
      const tx = kz.transaction(['orders', 'customers'], 'readonly');
      const range = IDBKeyRange.bound(`taobao:${gen.shopId}:`, `taobao:${gen.shopId}:\uffff`);
      const [orders, customers] = await Promise.all([
        req(tx.objectStore('orders').getAll(range)),
        req(tx.objectStore('customers').getAll(range)),
      ]);
      kz.close();
      // Raw put of the orders and customers into a fresh database with the tables' indexes.
      const boundDb = await open('kezhi-bench-bound', { customers: true });
      const boundMs = await put(boundDb, { orders, customers });
      await drop(boundDb);
      const bound = {
        ms: boundMs,
        orders: orders.length,
        customers: customers.length,
        terms: customers.reduce((k, c) => k + c.searchTerms.length, 0) / customers.length,
      };
      const orderBy = new Map(orders.map((o) => [o.key, o]));
      const customerBy = new Map(customers.map((c) => [c.key, c]));
      const sightings = globalThis.__kzHistory.realisticPages(gen);
      const db = await open('kezhi-bench-batched', { customers: true });
      let ms = 0;
      let customerPuts = 0;
      for (let i = 0; i < Math.min(sightings.length, replayed * batch); i += batch) {
        const keys = [...new Set(sightings.slice(i, i + batch).map((o) => asStored(o).key))];
        const stored = keys.map((k) => orderBy.get(k)).filter(Boolean);
        const ck = [...new Set(stored.map((o) => o.customerKey))];
        const cs = ck.map((k) => customerBy.get(k)).filter(Boolean);
        customerPuts += cs.length;
        const t0 = performance.now();
        await new Promise((res, rej) => {
          const w = db.transaction(['orders', 'customers'], 'readwrite');
          w.oncomplete = res;
          w.onerror = () => rej(w.error);
          const reads = [
            ...keys.map((k) => req(w.objectStore('orders').get(k))),
            ...ck.map((k) => req(w.objectStore('customers').get(k))),
          ];
          void Promise.all(reads).then(() => {
            for (const o of stored) w.objectStore('orders').put(o);
            for (const c of cs) w.objectStore('customers').put(c);
          });
        });
        ms += performance.now() - t0;
      }
      await drop(db);
      return {
        bound,
        batched: { ms, customerPuts },
      };
    },
    { gen: workloadOf(2), batch: BATCH, replayed },
  );
  const batchedVsIngest = batched.ms / replayedIngestMs;
  record('raw_batches_read_write_vs_ingest', [batchedVsIngest], {
    unit: '×',
    note: `what bounds ingest_vs_raw_idb: the first ${replayed} of run 2's ${run2.batchMs.length} batches replayed raw, each in one readwrite transaction of a store with both tables' indexes (multiEntry search keys included) holding the batches before it: its order keys and customers read, then its orders and ${batched.customerPuts} customer records in all put / the ingest time of the same batches. Ceiling of ingest_vs_raw_idb: run 2's ratio / this`,
  });
  record('ingest_vs_raw_idb_ceiling', [run2.rawMs / run2.ingestMs / batchedVsIngest], {
    unit: '×',
    note: 'the most ingest_vs_raw_idb can be: run 2’s ratio / raw_batches_read_write_vs_ingest (an ingest as fast as the replayed batches’ raw reads and writes would score this)',
  });
  record('raw_orders_and_customers_vs_ingest', [bound.ms / run2.ingestMs], {
    unit: '×',
    note: `raw put of run 2's ${bound.orders} orders + ${bound.customers} customer aggregates (${bound.terms.toFixed(1)} search keys each, same indexes) / ingest time: the writes alone, without the reads each batch must make (raw_batches_read_write_vs_ingest)`,
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
    note: `the easy case, for comparison: the main shop's first ${ingestRuns[0].count} orders (ids in order, grouped by buyer)`,
  });
  record('db_bytes_per_order', bytes, {
    unit: 'B',
    note: 'storage.estimate() delta over the first ingest run / orders',
  });
}
