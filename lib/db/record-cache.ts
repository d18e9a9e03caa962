/**
 * A read cache of records by primary key, for the background only (the one writer of the
 * database: a page's Dexie must never use it, since it would not see the background's writes).
 *
 * The overlay asks for the same rows again and again (once a minute while unpaid orders are
 * shown, and on every page flip back); in Chromium each get has a fixed cost, so a page's
 * orders, customers and meta are far cheaper from memory than from the database.
 *
 * Coherence: only readonly transactions read from or fill the cache (a write transaction reads
 * its own writes from the database). Every write transaction drops the keys it touched when it
 * commits, and bumps the table's generation when it writes and when it ends: a read that was in
 * flight meanwhile (and may hold the old value) does not fill the cache. A value read from the
 * database is deep-frozen where it is (the reader that missed gets the same frozen record) and
 * handed out as it is to every later reader (cloning would cost each read): a caller that tried
 * to change one would throw, not change what others read.
 */
import type { DBCore, DBCoreGetManyRequest, DBCoreTransaction, Middleware } from 'dexie';
import { dbcoreMiddleware } from './middleware';

/** Entries kept per table; the least recently used go first. */
export const RECORD_CACHE_ENTRIES = 20_000;

/** Freezes a plain record and everything in it (a cached value is shared by every reader). */
function deepFreeze<T>(value: T): T {
  if (value && typeof value === 'object' && !Object.isFrozen(value)) {
    Object.freeze(value);
    for (const v of Object.values(value)) deepFreeze(v);
  }
  return value;
}

/** Stands for "no such record" in the cache: absent keys are asked for as often as present ones. */
const ABSENT = Symbol('absent');

interface TableCache {
  map: Map<string, unknown>;
  generation: number;
}

export interface RecordCache {
  middleware: Middleware<DBCore>;
  /**
   * The records under `keys` (undefined where a key is known to have none) read from memory
   * alone, with no transaction, when every key is cached and no write transaction is open: what
   * a read transaction begun now would read. Undefined otherwise; the caller then reads in a
   * transaction as before. A repeat lookup's records are all cached, and its read transaction
   * (Dexie's and the database's) took about 1.5 to 3 ms of a 100-row answer in the service
   * worker.
   */
  peek(table: string, keys: readonly string[]): unknown[] | undefined;
  /**
   * Counts every write transaction's start and end: two peeks under the same count (with no
   * write open) read one moment of the database, whatever was awaited between them.
   */
  readonly writes: number;
  /** Drops everything (tests; a restore). */
  clear(): void;
  /** Hits and misses so far (tests and benchmarks). */
  readonly stats: { hits: number; misses: number };
}

