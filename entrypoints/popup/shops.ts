/**
 * What every popup list shares: shop names, the shop filter, and each customer described against
 * their shop's statistics (lib/db/shop-stats, the reader the background shares).
 */
import { ALL_SHOPS, type ShopRowData } from '@/components/popup/ShopBar';
import {
  computeShopStats,
  describeCustomer,
  type CustomerView,
  type ShopStats,
} from '@/lib/customers';
import type { KezhiDb } from '@/lib/db';
import { readShopStats, STATS_MAX_AGE_MS } from '@/lib/db/shop-stats';
import { send } from '@/lib/browser/rpc';
import { recognitionOf } from '@/lib/identity';
import { shopKey } from '@/lib/keys';
import type { Customer, Shop } from '@/lib/schemas';
import type { Settings } from '@/lib/settings';

/** Display name of a shop: the seller's own name for it, else the name the pages gave. */
export function shopName(
  shops: ReadonlyMap<string, Shop>,
  settings: Settings,
  key: string,
): string {
  const own = settings.shops[key]?.name.trim();
  if (own) return own;
  return shops.get(key)?.name || key.slice(key.indexOf(':') + 1);
}

/** The shops for the bar, most recently seen first. */
export async function readShops(db: KezhiDb, settings: Settings): Promise<ShopRowData[]> {
  const shops = await db.shops.orderBy('lastSeenAt').reverse().toArray();
  const byKey = new Map(shops.map((s) => [s.key, s]));
  return shops.map((s) => {
    // The shop's returning-buyer recognition, when it has seen orders (lib/identity).
    const recognition = recognitionOf(s.identityEvidence);
    return {
      key: s.key,
      platform: s.platform,
      name: shopName(byKey, settings, s.key),
      lastSeenAt: s.lastSeenAt,
      pagesRecognised: s.pagesRecognised,
      ...(s.health ? { health: s.health } : {}),
      ...(recognition ? { recognition } : {}),
    };
  });
}

/** Whether a customer belongs to the shop the bar shows (or all shops). */
export const inShop = (shop: string) => (c: Customer) =>
  shop === ALL_SHOPS || shopKey(c.platform, c.shopId) === shop;

/** When this page last asked the background to recount each shop. */
const asked = new Map<string, number>();

/**
 * Asks the background to recount a shop whose stored statistics an import outdated (what the
 * background does at most once a minute per shop, so the page asks no more often either).
 */
export function askRecount(key: string, now = Date.now()): void {
  const last = asked.get(key);
  if (last !== undefined && now - last < STATS_MAX_AGE_MS) return;
  asked.set(key, now);
  // Nothing waits on it: the stored record's rewrite re-runs the lists, a failure changes nothing.
  void send('refreshStats', { shopKey: key }).catch(() => undefined);
}

/** A shop's statistics for the popup's lists and card (lib/db/shop-stats, recount asked). */
export const popupStats = (
  db: KezhiDb,
  key: string,
  settings: Settings,
  now: number,
  observe = true,
  shops?: ReadonlyMap<string, Shop>,
): Promise<ShopStats> =>
  readShopStats(db, key, settings, now, { observe, askRecount, ...(shops ? { shops } : {}) });

/**
 * Statistics for every shop the customers belong to, read once per shop. `shops`: the shop
 * records the caller read in the same liveQuery (see lib/db/shop-stats PageStatsOptions).
 */
export async function statsByShop(
  db: KezhiDb,
  customers: readonly Customer[],
  settings: Settings,
  now: number,
  observe = true,
  shops?: ReadonlyMap<string, Shop>,
): Promise<Map<string, ShopStats>> {
  const keys = new Set(customers.map((c) => shopKey(c.platform, c.shopId)));
  const out = new Map<string, ShopStats>();
  await Promise.all(
    [...keys].map(async (key) =>
      out.set(key, await popupStats(db, key, settings, now, observe, shops)),
    ),
  );
  return out;
}

/** A customer as the lists show them, against their shop's statistics. */
export function describeNow(
  c: Customer,
  stats: ReadonlyMap<string, ShopStats>,
  settings: Settings,
  now: number,
): CustomerView {
  const s = stats.get(shopKey(c.platform, c.shopId)) ?? computeShopStats([], settings, now);
  return describeCustomer(c, { stats: s, settings, now });
}
