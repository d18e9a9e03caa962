/**
 * Reads what the dashboard needs with indexed queries only: a shop's customers by
 * [platform+shopId], its orders by the [platform+shopId+createdAt] range, contacts by `at`.
 * "All shops" reads shop by shop. Orders are slimmed to what the metrics use as they arrive.
 */
import { Dexie } from 'dexie';
import type { CycleOrder } from '@/lib/customers';
import type { DateRange, ShopHistory } from '@/lib/dashboard';
import type { KezhiDb } from '@/lib/db';
import { judgeKind } from '@/lib/identity';
import { isPurchase, type ContactEntry, type Order, type Shop } from '@/lib/schemas';

/** What one load brings back. */
export interface LoadedHistory {
  shops: ShopHistory[];
  contacts: ContactEntry[];
}

/**
 * Only the fields the metrics read. Item titles repeat across thousands of orders: interning
 * keeps one copy of each instead of one per order.
 */
function slim(o: Order, titles: Map<string, string>): CycleOrder {
  const intern = (t: string): string => {
    const seen = titles.get(t);
    if (seen !== undefined) return seen;
    titles.set(t, t);
    return t;
  };
  return {
    customerKey: o.customerKey,
    createdAt: o.createdAt,
    status: o.status,
    items: isPurchase(o.status)
      ? o.items.map((i) =>
          i.itemId === undefined
            ? { title: intern(i.title) }
            : { title: intern(i.title), itemId: i.itemId },
        )
      : [],
  };
}

/** The history of the given shops, orders and contacts limited to the range. */
export async function loadHistory(
  db: KezhiDb,
  shops: readonly (Pick<Shop, 'key' | 'platform' | 'shopId'> &
    Partial<Pick<Shop, 'identityEvidence'>>)[],
  range: DateRange,
): Promise<LoadedHistory> {
  const titles = new Map<string, string>();
  const lo = range.from ?? Dexie.minKey;
  const hi = range.to ?? Dexie.maxKey;
  const out: ShopHistory[] = [];
  for (const shop of shops) {
    const [customers, orders] = await Promise.all([
      db.customers.where('[platform+shopId]').equals([shop.platform, shop.shopId]).toArray(),
      db.orders
        .where('[platform+shopId+createdAt]')
        .between([shop.platform, shop.shopId, lo], [shop.platform, shop.shopId, hi], true, true)
        .toArray(),
    ]);
    out.push({
      shopKey: shop.key,
      customers,
      orders: orders.map((o) => slim(o, titles)),
      tokenVerdict: judgeKind(shop.identityEvidence ?? {}, 'token').verdict,
    });
  }
  const contacts =
    range.from === undefined && range.to === undefined
      ? await db.contacts.toArray()
      : await db.contacts.where('at').between(lo, hi, true, true).toArray();
  return { shops: out, contacts };
}
