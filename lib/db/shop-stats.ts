/**
 * Shop statistics, the one reader the background and the pages share: counted from the shop's
 * figure blocks (lib/db/figures), stored by the background in `stats`, and read back while they
 * still serve. Kept apart from the row queries so a page does not load ingest (and its pinyin
 * dictionary) to rank a card.
 */
import Dexie, { type ObservabilitySet } from 'dexie';
import {
  checkShopStats,
  chinaDay,
  computeShopStatsFromFigures,
  type ShopStats,
} from '../customers';
import { judgeKind } from '../identity';
import type { Shop } from '../schemas';
import type { Settings } from '../settings';
import type { KezhiDb } from './index';
import { figuresPending, figuresSettled } from './figures-log';
import { rankedFigures } from './ranks';

/** Rebuild stale statistics at most this often: ranks barely move between two pages. */
export const STATS_MAX_AGE_MS = 60_000;

/**
 * A shop ranked among fewer customers than this is recounted as soon as orders arrived: a page of
 * orders moves its ranks (a new shop's first page would otherwise rank every buyer among none for
 * a minute), and counting it costs little.
 */
export const STATS_RECOUNT_BELOW = 2000;

/** The recount rule in force (tests lower it: to 0 to compare two answers over one snapshot). */
export const statsPolicy = { recountBelow: STATS_RECOUNT_BELOW };

/**
 * Counts a shop's statistics (`key`: lib/schemas shopKey) from its figure blocks, uncertain
 * buyers left out; writes nothing.
 */
export async function countShopStats(db: KezhiDb, key: string, settings: Settings, now: number) {
  const [blocks, shop] = await Promise.all([
    db.figures.where('[shopKey+bucket]').between([key, -Infinity], [key, Infinity]).toArray(),
    db.shops.get(key),
  ]);
  const tokenVerdict = judgeKind(shop?.identityEvidence ?? {}, 'token').verdict;
  return computeShopStatsFromFigures(
    blocks.map((b) => rankedFigures(b.keys, b.values, key.length + 1, tokenVerdict)),
    settings,
    now,
  );
}

/**
 * Full recompute: the shop's statistics counted, stored, and the shop marked clean, in one
 * transaction (an ingest that lands meanwhile marks it dirty again after us), once the figure
 * blocks have every customer write (lib/db/figures-log). A write whose blocks are still on their
 * way leaves the shop dirty.
 */
export async function rebuildShopStats(db: KezhiDb, key: string, settings: Settings, now: number) {
  await figuresSettled(db);
  return db.transaction('rw', [db.figures, db.stats, db.shops], async () => {
    const stats = await countShopStats(db, key, settings, now);
    await db.stats.put({ shopKey: key, computedAt: now, stats });
    const shop = await db.shops.get(key);
    if (shop?.statsDirty && !figuresPending(db)) await db.shops.put({ ...shop, statsDirty: false });
    return stats;
  });
}

/**
 * Whether statistics computed at `computedAt` still describe today: R counts China days (a new
 * day moves every buyer's R even when nothing was synced), and only same-day merging shapes the
 * stored figures, so a record built under the other setting is stale.
 */
function servesToday(stats: ShopStats, computedAt: number, settings: Settings, now: number) {
  return (
    chinaDay(computedAt) === chinaDay(now) &&
    stats.mergeSameDayPurchases === settings.mergeSameDayPurchases
  );
}

// ---- The background's reader: it rebuilds what is stale (see handlers). ----

const memo = new Map<string, { stats: ShopStats; computedAt: number; settingsJson: string }>();

/** The settings a shop's statistics depend on, as the cache compares them. */
const statsSettingsOf = (settings: Settings): string =>
  JSON.stringify([settings.lifecycle, settings.tier, settings.mergeSameDayPurchases]);

/** The memo entry when it was made under these settings today. */
function usableMemo(key: string, settings: Settings, now: number) {
  const cached = memo.get(key);
  const settingsJson = statsSettingsOf(settings);
  const usable =
    cached?.settingsJson === settingsJson && chinaDay(cached.computedAt) === chinaDay(now);
  return { cached: usable ? cached : undefined, settingsJson, remembered: cached !== undefined };
}

/** Forget cached statistics (settings changed, shop deleted, tests). */
export function clearStatsCache(): void {
  memo.clear();
}

/** How {@link getShopStats} may answer. */
export interface StatsOptions {
  /** Keeping history paused: rebuilt statistics are counted but not stored. */
  readOnly?: boolean;
  /**
   * For an answer that must not wait (the badges' preview): cached statistics of today serve at
   * any age (stale by a page or a minute at most moves a rank or two; the answer after the write
   * corrects it).
   */
  anyAge?: boolean;
}

/**
 * The shop's statistics. Cached ones serve for STATS_MAX_AGE_MS, and after that for as long as
 * nothing was ingested into the shop (its record's `statsDirty`, which ingest sets without
 * touching the statistics themselves) and the China calendar date is the one they were computed
 * on; otherwise they are rebuilt from the shop's figure blocks.
 */
