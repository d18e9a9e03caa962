/**
 * Joining what belongs together: the same order under two keys joins the two customers with
 * their orders, tags, notes and contacts; the seller merges and splits, and each undoes the other;
 * same display names stay apart unless the receiver agrees. After every step each customer equals
 * a recompute from its orders (the aggregate's own definition).
 */
import { openDb, trackKeyPresence, type KezhiDb } from '../../lib/db';
import { recomputeCustomer } from '../../lib/db/aggregate';
import { deepEqual } from '../../lib/deep-equal';
import { ingestOrders } from '../../lib/db/ingest';
import { joinsInto, mergeCustomers, splitCustomer } from '../../lib/db/joins';
import { logContact, updateMeta } from '../../lib/db/writes';
import { buyerIdFor } from '../../lib/keys';
import type { OrderInput } from '../../lib/schemas';
import { NOW, T0, order } from '../support/make-order';

const DAY = 86400_000;
const K = (buyerId: string) => `taobao:shop1:${buyerId}`;
let db: KezhiDb;
beforeEach(async () => {
  db = openDb(`test-${Math.random()}`);
  // As in the background: which keys were joined away is known from memory (lib/db/key-presence).
  trackKeyPresence(db);
  await db.open();
});
afterEach(() => db.close());

const tok = (orderId: string, token: string, createdAt = T0) =>
  order({ orderId, buyerId: `tok:${token}`, buyerNick: '甲**', identity: 'token', createdAt });
const nick = (orderId: string, n: string, createdAt = T0, p: Partial<OrderInput> = {}) =>
  order({ orderId, buyerId: `nick:${n}`, buyerNick: n, identity: 'nick', createdAt, ...p });

async function expectConsistent() {
  const orders = await db.orders.toArray();
  const customers = await db.customers.toArray();
  const byCustomer = new Map<string, typeof orders>();
  for (const o of orders) {
    expect(o.customerKey).toBe(`${o.platform}:${o.shopId}:${o.buyerId}`);
    byCustomer.set(o.customerKey, [...(byCustomer.get(o.customerKey) ?? []), o]);
  }
  expect(new Set(customers.map((c) => c.key))).toEqual(new Set(byCustomer.keys()));
  for (const c of customers)
    expect(deepEqual(c, recomputeCustomer(byCustomer.get(c.key)!))).toBe(true);
}

const ownerOf = async (orderId: string) => (await db.orders.get(K(orderId)))?.customerKey;

