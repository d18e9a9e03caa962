/**
 * Reads the background makes for the overlay: the summaries of a page's rows in one pass over the
 * tables, as stored (summarizeRows) or as they will be once a page's sightings are (previewRows).
 */
import { Dexie, type Table } from 'dexie';
import type { ShopStats } from '../customers';
import { judgeKind, kindOf } from '../identity';
import {
  customerKey as keyOfCustomer,
  orderKey,
  shopKey,
  type ContactEntry,
  type Customer,
  type CustomerMeta,
  type Order,
  type Platform,
  type Shop,
} from '../schemas';
import type { Settings } from '../settings';
import { summarizeRow, type RowSummary } from '../summary';
import { screenSightings, mergeOrder, toStoredOrder } from './aggregate';
import { applyChanges, groupBy, type OrderChange } from './apply-changes';
import { mayHaveRecords, recordCacheOf, type KezhiDb } from './index';
import { validateOrders } from './ingest';
import { resolveJoins } from './joins';
import { getShopStats } from './shop-stats';

type RowsRequest = {
  platform: Platform;
  shopId: string;
  rows: { orderId: string; autoCloseAt?: number }[];
};

/** Summaries for the rows on screen, in the order asked; ids with no stored order are listed. */
export async function summarizeRows(
  db: KezhiDb,
  req: RowsRequest,
  settings: Settings,
  now: number,
  readOnly = false,
): Promise<{ summaries: RowSummary[]; unknown: string[] }> {
  const key = shopKey(req.platform, req.shopId);
  const stats = await getShopStats(db, key, settings, now, { readOnly });
  return describeRows(db, req, [], stats, settings, now);
}

/**
 * Badges before writes: the rows' summaries as they will be once `orders` (a page's sightings,
 * not yet ingested) are stored, computed from what is stored now by the rules ingest applies
 * (mergeOrder, applyOrder, the shop's token verdict and joins) without writing anything. A new
 * buyer's first order is described as the first purchase it is. The statistics are the cached
 * ones at any age (getShopStats' `anyAge`); the answer after the ingest ({@link summarizeRows}) is the one
 * that stands, and the overlay repaints a row only where the two differ.
 */
export async function previewRows(
  db: KezhiDb,
  req: RowsRequest & { orders: readonly unknown[] },
  settings: Settings,
  now: number,
): Promise<{ summaries: RowSummary[]; unknown: string[] }> {
  const { ok } = validateOrders(req.orders);
  const pending = ok
    .filter((o) => o.platform === req.platform && o.shopId === req.shopId)
    .map((o) => toStoredOrder(o, now));
  // Keeping history paused: statistics are computed, not stored.
  const key = shopKey(req.platform, req.shopId);
  const stats = await getShopStats(db, key, settings, now, {
    readOnly: settings.historyPaused === true,
    anyAge: true,
  });
  return describeRows(db, req, pending, stats, settings, now);
}

/**
 * The orders `pending` would change, by ingest's rules but written nowhere: sightings that name
 * another buyer for a stored order (or for an earlier sighting) refused, and with them every JSON
 * sighting of the batch; the same order merged within the batch; tokens the shop proved unstable
 * dropped; joined-away keys followed to their customer; then merged with the stored order.
 */
