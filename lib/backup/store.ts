/**
 * Export and restore against the database. Written against the few Dexie methods used (the
 * {@link BackupDb} port), so lib/ stays free of the database module; the ingest rules that keep
 * the data consistent (order merge, customer recompute) are handed in by the caller from lib/db.
 *
 * Restore MERGES: records of the backup are added or update what is there, nothing is deleted,
 * an order's status never moves backwards (the same rule as ingest) and a customer's aggregate is
 * recomputed from its orders after the merge, so it always agrees with them. Into an empty
 * database a backup restores exactly what was exported.
 */
import { shopKey as shopKeyOf, splitShopKey } from '../keys';
import type { ContactEntry, Customer, CustomerMeta, Order, Shop } from '../schemas';
import {
  BACKUP_FORMAT,
  BACKUP_TABLES,
  BACKUP_VERSION,
  parseBackup,
  primaryKeyOf,
  type Backup,
  type BackupTableName,
  type BackupTables,
  type CareDone,
  type Message,
  type RecordProblem,
} from './format';

interface Rows<T> {
  toArray(): Promise<T[]>;
}

/** The part of a Dexie table export and restore use. */
export interface BackupTable<T> {
  toArray(): Promise<T[]>;
  bulkGet(keys: string[]): Promise<(T | undefined)[]>;
  bulkPut(items: readonly T[]): Promise<unknown>;
  where(index: string): {
    startsWith(prefix: string): Rows<T>;
    anyOf(keys: readonly string[]): Rows<T>;
    /** For the compound `[platform+shopId…]` indexes: one shop's records by their fields. */
    between(lower: unknown, upper: unknown, includeLower: boolean, includeUpper: boolean): Rows<T>;
  };
}

/** The part of the Kezhi Dexie database export and restore use (KezhiDb satisfies it). */
export interface BackupDb {
  shops: BackupTable<Shop>;
  orders: BackupTable<Order>;
  customers: BackupTable<Customer>;
  contacts: BackupTable<ContactEntry>;
  meta: BackupTable<CustomerMeta>;
  careDone: BackupTable<CareDone>;
  stats: { bulkDelete(keys: string[]): Promise<unknown> };
  transaction<R>(mode: 'r' | 'rw', tables: readonly unknown[], scope: () => Promise<R>): Promise<R>;
}

/** The ingest rules restore follows (lib/db/aggregate's mergeOrder and recomputeCustomer). */
export interface RestoreRules {
  mergeOrder(existing: Order | undefined, incoming: Order): Order;
  recomputeCustomer(orders: readonly Order[]): Customer | undefined;
  /** Structural equality, a key holding undefined counting as absent (lib/deep-equal). */
  deepEqual(a: unknown, b: unknown): boolean;
}

const tablesOf = (db: BackupDb) => [
  db.shops,
  db.orders,
  db.customers,
  db.contacts,
  db.meta,
  db.careDone,
];

/**
 * Reads the whole database, or one shop (`platform:shopId`), into a backup. One read
 * transaction, so the tables agree with each other.
 */
export async function exportBackup(
  db: BackupDb,
  opts: { now: number; shopKey?: string },
): Promise<Backup> {
  const { shopKey } = opts;
  const tables = await db.transaction('r', tablesOf(db), async (): Promise<BackupTables> => {
    if (shopKey === undefined)
      return {
        shops: await db.shops.toArray(),
        orders: await db.orders.toArray(),
        customers: await db.customers.toArray(),
        contacts: await db.contacts.toArray(),
        meta: await db.meta.toArray(),
        careDone: await db.careDone.toArray(),
      };
    // By the records' platform and shopId fields, never by key prefix: `woocommerce:localhost:`
    // is a prefix of shop `localhost:8080`'s keys. The keyed tables follow the shop's customers
    // and orders (contacts also by their order: a re-keyed buyer's log keeps its old key).
    const { platform, shopId } = splitShopKey(shopKey) ?? { platform: '', shopId: '' };
    const orders = await db.orders
      .where('[platform+shopId+createdAt]')
      .between([platform, shopId, -Infinity], [platform, shopId, Infinity], true, true)
      .toArray();
    const customers = await db.customers
      .where('[platform+shopId]')
      .between([platform, shopId], [platform, shopId], true, true)
      .toArray();
    const customerKeys = [
      ...new Set([...customers.map((c) => c.key), ...orders.map((o) => o.customerKey)]),
    ];
    const contacts = new Map<string, ContactEntry>();
    for (const c of await db.contacts.where('customerKey').anyOf(customerKeys).toArray())
      contacts.set(c.id, c);
    for (const c of await db.contacts
      .where('orderKey')
      .anyOf(orders.map((o) => o.key))
      .toArray())
      contacts.set(c.id, c);
    return {
      shops: (await db.shops.bulkGet([shopKey])).filter((s): s is Shop => !!s),
      orders,
      customers,
      contacts: [...contacts.values()],
      meta: await db.meta.where('customerKey').anyOf(customerKeys).toArray(),
      careDone: await db.careDone.where('customerKey').anyOf(customerKeys).toArray(),
    };
  });
  const backup: Backup = {
    format: BACKUP_FORMAT,
    version: BACKUP_VERSION,
    exportedAt: opts.now,
    tables,
  };
  if (shopKey !== undefined) backup.shops = [shopKey];
  return backup;
}

