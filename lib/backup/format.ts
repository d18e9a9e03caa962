/**
 * The backup file: a versioned JSON document holding every table a seller would miss (the stats
 * table is a cache and is left out). Every record is validated with the same zod schemas the
 * database is fed through, plus the key rules the indexes depend on, before anything is written.
 */
import { z } from '../zod';
import {
  ContactEntry,
  Customer,
  CustomerMeta,
  Order,
  Shop,
  customerKey,
  orderKey,
  shopKey,
} from '../schemas';

export const BACKUP_FORMAT = 'kezhi-backup';
export const BACKUP_VERSION = 1;

/** A bilingual sentence for the seller (the options page picks the language). */
export type Message = Readonly<{ zh_CN: string; en: string }>;
const msg = (zh_CN: string, en: string): Message => ({ zh_CN, en });

/** A care / recall / repurchase mark (lib/db CareDone), as backed up. */
export const CareDone = z.object({
  id: z.string().min(1).max(400),
  customerKey: z.string().min(1).max(300),
  at: z.number().int().min(0),
});
export type CareDone = z.infer<typeof CareDone>;

/** The backed-up tables in the order they are written and shown. */
export const BACKUP_TABLES = [
  'shops',
  'orders',
  'customers',
  'contacts',
  'meta',
  'careDone',
] as const;
export type BackupTableName = (typeof BACKUP_TABLES)[number];

/** The record schema of each table. */
export const TABLE_SCHEMAS = {
  shops: Shop,
  orders: Order,
  customers: Customer,
  contacts: ContactEntry,
  meta: CustomerMeta,
  careDone: CareDone,
} as const;

export interface BackupTables {
  shops: Shop[];
  orders: Order[];
  customers: Customer[];
  contacts: ContactEntry[];
  meta: CustomerMeta[];
  careDone: CareDone[];
}

/** A validated backup. `shops` is set when the backup holds only these shops (`platform:shopId`). */
export interface Backup {
  format: typeof BACKUP_FORMAT;
  version: typeof BACKUP_VERSION;
  exportedAt: number;
  shops?: string[];
  tables: BackupTables;
}

/** The primary key of a record in each table. */
export const primaryKeyOf: { [T in BackupTableName]: (r: BackupTables[T][number]) => string } = {
  shops: (r) => r.key,
  orders: (r) => r.key,
  customers: (r) => r.key,
  contacts: (r) => r.id,
  meta: (r) => r.customerKey,
  careDone: (r) => r.id,
};

/**
 * Which shop owns each customer and order key of a backup, from the orders' and customers'
 * own platform and shopId fields (a key cannot be split: the shop id may hold `:`).
 */
export function recordOwners(tables: {
  orders: readonly Pick<Order, 'key' | 'customerKey' | 'platform' | 'shopId'>[];
  customers: readonly Pick<Customer, 'key' | 'platform' | 'shopId'>[];
}): Map<string, string> {
  const owners = new Map<string, string>();
  for (const o of tables.orders) {
    owners.set(o.key, shopKey(o.platform, o.shopId));
    owners.set(o.customerKey, shopKey(o.platform, o.shopId));
  }
  for (const c of tables.customers) owners.set(c.key, shopKey(c.platform, c.shopId));
  return owners;
}

/**
 * The shop (`platform:shopId`) a record belongs to: its own fields for shops, orders and
 * customers; for contacts, meta and care marks, the shop of the customer (or, for a contact, the
 * order) they name among `owners` (recordOwners of the same backup); undefined when none does.
 */
export function shopOfRecord<T extends BackupTableName>(
  table: T,
  record: BackupTables[T][number],
  owners: ReadonlyMap<string, string> = new Map(),
): string | undefined {
  if (table === 'shops') return (record as Shop).key;
  if (table === 'orders' || table === 'customers') {
    const r = record as Order | Customer;
    return shopKey(r.platform, r.shopId);
  }
  const r = record as ContactEntry | CustomerMeta | CareDone;
  const viaOrder = 'orderKey' in r && r.orderKey ? owners.get(r.orderKey) : undefined;
  return owners.get(r.customerKey) ?? viaOrder;
}

