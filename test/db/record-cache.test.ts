/**
 * The background's record cache answers exactly what the database holds: checked against a
 * second, uncached connection to the same database after random writes and reads, with reads
 * racing writes, after an aborted write, and when a caller changes a record it was given.
 */
import fc from 'fast-check';
import { attachRecordCache, openDb, trackKeyPresence, type KezhiDb } from '../../lib/db';
import { ingestOrders } from '../../lib/db/ingest';
import { createRecordCache, type RecordCache } from '../../lib/db/record-cache';
import { summarizeRows } from '../../lib/db/row-summaries';
import { clearStatsCache } from '../../lib/db/shop-stats';
import { deleteShop, forgetBuyer, logContact, updateMeta } from '../../lib/db/writes';
import type { OrderInput } from '../../lib/schemas';
import { DEFAULT_SETTINGS } from '../../lib/settings';

const RUNS = Number(process.env.KEZHI_FUZZ_RUNS ?? 40);
const T0 = Date.UTC(2026, 0, 1);
const NOW = Date.UTC(2026, 10, 25);
const BUYERS = ['a', 'b', 'c', 'd'];

function order(id: number, buyer: string, status: OrderInput['status'] = 'paid'): OrderInput {
  return {
    platform: 'taobao',
    shopId: 'shop1',
    orderId: String(1000 + id),
    buyerId: `nick:${buyer}`,
    buyerNick: buyer,
    identity: 'known',
    status,
    createdAt: T0 + id * 3_600_000,
    amount: 1000 * (id + 1),
    items: [{ title: '商品', quantity: 1 }],
    source: 'dom',
  };
}

let name: string;
let cached: KezhiDb;
let plain: KezhiDb;
let cache: RecordCache;
beforeEach(async () => {
  name = `cache-${Math.random()}`;
  cached = openDb(name);
  cache = createRecordCache(['orders', 'customers', 'meta']);
  cached.use(cache.middleware);
  plain = openDb(name);
  await cached.open();
  await plain.open();
});
afterEach(() => {
  cached.close();
  plain.close();
});

const orderKeys = Array.from({ length: 8 }, (_, i) => `taobao:shop1:${1000 + i}`);
const customerKeys = BUYERS.map((b) => `taobao:shop1:nick:${b}`);

/** What the cached handle reads (in read transactions, as the overlay's lookup does) equals the database. */
async function expectSameAsDatabase(): Promise<void> {
  const read = (db: KezhiDb) =>
    db.transaction('r', [db.orders, db.customers, db.meta], async () => ({
      orders: await db.orders.bulkGet(orderKeys),
      customers: await db.customers.bulkGet(customerKeys),
      meta: await db.meta.bulkGet(customerKeys),
      one: await db.customers.get(customerKeys[0]!),
    }));
  const peeked = cache.peek('orders', orderKeys);
  const fromDb = await read(plain);
  expect(await read(cached)).toEqual(fromDb);
  // Read from memory alone only when it is what the database holds.
  if (peeked) expect(peeked).toEqual(fromDb.orders);
}

