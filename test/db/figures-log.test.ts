/**
 * Figure blocks written behind their customers (lib/db/figures-log): whatever a worker stopped
 * between a write and its blocks left behind, the start-up repair makes the blocks equal to
 * figures counted afresh from every stored customer.
 */
import fc from 'fast-check';
import { customerFigures, FIGURES_STRIDE } from '../../lib/customers';
import { openDb, type KezhiDb } from '../../lib/db';
import { bucketOf } from '../../lib/db/figures';
import {
  FLUSH_CHUNK_BLOCKS,
  FLUSH_IDLE_MS,
  chunksByBlock,
  figuresPending,
  figuresSettled,
  holdFigures,
  repairFigures,
} from '../../lib/db/figures-log';
import { ingestOrders } from '../../lib/db/ingest';
import { deleteShop, forgetBuyer } from '../../lib/db/writes';
import { NOW, T0, order } from '../support/make-order';

const RUNS = Number(process.env.KEZHI_FUZZ_RUNS ?? 40);

/** Each customer's figures as the blocks hold them. */
async function blockFigures(db: KezhiDb): Promise<Map<string, number[]>> {
  const out = new Map<string, number[]>();
  for (const b of await db.figures.toArray())
    b.keys.forEach((k, i) => {
      expect(out.has(k)).toBe(false);
      out.set(k, [...b.values.slice(i * FIGURES_STRIDE, (i + 1) * FIGURES_STRIDE)]);
    });
  return out;
}

/** The oracle: every stored customer's figures, counted from the records alone. */
async function recordFigures(db: KezhiDb): Promise<Map<string, number[]>> {
  const out = new Map<string, number[]>();
  for (const c of await db.customers.toArray()) {
    const f = customerFigures(c);
    if (f) out.set(c.key, f);
  }
  return out;
}

const buyers = ['b0', 'b1', 'b2', 'b3', 'b4'];
const page = (from: number, n: number, day: number) =>
  Array.from({ length: n }, (_, i) =>
    order({
      orderId: String(from + i),
      buyerNick: buyers[(from + i) % buyers.length]!,
      buyerId: `nick:${buyers[(from + i) % buyers.length]!}`,
      createdAt: T0 + day * 86400_000 + i,
      amount: 1000 + i,
    }),
  );

let name: string;
let db: KezhiDb;
beforeEach(async () => {
  name = `figures-log-${Math.random()}`;
  db = openDb(name);
  await db.open();
});
afterEach(() => db.close());

test('blocks follow a write once settled, and the log keeps only what is not written', async () => {
  await ingestOrders(db, page(1, 20, 1), NOW);
  await figuresSettled(db);
  expect(await blockFigures(db)).toEqual(await recordFigures(db));
  // The next write drops the records of blocks already written; its own stays until repaired.
  await ingestOrders(db, page(100, 5, 2), NOW);
  await figuresSettled(db);
  expect(await db.figuresLog.count()).toBe(1);
  await repairFigures(db);
  expect(await db.figuresLog.count()).toBe(0);
  expect(await blockFigures(db)).toEqual(await recordFigures(db));
});

test('a worker stopped between the customers and their blocks: repaired on the next start', async () => {
  await ingestOrders(db, page(1, 20, 1), NOW);
  await figuresSettled(db);
  // From here the worker "stops" after each write: customers and log committed, blocks not.
  holdFigures(db, true);
  await ingestOrders(db, page(200, 30, 5), NOW);
  await forgetBuyer(db, 'taobao:shop1:nick:b1');
  await figuresSettled(db);
  const before = await blockFigures(db);
  const truth = await recordFigures(db);
  expect(before).not.toEqual(truth); // the test can fail: the blocks really are behind
  db.close();

  // The next start: a fresh handle, the repair, then the blocks equal a count from the records.
  db = openDb(name);
  await db.open();
  await repairFigures(db);
  expect(await blockFigures(db)).toEqual(truth);
  expect(await db.figuresLog.count()).toBe(0);
});

