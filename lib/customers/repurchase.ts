/**
 * Repurchase cycle per item: how many days a customer usually waits before buying the same item
 * again, for the dashboard and the "repurchase due" reminder.
 */
import { isPurchase, type OrderStatus } from '../order-status';
import { median } from './sorted';
import { chinaDay } from './time';

/** The parts of an order the cycle needs (a stored Order fits). */
export type CycleOrder = {
  customerKey: string;
  createdAt: number;
  status: OrderStatus;
  items: readonly { title: string; itemId?: string }[];
};

/** `id:<itemId>` when the platform gave one, else `title:<title>`; prefixed so they never clash. */
export type ItemKey = string;

export type RepurchaseCycle = {
  /** Median days between consecutive purchases of the item by the same customer. */
  medianDays: number;
  /** How many gaps the median was taken over. */
  samples: number;
  /** The item's latest title, for display when the key is an id. */
  title: string;
};

/** The key an item is grouped under; undefined for an item with neither id nor title. */
export function itemKeyOf(item: { title: string; itemId?: string }): ItemKey | undefined {
  if (item.itemId) return `id:${item.itemId}`;
  const title = item.title.trim();
  return title ? `title:${title}` : undefined;
}

/**
 * Median days between consecutive purchases of each item by the same customer; only purchase
 * statuses count. Days are China calendar days, and two orders of an item on the same day count
 * once: a same-day repeat is a split or corrected order, not a cycle of 0 days. Items nobody has
 * bought twice are absent.
 */
export function repurchaseCycles(orders: readonly CycleOrder[]): Map<ItemKey, RepurchaseCycle> {
  // item -> customer -> China days the customer bought it
  const days = new Map<ItemKey, Map<string, number[]>>();
  const titles = new Map<ItemKey, { at: number; title: string }>();
  for (const o of orders) {
    if (!isPurchase(o.status)) continue;
    const day = chinaDay(o.createdAt);
    for (const item of o.items) {
      const key = itemKeyOf(item);
      if (key === undefined) continue;
      let byCustomer = days.get(key);
      if (!byCustomer) days.set(key, (byCustomer = new Map<string, number[]>()));
      let list = byCustomer.get(o.customerKey);
      if (!list) byCustomer.set(o.customerKey, (list = []));
      list.push(day);
      const seen = titles.get(key);
      if (!seen || o.createdAt >= seen.at) titles.set(key, { at: o.createdAt, title: item.title });
    }
  }
  const out = new Map<ItemKey, RepurchaseCycle>();
  for (const [key, byCustomer] of days) {
    const gaps: number[] = [];
    for (const list of byCustomer.values()) {
      const distinct = [...new Set(list)].sort((a, b) => a - b);
      for (let i = 1; i < distinct.length; i++)
        gaps.push((distinct[i] ?? 0) - (distinct[i - 1] ?? 0));
    }
    const mid = median(gaps);
    if (mid === undefined) continue;
    out.set(key, { medianDays: mid, samples: gaps.length, title: titles.get(key)?.title ?? '' });
  }
  return out;
}