async function applyPending(
  db: KezhiDb,
  pending: readonly Order[],
  storedBy: Map<string, Order | undefined>,
  tokenVerdict: ReturnType<typeof judgeKind>['verdict'],
  /** resolveJoins over the pending orders' keys (read alongside the stored orders). */
  roots: ReadonlyMap<string, string>,
): Promise<OrderChange[]> {
  const { conflicting, dropJson } = screenSightings(pending, storedBy);
  const incoming = new Map<string, Order>();
  pending.forEach((o, i) => {
    if (conflicting.has(i) || (dropJson && o.source === 'json')) return;
    incoming.set(o.key, mergeOrder(incoming.get(o.key), o));
  });
  for (const [key, o] of incoming)
    if (kindOf(o.identity) === 'token' && tokenVerdict === 'no')
      incoming.set(key, withBuyer(o, `order:${o.orderId}`, 'none'));
  const rootOf = (k: string) => roots.get(k) ?? k;
  const moved = [...incoming.values()].filter((o) => rootOf(o.customerKey) !== o.customerKey);
  if (moved.length > 0) {
    const rootKeys = [...new Set(moved.map((o) => rootOf(o.customerKey)))];
    const rootCustomers = new Map(
      (await db.customers.bulkGet(rootKeys)).flatMap((c) => (c ? [[c.key, c] as const] : [])),
    );
    for (const o of moved) {
      const root = rootCustomers.get(rootOf(o.customerKey));
      if (root) incoming.set(o.key, withBuyer(o, root.buyerId, root.identity));
    }
  }
  const changed: OrderChange[] = [];
  for (const [key, o] of incoming) {
    const prev = storedBy.get(key);
    const next = mergeOrder(prev, o);
    if (!prev || next !== prev) changed.push({ prev, next });
  }
  return changed;
}

/** The buyer key ingest would file `o` under: unstable tokens dropped, joined keys followed. */
function withBuyer(o: Order, buyerId: string, identity: Order['identity']): Order {
  return { ...o, buyerId, identity, customerKey: keyOfCustomer(o.platform, o.shopId, buyerId) };
}

/**
 * Runs `reads` in one read transaction and answers as soon as they are done: Dexie's transaction
 * promise also waits for the transaction to commit, which adds nothing to what was read.
 */
function readTogether<T>(db: KezhiDb, tables: Table[], reads: () => Promise<T>): Promise<T> {
  return new Promise<T>((resolve, reject) => {
    db.transaction('r', tables, async () => {
      const r = await reads();
      // Outside the transaction's zone, so the caller's next calls do not join a finished one.
      Dexie.ignoreTransaction(() => resolve(r));
    }).catch(reject);
  });
}

/** What {@link describeRows} reads for the rows. */
interface RowRecords {
  next: Map<string, Order | undefined>;
  customerBy: Map<string, Customer | undefined>;
  metas: (CustomerMeta | undefined)[];
  contacts: ContactEntry[];
  tokenVerdict: ReturnType<typeof judgeKind>['verdict'];
}

/**
 * The rows' records from the background's record cache alone (lib/db/record-cache `peek`), with
 * no transaction, when every one is there, as a repeat lookup's are: the shop, the orders, their
 * buyers and the meta the buyers have. Undefined when anything is missing, a write is open or
 * began meanwhile, or a buyer has contacts (a query the cache does not hold): then the rows are
 * read in a transaction.
 */
async function peekRows(
  db: KezhiDb,
  req: RowsRequest,
  rowKeys: readonly string[],
): Promise<RowRecords | undefined> {
  const cache = recordCacheOf(db);
  const orders = cache?.peek('orders', rowKeys) as (Order | undefined)[] | undefined;
  if (!cache || !orders) return undefined;
  const writes = cache.writes;
  const customerKeys = [...new Set(orders.flatMap((o) => (o ? [o.customerKey] : [])))];
  const [metaKeys, contactKeys] = await Promise.all([
    mayHaveRecords(db, 'meta', customerKeys),
    mayHaveRecords(db, 'contacts', customerKeys),
  ]);
  // Nothing written since the orders were peeked: the rest is read as of the same moment.
  if (contactKeys.length > 0 || cache.writes !== writes) return undefined;
  const shop = cache.peek('shops', [shopKey(req.platform, req.shopId)]) as
    (Shop | undefined)[] | undefined;
  const customers = cache.peek('customers', customerKeys) as (Customer | undefined)[] | undefined;
  const metas = cache.peek('meta', metaKeys) as (CustomerMeta | undefined)[] | undefined;
  if (!shop || !customers || !metas) return undefined;
  return {
    next: new Map(rowKeys.map((k, i) => [k, orders[i]])),
    customerBy: new Map(customerKeys.map((k, i) => [k, customers[i]])),
    metas,
    contacts: [],
    tokenVerdict: judgeKind(shop[0]?.identityEvidence ?? {}, 'token').verdict,
  };
}

