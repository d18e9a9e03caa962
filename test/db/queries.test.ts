/**
 * The background's reads for the overlay: a page's row summaries (one read transaction) and the
 * shop statistics cache (served while fresh or clean, rebuilt from the figure blocks when stale).
 */
import { openDb, type KezhiDb } from '../../lib/db';
import { ingestOrders } from '../../lib/db/ingest';
import { summarizeRows } from '../../lib/db/row-summaries';
import {
  clearStatsCache,
  getShopStats,
  STATS_MAX_AGE_MS,
  STATS_RECOUNT_BELOW,
  statsPolicy,
} from '../../lib/db/shop-stats';
import { logContact, updateMeta } from '../../lib/db/writes';
import { computeShopStats } from '../../lib/customers';
import { DEFAULT_SETTINGS } from '../../lib/settings';
import { NOW, T0, order } from '../support/make-order';

let db: KezhiDb;
beforeEach(async () => {
  clearStatsCache();
  db = openDb(`queries-${Math.random()}`);
  await db.open();
});
afterEach(() => db.close());

describe('summarizeRows', () => {
  test('answers rows in the order asked, lists unknown ids, with each buyer’s meta and contacts', async () => {
    await ingestOrders(
      db,
      [
        order({ orderId: '1', buyerNick: 'a', buyerId: 'nick:a', createdAt: T0 }),
        order({ orderId: '2', buyerNick: 'a', buyerId: 'nick:a', createdAt: T0 + 86400_000 }),
        order({ orderId: '3', buyerNick: 'b', buyerId: 'nick:b', status: 'unpaid' }),
      ],
      NOW,
    );
    await updateMeta(db, 'taobao:shop1:nick:a', { tags: ['回头客'] }, NOW);
    await logContact(db, {
      customerKey: 'taobao:shop1:nick:b',
      orderKey: 'taobao:shop1:3',
      at: NOW - 60_000,
      channel: 'chat',
      template: 'remind.new.chat.polite',
      staff: '',
      purpose: 'remind',
    });
    const req = {
      platform: 'taobao' as const,
      shopId: 'shop1',
      rows: [{ orderId: '3' }, { orderId: 'nope' }, { orderId: '2' }, { orderId: '1' }],
    };
    const { summaries, unknown } = await summarizeRows(db, req, DEFAULT_SETTINGS, NOW);
    expect(summaries.map((s) => s.orderId)).toEqual(['3', '2', '1']);
    expect(unknown).toEqual(['nope']);
    const [b, a2, a1] = summaries;
    expect(b!.contacts.map((c) => c.template)).toEqual(['remind.new.chat.polite']);
    expect(b!.plan).not.toBeNull();
    expect(a2!.meta.tags).toEqual(['回头客']);
    expect(a2!.contacts).toEqual([]);
    // The buyer as of each order: the first order was their first, the second a repeat.
    expect(a1!.view.kind).not.toBe(a2!.view.kind);
    expect(a2!.current.purchaseCount).toBe(2);
  });
});

describe('summarizeRows through the background record cache', () => {
  test('answers the same from frozen cached records as from the database', async () => {
    const { createRecordCache } = await import('../../lib/db/record-cache');
    const cache = createRecordCache(['orders', 'customers', 'meta']);
    const cachedDb = openDb(db.name);
    cachedDb.use(cache.middleware);
    await ingestOrders(
      cachedDb,
      [
        order({ orderId: '1', buyerNick: 'a', buyerId: 'nick:a' }),
        order({ orderId: '2', buyerNick: 'a', buyerId: 'nick:a', createdAt: T0 + 86400_000 }),
        order({
          orderId: '3',
          buyerNick: 'b',
          buyerId: 'nick:b',
          status: 'unpaid',
          createdAt: NOW - 3600_000,
        }),
      ],
      NOW,
    );
    await updateMeta(cachedDb, 'taobao:shop1:nick:a', { tags: ['回头客'] }, NOW);
    const req = {
      platform: 'taobao' as const,
      shopId: 'shop1',
      rows: ['3', '2', '1', 'x'].map((orderId) => ({ orderId })),
    };
    const cold = await summarizeRows(cachedDb, req, DEFAULT_SETTINGS, NOW);
    const warm = await summarizeRows(cachedDb, req, DEFAULT_SETTINGS, NOW);
    expect(cache.stats.hits).toBeGreaterThan(0);
    expect(warm).toEqual(cold);
    expect(warm).toEqual(await summarizeRows(db, req, DEFAULT_SETTINGS, NOW));
    cachedDb.close();
  });

  test('answers before its read transaction commits; what follows writes in a transaction of its own', async () => {
    await ingestOrders(db, [order({ orderId: '1', buyerNick: 'a', buyerId: 'nick:a' })], NOW);
    const req = { platform: 'taobao' as const, shopId: 'shop1', rows: [{ orderId: '1' }] };
    // The answer and, right after it, a write: it must not join the read transaction.
    const written = summarizeRows(db, req, DEFAULT_SETTINGS, NOW).then(async (r) => {
      await db.transaction('rw', db.meta, () =>
        db.meta.put({
          customerKey: r.summaries[0]!.customerKey,
          tags: ['x'],
          note: '',
          blacklisted: false,
          blacklistReason: '',
          updatedAt: NOW,
        }),
      );
      await ingestOrders(db, [order({ orderId: '2', buyerNick: 'a', buyerId: 'nick:a' })], NOW);
      return r;
    });
    expect((await written).summaries).toHaveLength(1);
    expect((await summarizeRows(db, req, DEFAULT_SETTINGS, NOW)).summaries[0]!.meta.tags).toEqual([
      'x',
    ]);
  });

  test('a failed read rejects the answer', async () => {
    const req = { platform: 'taobao' as const, shopId: 'shop1', rows: [{ orderId: '1' }] };
    const spy = vi.spyOn(db.orders, 'bulkGet').mockRejectedValueOnce(new Error('disk on fire'));
    await expect(summarizeRows(db, req, DEFAULT_SETTINGS, NOW)).rejects.toThrow('disk on fire');
    spy.mockRestore();
  });
});

