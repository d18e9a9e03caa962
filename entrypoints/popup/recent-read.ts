/**
 * The reads under the popup's lists, and the recent list's first read started as the popup's
 * script starts: the database opens and the ten most recent buyers are read while the rest of
 * the popup's code loads (main.tsx imports the App after asking). Small on purpose: this is
 * what the popup's first file holds besides Dexie and the settings.
 */
import Dexie, { type ObservabilitySet } from 'dexie';
import type { KezhiDb } from '@/lib/db';
import { seedStoredStats, storedStatsGeneration } from '@/lib/db/shop-stats';
import type { Customer, Shop } from '@/lib/schemas';

/** How many rows the recent list shows. */
export const RECENT_LIMIT = 10;

/** What the search and recent lists read: a write to one re-runs them. */
export const LIST_TABLES = ['customers', 'meta', 'stats', 'shops'] as const;

/**
 * What list rows need besides their customers, read alongside them rather than after (a second
 * round of IndexedDB requests costs a keystroke dearly): the shops, which customers
 * have meta at all (keys only: few do, so their records are rarely read), and the stats table's
 * keys, which subscribe a liveQuery to every stats record while the records themselves come
 * from the page's cache (lib/db/shop-stats).
 */
export interface RowContext {
  shops: readonly Shop[];
  metaKeys: ReadonlySet<unknown>;
}

export async function readRowContext(db: KezhiDb): Promise<RowContext> {
  const [shops, metaKeys] = await Promise.all([
    db.shops.toArray(),
    db.meta.toCollection().primaryKeys(),
    db.stats.toCollection().primaryKeys(),
  ]);
  return { shops, metaKeys: new Set(metaKeys) };
}

/**
 * A list's reads in one read-only transaction over the tables they touch. Each Dexie read
 * outside one opens its own, and opening them was a measurable part of a keystroke.
 * Resolves when the reads are done, not when the transaction has committed: nothing was
 * written, and the commit's round trip to the browser process is slow on a loaded machine.
 * A Dexie promise, so that a liveQuery keeps tracking the reads that follow.
 */
export function readTogether<T>(db: KezhiDb, reads: () => Promise<T>): Promise<T> {
  return new Dexie.Promise<T>((resolve, reject) => {
    db.transaction('r', [db.customers, db.meta, db.stats, db.shops], () =>
      reads().then(resolve, reject),
    ).catch(reject);
  });
}

/** The recent list's records: the customers who ordered last (newest first), and their context. */
export interface RecentRead {
  customers: Customer[];
  context: RowContext;
}

/** The customers who ordered most recently that `keep` keeps (the `lastOrderAt` index). */
export async function readRecent(
  db: KezhiDb,
  keep?: (c: Customer) => boolean,
): Promise<RecentRead> {
  const [customers, context] = await readTogether(db, () => {
    const newest = db.customers.orderBy('lastOrderAt').reverse();
    return Promise.all([
      (keep ? newest.filter(keep) : newest).limit(RECENT_LIMIT).toArray(),
      readRowContext(db),
    ]);
  });
  return { customers, context };
}

/** Every shop's recent list, read once ahead of the popup's first render. */
export interface RecentPrefetch {
  /**
   * The read, once: undefined after the first call, or when a write to the lists' tables
   * happened since it started (it may have missed it: the list reads again).
   */
  take(): Promise<RecentRead> | undefined;
}

/** Starts reading every shop's recent list now (the popup opens on all shops). */
export function prefetchRecent(db: KezhiDb): RecentPrefetch {
  const parts = LIST_TABLES.map((t) => `idb://${db.name}/${t}/`);
  let stale = false;
  const onWrite = (changed: ObservabilitySet) => {
    if (Object.keys(changed).some((k) => parts.some((p) => k.startsWith(p)))) stale = true;
  };
  Dexie.on('storagemutated', onWrite);
  // The shops' statistics records come in the same transaction, into the page's cache: the
  // rows are described without a second round of requests.
  const generation = storedStatsGeneration(db);
  let read: Promise<RecentRead> | undefined = readTogether(db, () =>
    Promise.all([readRecent(db), db.stats.toArray()]),
  ).then(([recent, stats]) => {
    seedStoredStats(db, stats, generation);
    return recent;
  });
  // Nobody may take it (a test, a closed popup): its failure is the list's own read's to report.
  read.catch(() => undefined);
  return {
    take() {
      Dexie.on('storagemutated').unsubscribe(onWrite);
      const out = stale ? undefined : read;
      read = undefined;
      return out;
    },
  };
}
