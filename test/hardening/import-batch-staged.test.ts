/**
 * The options page passes each import batch on as the worker's JSON text (importBatch
 * `ordersJson`), so its main thread never copies the orders. The background reads that text as it
 * reads a list of orders; text that is not a JSON list of at most 5000 orders gets a sentence that
 * says so, and nothing of it is written.
 */
import { handlers } from '../../entrypoints/background/handlers';
import { getDb } from '../../lib/db';
import { dispatch, IMPORT_BATCH_MAX } from '../../lib/messaging';
import { order as base, T0 } from '../support/make-order';

const SELF = {
  extensionId: 'kezhiextensionid',
  extensionOrigin: 'chrome-extension://kezhiextensionid/',
};
const PAGE = { id: SELF.extensionId, url: `${SELF.extensionOrigin}options.html` };

const order = (i: number) =>
  base({
    orderId: `42700000000000${String(i).padStart(5, '0')}`,
    buyerId: `nick:buyer${i % 5}`,
    buyerNick: `buyer${i % 5}`,
    createdAt: T0 + i * 60_000,
    amount: 1000 + i,
    source: 'import',
  });

const importJson = (ordersJson: string) =>
  dispatch(handlers, { kezhi: 1, name: 'importBatch', input: { ordersJson } }, PAGE, SELF);

describe('importBatch from JSON text', () => {
  it('writes what the same orders sent as a list write, and answers rejects by index', async () => {
    const db = getDb();
    const orders: unknown[] = Array.from({ length: 20 }, (_, i) => order(i));
    orders[3] = { ...order(3), status: 'teleported' };
    const r = await importJson(JSON.stringify(orders));
    expect(r).toMatchObject({ ok: true, value: { written: 19 } });
    const value = r.ok ? (r.value as { rejected: { index: number }[] }) : undefined;
    expect(value?.rejected.map((x) => x.index)).toEqual([3]);
    expect(await db.orders.count()).toBe(19);
    expect((await db.customers.toArray()).map((c) => c.nick).sort()).toEqual([
      'buyer0',
      'buyer1',
      'buyer2',
      'buyer3',
      'buyer4',
    ]);
    // The same batch again, as a list: nothing new.
    const again = await dispatch(
      handlers,
      { kezhi: 1, name: 'importBatch', input: { orders } },
      PAGE,
      SELF,
    );
    expect(again).toMatchObject({ ok: true, value: { written: 0, unchanged: 19 } });
  });

  it.each([
    ['cut-off text', JSON.stringify([order(1), order(2)]).slice(0, -7), /not JSON/],
    ['an object, not a list', JSON.stringify({ orders: [order(1)] }), /not a list of orders/],
    [
      'too many orders',
      JSON.stringify(new Array(IMPORT_BATCH_MAX + 1).fill(order(1))),
      /5001 orders in one batch \(at most 5000\)/,
    ],
  ])('%s: a sentence that says so, nothing written', async (_what, text, error) => {
    const before = await getDb().orders.count();
    const r = await importJson(text);
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.error).toMatch(error);
    expect(await getDb().orders.count()).toBe(before);
  });

  it('refuses text that is not a string, and a batch with neither orders nor text', async () => {
    for (const input of [{ ordersJson: 42 }, { ordersJson: ['x'] }, {}]) {
      const r = await dispatch(handlers, { kezhi: 1, name: 'importBatch', input }, PAGE, SELF);
      expect(r.ok).toBe(false);
      if (!r.ok) expect(r.error).toMatch(/^invalid importBatch/);
    }
  });
});
