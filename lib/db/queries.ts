/**
 * Reads the background makes for the overlay: shop statistics (cached, rebuilt when stale) and
 * the summaries of a page's rows in one pass over the tables.
 */
import { chinaDay, ShopStats } from '../customers';
import { judgeKind, kindOf } from '../identity';
import {
  customerKey as keyOfCustomer,
  orderKey,
  shopKey,
  type ContactEntry,
  type Order,
  type Platform,
} from '../schemas';
import type { Settings } from '../settings';
import { summarizeRow, type RowSummary } from '../summary';
import {
  applyOrder,
  customersToRecompute,
  screenSightings,
  mergeOrder,
  recomputeCustomer,
  toStoredOrder,
} from './aggregate';
import type { KezhiDb } from './index';
import { validateOrders } from './ingest';
import { resolveJoins } from './joins';
import { readShopStats } from './ranks';

/** Rebuild stale statistics at most this often: ranks barely move between two pages. */
export const STATS_MAX_AGE_MS = 60_000;

const memo = new Map<string, { stats: ShopStats; computedAt: number; settingsJson: string }>();

/** The settings a shop's statistics depend on, as the cache compares them. */
const statsSettingsOf = (settings: Settings): string =>
  JSON.stringify([settings.lifecycle, settings.tier, settings.mergeSameDayPurchases]);

/** Forget cached statistics (settings changed, shop deleted, tests). */
export function clearStatsCache(): void {
  memo.clear();
}

/**
 * The shop's statistics. Cached ones serve for STATS_MAX_AGE_MS, and after that for as long as
 * nothing was ingested into the shop (its record's `statsDirty`, which ingest sets without
 * touching the statistics themselves) and the China calendar date is the one they were computed
 * on (R counts China days: a new day moves every buyer's R even when nothing was synced);
 * otherwise they are rebuilt from the shop's figure blocks.
 */
export async function getShopStats(
  db: KezhiDb,
  platform: Platform,
  shopId: string,
  settings: Settings,
  now: number,
  /** Keeping history paused: rebuilt statistics are computed but not stored. */
  readOnly = false,
): Promise<ShopStats> {
  const key = shopKey(platform, shopId);
  const settingsJson = statsSettingsOf(settings);
  const cached = memo.get(key);
  const today = chinaDay(now);
  const usable = cached?.settingsJson === settingsJson && chinaDay(cached.computedAt) === today;
  // Within STATS_MAX_AGE_MS the cached figures serve without touching IndexedDB: ranks barely
  // move between two pages, and the answer to a page's rows must not wait on a rebuild.
  if (cached && usable && now - cached.computedAt < STATS_MAX_AGE_MS) return cached.stats;
  const shop = await db.shops.get(key);
  const dirty = shop?.statsDirty === true;
  if (cached && usable && !dirty) {
    cached.computedAt = now; // still valid: nothing was ingested since
    return cached.stats;
  }
  if (!cached) {
    const record = await db.stats.get(key);
    if (
      record &&
      chinaDay(record.computedAt) === today &&
      (!dirty || now - record.computedAt < STATS_MAX_AGE_MS)
    ) {
      const parsed = ShopStats.safeParse(record.stats);
      // Only same-day merging shapes the stored figures; a record built under the other setting is stale.
      if (parsed.success && parsed.data.mergeSameDayPurchases === settings.mergeSameDayPurchases) {
        memo.set(key, { stats: parsed.data, computedAt: record.computedAt, settingsJson });
        return parsed.data;
      }
    }
  }
  const stats = readOnly
    ? await readShopStats(db, platform, shopId, settings, now)
    : await rebuildShopStats(db, platform, shopId, settings, now);
  memo.set(key, { stats, computedAt: now, settingsJson });
  return stats;
}

/**
 * Statistics for an answer that must not wait: the cached or stored ones as they are (stale by a
 * page or a minute at most moves a rank or two; the answer after the write corrects it), and
 * only when the shop has none under these settings, {@link getShopStats}.
 */
