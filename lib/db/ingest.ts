/**
 * Ingest: a batch of orders from a page, a JSON capture or an import file becomes history in
 * ONE transaction (an MV3 service worker can be stopped at any moment: all or nothing).
 * Idempotent (the same orders twice change nothing), status never moves backwards, and customer
 * aggregates stay equal to a recompute from the orders.
 */
import { shopDisplayName } from '../shops';
import { OrderInput, isPurchase, shopKey, type Customer, type Order, type Shop } from '../schemas';
import {
  customersToRecompute,
  screenSightings,
  mergeOrder,
  toStoredOrder,
  withSearchTerms,
} from './aggregate';
import { applyChanges } from './apply-changes';
import type { KezhiDb } from './index';
import {
  adoptIdentityVerdicts,
  evidenceCustomerKeys,
  joinOrdersSeenTwice,
  recordEvidence,
  type EvidenceState,
} from './identity-ingest';
import { readExisting } from './read-existing';

export interface Rejected {
  index: number;
  orderId?: string;
  reason: string;
}

export interface IngestResult {
  /** Orders written (new or changed). */
  written: number;
  /** Orders already stored exactly so. */
  unchanged: number;
  rejected: Rejected[];
  /** Of `rejected`, the sightings refused for naming another buyer than the stored order. */
  refused: Rejected[];
  /** Keys of the customers whose aggregates changed. */
  customersChanged: string[];
  /** Orders seen paid after being unpaid: reminder responses recorded. */
  paidAfterReminder: number;
}

/** Validates raw inputs at the zod boundary; the invalid ones come back with a reason. */
export function validateOrders(raw: readonly unknown[]): {
  ok: OrderInput[];
  rejected: Rejected[];
} {
  const ok: OrderInput[] = [];
  const rejected: Rejected[] = [];
  raw.forEach((r, index) => {
    const parsed = OrderInput.safeParse(r);
    if (parsed.success) ok.push(parsed.data);
    else {
      const orderId =
        r && typeof r === 'object' && typeof (r as { orderId?: unknown }).orderId === 'string'
          ? (r as { orderId: string }).orderId.slice(0, 64)
          : undefined;
      const first = parsed.error.issues[0];
      rejected.push({
        index,
        orderId,
        reason: first ? `${first.path.join('.') || 'order'}: ${first.message}` : 'invalid order',
      });
    }
  });
  return { ok, rejected };
}

/**
 * Writes a batch. `raw` is validated here (the database never sees an invalid record).
 * `now` stamps seenAt and reminder responses.
 */
