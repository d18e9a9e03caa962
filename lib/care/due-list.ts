/**
 * Today's list: one message per customer (contacting a buyer twice a day is what the guides warn
 * against), most valuable customers first.
 */
import { repurchaseCycles } from '../customers';
import { DUE_LIST_LIMIT } from './schedule';
import { byPriority, dueMoments } from './moments';
import type { CareCustomer, CareItem, CareOrder, CareSettings } from './types';

/** A due item with its customer, as the list shows it. */
export interface DueEntry<C extends CareCustomer = CareCustomer> {
  customer: C;
  item: CareItem;
}

/**
 * Every not-done moment of every candidate, ready for {@link pickDueToday}. Repurchase cycles
 * are measured over the `orders` given (the candidates' recent orders: recent repurchasers are
 * the ones whose rhythm matters).
 */
export function collectDue<C extends CareCustomer>(input: {
  customers: readonly C[];
  orders: readonly CareOrder[];
  now: number;
  settings: CareSettings;
}): DueEntry<C>[] {
  const cycles = repurchaseCycles(input.orders);
  const byCustomer = new Map<string, CareOrder[]>();
  for (const o of input.orders) {
    const list = byCustomer.get(o.customerKey);
    if (list) list.push(o);
    else byCustomer.set(o.customerKey, [o]);
  }
  const out: DueEntry<C>[] = [];
  for (const customer of input.customers) {
    const items = dueMoments(customer, byCustomer.get(customer.key) ?? [], {
      now: input.now,
      settings: input.settings,
      cycles,
    });
    for (const item of items) out.push({ customer, item });
  }
  return out;
}

/**
 * Today's list: done marks removed, one moment per customer (the best by priority), most valuable
 * customers first (total spent, then the moment's priority, then key for a stable order), at
 * most `limit`.
 */
export function pickDueToday<C extends CareCustomer>(
  entries: readonly DueEntry<C>[],
  done: ReadonlySet<string>,
  limit = DUE_LIST_LIMIT,
): DueEntry<C>[] {
  const best = new Map<string, DueEntry<C>>();
  for (const e of entries) {
    if (done.has(e.item.id)) continue;
    const seen = best.get(e.customer.key);
    if (!seen || byPriority(e.item, seen.item) < 0) best.set(e.customer.key, e);
  }
  return [...best.values()]
    .sort(
      (a, b) =>
        b.customer.totalSpent - a.customer.totalSpent ||
        byPriority(a.item, b.item) ||
        (a.customer.key < b.customer.key ? -1 : a.customer.key > b.customer.key ? 1 : 0),
    )
    .slice(0, Math.max(0, limit));
}

/** {@link collectDue} then {@link pickDueToday}, for callers that know the done marks upfront. */
export function dueToday<C extends CareCustomer>(input: {
  customers: readonly C[];
  orders: readonly CareOrder[];
  now: number;
  settings: CareSettings;
  done: ReadonlySet<string>;
  limit?: number;
}): DueEntry<C>[] {
  return pickDueToday(collectDue(input), input.done, input.limit);
}