export async function peekShopStats(
  db: KezhiDb,
  platform: Platform,
  shopId: string,
  settings: Settings,
  now: number,
  readOnly = false,
): Promise<ShopStats> {
  const key = shopKey(platform, shopId);
  const settingsJson = statsSettingsOf(settings);
  const today = chinaDay(now);
  const cached = memo.get(key);
  if (cached?.settingsJson === settingsJson && chinaDay(cached.computedAt) === today)
    return cached.stats;
  return getShopStats(db, platform, shopId, settings, now, readOnly);
}

/**
 * Full recompute: the shop's statistics from its figure blocks, stored, and the shop marked
 * clean, in one transaction (an ingest that lands meanwhile marks it dirty again after us).
 */
export async function rebuildShopStats(
  db: KezhiDb,
  platform: Platform,
  shopId: string,
  settings: Settings,
  now: number,
): Promise<ShopStats> {
  const key = shopKey(platform, shopId);
  return db.transaction('rw', [db.figures, db.stats, db.shops], async () => {
    const stats = await readShopStats(db, platform, shopId, settings, now);
    await db.stats.put({ shopKey: key, computedAt: now, stats });
    const shop = await db.shops.get(key);
    if (shop?.statsDirty) await db.shops.put({ ...shop, statsDirty: false });
    return stats;
  });
}

export { rankedFigures, readShopStats } from './ranks';

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
  const stats = await getShopStats(db, req.platform, req.shopId, settings, now, readOnly);
  return describeRows(db, req, [], stats, settings, now);
}

/**
 * Badges before writes: the rows' summaries as they will be once `orders` (a page's sightings,
 * not yet ingested) are stored, computed from what is stored now by the rules ingest applies
 * (mergeOrder, applyOrder, the shop's token verdict and joins) without writing anything. A new
 * buyer's first order is described as the first purchase it is. The statistics are the cached
 * ones ({@link peekShopStats}); the answer after the ingest ({@link summarizeRows}) is the one
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
  const stats = await peekShopStats(
    db,
    req.platform,
    req.shopId,
    settings,
    now,
    settings.historyPaused === true,
  );
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
): Promise<{ prev: Order | undefined; next: Order }[]> {
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
  const changed: { prev: Order | undefined; next: Order }[] = [];
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
  const { next, customerBy, customerKeys, metas, contacts, tokenVerdict } = await db.transaction(
    'r',
    tables,
    async () => {
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
      const [customers, metas, contacts] = await Promise.all([
        db.customers.bulkGet(customerKeys),
        db.meta.bulkGet(customerKeys),
        db.contacts.where('customerKey').anyOf(customerKeys).toArray(),
      ]);
      const customerBy = new Map(customerKeys.map((k, i) => [k, customers[i]]));
      // Each changed order applied to its buyer's aggregate as ingest applies it: the fast path,
      // or for an order that changed buyer a recompute of both sides from their orders.
      const recompute = customersToRecompute(changed);
      for (const { prev, next } of changed) {
        if (recompute.has(next.customerKey)) continue;
        customerBy.set(next.customerKey, applyOrder(customerBy.get(next.customerKey), prev, next));
      }
      if (recompute.size > 0) {
        const theirs = await db.orders
          .where('customerKey')
          .anyOf([...recompute])
          .toArray();
        const byKey = new Map(theirs.map((o) => [o.key, o]));
        for (const c of changed) byKey.set(c.next.key, c.next);
        for (const k of recompute)
          customerBy.set(
            k,
            recomputeCustomer([...byKey.values()].filter((o) => o.customerKey === k)),
          );
      }
      return { next, customerBy, customerKeys, metas, contacts, tokenVerdict };
    },
  );
  const byKey = <T>(list: (T | undefined)[]) => new Map(customerKeys.map((k, i) => [k, list[i]]));
  const metaBy = byKey(metas);
  const contactsBy = new Map<string, ContactEntry[]>();
  for (const c of contacts) {
    const list = contactsBy.get(c.customerKey);
    if (list) list.push(c);
    else contactsBy.set(c.customerKey, [c]);
  }

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
