/**
 * Repurchase cycle per item (回购周期): the shared rule (lib/customers repurchaseCycles) over the
 * orders in range, the items with the most evidence first, each with the customers who bought it
 * again.
 */
import { chinaDay, itemKeyOf, repurchaseCycles, type CycleOrder, type ItemKey } from '../customers';
import { isPurchase } from '../order-status';
import type { Bucket } from './types';

/** How many items the chart shows. */
export const TOP_ITEMS = 15;

/** One item's cycle; `count` is the number of gaps (samples), `keys` the repeat buyers. */
export interface ItemCycle extends Bucket<ItemKey> {
  title: string;
  /** Median days between purchases of the item by the same customer. */
  medianDays: number;
  /** Gaps the median was taken over. */
  samples: number;
}

/**
 * The `limit` items with the most repeat-purchase gaps (ties: the shorter cycle first, then the
 * key), with the customers who bought each on two or more China days.
 */
export function topRepurchaseCycles(
  orders: readonly CycleOrder[],
  limit: number = TOP_ITEMS,
): ItemCycle[] {
  const cycles = repurchaseCycles(orders);
  const top = [...cycles.entries()]
    .sort(
      ([ka, a], [kb, b]) =>
        b.samples - a.samples || a.medianDays - b.medianDays || (ka < kb ? -1 : ka > kb ? 1 : 0),
    )
    .slice(0, Math.max(0, limit));
  if (top.length === 0) return [];
  // Who bought each top item on more than one day: the same distinct-day rule as the cycles.
  const wanted = new Set(top.map(([k]) => k));
  const days = new Map<ItemKey, Map<string, Set<number>>>();
  for (const o of orders) {
    if (!isPurchase(o.status)) continue;
    for (const item of o.items) {
      const key = itemKeyOf(item);
      if (key === undefined || !wanted.has(key)) continue;
      let byCustomer = days.get(key);
      if (!byCustomer) days.set(key, (byCustomer = new Map<string, Set<number>>()));
      let set = byCustomer.get(o.customerKey);
      if (!set) byCustomer.set(o.customerKey, (set = new Set<number>()));
      set.add(chinaDay(o.createdAt));
    }
  }
  return top.map(([id, c]) => {
    const keys = [...(days.get(id) ?? new Map<string, Set<number>>()).entries()]
      .filter(([, d]) => d.size > 1)
      .map(([k]) => k);
    return {
      id,
      title: c.title,
      medianDays: c.medianDays,
      samples: c.samples,
      count: c.samples,
      keys,
    };
  });
}