export async function ingestOrders(
  db: KezhiDb,
  raw: readonly unknown[],
  now: number,
): Promise<IngestResult> {
  const { ok, rejected } = validateOrders(raw);
  const rejectedAt = new Set(rejected.map((r) => r.index));
  const okIndex = raw.flatMap((_, i) => (rejectedAt.has(i) ? [] : [i]));
  const sightings = ok.map((input) => toStoredOrder(input, now));
  const result: IngestResult = {
    written: 0,
    unchanged: 0,
    rejected,
    refused: [],
    customersChanged: [],
    paidAfterReminder: 0,
  };
  if (sightings.length === 0) return result;

  const evidence: EvidenceState = new Map();
  const tables = [db.orders, db.customers, db.shops, db.contacts, db.meta, db.joins];
  await db.transaction('rw', tables, async () => {
    const allKeys = [...new Set(sightings.map((o) => o.key))];
    const shopKeys = [...new Set(sightings.map((o) => shopKey(o.platform, o.shopId)))];
    // Requests are issued together and awaited in turn: IndexedDB runs them back to back.
    const existingRead = readExisting<Order, string>(db.orders, allKeys);
    const shopsRead = db.shops.bulkGet(shopKeys);
    const existing = await existingRead;
    const shopList = await shopsRead;
    const storedBy = new Map(existing.map((o, i) => [allKeys[i]!, o]));
    const shopsBy = new Map(shopKeys.map((k, i) => [k, shopList[i]]));
    // An order's known buyer never changes: a sighting naming another is refused, and one such
    // sighting in captured JSON (which page script can forge) drops the JSON of the whole batch.
    const { conflicting, dropJson } = screenSightings(sightings, storedBy);
    const incoming = new Map<string, Order>();
    sightings.forEach((o, i) => {
      if (conflicting.has(i) || (dropJson && o.source === 'json')) {
        const r = {
          index: okIndex[i]!,
          orderId: o.orderId,
          reason: conflicting.has(i)
            ? 'names another buyer than the stored order'
            : 'dropped with a page body that named another buyer for a stored order',
        };
        result.refused.push(r);
        result.rejected.push(r);
        return;
      }
      // Within one batch the same order may appear twice (DOM row and JSON): merge them first.
      incoming.set(o.key, mergeOrder(incoming.get(o.key), o));
    });
    result.rejected.sort((a, b) => a.index - b.index);
    const keys = [...incoming.keys()];
    // Buyer identity (lib/db/identity-ingest): keys a shop proved unstable are dropped, the same
    // order seen under two keys joins the two customers, joined-away keys land in their customer,
    // and each sighting adds to the shop's evidence of whether its keys recognise returning buyers.
    await adoptIdentityVerdicts(db, incoming, evidence, shopsBy);
    const before = keys.map((k) => storedBy.get(k));
    const joined = await joinOrdersSeenTwice(db, incoming, before, now, evidence);
    const stored = joined ? await readExisting<Order, string>(db.orders, keys) : before;
    const changed: { prev: Order | undefined; next: Order }[] = [];
    keys.forEach((k, i) => {
      const prev = stored[i];
      const next = mergeOrder(prev, incoming.get(k)!);
      if (prev && next === prev) result.unchanged++;
      else changed.push({ prev, next });
    });

    // One read of the customers, for the evidence and for the aggregates: the fast path applies
    // each change to the stored aggregate; a change of buyer (a masked order later seen with its
    // real buyer) recomputes both sides from the orders.
    const recompute = customersToRecompute(changed);
    const deltaKeys = changed.map((c) => c.next.customerKey).filter((k) => !recompute.has(k));
    const customerKeys = [
      ...new Set([...evidenceCustomerKeys(incoming, before, evidence), ...deltaKeys]),
    ];
    const read = await readExisting<Customer, string>(db.customers, customerKeys);
    const readBy = new Map(customerKeys.map((k, i) => [k, read[i]]));
    // Evidence compares with the order as it was before any join of this batch.
    recordEvidence(incoming, before, evidence, now, readBy);

    // Shops: the evidence of every stored shop; for shops with written orders also when they
    // were seen, and their cached statistics marked stale.
    const shopPuts = new Map<string, Shop>();
    for (const [key, ev] of evidence) {
      const shop = shopsBy.get(key);
      if (shop) shopPuts.set(key, { ...shop, identityEvidence: ev });
    }
    for (const { next: o } of changed) {
      const key = shopKey(o.platform, o.shopId);
      const shop = shopsBy.get(key);
      shopPuts.set(key, {
        key,
        platform: o.platform,
        shopId: o.shopId,
        name: shop?.name ?? shopDisplayName(o.shopId),
        lastSeenAt: Math.max(shop?.lastSeenAt ?? 0, now),
        pagesRecognised: shop?.pagesRecognised ?? 0,
        health: shop?.health,
        identityEvidence: evidence.get(key) ?? shop?.identityEvidence,
        // Marks the statistics stale without rewriting them (1+ MB at 100k customers).
        statsDirty: true,
      });
    }
    if (changed.length === 0) {
      if (shopPuts.size > 0) await db.shops.bulkPut([...shopPuts.values()]);
      return;
    }
    result.written = changed.length;

    const customers = new Map<string, Customer | undefined>();
    for (const k of deltaKeys) customers.set(k, readBy.get(k));
    await applyChanges(db, changed, customers);
    const puts = [...customers.entries()]
      .filter((e): e is [string, Customer] => e[1] !== undefined)
      .map(([k, c]) => (recompute.has(k) ? c : withSearchTerms(c)));
    const gone = [...customers.entries()].filter(([, c]) => c === undefined).map(([k]) => k);
    result.customersChanged = [...customers.keys()];

    // The writes, issued together (reminder responses need a read of their own first).
    const writes = [
      db.orders.bulkPut(changed.map((c) => c.next)),
      db.customers.bulkPut(puts),
      gone.length > 0 ? db.customers.bulkDelete(gone) : undefined,
      db.shops.bulkPut([...shopPuts.values()]),
    ];
    // Reminder responses: an order reminded while unpaid and now paid.
    const paidNow = changed.filter(
      ({ prev, next }) => prev?.status === 'unpaid' && isPurchase(next.status),
    );
    if (paidNow.length > 0) {
      const contacts = await db.contacts
        .where('orderKey')
        .anyOf(paidNow.map((c) => c.next.key))
        .toArray();
      const updates = contacts
        .filter((c) => c.purpose === 'remind' && c.paidAfterAt === undefined)
        .map((c) => {
          const order = paidNow.find((p) => p.next.key === c.orderKey)!.next;
          return { ...c, paidAfterAt: Math.max(order.paidAt ?? now, c.at) };
        });
      if (updates.length) await db.contacts.bulkPut(updates);
      result.paidAfterReminder = updates.length;
    }
    for (const w of writes) await w;
  });
  return result;
}