/** What restoring does to one table. */
export interface TableChange {
  /** Records of this table in the backup. */
  inBackup: number;
  /** Records that do not exist yet. */
  added: number;
  /** Existing records that change. */
  updated: number;
  /** Existing records the backup leaves as they are (already equal, or newer). */
  unchanged: number;
}

export type RestoreSummary = Record<BackupTableName, TableChange>;

interface Planned {
  summary: RestoreSummary;
  writes: BackupTables;
  /** Shops whose cached statistics must be rebuilt. */
  shopKeys: string[];
}

const newer = <T extends { at: number }>(a: T | undefined, b: T | undefined) =>
  !a ? b : !b ? a : b.at > a.at ? b : a;

/** Computes every record restore would write, and the counts. Reads only. */
async function plan(db: BackupDb, backup: Backup, rules: RestoreRules): Promise<Planned> {
  const summary = {} as RestoreSummary;
  const writes: BackupTables = {
    shops: [],
    orders: [],
    customers: [],
    contacts: [],
    meta: [],
    careDone: [],
  };

  /** Compares each incoming record with the stored one through `merge`, collecting writes. */
  async function mergeTable<T extends BackupTableName>(
    name: T,
    merge: (
      existing: BackupTables[T][number] | undefined,
      incoming: BackupTables[T][number],
    ) => BackupTables[T][number],
  ): Promise<Map<string, BackupTables[T][number] | undefined>> {
    type R = BackupTables[T][number];
    const rows = backup.tables[name] as R[];
    const table = db[name] as unknown as BackupTable<R>;
    const keyOf = primaryKeyOf[name];
    const keys = rows.map(keyOf);
    const stored = await table.bulkGet(keys);
    const change: TableChange = { inBackup: rows.length, added: 0, updated: 0, unchanged: 0 };
    const before = new Map<string, R | undefined>();
    const out = writes[name] as R[];
    rows.forEach((incoming, i) => {
      const existing = stored[i];
      before.set(keys[i]!, existing);
      const next = merge(existing, incoming);
      if (!existing) change.added++;
      else if (rules.deepEqual(existing, next)) {
        change.unchanged++;
        return;
      } else change.updated++;
      out.push(next);
    });
    summary[name] = change;
    return before;
  }

  await mergeTable('shops', (e, s) =>
    e
      ? {
          ...e,
          ...s,
          name: s.name || e.name,
          lastSeenAt: Math.max(e.lastSeenAt, s.lastSeenAt),
          pagesRecognised: Math.max(e.pagesRecognised, s.pagesRecognised),
          health: newer(e.health, s.health),
          // This desk's own sightings stand: counters from another desk's copy are not additive.
          identityEvidence: e.identityEvidence ?? s.identityEvidence,
        }
      : s,
  );
  const ordersBefore = await mergeTable('orders', (e, o) => rules.mergeOrder(e, o));
  await mergeTable('contacts', (e, c) =>
    e ? { ...c, paidAfterAt: c.paidAfterAt ?? e.paidAfterAt } : c,
  );
  await mergeTable('meta', (e, m) => (e && e.updatedAt > m.updatedAt ? e : m));
  await mergeTable('careDone', (e, c) => e ?? c);

  // Customers: every customer that an order write touches (either side of a change of buyer) or
  // that the backup names gets its aggregate recomputed from its orders after the merge.
  const affected = new Set<string>(backup.tables.customers.map((c) => c.key));
  for (const o of writes.orders) {
    affected.add(o.customerKey);
    const prev = ordersBefore.get(o.key);
    if (prev) affected.add(prev.customerKey);
  }
  const keys = [...affected];
  const byCustomer = new Map<string, Map<string, Order>>(keys.map((k) => [k, new Map()]));
  for (const o of await db.orders.where('customerKey').anyOf(keys).toArray())
    byCustomer.get(o.customerKey)?.set(o.key, o);
  for (const o of writes.orders) {
    const prev = ordersBefore.get(o.key);
    if (prev) byCustomer.get(prev.customerKey)?.delete(o.key);
    byCustomer.get(o.customerKey)?.set(o.key, o);
  }
  const fromBackup = new Map(backup.tables.customers.map((c) => [c.key, c]));
  const stored = await db.customers.bulkGet(keys);
  const customers: TableChange = {
    inBackup: backup.tables.customers.length,
    added: 0,
    updated: 0,
    unchanged: 0,
  };
  keys.forEach((k, i) => {
    const orders = [...(byCustomer.get(k)?.values() ?? [])];
    // A customer without orders (none in the backup either) is restored as backed up.
    const next = rules.recomputeCustomer(orders) ?? fromBackup.get(k);
    const existing = stored[i];
    if (!next) return;
    if (!existing) customers.added++;
    else if (rules.deepEqual(existing, next)) {
      customers.unchanged++;
      return;
    } else customers.updated++;
    writes.customers.push(next);
  });
  summary.customers = customers;

  // Statistics are built from orders and customers only; their fields name the shop exactly.
  const shopKeys = new Set<string>();
  for (const r of [...writes.orders, ...writes.customers])
    shopKeys.add(shopKeyOf(r.platform, r.shopId));
  return { summary, writes, shopKeys: [...shopKeys] };
}