/** The cache as a DBCore middleware over the named tables (string primary keys). */
export function createRecordCache(
  tables: readonly string[],
  maxEntries = RECORD_CACHE_ENTRIES,
): RecordCache {
  const caches = new Map<string, TableCache>(
    tables.map((t) => [t, { map: new Map(), generation: 0 }]),
  );
  const readonly = new WeakSet<DBCoreTransaction>();
  /**
   * Keys written per write transaction not yet ended, and table; null: a range delete (drop the
   * table).
   */
  const touched = new WeakMap<DBCoreTransaction, Map<string, Set<string> | null>>();
  /** Write transactions not yet ended (those in `touched`), and their starts plus ends so far. */
  let openWrites = 0;
  let writes = 0;
  const stats = { hits: 0, misses: 0 };

  const remember = (cache: TableCache, key: string, value: unknown) => {
    cache.map.delete(key);
    cache.map.set(key, value === undefined ? ABSENT : deepFreeze(value));
    if (cache.map.size > maxEntries) {
      const oldest = cache.map.keys().next();
      if (!oldest.done) cache.map.delete(oldest.value);
    }
  };
  /** The cached record, ABSENT for a key known to have none, undefined when not cached. */
  const recall = (cache: TableCache, key: string): unknown => {
    const v = cache.map.get(key);
    if (v === undefined) return undefined;
    cache.map.delete(key); // most recently used last
    cache.map.set(key, v);
    return v;
  };
  const settle = (trans: DBCoreTransaction, committed: boolean) => {
    const byTable = touched.get(trans);
    if (!byTable) return;
    openWrites--;
    writes++;
    for (const [table, keys] of byTable) {
      const cache = caches.get(table)!;
      cache.generation++;
      if (keys === null || !committed) cache.map.clear();
      else for (const k of keys) cache.map.delete(k);
    }
    touched.delete(trans);
  };

  const middleware = dbcoreMiddleware('kezhi-record-cache', (down) => ({
    transaction(stores, mode, options) {
      const trans = down.transaction(stores, mode, options);
      if (mode === 'readonly') readonly.add(trans);
      else {
        touched.set(trans, new Map());
        openWrites++;
        writes++;
        const idb = trans as unknown as EventTarget;
        idb.addEventListener('complete', () => settle(trans, true));
        idb.addEventListener('abort', () => settle(trans, false));
        idb.addEventListener('error', () => settle(trans, false));
      }
      return trans;
    },
    table(name) {
      const table = down.table(name);
      const cache = caches.get(name);
      if (!cache) return table;
      const keyOf = table.schema.primaryKey.extractKey;
      return {
        ...table,
        async get(req) {
          const key = req.key as unknown;
          if (!readonly.has(req.trans) || typeof key !== 'string')
            return (await table.get(req)) as unknown;
          const hit = recall(cache, key);
          if (hit !== undefined) {
            stats.hits++;
            return hit === ABSENT ? undefined : hit;
          }
          stats.misses++;
          const generation = cache.generation;
          const value: unknown = await table.get(req);
          if (cache.generation === generation) remember(cache, key, value);
          return value;
        },
        async getMany(req: DBCoreGetManyRequest) {
          if (!readonly.has(req.trans) || !req.keys.every((k) => typeof k === 'string'))
            return table.getMany(req);
          const keys: string[] = req.keys;
          const out: unknown[] = keys.map((k) => recall(cache, k));
          const missing = keys.filter((_, i) => out[i] === undefined);
          stats.hits += keys.length - missing.length;
          stats.misses += missing.length;
          if (missing.length === 0) return out.map((v) => (v === ABSENT ? undefined : v));
          const generation = cache.generation;
          const found = await table.getMany({ ...req, keys: missing });
          const byKey = new Map(missing.map((k, i) => [k, found[i] as unknown]));
          const fill = cache.generation === generation;
          return keys.map((k, i) => {
            if (out[i] !== undefined) return out[i] === ABSENT ? undefined : out[i];
            const v = byKey.get(k);
            if (fill) remember(cache, k, v);
            return v;
          });
        },
        async mutate(req) {
          const byTable = touched.get(req.trans);
          cache.generation++;
          if (byTable) {
            const keys = byTable.get(name);
            if (req.type === 'deleteRange' || keys === null) byTable.set(name, null);
            else {
              const set = keys ?? new Set<string>();
              const list =
                req.type === 'delete'
                  ? req.keys
                  : (req.keys ?? (keyOf ? req.values.map((v) => keyOf(v) as unknown) : null));
              if (list === null) byTable.set(name, null);
              else {
                for (const k of list) set.add(String(k));
                byTable.set(name, set);
              }
            }
          } else cache.map.clear(); // a write outside a known transaction: trust nothing
          return table.mutate(req);
        },
      };
    },
  }));

  return {
    middleware,
    peek(table, keys) {
      const cache = caches.get(table);
      if (!cache || openWrites > 0) return undefined;
      const out: unknown[] = new Array(keys.length);
      for (let i = 0; i < keys.length; i++) {
        const v = cache.map.get(keys[i]!);
        if (v === undefined) return undefined;
        out[i] = v === ABSENT ? undefined : v;
      }
      for (const k of keys) recall(cache, k); // most recently used last
      stats.hits += keys.length;
      return out;
    },
    get writes() {
      return writes;
    },
    clear() {
      for (const c of caches.values()) {
        c.map.clear();
        c.generation++;
      }
    },
    stats,
  };
}
