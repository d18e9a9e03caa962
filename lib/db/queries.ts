/**
 * Reads the background makes for the overlay: shop statistics (cached, rebuilt when stale) and
 * the summaries of a page's rows in one pass over the tables.
 */
import { chinaDay, computeShopStatsFromFigures, ShopStats } from '../customers';
import { judgeKind } from '../identity';
import { orderKey, shopKey, type ContactEntry, type Platform } from '../schemas';
import type { Settings } from '../settings';
import { summarizeRow, type RowSummary } from '../summary';
import type { KezhiDb } from './index';

/** Rebuild stale statistics at most this often: ranks barely move between two pages. */
export const STATS_MAX_AGE_MS = 60_000;

const memo = new Map<string, { stats: ShopStats; computedAt: number; settingsJson: string }>();

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
  const settingsJson = JSON.stringify([
    settings.lifecycle,
    settings.tier,
    settings.mergeSameDayPurchases,
  ]);
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

/** Computes a shop's statistics from its figure blocks (lib/db/figures); writes nothing. */
export async function readShopStats(
  db: KezhiDb,
  platform: Platform,
  shopId: string,
  settings: Settings,
  now: number,
): Promise<ShopStats> {
  const key = shopKey(platform, shopId);
  const blocks = await db.figures
    .where('[shopKey+bucket]')
    .between([key, -Infinity], [key, Infinity])
    .toArray();
  return computeShopStatsFromFigures(
    blocks.map((b) => b.values),
    settings,
    now,
  );
}

/** Summaries for the rows on screen, in the order asked; ids with no stored order are listed. */
export async function summarizeRows(
  db: KezhiDb,
  req: { platform: Platform; shopId: string; rows: { orderId: string; autoCloseAt?: number }[] },
  settings: Settings,
  now: number,
  readOnly = false,
): Promise<{ summaries: RowSummary[]; unknown: string[] }> {
  const stats = await getShopStats(db, req.platform, req.shopId, settings, now, readOnly);
  const shop = await db.shops.get(shopKey(req.platform, req.shopId));
  const tokenVerdict = judgeKind(shop?.identityEvidence ?? {}, 'token').verdict;
  // One read transaction for the four reads: each Dexie call outside one opens its own.
  const { orders, customerKeys, customers, metas, contacts } = await db.transaction(
    'r',
    [db.orders, db.customers, db.meta, db.contacts],
    async () => {
      const orders = await db.orders.bulkGet(
        req.rows.map((r) => orderKey(req.platform, req.shopId, r.orderId)),
      );
      const customerKeys = [...new Set(orders.flatMap((o) => (o ? [o.customerKey] : [])))];
      const [customers, metas, contacts] = await Promise.all([
        db.customers.bulkGet(customerKeys),
        db.meta.bulkGet(customerKeys),
        db.contacts.where('customerKey').anyOf(customerKeys).toArray(),
      ]);
      return { orders, customerKeys, customers, metas, contacts };
    },
  );
  const byKey = <T>(list: (T | undefined)[]) => new Map(customerKeys.map((k, i) => [k, list[i]]));
  const customerBy = byKey(customers);
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
    const order = orders[i];
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