/** A key rule a valid record obeys beyond its schema (indexes and scoping depend on these). */
function keyProblem(table: BackupTableName, r: unknown): string | undefined {
  switch (table) {
    case 'shops': {
      const s = r as Shop;
      return s.key === shopKey(s.platform, s.shopId)
        ? undefined
        : `key ≠ ${s.platform}:${s.shopId}`;
    }
    case 'orders': {
      const o = r as Order;
      if (o.key !== orderKey(o.platform, o.shopId, o.orderId))
        return 'key does not match the order';
      if (o.customerKey !== customerKey(o.platform, o.shopId, o.buyerId))
        return 'customerKey does not match the buyer';
      return undefined;
    }
    case 'customers': {
      const c = r as Customer;
      return c.key === customerKey(c.platform, c.shopId, c.buyerId)
        ? undefined
        : 'key does not match the customer';
    }
    default: {
      const k = (r as { customerKey: string }).customerKey;
      return /^[a-z]+:[^:]+:.+$/.test(k) ? undefined : 'customerKey is not platform:shop:buyer';
    }
  }
}

/** One invalid record: where it is and why. */
export interface RecordProblem {
  table: string;
  index: number;
  key?: string;
  reason: string;
}

export type ParseResult =
  | { ok: true; backup: Backup }
  | {
      ok: false;
      code: 'not-a-backup' | 'unsupported-version' | 'invalid-records';
      message: Message;
      /** The first invalid records (at most MAX_PROBLEMS), for `invalid-records`. */
      problems: RecordProblem[];
      /** How many records were invalid in all. */
      problemCount: number;
    };

/** How many invalid records a refusal lists. */
export const MAX_PROBLEMS = 50;

const Header = z.object({
  format: z.literal(BACKUP_FORMAT),
  version: z.number(),
  exportedAt: z.number().int().min(0),
  shops: z.array(z.string().max(200)).max(10000).optional(),
  tables: z.record(z.string(), z.unknown()),
});

const keyOfRaw = (r: unknown): string | undefined => {
  if (!r || typeof r !== 'object') return undefined;
  const o = r as Record<string, unknown>;
  for (const k of ['key', 'id', 'customerKey'])
    if (typeof o[k] === 'string') return o[k].slice(0, 200);
  return undefined;
};

/**
 * Validates a parsed JSON document as a backup: the header, then EVERY record of every table
 * (schema, key rules, duplicates, and scope when the backup names its shops). Nothing partial
 * comes back: either the whole backup is valid or the result lists what is wrong.
 */