describe('record cache', () => {
  test('reads equal the database after any sequence of writes, reads racing them', async () => {
    const step = fc.oneof(
      fc.record({
        ingest: fc.array(
          fc.record({
            id: fc.integer({ min: 0, max: 7 }),
            buyer: fc.constantFrom(...BUYERS),
            status: fc.constantFrom('unpaid', 'paid', 'completed', 'closed' as const),
          }),
          { minLength: 1, maxLength: 6 },
        ),
        race: fc.boolean(),
      }),
      fc.record({ tag: fc.constantFrom(...BUYERS), text: fc.string({ maxLength: 5 }) }),
      fc.record({ forget: fc.constantFrom(...BUYERS) }),
      fc.record({ dropShop: fc.constant(true) }),
      fc.record({ read: fc.constant(true) }),
    );
    await fc.assert(
      fc.asyncProperty(fc.array(step, { minLength: 1, maxLength: 8 }), async (steps) => {
        await cached.transaction('rw', cached.tables, async () => {
          for (const t of cached.tables) await t.clear();
        });
        for (const s of steps) {
          if ('ingest' in s) {
            const write = ingestOrders(
              cached,
              s.ingest.map((o) => order(o.id, o.buyer, o.status)),
              NOW,
            );
            // A read transaction in flight while the write commits must not fill the cache
            // with what it saw before.
            if (s.race) await Promise.all([write, expectSameAsDatabase().catch(() => undefined)]);
            else await write;
          } else if ('tag' in s)
            await updateMeta(cached, `taobao:shop1:nick:${s.tag}`, { tags: [s.text || 'x'] }, NOW);
          else if ('forget' in s) await forgetBuyer(cached, `taobao:shop1:nick:${s.forget}`);
          else if ('dropShop' in s) await deleteShop(cached, 'taobao', 'shop1');
          await expectSameAsDatabase();
        }
      }),
      { numRuns: RUNS },
    );
    expect(cache.stats.hits).toBeGreaterThan(0);
  });

  test('an aborted write leaves the cache answering the committed value', async () => {
    await ingestOrders(cached, [order(0, 'a')], NOW);
    await expectSameAsDatabase(); // fills the cache
    await expect(
      cached.transaction('rw', cached.orders, async () => {
        const o = await cached.orders.get(orderKeys[0]!);
        await cached.orders.put({ ...o!, amount: 1 });
        throw new Error('abort');
      }),
    ).rejects.toThrow('abort');
    expect((await cached.orders.get(orderKeys[0]!))?.amount).toBe(1000);
    await expectSameAsDatabase();
  });

  test('a record the cache holds cannot be changed by a caller (frozen, from the first read on), nor the cache through it', async () => {
    await ingestOrders(cached, [order(0, 'a')], NOW);
    const first = await cached.orders.get(orderKeys[0]!); // from the database, frozen as cached
    expect(() => {
      first!.amount = 42;
    }).toThrow(TypeError);
    const second = await cached.orders.get(orderKeys[0]!); // from the cache
    expect(second?.amount).toBe(1000);
    expect(() => {
      second!.amount = 43;
    }).toThrow(TypeError);
    expect(() => {
      second!.items[0]!.quantity = 9;
    }).toThrow(TypeError);
    expect((await cached.orders.get(orderKeys[0]!))?.items[0]?.quantity).toBe(1);
  });

  test('serves repeated reads from memory, and a write makes the next read go to the database', async () => {
    await ingestOrders(cached, [order(0, 'a')], NOW);
    await cached.orders.get(orderKeys[0]!);
    const { hits, misses } = cache.stats;
    await cached.orders.get(orderKeys[0]!);
    expect(cache.stats.hits).toBe(hits + 1);
    await ingestOrders(cached, [{ ...order(0, 'a'), status: 'completed' }], NOW);
    expect((await cached.orders.get(orderKeys[0]!))?.status).toBe('completed');
    expect(cache.stats.misses).toBe(misses + 1);
  });

  test('remembers that a key has no record, until a write adds one', async () => {
    const key = customerKeys[1]!;
    expect(await cached.meta.get(key)).toBeUndefined();
    const { misses } = cache.stats;
    expect(await cached.meta.bulkGet([key])).toEqual([undefined]);
    expect(cache.stats.misses).toBe(misses);
    await updateMeta(cached, key, { tags: ['新'] }, NOW);
    expect((await cached.meta.get(key))?.tags).toEqual(['新']);
  });

  test('keeps at most the given number of entries per table', async () => {
    const small = createRecordCache(['orders'], 3);
    const db = openDb(name);
    db.use(small.middleware);
    await ingestOrders(
      db,
      [0, 1, 2, 3, 4].map((i) => order(i, 'a')),
      NOW,
    );
    for (const k of orderKeys.slice(0, 5)) await db.orders.get(k);
    const before = small.stats.misses;
    await db.orders.get(orderKeys[0]!); // evicted first
    expect(small.stats.misses).toBe(before + 1);
    await db.orders.get(orderKeys[4]!); // still there
    expect(small.stats.misses).toBe(before + 1);
    db.close();
  });

  test('peek: answers from memory only when every key is cached and no write is open', async () => {
    await ingestOrders(cached, [order(0, 'a'), order(1, 'b')], NOW);
    expect(cache.peek('orders', orderKeys.slice(0, 2))).toBeUndefined(); // nothing read yet
    await expectSameAsDatabase(); // fills the cache
    const both = cache.peek('orders', orderKeys.slice(0, 2)) as { amount: number }[];
    expect(both.map((o) => o.amount)).toEqual([1000, 2000]);
    expect(cache.peek('orders', [orderKeys[2]!])).toEqual([undefined]); // known to have none
    expect(cache.peek('orders', ['taobao:shop1:never-asked'])).toBeUndefined();
    expect(cache.peek('contacts', [orderKeys[0]!])).toBeUndefined(); // not a cached table

    const writes = cache.writes;
    let inside: unknown;
    await cached.transaction('rw', cached.meta, async () => {
      await cached.meta.put({
        customerKey: customerKeys[3]!,
        tags: ['x'],
        note: '',
        blacklisted: false,
        blacklistReason: '',
        updatedAt: NOW,
      });
      // Any write open (even on another table): a read begun now would wait for it.
      inside = cache.peek('orders', orderKeys.slice(0, 2));
    });
    expect(inside).toBeUndefined();
    expect(cache.writes).toBe(writes + 2);
    expect(cache.peek('orders', orderKeys.slice(0, 2))).toEqual(both);

    await ingestOrders(cached, [{ ...order(0, 'a'), status: 'completed' }], NOW);
    expect(cache.peek('orders', orderKeys.slice(0, 2))).toBeUndefined(); // the written key dropped
    await expectSameAsDatabase();
    expect((cache.peek('orders', [orderKeys[0]!]) as { status: string }[])[0]!.status).toBe(
      'completed',
    );
  });
});