export async function getShopStats(
  db: KezhiDb,
  key: string,
  settings: Settings,
  now: number,
  { readOnly = false, anyAge = false }: StatsOptions = {},
): Promise<ShopStats> {
  const { cached, settingsJson, remembered } = usableMemo(key, settings, now);
  // Within STATS_MAX_AGE_MS the cached figures of a large shop serve without touching IndexedDB:
  // the answer to a page's rows must not wait on a rebuild. A small shop's are checked below.
  const large = cached !== undefined && cached.stats.customers >= statsPolicy.recountBelow;
  if (cached && large && (anyAge || now - cached.computedAt < STATS_MAX_AGE_MS))
    return cached.stats;
  const shop = await db.shops.get(key);
  const dirty = shop?.statsDirty === true;
  if (cached && !dirty) {
    cached.computedAt = now; // still valid: nothing was ingested since
    return cached.stats;
  }
  if (!remembered) {
    const record = await db.stats.get(key);
    const recent = record && (!dirty || now - record.computedAt < STATS_MAX_AGE_MS);
    const parsed = recent ? checkShopStats(record.stats) : null;
    if (record && parsed && servesToday(parsed, record.computedAt, settings, now)) {
      memo.set(key, { stats: parsed, computedAt: record.computedAt, settingsJson });
      return parsed;
    }
  }
  const stats = readOnly
    ? await figuresSettled(db).then(() => countShopStats(db, key, settings, now))
    : await rebuildShopStats(db, key, settings, now);
  memo.set(key, { stats, computedAt: now, settingsJson });
  return stats;
}

// ---- The pages' reader: pages never write, so stale statistics are counted in memory. ----

/** Statistics a page counted itself when the stored record did not serve: once per page and shop. */
const counted = new Map<string, ShopStats>();

/**
 * The stored records as read (and parsed) by this page, per database and shop (null: no usable
 * record). A large shop's record is over a megabyte: reading and validating it on every keystroke
 * cost more than the search itself. An entry lives until the stats table changes (Dexie's
 * storagemutated, which the background's writes reach through Dexie's BroadcastChannel).
 */
interface StoredStats {
  byShop: Map<string, ShopStats | null>;
  /** Bumped by every write to the stats table: a read that began before it is not cached. */
  generation: number;
}
const stored = new WeakMap<KezhiDb, StoredStats>();

function storedStatsOf(db: KezhiDb): StoredStats {
  const known = stored.get(db);
  if (known) return known;
  const cache: StoredStats = { byShop: new Map(), generation: 0 };
  const part = `idb://${db.name}/${db.stats.name}/`;
  Dexie.on('storagemutated', (parts: ObservabilitySet) => {
    if (!Object.keys(parts).some((k) => k.startsWith(part))) return;
    cache.generation++;
    cache.byShop.clear();
  });
  stored.set(db, cache);
  return cache;
}

/** The stored statistics record of a shop, parsed; read from the database once per change. */
async function storedStats(db: KezhiDb, key: string, observe: boolean): Promise<ShopStats | null> {
  const cache = storedStatsOf(db);
  const hit = cache.byShop.get(key);
  if (hit !== undefined) {
    // A key-only read of the record, so that a liveQuery calling us still re-runs when the
    // background rewrites it (and then finds the cache cleared). Callers that read the stats
    // table's keys themselves pass observe = false.
    if (observe) await db.stats.where(':id').equals(key).primaryKeys();
    return hit;
  }
  const generation = cache.generation;
  const record = await db.stats.get(key);
  const stats = checkShopStats(record?.stats);
  // A write that landed meanwhile may not be in what we read: use it this once, keep nothing.
  if (cache.generation === generation) cache.byShop.set(key, stats);
  return stats;
}

/** Where this page's cache of stored statistics is: compare before and after a read of them. */
export function storedStatsGeneration(db: KezhiDb): number {
  return storedStatsOf(db).generation;
}

/**
 * Stored statistics records the page read itself (the popup reads them with its first list)
 * put into its cache, parsed as {@link readShopStats} would read them: unless the stats table
 * was written since the read began (`generation`, from {@link storedStatsGeneration}).
 */
export function seedStoredStats(
  db: KezhiDb,
  records: readonly { shopKey: string; stats: unknown }[],
  generation: number,
): void {
  const cache = storedStatsOf(db);
  if (cache.generation !== generation) return;
  for (const r of records) cache.byShop.set(r.shopKey, checkShopStats(r.stats));
}

/** How {@link readShopStats} reads. */
export interface PageStatsOptions {
  /** False when the caller's liveQuery already reads the stats table's keys (default true). */
  observe?: boolean;
  /**
   * Asks the background to recount and store the shop's statistics. Given, a stored record of
   * today that an import has outdated still serves (a few orders move a rank or two at most):
   * the page paints at once, and the background's rewrite re-runs its live queries.
   */
  askRecount?: (key: string) => void;
  /**
   * The shops as the caller has just read them (in the same liveQuery), so that the statistics
   * cost no read of their own when the stored record is cached: a second round of requests costs
   * a keystroke more than the reads.
   */
  shops?: ReadonlyMap<string, Shop>;
}

/**
 * A shop's statistics for a page, without writing anything: the background's stored record while
 * it serves (no orders arrived that it has not counted, same China day, same same-day setting),
 * else counted in memory from the shop's figure blocks. With `askRecount`, an outdated record of
 * today serves too while the background is asked to recount.
 */
export async function readShopStats(
  db: KezhiDb,
  key: string,
  settings: Settings,
  now: number,
  { observe = true, askRecount, shops }: PageStatsOptions = {},
): Promise<ShopStats> {
  const [record, shop] = await Promise.all([
    storedStats(db, key, observe),
    shops ? shops.get(key) : db.shops.get(key),
  ]);
  const today = record && servesToday(record, record.computedAt, settings, now) ? record : null;
  // An import or a team pull marks the shop dirty until the background rebuilds.
  if (today && shop?.statsDirty !== true) return today;
  askRecount?.(key);
  if (today && askRecount) return today;
  const memoKey = `${key}|${settings.mergeSameDayPurchases}`;
  const known = counted.get(memoKey);
  if (known) return known;
  const stats = await countShopStats(db, key, settings, now);
  counted.set(memoKey, stats);
  return stats;
}

/** Forget statistics a page counted (tests; a popup lives too briefly to need it). */
export function clearCountedStats(): void {
  counted.clear();
  // Stored-record caches are per database object: a test's fresh database starts empty.
}
