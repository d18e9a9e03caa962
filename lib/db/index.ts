/**
 * The one IndexedDB database, opened in extension contexts only (the background writes; popup,
 * options and dashboard read with liveQuery). Content scripts never import this: in a content
 * script IndexedDB is the host page's, not ours.
 *
 * Every schema change is a new version with an upgrade() and a test that opens the previous
 * version's data (test/hardening/migration.test.ts). Keep old versions while anyone may have them.
 */
import { Dexie, type EntityTable } from 'dexie';
import type { ContactEntry, Customer, CustomerMeta, Order, Shop } from '../schemas';
import { figureBlocksOf, type FiguresBlock } from './figures';
import { figuresMiddleware, type FiguresLogRecord } from './figures-log';

export { figureBlocksOf };
import { createKeyPresence, type KeyPresence, type SparseTable } from './key-presence';
import { createRecordCache, type RecordCache } from './record-cache';

export const DB_NAME = 'kezhi';

/**
 * Cached shop-wide statistics (sorted R/F/M axes). Whether they are stale is the shop record's
 * `statsDirty` (set by ingest without rewriting this record); records written before version 3
 * also carry a `dirty` flag nobody reads.
 */
export interface StatsRecord {
  shopKey: string;
  computedAt: number;
  /** lib/customers ShopStats (Float64Array axes). */
  stats: unknown;
}

/** A care / recall / repurchase message marked done for one customer and moment. */
export interface CareDone {
  /** `${customerKey}|${moment}|${anchor}` so the same moment for a later purchase is new again. */
  id: string;
  customerKey: string;
  at: number;
}

/**
 * Two customers joined into one (lib/db/joins): the same order seen under two keys, an export's
 * 买家会员名, or the seller's merge. Keyed by the customer that was joined away, so later orders
 * under its key land in `into`; what moved is kept so a split restores it.
 */
export interface JoinRecord {
  /** The customer key joined away. */
  key: string;
  /** The customer key it was joined into. */
  into: string;
  shopKey: string;
  at: number;
  reason: 'order' | 'seller';
  /** The order seen under both keys, for reason `order`. */
  orderId?: string;
  /** Orders moved, with the buyer they had before. */
  moved: { key: string; buyerId: string; identity: Order['identity'] }[];
  /** Each side's tags, notes and blacklist before the join (a split gives them back). */
  fromMeta?: CustomerMeta;
  intoMeta?: CustomerMeta;
  /** Contact-log entries moved from `key` to `into`. */
  contactIds: string[];
}

export type KezhiDb = Dexie & {
  shops: EntityTable<Shop, 'key'>;
  orders: EntityTable<Order, 'key'>;
  customers: EntityTable<Customer, 'key'>;
  contacts: EntityTable<ContactEntry, 'id'>;
  meta: EntityTable<CustomerMeta, 'customerKey'>;
  stats: EntityTable<StatsRecord, 'shopKey'>;
  careDone: EntityTable<CareDone, 'id'>;
  /** Kept by lib/db/figures-log's middleware: never written directly. */
  figures: EntityTable<FiguresBlock, 'shopKey'>;
  /** Customers written whose blocks may not be written yet (lib/db/figures-log). */
  figuresLog: EntityTable<FiguresLogRecord, 'id'>;
  joins: EntityTable<JoinRecord, 'key'>;
};

/** Version 1 index layout. Copied, never edited, when a later version changes it. */
export const SCHEMA_V1 = {
  shops: 'key, platform, lastSeenAt',
  orders: 'key, customerKey, [platform+shopId+createdAt], status',
  customers: 'key, [platform+shopId], *searchTerms, lastOrderAt',
  contacts: 'id, customerKey, orderKey, at',
  meta: 'customerKey, *tags',
  stats: 'shopKey',
  careDone: 'id, customerKey',
} as const;

/**
 * The compound index that holds each purchasing customer's R/F/M figures, so the shop-wide
 * statistics are read from index keys without loading every customer record. Customers without
 * a purchase have no lastPurchaseAt and so no entry, which is what the statistics want.
 */
export const FIGURES_INDEX = '[platform+shopId+lastPurchaseAt+purchaseCount+totalSpent]';

/** Version 2: the figures index on customers. Index-only, so no upgrade() of the records. */
export const SCHEMA_V2 = {
  ...SCHEMA_V1,
  customers: `${SCHEMA_V1.customers}, ${FIGURES_INDEX}`,
} as const;

/**
 * Version 3: the figures index gives way to compact per-shop blocks (lib/db/figures): in
 * Chromium reading a large shop's index keys was slow, a few hundred blocks are not.
 */