describe('row summaries from the cache alone', () => {
  let db: KezhiDb;
  beforeEach(async () => {
    clearStatsCache();
    db = openDb(name);
    attachRecordCache(db);
    trackKeyPresence(db);
    await db.open();
  });
  afterEach(() => db.close());

  const req = {
    platform: 'taobao' as const,
    shopId: 'shop1',
    rows: [0, 1, 2, 3, 7].map((i) => ({ orderId: String(1000 + i) })),
  };
  /** The same rows read by the uncached handle (every read in a transaction). */
  const fresh = async () => {
    clearStatsCache();
    return summarizeRows(plain, req, DEFAULT_SETTINGS, NOW);
  };
  /** The rows read by the cached handle, and whether it opened a transaction over the orders. */
  const viaCache = async () => {
    const spy = vi.spyOn(db, 'transaction');
    const r = await summarizeRows(db, req, DEFAULT_SETTINGS, NOW);
    const readOrders = spy.mock.calls.some((c) => (c as unknown[]).flat().includes(db.orders));
    spy.mockRestore();
    return { r, readOrders };
  };

  test('a repeat reads no transaction and answers as a fresh read does; a write is seen at once', async () => {
    await ingestOrders(
      db,
      [order(0, 'a'), order(1, 'b'), order(2, 'a', 'unpaid'), order(3, 'c')],
      NOW,
    );
    await updateMeta(db, customerKeys[1]!, { tags: ['回头客'] }, NOW);
    const first = await viaCache();
    expect(first.readOrders).toBe(true);
    const again = await viaCache();
    expect(again.readOrders).toBe(false);
    expect(again.r).toEqual(first.r);
    expect(again.r).toEqual(await fresh());
    expect(again.r.unknown).toEqual(['1007']);

    // A tag, a status move: the next answer has them (their records were dropped, so read again).
    await updateMeta(db, customerKeys[0]!, { tags: ['新标签'] }, NOW);
    await ingestOrders(db, [{ ...order(2, 'a'), status: 'paid' }], NOW);
    const after = await viaCache();
    expect(after.r).toEqual(await fresh());
    expect(after.r.summaries.find((x) => x.orderId === '1002')?.order.status).toBe('paid');
    expect(after.r.summaries.find((x) => x.orderId === '1000')?.meta.tags).toEqual(['新标签']);
    expect((await viaCache()).readOrders).toBe(false);

    // A buyer with contacts: the contact log is a query the cache does not hold.
    await logContact(db, {
      customerKey: customerKeys[2]!,
      at: NOW - 60_000,
      channel: 'chat',
      template: 'remind.new.chat.polite',
      staff: '',
      purpose: 'remind',
    });
    const withContacts = await viaCache();
    expect(withContacts.readOrders).toBe(true);
    expect(withContacts.r).toEqual(await fresh());
    expect(withContacts.r.summaries.find((x) => x.orderId === '1003')?.contacts).toHaveLength(1);
  });
});