export function parseBackup(raw: unknown): ParseResult {
  const fail = (
    code: 'not-a-backup' | 'unsupported-version' | 'invalid-records',
    message: Message,
    problems: RecordProblem[] = [],
    problemCount = problems.length,
  ): ParseResult => ({ ok: false, code, message, problems, problemCount });

  const head = Header.safeParse(raw);
  if (!head.success) {
    const isOurs =
      !!raw && typeof raw === 'object' && (raw as { format?: unknown }).format === BACKUP_FORMAT;
    return isOurs
      ? fail(
          'not-a-backup',
          msg(
            '备份文件的开头部分不完整或已损坏，无法恢复',
            'The backup header is incomplete or damaged; it cannot be restored',
          ),
        )
      : fail('not-a-backup', msg('这不是客知的备份文件', 'This is not a Kezhi backup file'));
  }
  if (head.data.version !== BACKUP_VERSION)
    return fail(
      'unsupported-version',
      msg(
        `备份文件版本 ${head.data.version} 不受支持（本版本读取版本 ${BACKUP_VERSION}），请升级客知后再恢复`,
        `Backup version ${head.data.version} is not supported (this version reads ${BACKUP_VERSION}); update Kezhi and try again`,
      ),
    );

  const scope = head.data.shops ? new Set(head.data.shops) : undefined;
  const problems: RecordProblem[] = [];
  let problemCount = 0;
  const problem = (p: RecordProblem) => {
    problemCount++;
    if (problems.length < MAX_PROBLEMS) problems.push(p);
  };
  const tables = {} as Record<BackupTableName, unknown[]>;
  let owners: Map<string, string> | undefined;
  for (const name of BACKUP_TABLES) {
    const rows = head.data.tables[name];
    if (rows === undefined) {
      tables[name] = [];
      continue;
    }
    if (!Array.isArray(rows)) {
      problem({ table: name, index: -1, reason: 'not a list of records' });
      tables[name] = [];
      continue;
    }
    const schema = TABLE_SCHEMAS[name];
    const seen = new Set<string>();
    const out: unknown[] = [];
    rows.forEach((r: unknown, index) => {
      const parsed = schema.safeParse(r);
      if (!parsed.success) {
        const first = parsed.error.issues[0];
        problem({
          table: name,
          index,
          key: keyOfRaw(r),
          reason: first ? `${first.path.join('.') || 'record'}: ${first.message}` : 'invalid',
        });
        return;
      }
      const record = parsed.data;
      const key = primaryKeyOf[name](record as never);
      const bad = keyProblem(name, record);
      if (bad) return problem({ table: name, index, key, reason: bad });
      if (seen.has(key)) return problem({ table: name, index, key, reason: 'duplicate key' });
      seen.add(key);
      if (scope) {
        // Orders and customers come first (BACKUP_TABLES), so the keyed tables find their owners.
        owners ??=
          name === 'shops' || name === 'orders' || name === 'customers'
            ? undefined
            : recordOwners(tables as { orders: Order[]; customers: Customer[] });
        const shop = shopOfRecord(name, record as never, owners);
        if (shop === undefined)
          return problem({
            table: name,
            index,
            key,
            reason: 'its customer is not in this backup',
          });
        if (!scope.has(shop))
          return problem({
            table: name,
            index,
            key,
            reason: 'belongs to a shop not in this backup',
          });
      }
      out.push(record);
    });
    tables[name] = out;
  }
  if (problemCount > 0)
    return fail(
      'invalid-records',
      msg(
        `备份中有 ${problemCount} 条记录无效，为保护现有数据，本次没有恢复任何内容`,
        `${problemCount} record(s) in the backup are invalid; to protect your data nothing was restored`,
      ),
      problems,
      problemCount,
    );
  const backup: Backup = {
    format: BACKUP_FORMAT,
    version: BACKUP_VERSION,
    exportedAt: head.data.exportedAt,
    tables: tables as unknown as BackupTables,
  };
  if (head.data.shops) backup.shops = head.data.shops;
  return { ok: true, backup };
}

/**
 * The backup as JSON text, in pieces (one per few thousand records) so a large database is never
 * one giant string; `parts.join('')` is the whole file.
 */
export function serializeBackup(backup: Backup, recordsPerPart = 2000): string[] {
  const { tables, ...head } = backup;
  const headJson = JSON.stringify(head);
  const parts: string[] = [headJson.slice(0, -1) + ',"tables":{'];
  BACKUP_TABLES.forEach((name, t) => {
    const rows = tables[name] as unknown[];
    parts.push(`${t > 0 ? ',' : ''}${JSON.stringify(name)}:[`);
    for (let i = 0; i < rows.length; i += recordsPerPart) {
      const chunk = rows.slice(i, i + recordsPerPart).map((r) => JSON.stringify(r));
      parts.push((i > 0 ? ',' : '') + chunk.join(','));
    }
    parts.push(']');
  });
  parts.push('}}');
  return parts;
}

/** A file name such as `kezhi-backup-20260517-1030.json` (local time). */
export function backupFileName(now: number, shop?: string): string {
  const d = new Date(now);
  const p = (n: number) => String(n).padStart(2, '0');
  const stamp = `${d.getFullYear()}${p(d.getMonth() + 1)}${p(d.getDate())}-${p(d.getHours())}${p(d.getMinutes())}`;
  const scope = shop ? `-${shop.replace(/[^\w.-]+/g, '_')}` : '';
  return `kezhi-backup${scope}-${stamp}.json`;
}
