/**
 * Badges before writes: previewRows answers a page's rows from what is stored, its new orders
 * applied in memory, and writes nothing; once the page is ingested, summarizeRows answers the
 * same (the statistics held by the same cache), so the overlay's final badges are today's.
 */
import fc from 'fast-check';
import { openDb, type KezhiDb } from '../../lib/db';
import { ingestOrders } from '../../lib/db/ingest';
import { figuresSettled } from '../../lib/db/figures-log';
import { previewRows, summarizeRows } from '../../lib/db/row-summaries';
import { clearStatsCache, STATS_RECOUNT_BELOW, statsPolicy } from '../../lib/db/shop-stats';
import { OrderStatus, type OrderInput } from '../../lib/schemas';
import { DEFAULT_SETTINGS } from '../../lib/settings';
import { NOW, T0, order } from '../support/make-order';

const RUNS = Number(process.env.KEZHI_FUZZ_RUNS ?? 40);
const DAY = 86400_000;

let db: KezhiDb;
beforeEach(async () => {
  clearStatsCache();
  db = openDb(`preview-${Math.random()}`);
  await db.open();
});
afterEach(() => db.close());

const req = (orders: OrderInput[], ids: string[]) => ({
  platform: 'taobao' as const,
  shopId: 'shop1',
  orders,
  rows: ids.map((orderId) => ({ orderId })),
});

/** Every table's records but the statistics cache (a first answer may build and store it)… */
async function records(d: KezhiDb) {
  // The figure blocks of earlier writes are written behind them (lib/db/figures-log).
  await figuresSettled(d);
  const tables = d.tables.filter((t) => t.name !== 'stats');
  const all = Object.fromEntries(
    await Promise.all(tables.map(async (t) => [t.name, await t.toArray()])),
  ) as Record<string, Record<string, unknown>[]>;
  // …and the shop's mark that its statistics are stale, which that rebuild clears.
  all.shops = all.shops!.map(({ statsDirty: _, ...shop }) => shop);
  return all;
}

