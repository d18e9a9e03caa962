/**
 * How changed orders move their buyers' aggregates: ingest writes the result, the badges'
 * preview (lib/db/row-summaries previewRows) only shows it, and both must agree.
 */
import type { Customer, Order } from '../schemas';
import { applyOrder, customersToRecompute, recomputeCustomer } from './aggregate';
import type { KezhiDb } from './index';

/** An order before and after a batch. */
export interface OrderChange {
  prev: Order | undefined;
  next: Order;
}

/**
 * Applies each change to its buyer's aggregate in `customers` (which holds the aggregates as
 * stored): the fast path, or for an order that changed buyer (a masked order later seen with its
 * real buyer) a recompute of both sides from their orders, read from `db` with `changed` laid
 * over them (a preview has not written them). Returns the keys that were recomputed.
 */
export async function applyChanges(
  db: KezhiDb,
  changed: readonly OrderChange[],
  customers: Map<string, Customer | undefined>,
): Promise<ReadonlySet<string>> {
  const recompute = customersToRecompute(changed);
  for (const { prev, next } of changed) {
    if (recompute.has(next.customerKey)) continue;
    customers.set(next.customerKey, applyOrder(customers.get(next.customerKey), prev, next));
  }
  if (recompute.size === 0) return recompute;
  const stored = await db.orders
    .where('customerKey')
    .anyOf([...recompute])
    .toArray();
  const byKey = new Map(stored.map((o) => [o.key, o]));
  for (const c of changed) byKey.set(c.next.key, c.next);
  const byCustomer = groupBy(byKey.values(), (o) => o.customerKey);
  for (const k of recompute) customers.set(k, recomputeCustomer(byCustomer.get(k) ?? []));
  return recompute;
}

/** The items by `keyOf`, each list in the order given. */
export function groupBy<T>(items: Iterable<T>, keyOf: (item: T) => string): Map<string, T[]> {
  const out = new Map<string, T[]>();
  for (const item of items) {
    const key = keyOf(item);
    const list = out.get(key);
    if (list) list.push(item);
    else out.set(key, [item]);
  }
  return out;
}