describe('getShopStats', () => {
  test('rebuilds from the figure blocks when stale, clears the mark, then serves from memory', async () => {
    await ingestOrders(db, [order({ orderId: '1' })], NOW);
    expect((await db.shops.get('taobao:shop1'))?.statsDirty).toBe(true);
    const first = await getShopStats(db, 'taobao:shop1', DEFAULT_SETTINGS, NOW);
    expect(first.customers).toBe(1);
    expect((await db.shops.get('taobao:shop1'))?.statsDirty).toBe(false);
    expect((await db.stats.get('taobao:shop1'))?.computedAt).toBe(NOW);

    // A new buyer: within the max age a large shop's cached figures still serve (here one
    // customer counts as large)…
    await ingestOrders(db, [order({ orderId: '2', buyerId: 'nick:c', buyerNick: 'c' })], NOW);
    statsPolicy.recountBelow = 1;
    onTestFinished(() => {
      statsPolicy.recountBelow = STATS_RECOUNT_BELOW;
    });
    expect((await getShopStats(db, 'taobao:shop1', DEFAULT_SETTINGS, NOW + 1000)).customers).toBe(
      1,
    );
    // …and past it the dirty shop is rebuilt, equal to the statistics of the records.
    const later = NOW + STATS_MAX_AGE_MS + 1;
    const rebuilt = await getShopStats(db, 'taobao:shop1', DEFAULT_SETTINGS, later);
    expect(rebuilt).toEqual(
      computeShopStats(await db.customers.toArray(), DEFAULT_SETTINGS, later),
    );
    expect(rebuilt.customers).toBe(2);

    // Clean and past the max age: the memo is kept (no rebuild: computedAt stays).
    const clean = await getShopStats(
      db,
      'taobao:shop1',
      DEFAULT_SETTINGS,
      later + 2 * STATS_MAX_AGE_MS,
    );
    expect(clean.computedAt).toBe(later);
  });

  test("a small shop is recounted as soon as orders arrive, even its answer's preview", async () => {
    // A new shop's first page: its statistics count no one yet.
    const empty = await getShopStats(db, 'taobao:shop1', DEFAULT_SETTINGS, NOW);
    expect(empty.customers).toBe(0);
    await ingestOrders(
      db,
      ['a', 'b', 'c'].map((b, i) =>
        order({ orderId: String(10 + i), buyerId: `nick:${b}`, buyerNick: b }),
      ),
      NOW,
    );
    // Moments later, the next page's rows are ranked among the three, not among none.
    const opts = { anyAge: true };
    expect(
      (await getShopStats(db, 'taobao:shop1', DEFAULT_SETTINGS, NOW + 1000, opts)).customers,
    ).toBe(3);
    expect((await getShopStats(db, 'taobao:shop1', DEFAULT_SETTINGS, NOW + 2000)).customers).toBe(
      3,
    );
    // Clean again: served from memory, not recounted.
    const served = await getShopStats(db, 'taobao:shop1', DEFAULT_SETTINGS, NOW + 3000);
    expect(served.computedAt).toBe(NOW + 1000);
  });

  test('a fresh service worker reads the stored statistics instead of rebuilding them', async () => {
    await ingestOrders(db, [order({ orderId: '1' })], NOW);
    const stats = await getShopStats(db, 'taobao:shop1', DEFAULT_SETTINGS, NOW);
    clearStatsCache(); // the worker stopped and started again
    const again = await getShopStats(
      db,
      'taobao:shop1',
      DEFAULT_SETTINGS,
      NOW + 10 * STATS_MAX_AGE_MS,
    );
    expect(again).toEqual(stats);
    expect(again.computedAt).toBe(NOW);
  });

  test('a stored record built with the other same-day setting is not used', async () => {
    await ingestOrders(db, [order({ orderId: '1' })], NOW);
    await getShopStats(db, 'taobao:shop1', DEFAULT_SETTINGS, NOW);
    clearStatsCache();
    const merged = { ...DEFAULT_SETTINGS, mergeSameDayPurchases: true };
    const stats = await getShopStats(db, 'taobao:shop1', merged, NOW + 1);
    expect(stats.mergeSameDayPurchases).toBe(true);
    expect(stats.computedAt).toBe(NOW + 1);
  });
});