async function describeRows(
  db: KezhiDb,
  req: RowsRequest,
  pending: readonly Order[],
  stats: ShopStats,
  settings: Settings,
  now: number,
): Promise<{ summaries: RowSummary[]; unknown: string[] }> {
  const rowKeys = req.rows.map((r) => orderKey(req.platform, req.shopId, r.orderId));
  // One read transaction for every read (each Dexie call outside one opens its own), and the
  // reads that do not depend on each other in one round: the shop, the orders, the joins.
  const tables = [db.shops, db.orders, db.customers, db.meta, db.contacts];
  if (pending.length > 0) tables.push(db.joins as never);
  const read = async (): Promise<RowRecords> => {
    const keys = [...new Set([...rowKeys, ...pending.map((o) => o.key)])];
    // Where the pending orders' keys lead (under either of the keys a token verdict allows).
    const joinKeys = pending.flatMap((o) =>
      kindOf(o.identity) === 'token'
        ? [o.customerKey, keyOfCustomer(o.platform, o.shopId, `order:${o.orderId}`)]
        : [o.customerKey],
    );
    const [shop, stored, roots] = await Promise.all([
      db.shops.get(shopKey(req.platform, req.shopId)),
      db.orders.bulkGet(keys),
      joinKeys.length > 0 ? resolveJoins(db, joinKeys) : new Map<string, string>(),
    ]);
    const tokenVerdict = judgeKind(shop?.identityEvidence ?? {}, 'token').verdict;
    const storedBy = new Map(stored.map((o, i) => [keys[i]!, o]));
    const next = new Map(storedBy);
    const changed =
      pending.length > 0 ? await applyPending(db, pending, storedBy, tokenVerdict, roots) : [];
    for (const c of changed) next.set(c.next.key, c.next);
    const customerKeys = [
      ...new Set(
        [...rowKeys.map((k) => next.get(k)), ...changed.flatMap((c) => [c.prev, c.next])].flatMap(
          (o) => (o ? [o.customerKey] : []),
        ),
      ),
    ];
    // Meta and contacts only for the customers that have any (few do): in the background,
    // known from memory, so a page of new orders reads no more than its customers.
    const [customers, metas, contacts] = await Promise.all([
      db.customers.bulkGet(customerKeys),
      mayHaveRecords(db, 'meta', customerKeys).then((keys) => db.meta.bulkGet(keys)),
      mayHaveRecords(db, 'contacts', customerKeys).then((keys) =>
        keys.length > 0 ? db.contacts.where('customerKey').anyOf(keys).toArray() : [],
      ),
    ]);
    const customerBy = new Map(customerKeys.map((k, i) => [k, customers[i]]));
    // Each changed order applied to its buyer's aggregate as ingest applies it.
    await applyChanges(db, changed, customerBy);
    return { next, customerBy, metas, contacts, tokenVerdict };
  };
  const { next, customerBy, metas, contacts, tokenVerdict } =
    (pending.length === 0 ? await peekRows(db, req, rowKeys) : undefined) ??
    (await readTogether(db, tables, read));
  const metaBy = new Map(metas.flatMap((m) => (m ? [[m.customerKey, m] as const] : [])));
  const contactsBy = groupBy(contacts, (c) => c.customerKey);

  const summaries: RowSummary[] = [];
  const unknown: string[] = [];
  req.rows.forEach((row, i) => {
    const order = next.get(rowKeys[i]!);
    if (!order) {
      unknown.push(row.orderId);
      return;
    }
    summaries.push(
      summarizeRow({
        order,
        customer: customerBy.get(order.customerKey),
        meta: metaBy.get(order.customerKey),
        contacts: contactsBy.get(order.customerKey) ?? [],
        stats,
        settings,
        now,
        autoCloseAt: row.autoCloseAt,
        tokenVerdict,
      }),
    );
  });
  return { summaries, unknown };
}