test('any run of writes, each possibly cut before its blocks, repairs to the records', async () => {
  const step = fc.record({
    kind: fc.constantFrom('ingest', 'ingest', 'forget', 'dropShop'),
    from: fc.integer({ min: 1, max: 40 }),
    n: fc.integer({ min: 1, max: 12 }),
    day: fc.integer({ min: 0, max: 300 }),
    buyer: fc.constantFrom(...buyers),
    /** The worker stops right after this write. */
    cut: fc.boolean(),
  });
  await fc.assert(
    fc.asyncProperty(fc.array(step, { minLength: 1, maxLength: 6 }), async (steps) => {
      const dbName = `figures-log-prop-${Math.random()}`;
      let local = openDb(dbName);
      await local.open();
      try {
        for (const s of steps) {
          holdFigures(local, s.cut);
          if (s.kind === 'ingest') await ingestOrders(local, page(s.from, s.n, s.day), NOW);
          else if (s.kind === 'forget') await forgetBuyer(local, `taobao:shop1:nick:${s.buyer}`);
          else await deleteShop(local, 'taobao', 'shop1');
          await figuresSettled(local);
          if (s.cut) {
            local.close();
            local = openDb(dbName);
            await local.open();
            await repairFigures(local);
          }
          expect(await blockFigures(local)).toEqual(await recordFigures(local));
        }
      } finally {
        local.close();
      }
    }),
    { numRuns: RUNS },
  );
});

/** Resolves once `ok()` holds (checked every few ms); fails the test after a generous wait. */
async function eventually(ok: () => boolean, what: string): Promise<void> {
  for (const end = Date.now() + 5000; !ok();) {
    if (Date.now() > end) throw new Error(`never: ${what}`);
    await new Promise((r) => setTimeout(r, 5));
  }
}

test('blocks are written once writes pause, without anyone waiting for them', async () => {
  await ingestOrders(db, page(1, 20, 1), NOW);
  await ingestOrders(db, page(30, 10, 2), NOW);
  // Both pages' blocks wait for the pause, then go in one write.
  expect(figuresPending(db)).toBe(true);
  await eventually(() => !figuresPending(db), 'blocks written after the pause');
  expect(await blockFigures(db)).toEqual(await recordFigures(db));
});

test('blocks wait for a write over customers that is still open', async () => {
  await ingestOrders(db, page(1, 20, 1), NOW);
  expect(figuresPending(db)).toBe(true);
  // A write over customers that stays open past the pause (it keeps reading).
  let waitedOpen = false;
  await db.transaction('rw', db.customers, async () => {
    const end = Date.now() + 3 * FLUSH_IDLE_MS;
    while (Date.now() < end) await db.customers.count();
    waitedOpen = figuresPending(db);
  });
  expect(waitedOpen).toBe(true);
  await eventually(() => !figuresPending(db), 'blocks written once the write ended');
  expect(await blockFigures(db)).toEqual(await recordFigures(db));
});

test('a handle closed before its blocks are written leaves them to the repair', async () => {
  await ingestOrders(db, page(1, 20, 1), NOW);
  const truth = await recordFigures(db);
  db.close();
  await new Promise((r) => setTimeout(r, 3 * FLUSH_IDLE_MS)); // the flush finds the handle closed
  db = openDb(name);
  await db.open();
  expect(await db.figuresLog.count()).toBe(1);
  await repairFigures(db);
  expect(await blockFigures(db)).toEqual(truth);
});

test('a burst over many blocks is written in chunks, each block whole in one of them', async () => {
  const many = Array.from({ length: 200 }, (_, i) =>
    order({
      orderId: String(5000 + i),
      buyerNick: `m${i}`,
      buyerId: `nick:m${i}`,
      amount: 100 + i,
    }),
  );
  await ingestOrders(db, many, NOW);
  await figuresSettled(db);
  expect(await db.figures.count()).toBeGreaterThan(FLUSH_CHUNK_BLOCKS);
  expect(await blockFigures(db)).toEqual(await recordFigures(db));

  const changes = many.map((o, i) => ({
    key: `taobao:shop1:nick:m${i}`,
    shopKey: 'taobao:shop1',
    figures: [i, 1, 1, o.amount],
  }));
  const chunks = chunksByBlock(changes, FLUSH_CHUNK_BLOCKS);
  expect(chunks.flat()).toHaveLength(changes.length);
  const chunkOf = new Map<number, number>();
  chunks.forEach((chunk, c) => {
    const buckets = new Set(chunk.map((x) => bucketOf(x.key)));
    expect(buckets.size).toBeLessThanOrEqual(FLUSH_CHUNK_BLOCKS);
    for (const b of buckets) {
      expect(chunkOf.has(b)).toBe(false);
      chunkOf.set(b, c);
    }
  });
});
