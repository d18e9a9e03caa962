/**
 * Version 3 -> 4: stored identities `known`/`masked` become the kind of key they were (an `id:`
 * buyer a platform id, a `nick:` buyer a nick, a masked one none), nothing else changes, and the
 * joins table opens empty.
 */
import { Dexie } from 'dexie';
import { openDb } from '../../lib/db';
import { recomputeCustomer, toStoredOrder } from '../../lib/db/aggregate';
import type { Order, OrderInput } from '../../lib/schemas';
import { NOW, T0, order } from '../support/make-order';

/** Version 3 exactly as it shipped (v1 tables plus the figure blocks). Never edit. */
const OLD_V3 = {
  shops: 'key, platform, lastSeenAt',
  orders: 'key, customerKey, [platform+shopId+createdAt], status',
  customers: 'key, [platform+shopId], *searchTerms, lastOrderAt',
  contacts: 'id, customerKey, orderKey, at',
  meta: 'customerKey, *tags',
  stats: 'shopKey',
  careDone: 'id, customerKey',
  figures: '[shopKey+bucket]',
} as const;

const NAME = 'kezhi-identity-v4-test';

test('a version-3 database opens at version 4 with identities named by their kind', async () => {
  const inputs: OrderInput[] = [
    order({ orderId: '1', buyerId: 'nick:buyer1', identity: 'known' }),
    order({ orderId: '2', buyerId: 'id:2200000000001', buyerNick: '牛**', identity: 'known' }),
    order({ orderId: '3', buyerId: 'order:3', buyerNick: '牛**', identity: 'masked' }),
    order({ orderId: '4', buyerId: 'nick:buyer1', identity: 'known', createdAt: T0 + 1 }),
  ];
  const orders: Order[] = inputs.map((i) => toStoredOrder(i, NOW));
  const keys = [...new Set(orders.map((o) => o.customerKey))];
  const customers = keys.map((k) => recomputeCustomer(orders.filter((o) => o.customerKey === k))!);
  const old = new Dexie(NAME);
  old.version(3).stores(OLD_V3);
  await old.table('orders').bulkAdd(orders);
  await old.table('customers').bulkAdd(customers);
  old.close();

  const db = openDb(NAME);
  await db.open();
  expect(db.verno).toBe(5); // and on through version 5 (the figures log)
  // The table the issue gives: known+id -> platform, known+nick -> nick, masked -> none.
  const want: Record<string, string> = { '1': 'nick', '2': 'platform', '3': 'none', '4': 'nick' };
  const kept = await db.orders.toArray();
  expect(kept).toHaveLength(4);
  for (const o of kept) {
    expect(o.identity, o.orderId).toBe(want[o.orderId]);
    const before = orders.find((x) => x.key === o.key)!;
    expect({ ...o, identity: before.identity }).toEqual(before);
  }
  const cs = await db.customers.toArray();
  expect(Object.fromEntries(cs.map((c) => [c.buyerId, c.identity]))).toEqual({
    'nick:buyer1': 'nick',
    'id:2200000000001': 'platform',
    'order:3': 'none',
  });
  expect(await db.joins.count()).toBe(0);
  db.close();
  await Dexie.delete(NAME);
});