describe('the same order under two keys', () => {
  test('an export file names the nick behind a 千牛 token: the customers join, with everything', async () => {
    await ingestOrders(db, [tok('1001', 'AAA'), tok('1002', 'AAA', T0 + DAY)], NOW);
    await updateMeta(db, K('tok:AAA'), { tags: ['高端'], note: '千牛上记的' }, NOW);
    await logContact(db, {
      customerKey: K('tok:AAA'),
      at: NOW,
      channel: 'chat',
      template: 't',
      staff: '',
      purpose: 'remind',
    });
    await updateMeta(db, K('nick:tb_test_buyer01'), { tags: ['活动顾客'], note: '老买家' }, NOW);
    await ingestOrders(db, [nick('0999', 'tb_test_buyer01', T0 - 30 * DAY)], NOW);

    // The export file carries order 1001 under the buyer's member name (买家会员名).
    const r = await ingestOrders(db, [nick('1001', 'tb_test_buyer01')], NOW + DAY);
    expect(r.rejected).toEqual([]);
    const into = K('nick:tb_test_buyer01');
    expect(await db.customers.get(K('tok:AAA'))).toBeUndefined();
    const c = await db.customers.get(into);
    expect(c).toMatchObject({ orderCount: 3, purchaseCount: 3, identity: 'nick' });
    expect([await ownerOf('1001'), await ownerOf('1002'), await ownerOf('0999')]).toEqual([
      into,
      into,
      into,
    ]);
    const meta = await db.meta.get(into);
    expect(new Set(meta?.tags)).toEqual(new Set(['高端', '活动顾客']));
    expect(meta?.note).toContain('千牛上记的');
    expect(meta?.note).toContain('老买家');
    expect(await db.meta.get(K('tok:AAA'))).toBeUndefined();
    expect((await db.contacts.toArray()).map((e) => e.customerKey)).toEqual([into]);
    const joins = await joinsInto(db, into);
    expect(joins).toMatchObject([{ key: K('tok:AAA'), reason: 'order', orderId: '1001' }]);
    await expectConsistent();

    // A later 千牛 order under the same token lands in the joined customer.
    await ingestOrders(db, [tok('1003', 'AAA', T0 + 5 * DAY)], NOW + 2 * DAY);
    expect(await ownerOf('1003')).toBe(into);
    expect((await db.customers.get(into))?.purchaseCount).toBe(4);
    await expectConsistent();
  });

  test('a masked order later seen unmasked joins, keeping its contact log', async () => {
    const masked = order({
      orderId: '1001',
      buyerId: 'order:1001',
      buyerNick: '牛**',
      identity: 'none',
      status: 'unpaid',
      paidAt: undefined,
    });
    await ingestOrders(db, [masked], NOW);
    await logContact(db, {
      customerKey: K('order:1001'),
      orderKey: K('1001'),
      at: NOW,
      channel: 'chat',
      template: 't',
      staff: '小王',
      purpose: 'remind',
    });
    await ingestOrders(db, [nick('1001', 'buyerX')], NOW + 1);
    expect((await db.contacts.toArray()).map((e) => e.customerKey)).toEqual([K('nick:buyerX')]);
    expect(await db.customers.get(K('order:1001'))).toBeUndefined();
    await expectConsistent();
  });

  test('two account nicks for one order do not join two customers', async () => {
    await ingestOrders(db, [nick('1001', 'a'), nick('2001', 'b')], NOW);
    await ingestOrders(db, [nick('1001', 'b')], NOW + 1);
    expect(await db.joins.count()).toBe(0);
    await expectConsistent();
  });

  test('a token already joined to one nick, then claimed by another nick for the same order, is refused', async () => {
    await ingestOrders(db, [tok('1001', 'AAA'), tok('1002', 'AAA', T0 + DAY)], NOW);
    await ingestOrders(db, [nick('1001', 'a')], NOW);
    // Order 1002 came to nick a through the token: another nick for it contradicts the history
    // (the trust rule: an order's known buyer never changes), so nothing is joined or moved.
    const r = await ingestOrders(db, [nick('1002', 'b')], NOW + 1);
    expect(r.refused.map((x) => x.orderId)).toEqual(['1002']);
    expect(await db.joins.get(K('nick:a'))).toBeUndefined();
    expect(await db.customers.get(K('nick:b'))).toBeUndefined();
    expect(await ownerOf('1002')).toBe(K('nick:a'));
    await expectConsistent();
  });
});

