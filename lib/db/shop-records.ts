/**
 * One shop's records, matched by their platform and shopId fields, never by key prefix:
 * `woocommerce:localhost:` is a prefix of shop `localhost:8080`'s keys. Deleting a shop and
 * backing one up find its records here.
 */
import type { Platform } from '../schemas';
import type { KezhiDb } from './index';

/** The shop's orders. */
export function ordersOfShop(db: KezhiDb, platform: Platform, shopId: string) {
  return db.orders
    .where('[platform+shopId+createdAt]')
    .between([platform, shopId, -Infinity], [platform, shopId, Infinity], true, true)
    .toArray();
}

/** The shop's customers, as a collection (read, count or delete them). */
export function customersOfShop(db: KezhiDb, platform: Platform, shopId: string) {
  return db.customers.where('[platform+shopId]').equals([platform, shopId]);
}

/**
 * The keys of one shop's records. Customer keys come from the shop's customers and from its
 * orders; contacts, meta and care marks are found through them (and contacts also through their
 * order).
 */
export async function shopRecordKeys(
  db: KezhiDb,
  platform: Platform,
  shopId: string,
): Promise<{ orderKeys: string[]; customerKeys: string[]; contactIds: string[] }> {
  const orders = await ordersOfShop(db, platform, shopId);
  const customers = await customersOfShop(db, platform, shopId).primaryKeys();
  const orderKeys = orders.map((o) => o.key);
  const customerKeys = [...new Set([...customers, ...orders.map((o) => o.customerKey)])];
  const contactIds = new Set([
    ...(await db.contacts.where('customerKey').anyOf(customerKeys).primaryKeys()),
    ...(await db.contacts.where('orderKey').anyOf(orderKeys).primaryKeys()),
  ]);
  return { orderKeys, customerKeys, contactIds: [...contactIds] };
}