export const SCHEMA_V3 = {
  ...SCHEMA_V1,
  figures: '[shopKey+bucket]',
} as const;

/**
 * Version 4: buyer identities name their kind of key (lib/keys buyerIdFor) instead of
 * known/masked, and joined customers are remembered (lib/db/joins).
 */
export const SCHEMA_V4 = {
  ...SCHEMA_V3,
  joins: 'key, into, shopKey',
} as const;

/**
 * Version 5: figure blocks are written behind the customers (lib/db/figures-log), which log the
 * changes the blocks do not have yet. A new, empty table: no upgrade() of the records.
 */
export const SCHEMA_V5 = {
  ...SCHEMA_V4,
  figuresLog: '++id',
} as const;

/** The identity a record stored before version 4 has under the kinds of version 4. */
export function identityV4(identity: string, buyerId: string): Order['identity'] {
  if (identity === 'masked') return 'none';
  if (identity !== 'known') return identity as Order['identity'];
  return buyerId.startsWith('id:') ? 'platform' : 'nick';
}

/** Opens (a fresh handle on) the database under `name`. Tests pass their own name. */
export function openDb(name = DB_NAME): KezhiDb {
  const db = new Dexie(name) as KezhiDb;
  db.version(1).stores(SCHEMA_V1);
  db.version(2).stores({ customers: SCHEMA_V2.customers });
  db.version(3)
    .stores({ customers: SCHEMA_V3.customers, figures: SCHEMA_V3.figures })
    .upgrade(async (tx) => {
      const customers = await tx.table<Customer>('customers').toArray();
      await tx.table<FiguresBlock>('figures').bulkPut(figureBlocksOf(customers));
    });
  db.version(4)
    .stores({ joins: SCHEMA_V4.joins })
    .upgrade(async (tx) => {
      const fix = (r: { identity: string; buyerId: string }) => {
        r.identity = identityV4(r.identity, r.buyerId);
      };
      await tx.table<Order>('orders').toCollection().modify(fix);
      await tx.table<Customer>('customers').toCollection().modify(fix);
    });
  db.version(5).stores({ figuresLog: SCHEMA_V5.figuresLog });
  db.use(figuresMiddleware(db));
  return db;
}

let singleton: KezhiDb | undefined;
let backgroundCache: RecordCache | undefined;
const cacheByDb = new WeakMap<KezhiDb, RecordCache>();

/** The tables the background caches (lib/db/record-cache). */
export const CACHED_TABLES = ['orders', 'customers', 'meta', 'shops'] as const;

/**
 * Gives `db` a read cache of {@link CACHED_TABLES} (lib/db/record-cache). Only on a handle every
 * write goes through: the background's ({@link useBackgroundCache}), and tests'.
 */
export function attachRecordCache(db: KezhiDb): RecordCache {
  const cache = createRecordCache(CACHED_TABLES);
  db.use(cache.middleware);
  cacheByDb.set(db, cache);
  return cache;
}

/**
 * The background's handle gets the record cache and the key presence. Call once, before the
 * first query, and only where every write happens: the background.
 */
export function useBackgroundCache(db: KezhiDb = getDb()): RecordCache {
  if (!backgroundCache) {
    backgroundCache = attachRecordCache(db);
    trackKeyPresence(db);
  }
  return backgroundCache;
}

/** `db`'s record cache, if it has one (the background's handle). */
export function recordCacheOf(db: KezhiDb): RecordCache | undefined {
  return cacheByDb.get(db);
}

const presenceByDb = new WeakMap<KezhiDb, KeyPresence>();

/**
 * Keeps in memory which customers have meta or contacts (lib/db/key-presence), for
 * {@link mayHaveRecords}. Only on a handle every write goes through: the background's.
 */
export function trackKeyPresence(db: KezhiDb): void {
  if (presenceByDb.has(db)) return;
  const presence = createKeyPresence();
  db.use(presence.middleware);
  presenceByDb.set(db, presence);
}

/**
 * Of `keys`, the customers that may have records in `table`: on the background's handle, from
 * the keys it keeps in memory (lib/db/key-presence); elsewhere, all of them.
 */
export function mayHaveRecords(
  db: KezhiDb,
  table: SparseTable,
  keys: readonly string[],
): Promise<string[]> {
  const presence = presenceByDb.get(db);
  return presence ? presence.filter(db, table, keys) : Promise.resolve([...keys]);
}

/** The extension's database handle (created on first use, never at import time). */
export function getDb(): KezhiDb {
  singleton ??= openDb();
  return singleton;
}