describe("the seller's merge and split", () => {
  async function twoBuyers() {
    await ingestOrders(
      db,
      [nick('1001', 'a'), nick('1002', 'a', T0 + DAY), nick('2001', 'b', T0 + 2 * DAY)],
      NOW,
    );
    await updateMeta(db, K('nick:a'), { tags: ['A'], note: 'note a' }, NOW);
    await updateMeta(
      db,
      K('nick:b'),
      { tags: ['B'], note: 'note b', blacklisted: true, blacklistReason: '差评师' },
      NOW,
    );
    await logContact(
      db,
      {
        customerKey: K('nick:a'),
        at: NOW,
        channel: 'sms',
        template: 't',
        staff: '',
        purpose: 'remind',
      },
      'c-a',
    );
    await logContact(
      db,
      {
        customerKey: K('nick:b'),
        at: NOW,
        channel: 'sms',
        template: 't',
        staff: '',
        purpose: 'remind',
      },
      'c-b',
    );
  }

  test('merge moves orders, tags, notes and contacts; split puts each back; merging again undoes the split', async () => {
    await twoBuyers();
    const before = {
      customers: await db.customers.toArray(),
      meta: await db.meta.toArray(),
      contacts: await db.contacts.toArray(),
      orders: await db.orders.toArray(),
    };
    await mergeCustomers(db, K('nick:a'), K('nick:b'), NOW + 1);
    expect(await db.customers.get(K('nick:a'))).toBeUndefined();
    expect(await db.customers.get(K('nick:b'))).toMatchObject({ orderCount: 3, purchaseCount: 3 });
    expect(await db.meta.get(K('nick:b'))).toMatchObject({
      tags: ['B', 'A'],
      blacklisted: true,
      note: 'note b\nnote a',
    });
    expect((await db.contacts.toArray()).every((e) => e.customerKey === K('nick:b'))).toBe(true);
    await expectConsistent();

    // Undo = split: everything as it was.
    expect(await splitCustomer(db, K('nick:a'))).toEqual({ into: K('nick:b'), orders: 2 });
    const sortBy = <T>(list: T[], k: keyof T) =>
      [...list].sort((x, y) => String(x[k]).localeCompare(String(y[k])));
    expect(sortBy(await db.orders.toArray(), 'key')).toEqual(sortBy(before.orders, 'key'));
    expect(sortBy(await db.customers.toArray(), 'key')).toEqual(sortBy(before.customers, 'key'));
    expect(sortBy(await db.meta.toArray(), 'customerKey')).toEqual(
      sortBy(before.meta, 'customerKey'),
    );
    expect(sortBy(await db.contacts.toArray(), 'id')).toEqual(sortBy(before.contacts, 'id'));
    expect(await db.joins.count()).toBe(0);

    // Undo of the split = the same merge again.
    await mergeCustomers(db, K('nick:a'), K('nick:b'), NOW + 2);
    expect(await db.customers.get(K('nick:b'))).toMatchObject({ orderCount: 3 });
    await expectConsistent();
  });

  test('a split also takes back orders that arrived under the joined-away key', async () => {
    await twoBuyers();
    await mergeCustomers(db, K('nick:a'), K('nick:b'), NOW + 1);
    await ingestOrders(db, [nick('1003', 'a', T0 + 9 * DAY)], NOW + 2);
    expect(await ownerOf('1003')).toBe(K('nick:b'));
    await splitCustomer(db, K('nick:a'));
    expect(await ownerOf('1003')).toBe(K('nick:a'));
    expect(await db.customers.get(K('nick:a'))).toMatchObject({ orderCount: 3 });
    await expectConsistent();
  });

  test('customers of two shops cannot be merged', async () => {
    await ingestOrders(db, [nick('1001', 'a'), order({ orderId: '9', shopId: 'shop2' })], NOW);
    await expect(mergeCustomers(db, K('nick:a'), 'taobao:shop2:nick:buyer1', NOW)).rejects.toThrow(
      /one shop/,
    );
    await expectConsistent();
  });
});

describe('same names stay apart', () => {
  const named = (orderId: string, name: string, receiver?: string): OrderInput => ({
    ...order({ orderId, platform: 'shopify', buyerNick: name, source: 'json' }),
    ...buyerIdFor({ nick: name, nameOnly: true, orderId, ...(receiver ? { receiver } : {}) }),
  });

  test('two 张伟 without anything else are two customers, both uncertain', async () => {
    await ingestOrders(db, [named('1', '张伟'), named('2', '张伟')], NOW);
    const cs = await db.customers.toArray();
    expect(cs).toHaveLength(2);
    expect(cs.map((c) => c.identity)).toEqual(['name', 'name']);
  });

  test('the same receiver makes them one; the seller may merge the others', async () => {
    await ingestOrders(
      db,
      [
        named('1', '张伟', '张伟 138****0001'),
        named('2', '张伟', '张伟 138****0001'),
        named('3', '张伟'),
      ],
      NOW,
    );
    const cs = await db.customers.toArray();
    expect(cs.map((c) => c.orderCount).sort()).toEqual([1, 2]);
    const one = cs.find((c) => c.orderCount === 1)!;
    const two = cs.find((c) => c.orderCount === 2)!;
    await mergeCustomers(db, one.key, two.key, NOW);
    expect(await db.customers.count()).toBe(1);
  });
});