/** What restoring `backup` would change, table by table. Writes nothing. */
export async function previewRestore(
  db: BackupDb,
  backup: Backup,
  rules: RestoreRules,
): Promise<RestoreSummary> {
  return (await db.transaction('r', tablesOf(db), () => plan(db, backup, rules))).summary;
}

/**
 * Restores a validated backup in ONE transaction (planned again inside it, so what is written
 * matches the data as it is at that moment). Returns the counts, and the records written per table.
 */
export async function applyRestore(
  db: BackupDb,
  backup: Backup,
  rules: RestoreRules,
): Promise<{ summary: RestoreSummary; written: Record<BackupTableName, number> }> {
  return db.transaction('rw', [...tablesOf(db), db.stats], async () => {
    const { summary, writes, shopKeys } = await plan(db, backup, rules);
    const written = {} as Record<BackupTableName, number>;
    for (const name of BACKUP_TABLES) {
      const rows = writes[name] as unknown[];
      if (rows.length > 0) await (db[name] as BackupTable<unknown>).bulkPut(rows);
      written[name] = rows.length;
    }
    // The statistics cache of every touched shop is stale now.
    if (shopKeys.length > 0) await db.stats.bulkDelete(shopKeys);
    return { summary, written };
  });
}

/** A refused restore: the seller-readable reason (both languages) and the first bad records. */
export class RestoreRefused extends Error {
  constructor(
    readonly reason: Message,
    readonly problems: RecordProblem[],
  ) {
    const first = problems[0];
    const where = first
      ? ` [${first.table}#${first.index}${first.key ? ` ${first.key}` : ''}: ${first.reason}]`
      : '';
    super(`${reason.zh_CN} (${reason.en})${where}`);
    this.name = 'RestoreRefused';
  }
}

/**
 * The background's restore: validates the raw (decrypted, parsed) backup completely, then
 * applies it in one transaction. An invalid backup throws RestoreRefused and writes nothing.
 */
export async function restoreBackup(
  db: BackupDb,
  raw: unknown,
  rules: RestoreRules,
): Promise<{ summary: RestoreSummary; written: Record<BackupTableName, number> }> {
  const parsed = parseBackup(raw);
  if (!parsed.ok) throw new RestoreRefused(parsed.message, parsed.problems);
  return applyRestore(db, parsed.backup, rules);
}
