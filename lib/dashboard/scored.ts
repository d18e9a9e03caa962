/**
 * A customer with their badge view (describeCustomer, as of now), computed once per customer and
 * shared by every customer-level metric of the dashboard.
 */
import {
  computeShopStats,
  describeCustomer,
  type CustomerView,
  type ShopStats,
} from '../customers';
import type { Customer } from '../schemas';
import { shopKey } from '../schemas';
import type { Settings } from '../settings';

/** A customer and who they are today. */
export interface Scored {
  customer: Customer;
  view: CustomerView;
}

/** Scores one customer against their shop's statistics. */
export function scoreCustomer(
  customer: Customer,
  stats: ShopStats,
  settings: Settings,
  now: number,
): Scored {
  return { customer, view: describeCustomer(customer, { stats, settings, now }) };
}

/**
 * Scores customers, each against the statistics of their own shop (tiers and RFM scores are
 * ranks within a shop, never across shops).
 */
export function scoreCustomers(
  customers: readonly Customer[],
  settings: Settings,
  now: number,
): Scored[] {
  const byShop = new Map<string, Customer[]>();
  for (const c of customers) {
    const k = shopKey(c.platform, c.shopId);
    let list = byShop.get(k);
    if (!list) byShop.set(k, (list = []));
    list.push(c);
  }
  const stats = new Map<string, ShopStats>();
  for (const [k, list] of byShop) stats.set(k, computeShopStats(list, settings, now));
  return customers.map((c) =>
    scoreCustomer(c, stats.get(shopKey(c.platform, c.shopId))!, settings, now),
  );
}
