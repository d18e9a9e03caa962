/**
 * Exact shop scoping (issue 13, part 6). A WooCommerce shop on a port has a `:` in its id
 * (`localhost:8080`), so `woocommerce:localhost:` is a prefix of the other shop's keys. Delete,
 * export and restore must match platform and shop as fields: deleting `localhost` leaves
 * `localhost:8080` whole, and a per-shop backup of either restores exactly that shop.
 */
import { openDb, type KezhiDb } from '../../lib/db';
import { mergeOrder, recomputeCustomer } from '../../lib/db/aggregate';
import { deepEqual } from '../../lib/deep-equal';
import { ingestOrders } from '../../lib/db/ingest';
import { deleteShop, logContact, markCareDone, updateMeta } from '../../lib/db/writes';
import { exportBackup, restoreBackup, BACKUP_TABLES, type RestoreRules } from '../../lib/backup';
import { customerKey, orderKey } from '../../lib/schemas';
import { order, NOW } from '../support/make-order';

const rules: RestoreRules = { mergeOrder, recomputeCustomer, deepEqual };
const SHOPS = ['localhost', 'localhost:8080', 'a:b:c'] as const;

async function fill(db: KezhiDb, shopId: string, n: number) {
  await ingestOrders(
    db,
    Array.from({ length: n }, (_, i) =>
      order({
        platform: 'woocommerce',
        shopId,
        orderId: `${100 + i}`,
        buyerId: `id:${7 + (i % 2)}`,
        buyerNick: `buyer${i % 2}`,
      }),
    ),
    NOW,
  );
  const ck = customerKey('woocommerce', shopId, 'id:7');
  await updateMeta(db, ck, { note: `note of ${shopId}`, tags: ['t'] }, NOW);
  await logContact(db, {
    customerKey: ck,
    orderKey: orderKey('woocommerce', shopId, '100'),
    at: NOW,
    channel: 'email',
    template: 'x',
    staff: '',
    purpose: 'remind',
  });
  await markCareDone(db, `${ck}|care|1`, ck, NOW);
}

/** Every record of every table, keyed by table, for whole-database comparisons. */
async function dump(db: KezhiDb) {
  const out: Record<string, unknown[]> = {};
  for (const t of BACKUP_TABLES) out[t] = await db.table(t).toArray();
  return out;
}

/** Records of one shop, told by their fields or, for the keyed tables, by their customer's. */
async function countsOf(db: KezhiDb, shopId: string) {
  const customers = await db.customers.filter((c) => c.shopId === shopId).toArray();
  const keys = new Set(customers.map((c) => c.key));
  return {
    orders: await db.orders.filter((o) => o.shopId === shopId).count(),
    customers: customers.length,
    meta: await db.meta.filter((m) => keys.has(m.customerKey)).count(),
    contacts: await db.contacts.filter((c) => keys.has(c.customerKey)).count(),
    careDone: await db.careDone.filter((c) => keys.has(c.customerKey)).count(),
    shops: await db.shops.filter((s) => s.shopId === shopId).count(),
  };
}

let db: KezhiDb;
beforeEach(async () => {
  db = openDb(`scope-${Math.random()}`);
  for (const [i, s] of SHOPS.entries()) await fill(db, s, 3 + i);
});
afterEach(() => db.close());

describe('shops are matched by platform and shop id, never by key prefix', () => {
  it('deleting `localhost` leaves `localhost:8080` and `a:b:c` whole', async () => {
    const before8080 = await countsOf(db, 'localhost:8080');
    const beforeAbc = await countsOf(db, 'a:b:c');
    expect(before8080).toEqual({
      orders: 4,
      customers: 2,
      meta: 1,
      contacts: 1,
      careDone: 1,
      shops: 1,
    });
    await deleteShop(db, 'woocommerce', 'localhost');
    expect(await countsOf(db, 'localhost')).toEqual({
      orders: 0,
      customers: 0,
      meta: 0,
      contacts: 0,
      careDone: 0,
      shops: 0,
    });
    expect(await countsOf(db, 'localhost:8080')).toEqual(before8080);
    expect(await countsOf(db, 'a:b:c')).toEqual(beforeAbc);
  });

  it('deleting `localhost:8080` removes all of it (meta, contacts, care marks too)', async () => {
    const beforeLocal = await countsOf(db, 'localhost');
    await deleteShop(db, 'woocommerce', 'localhost:8080');
    expect(Object.values(await countsOf(db, 'localhost:8080'))).toEqual([0, 0, 0, 0, 0, 0]);
    expect(await countsOf(db, 'localhost')).toEqual(beforeLocal);
  });

  for (const shopId of SHOPS)
    it(`a backup of \`${shopId}\` holds only that shop and round-trips exactly`, async () => {
      const shopKey = `woocommerce:${shopId}`;
      const backup = await exportBackup(db, { now: NOW, shopKey });
      const shopIds = new Set([
        ...backup.tables.orders.map((o) => o.shopId),
        ...backup.tables.customers.map((c) => c.shopId),
        ...backup.tables.shops.map((s) => s.shopId),
      ]);
      expect([...shopIds]).toEqual([shopId]);
      const expected = await countsOf(db, shopId);
      expect(backup.tables.meta).toHaveLength(expected.meta);
      expect(backup.tables.contacts).toHaveLength(expected.contacts);
      expect(backup.tables.careDone).toHaveLength(expected.careDone);
      expect(backup.tables.orders).toHaveLength(expected.orders);

      // Restored into an empty database, it is that shop's records exactly.
      const fresh = openDb(`scope-fresh-${Math.random()}`);
      await restoreBackup(fresh, JSON.parse(JSON.stringify(backup)), rules);
      const whole = await dump(db);
      const restored = await dump(fresh);
      expect(await countsOf(fresh, shopId)).toEqual(expected);
      expect(restored.orders).toEqual(
        (whole.orders as { shopId: string }[]).filter((o) => o.shopId === shopId),
      );
      expect(restored.meta).toEqual(backup.tables.meta);
      fresh.close();
    });
});