describe('previewRows', () => {
  test('a new buyer’s first order and a known buyer’s next one, before any write', async () => {
    await ingestOrders(
      db,
      [
        order({ orderId: '1', buyerNick: 'a', buyerId: 'nick:a', createdAt: T0 }),
        order({ orderId: '2', buyerNick: 'a', buyerId: 'nick:a', createdAt: T0 + DAY }),
      ],
      NOW,
    );
    const page = [
      order({ orderId: '3', buyerNick: 'a', buyerId: 'nick:a', createdAt: NOW - DAY }),
      order({ orderId: '4', buyerNick: 'new', buyerId: 'nick:new', createdAt: NOW - DAY }),
      order({ orderId: '2', buyerNick: 'a', buyerId: 'nick:a', createdAt: T0 + DAY }),
    ];
    const before = await records(db);
    const preview = await previewRows(
      db,
      req(page, ['3', '4', '2', 'nope']),
      DEFAULT_SETTINGS,
      NOW,
    );
    expect(await records(db)).toEqual(before); // nothing written
    expect(preview.unknown).toEqual(['nope']);
    const [a3, n4] = preview.summaries;
    expect(a3!.view.kind).toBe('returning');
    expect(a3!.view.purchaseCount).toBe(2);
    expect(a3!.current.purchaseCount).toBe(3);
    expect(n4!.view.kind).toBe('new');
    expect(n4!.current.purchaseCount).toBe(1);
  });

  test('a status move on the page shows before the write (unpaid → paid drops the 催付 plan)', async () => {
    await ingestOrders(
      db,
      [order({ orderId: '9', status: 'unpaid', createdAt: NOW - 3600_000 })],
      NOW,
    );
    const stored = await previewRows(db, req([], ['9']), DEFAULT_SETTINGS, NOW);
    expect(stored.summaries[0]!.plan).not.toBeNull();
    const paid = order({ orderId: '9', status: 'paid', createdAt: NOW - 3600_000 });
    const moved = await previewRows(db, req([paid], ['9']), DEFAULT_SETTINGS, NOW);
    expect(moved.summaries[0]!.plan).toBeNull();
    expect(moved.summaries[0]!.order.status).toBe('paid');
  });

  test('a sighting naming another buyer for a stored order is shown as stored', async () => {
    await ingestOrders(db, [order({ orderId: '5', buyerNick: 'a', buyerId: 'nick:a' })], NOW);
    const forged = order({ orderId: '5', buyerNick: 'b', buyerId: 'nick:b' });
    const r = await previewRows(db, req([forged], ['5']), DEFAULT_SETTINGS, NOW);
    expect(r.summaries[0]!.customerKey).toBe('taobao:shop1:nick:a');
  });

  /**
   * Each order id has one buyer for good: the same order seen under two buyer keys joins the
   * customers (lib/db/joins), which the preview leaves to the answer after the write.
   */
  const BUYER_OF: Record<string, string> = {
    '1001': '张三',
    '1002': 'li_si',
    '1003': '张三',
    '1004': 'new_1',
    '1005': 'wang**',
    '2001': 'tb_test_01',
    '2002': 'li_si',
    '2003': 'new_1',
  };
  const arbPageOrder = fc
    .record({
      orderId: fc.constantFrom(...Object.keys(BUYER_OF)),
      status: fc.constantFrom(...OrderStatus.options),
      day: fc.integer({ min: 0, max: 320 }),
      amount: fc.integer({ min: 0, max: 10_000_00 }),
      qty: fc.integer({ min: 1, max: 3 }),
      phone: fc.option(fc.constantFrom('138****0001', '139****0002'), { nil: undefined }),
      receiver: fc.option(fc.constantFrom('张*', '李**'), { nil: undefined }),
    })
    .map((r) => {
      const buyer = BUYER_OF[r.orderId]!;
      const masked = buyer.includes('*');
      return order({
        orderId: r.orderId,
        buyerNick: buyer,
        buyerId: masked ? `order:${r.orderId}` : `nick:${buyer}`,
        identity: masked ? 'masked' : 'known',
        status: r.status,
        createdAt: T0 + r.day * DAY,
        amount: r.amount,
        items: [{ title: `商品${r.orderId}`, quantity: r.qty }],
        receiverPhone: r.phone,
        receiverName: r.receiver,
      });
    });

  test('the preview equals the answer after the ingest, for any history and page', async () => {
    // Both answers over one statistics snapshot (a small shop is otherwise recounted after the
    // ingest, and the overlay repaints the rows whose ranks moved): the rules are compared here.
    statsPolicy.recountBelow = 0;
    onTestFinished(() => {
      statsPolicy.recountBelow = STATS_RECOUNT_BELOW;
    });
    await fc.assert(
      fc.asyncProperty(
        fc.array(arbPageOrder, { maxLength: 10 }),
        fc.array(arbPageOrder, { minLength: 1, maxLength: 10 }),
        async (history, page) => {
          clearStatsCache();
          const local = openDb(`preview-prop-${Math.random()}`);
          await local.open();
          try {
            await ingestOrders(local, history, NOW - 1000);
            const ids = [...new Set([...page, ...history].map((o) => o.orderId)), 'absent'];
            const r = req(page, ids);
            // The statistics the overlay has cached for the shop (both answers use them).
            await summarizeRows(local, r, DEFAULT_SETTINGS, NOW);
            const preview = await previewRows(local, r, DEFAULT_SETTINGS, NOW);
            await ingestOrders(local, page, NOW);
            const after = await summarizeRows(local, r, DEFAULT_SETTINGS, NOW);
            expect(preview).toEqual(after);
          } finally {
            local.close();
          }
        },
      ),
      { numRuns: RUNS, seed: 17 },
    );
  });
});
