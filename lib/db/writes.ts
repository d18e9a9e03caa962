/**
 * The background's other writes: contact log, tags/notes/blacklist, care marks, forgetting a
 * buyer and deleting a shop. Each is one transaction.
 */
import {
  CustomerMeta,
  customerKey as keyOfCustomer,
  type MetaPatch,
  shopKey,
  type ContactEntry,
  type Platform,
} from '../schemas';
import { shopDisplayName } from '../shops';
import { recomputeCustomer } from './aggregate';
import { figuresSettled } from './figures-log';
import type { KezhiDb } from './index';
import { customersOfShop, shopRecordKeys } from './shop-records';

/** Appends one contact-log entry. */
export async function logContact(
  db: KezhiDb,
  entry: Omit<ContactEntry, 'id'>,
  id: string = crypto.randomUUID(),
): Promise<ContactEntry> {
  const full: ContactEntry = { ...entry, id };
  await db.contacts.add(full);
  return full;
}

/** Updates the given fields of a customer's tags, note and blacklist; validated before writing. */
export async function updateMeta(
  db: KezhiDb,
  customerKey: string,
  patch: MetaPatch,
  now: number,
): Promise<CustomerMeta> {
  return db.transaction('rw', db.meta, async () => {
    const prev = await db.meta.get(customerKey);
    const defined = Object.fromEntries(Object.entries(patch).filter(([, v]) => v !== undefined));
    const tags = patch.tags
      ? [...new Set(patch.tags.map((t) => t.trim()).filter(Boolean))]
      : undefined;
    const next = CustomerMeta.parse({
      ...prev,
      ...defined,
      ...(tags ? { tags } : {}),
      customerKey,
      updatedAt: now,
    });
    await db.meta.put(next);
    return next;
  });
}

/** Marks a care / recall / repurchase moment done. */
export async function markCareDone(
  db: KezhiDb,
  id: string,
  customerKey: string,
  now: number,
): Promise<void> {
  await db.careDone.put({ id, customerKey, at: now });
}

/**
 * Forget one buyer: personal fields cleared from their orders (the orders stay, anonymous, so
 * the shop's totals hold), nick replaced, notes/tags/blacklist, contact log and care marks deleted
 * under every key their orders ever had: the present one, the masked `order:` key an order had
 * before its buyer was known, and any key a contact on one of their orders was filed under (when
 * no other buyer's order holds it now). Returns once the figure blocks (written behind the
 * customers, lib/db/figures-log) no longer hold the buyer's keys either.
 */
export async function forgetBuyer(
  db: KezhiDb,
  customerKey: string,
  /** Team sync passes the forgetting desk's id, so the anonymous orders match on every desk. */
  anonBuyerId?: string,
): Promise<{ ordersCleared: number; contactsDeleted: number }> {
  const r = await db.transaction(
    'rw',
    [db.orders, db.customers, db.contacts, db.meta, db.careDone, db.joins],
    async () => {
      const orders = await db.orders.where('customerKey').equals(customerKey).toArray();
      const orderKeys = orders.map((o) => o.key);
      const onOrders = await db.contacts.where('orderKey').anyOf(orderKeys).toArray();
      const candidates = new Set([
        ...orders.map((o) => keyOfCustomer(o.platform, o.shopId, `order:${o.orderId}`)),
        ...onOrders.map((c) => c.customerKey),
      ]);
      candidates.delete(customerKey);
      // A key another buyer's order holds today is theirs, not a past key of this buyer.
      const heldByOthers = new Set(
        (
          await db.orders
            .where('customerKey')
            .anyOf([...candidates])
            .toArray()
        ).map((o) => o.customerKey),
      );
      const keys = [customerKey, ...[...candidates].filter((k) => !heldByOthers.has(k))];
      // The buyer id and the customer key are built from the nick (nick:…) or the platform's
      // buyer id: both are personal, so the anonymous orders move to a new, meaningless buyer.
      const anonId = anonBuyerId ?? `forgotten:${crypto.randomUUID()}`;
      const anonymous = orders.map((o) => ({
        ...o,
        buyerId: anonId,
        customerKey: keyOfCustomer(o.platform, o.shopId, anonId),
        buyerNick: '已删除买家',
        // A sku is free text (engraving, "for 张三"): only the product title is kept.
        items: o.items.map(({ sku: _sku, ...item }) => item),
        receiverName: undefined,
        receiverPhone: undefined,
        phoneTail: undefined,
        region: undefined,
      }));
      await db.orders.bulkPut(anonymous);
      const c = recomputeCustomer(anonymous);
      await db.customers.bulkDelete(keys);
      if (c) await db.customers.put(c);
      const contactIds = new Set([
        ...(await db.contacts.where('customerKey').anyOf(keys).primaryKeys()),
        ...onOrders.map((x) => x.id),
      ]);
      await db.contacts.bulkDelete([...contactIds]);
      await db.meta.bulkDelete(keys);
      await db.careDone.where('customerKey').anyOf(keys).delete();
      // Joins name the buyer's keys and keep their old tags and notes: forgotten too.
      await db.joins.where('into').anyOf(keys).delete();
      await db.joins.bulkDelete(keys);
      return { ordersCleared: anonymous.length, contactsDeleted: contactIds.size };
    },
  );
  await figuresSettled(db);
  return r;
}

/**
 * Deletes everything stored for one shop (matched by fields, see shopRecordKeys); returns once its
 * figure blocks are gone too.
 */
export async function deleteShop(
  db: KezhiDb,
  platform: Platform,
  shopId: string,
): Promise<{ orders: number; customers: number }> {
  const key = shopKey(platform, shopId);
  const r = await db.transaction(
    'rw',
    [db.orders, db.customers, db.contacts, db.meta, db.careDone, db.shops, db.stats],
    async () => {
      const { orderKeys, customerKeys, contactIds } = await shopRecordKeys(db, platform, shopId);
      await db.orders.bulkDelete(orderKeys);
      const customers = await customersOfShop(db, platform, shopId).delete();
      await db.contacts.bulkDelete(contactIds);
      await db.meta.bulkDelete(customerKeys);
      await db.careDone.where('customerKey').anyOf(customerKeys).delete();
      await db.shops.delete(key);
      await db.stats.delete(key);
      return { orders: orderKeys.length, customers };
    },
  );
  await figuresSettled(db);
  return r;
}

/** Records what the adapter recognised on a page, for the popup's health list. */
export async function recordHealth(
  db: KezhiDb,
  platform: Platform,
  shopId: string,
  health: {
    adapter: string;
    ok: boolean;
    recognised: number;
    problem?: string;
    coverage?: string;
    at: number;
  },
): Promise<void> {
  const key = shopKey(platform, shopId);
  await db.transaction('rw', db.shops, async () => {
    const shop = await db.shops.get(key);
    await db.shops.put({
      key,
      platform,
      shopId,
      name: shop?.name ?? shopDisplayName(shopId),
      lastSeenAt: Math.max(shop?.lastSeenAt ?? 0, health.at),
      pagesRecognised: (shop?.pagesRecognised ?? 0) + (health.ok ? 1 : 0),
      health,
      statsDirty: shop?.statsDirty,
      identityEvidence: shop?.identityEvidence,
    });
  });
}
