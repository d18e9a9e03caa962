/**
 * Keeps each shop's figure blocks (lib/db/figures) following its customers, written behind them.
 *
 * A page of 50 orders touches some 50 blocks of a few hundred customers each: rewriting them in
 * the transaction that stores the orders made that transaction several times slower than the
 * orders alone. So a DBCore middleware under `customers` records, in the writing transaction
 * itself, which customers changed (one small `figuresLog` record), and once that transaction has
 * committed and writes over customers pause ({@link FLUSH_IDLE_MS}) writes their figures into the
 * blocks in a transaction of its own, which holds only the blocks (pages that come back to back
 * share one write of their blocks, and it does not compete with their writes). Figure changes are
 * applied in the order their transactions committed, so the blocks end equal to the customers as
 * stored.
 *
 * A worker stopped between the two leaves log records behind; {@link repairFigures}, run when the
 * background starts, rebuilds the blocks they name from the customers as stored. Log records whose
 * figures were written are dropped by the next write (they would only be repaired again).
 * Statistics counted in the background wait for pending blocks ({@link figuresSettled}); pages,
 * which never write, may count blocks a moment behind, as they may count before an ingest.
 */
import { Dexie, type DBCoreTransaction } from 'dexie';
import type { Customer, Platform } from '../schemas';
import {
  bucketOf,
  deletedCustomers,
  figureBlocksOf,
  figureChangeOf,
  updateBlocks,
  type FigureChange,
} from './figures';
import type { KezhiDb } from './index';
import { dbcoreMiddleware } from './middleware';
import { customersOfShop } from './shop-records';

/**
 * The blocks one write transaction changed (block ids only: no buyer's key outlives a forget
 * here).
 */
export interface FiguresLogRecord {
  id?: number;
  blocks: [shopKey: string, bucket: number][];
}

interface Behind {
  /** Committed changes whose blocks are not written yet, in commit order. */
  queue: { logId: number; changes: FigureChange[] }[];
  /** The running (or last) write of blocks: the repair, then each flush. */
  chain: Promise<void>;
  scheduled: boolean;
  /** The timer of a flush waiting for writes to pause, and when its first change committed. */
  timer: ReturnType<typeof setTimeout> | undefined;
  waitingSince: number | undefined;
  /** Write transactions over customers not ended yet (a flush waits for them). */
  writing: number;
  /** Called once no write over customers is open. */
  whenIdle: (() => void)[];
  /** Write transactions that changed customers and whose blocks are not written yet. */
  pending: number;
  /** Log records up to here had their blocks written; up to `pruned` they were deleted. */
  written: number;
  pruned: number;
  /** A block write failed: keep every log record for the next start's repair. */
  failed: boolean;
  /** Tests: blocks are not written, as when the worker stops right after the customers. */
  hold: boolean;
}

const states = new WeakMap<Dexie, Behind>();

function stateOf(db: Dexie): Behind {
  let s = states.get(db);
  if (!s) {
    s = {
      queue: [],
      chain: Promise.resolve(),
      scheduled: false,
      timer: undefined,
      waitingSince: undefined,
      writing: 0,
      whenIdle: [],
      pending: 0,
      written: 0,
      pruned: 0,
      failed: false,
      hold: false,
    };
    states.set(db, s);
  }
  return s;
}

/** The blocks `changes` touch, each once. */
function blockIdsOf(changes: readonly FigureChange[]): [string, number][] {
  const ids = new Map<string, [string, number]>();
  for (const c of changes) {
    const bucket = bucketOf(c.key);
    ids.set(`${bucket}|${c.shopKey}`, [c.shopKey, bucket]);
  }
  return [...ids.values()];
}

/** The latest change per customer (later transactions win). */
function latestOf(changes: Iterable<FigureChange>): FigureChange[] {
  const latest = new Map<string, FigureChange>();
  for (const c of changes) {
    latest.delete(c.key);
    latest.set(c.key, c);
  }
  return [...latest.values()];
}

/**
 * Blocks are written once customer writes pause this long: pages and import batches that come
 * back to back share one write of their blocks (a block holds hundreds of customers, so writing
 * it after every page cost more than the page), and it does not compete with the next page's write.
 */
export const FLUSH_IDLE_MS = 50;
/** ...but not later than this after the first change waiting. */
export const FLUSH_MAX_WAIT_MS = 1000;

/** Arms (or re-arms) the flush of the queued changes for when writes pause. */
function scheduleFlush(db: KezhiDb, s: Behind): void {
  if (s.scheduled) return;
  const now = performance.now();
  s.waitingSince ??= now;
  clearTimeout(s.timer);
  const left = s.waitingSince + FLUSH_MAX_WAIT_MS - now;
  s.timer = setTimeout(
    () => {
      s.timer = undefined;
      // A write over customers is under way: its commit arms the timer again.
      if (s.writing > 0 && left > 0) return;
      flushNow(db, s);
    },
    Math.max(0, Math.min(FLUSH_IDLE_MS, left)),
  );
}

/**
 * Blocks written per transaction. A burst's blocks go in several small transactions, each after
 * any open write over customers ended, so a page's write never waits behind hundreds of blocks.
 */
export const FLUSH_CHUNK_BLOCKS = 16;
/** Longest a chunk waits for writes over customers to end (then it goes anyway). */
const YIELD_MAX_MS = 200;

/** Changes cut into chunks of at most `size` blocks, each block's changes in one chunk. */
export function chunksByBlock(changes: readonly FigureChange[], size: number): FigureChange[][] {
  const byBlock = new Map<string, FigureChange[]>();
  for (const c of changes) {
    const id = `${bucketOf(c.key)}|${c.shopKey}`;
    const list = byBlock.get(id);
    if (list) list.push(c);
    else byBlock.set(id, [c]);
  }
  const lists = [...byBlock.values()];
  const out: FigureChange[][] = [];
  for (let i = 0; i < lists.length; i += size) out.push(lists.slice(i, i + size).flat());
  return out;
}

/** Resolves once no write over customers is open, or after `ms`. */
function writesEnded(s: Behind, ms: number): Promise<void> {
  if (s.writing === 0) return Promise.resolve();
  return new Promise((resolve) => {
    const timer = setTimeout(resolve, ms);
    s.whenIdle.push(() => {
      clearTimeout(timer);
      resolve();
    });
  });
}

/** Writes the queued changes' blocks, in transactions holding only the blocks. */
function flushNow(db: KezhiDb, s: Behind): void {
  clearTimeout(s.timer);
  s.timer = undefined;
  s.waitingSince = undefined;
  if (s.scheduled) return;
  s.scheduled = true;
  s.chain = s.chain.then(async () => {
    s.scheduled = false;
    const batch = s.queue.splice(0);
    if (batch.length === 0) return;
    try {
      // A closed handle writes nothing: the log keeps the changes for the next start's repair.
      if (s.hold || !db.isOpen()) {
        s.failed ||= !s.hold;
        return;
      }
      const changes = latestOf(batch.flatMap((b) => b.changes));
      for (const chunk of chunksByBlock(changes, FLUSH_CHUNK_BLOCKS)) {
        await writesEnded(s, YIELD_MAX_MS);
        await Dexie.ignoreTransaction(() =>
          db.transaction('rw', db.figures, (tx) =>
            updateBlocks(db.core.table('figures'), tx.idbtrans, chunk),
          ),
        );
      }
      s.written = Math.max(s.written, ...batch.map((b) => b.logId));
    } catch (e) {
      s.failed = true;
      console.warn('kezhi: figure blocks not written (repaired on the next start)', e);
    } finally {
      s.pending -= batch.length;
    }
  });
}

/** Resolves once every committed customer change has its figures in the blocks. */
export async function figuresSettled(db: KezhiDb): Promise<void> {
  const s = stateOf(db);
  for (;;) {
    // A flush waiting for writes to pause runs now.
    if (s.timer !== undefined || (!s.scheduled && s.queue.length > 0)) flushNow(db, s);
    if (!s.scheduled && s.queue.length === 0) break;
    await s.chain;
  }
  await s.chain;
}

/** Whether some customer write's blocks are not written yet (statistics counted now lag). */
export function figuresPending(db: KezhiDb): boolean {
  return stateOf(db).pending > 0;
}

/** Tests: leave blocks unwritten from now on, as a worker stopped after each write would. */
export function holdFigures(db: KezhiDb, hold: boolean): void {
  stateOf(db).hold = hold;
}

/**
 * Rebuilds every block the log names from the customers as stored, and empties the log: the
 * start-up repair after a worker stopped between a write and its blocks. Reads the customers of
 * each shop named (a rare, whole-shop read); harmless when nothing was left behind.
 */
export function repairFigures(db: KezhiDb): Promise<void> {
  const s = stateOf(db);
  const run = s.chain.then(() =>
    db.transaction('rw', [db.figuresLog, db.customers, db.figures], async () => {
      const logs = await db.figuresLog.toArray();
      if (logs.length === 0) return;
      const byShop = new Map<string, Set<number>>();
      for (const { blocks } of logs)
        for (const [shop, bucket] of blocks)
          byShop.set(shop, (byShop.get(shop) ?? new Set()).add(bucket));
      for (const [shop, buckets] of byShop) {
        const at = shop.indexOf(':');
        const platform = shop.slice(0, at) as Platform;
        const customers = await customersOfShop(db, platform, shop.slice(at + 1)).toArray();
        const fresh = figureBlocksOf(customers.filter((c) => buckets.has(bucketOf(c.key))));
        const kept = new Set(fresh.map((b) => b.bucket));
        await db.figures.bulkPut(fresh);
        const emptied = [...buckets].filter((b) => !kept.has(b)).map((b) => [shop, b]);
        if (emptied.length) await db.figures.where('[shopKey+bucket]').anyOf(emptied).delete();
      }
      await db.figuresLog.bulkDelete(logs.map((l) => l.id!));
    }),
  );
  s.chain = run.catch((e: unknown) => console.warn('kezhi: figure repair failed', e));
  return run;
}

/** The DBCore middleware that keeps `figures` following the customers table. */
export const figuresMiddleware = (db: KezhiDb) =>
  dbcoreMiddleware('kezhi-figures', (down) => {
    const has = (name: string) => down.schema.tables.some((t) => t.name === name);
    const s = stateOf(db);
    /** Per transaction: the log record's id and the changes, queued when it commits. */
    const open = new WeakMap<DBCoreTransaction, { logId: number; changes: FigureChange[] }>();
    return {
      transaction(stores, mode, options) {
        // A write over customers also holds the log it records its changes in.
        const all =
          mode === 'readwrite' &&
          stores.includes('customers') &&
          !stores.includes('figuresLog') &&
          has('figuresLog')
            ? [...stores, 'figuresLog']
            : stores;
        const trans = down.transaction(all, mode, options);
        if (mode === 'readwrite' && stores.includes('customers')) {
          // Blocks wait for this write to end (scheduleFlush); once it has, they may go.
          s.writing++;
          const ended = () => {
            s.writing--;
            if (s.writing === 0) for (const f of s.whenIdle.splice(0)) f();
            if (s.queue.length > 0 && s.timer === undefined) scheduleFlush(db, s);
          };
          const idb = trans as unknown as EventTarget;
          idb.addEventListener('complete', ended);
          idb.addEventListener('abort', ended);
        }
        return trans;
      },
      table(name) {
        const table = down.table(name);
        // An older version's upgrade: no figures yet (version 3's upgrade builds them).
        if (name !== 'customers' || !has('figures')) return table;
        const figures = down.table('figures');
        const log = has('figuresLog') ? down.table('figuresLog') : undefined;
        return {
          ...table,
          async mutate(req) {
            const deleting = req.type === 'delete' || req.type === 'deleteRange';
            const gone = deleting ? await deletedCustomers(table, req) : [];
            const res = await table.mutate(req);
            const changes = deleting
              ? gone.map((c) => figureChangeOf(c, true))
              : (req.values as Customer[])
                  .filter((_, i) => !(i in res.failures))
                  .map((c) => figureChangeOf(c));
            if (changes.length === 0) return res;
            const idb = req.trans as unknown as IDBTransaction;
            // An upgrade (or a database from before the log) writes the blocks in the same
            // transaction, as every write did before the log.
            if (!log || idb.mode === 'versionchange') {
              await updateBlocks(figures, req.trans, changes);
              return res;
            }
            await recordChanges(req.trans, changes);
            return res;
          },
        };

        async function recordChanges(trans: DBCoreTransaction, changes: FigureChange[]) {
          let entry = open.get(trans);
          const added = await log!.mutate({
            type: 'add',
            trans,
            values: [{ blocks: blockIdsOf(changes) }],
            wantResults: true,
          });
          const logId = Number(added.results?.[0] ?? 0);
          // Records whose blocks are written go with this write (repairing them would be a no-op).
          if (s.written > s.pruned && !s.failed) {
            const upTo = s.written;
            await log!.mutate({
              type: 'deleteRange',
              trans,
              range: { type: 2, lower: -Infinity, lowerOpen: false, upper: upTo, upperOpen: false },
            });
            s.pruned = upTo;
          }
          if (entry) {
            entry.logId = Math.max(entry.logId, logId);
            entry.changes.push(...changes);
            return;
          }
          entry = { logId, changes: [...changes] };
          open.set(trans, entry);
          s.pending++;
          const idb = trans as unknown as EventTarget;
          const done = entry;
          idb.addEventListener('complete', () => {
            s.queue.push(done);
            scheduleFlush(db, s);
          });
          idb.addEventListener('abort', () => s.pending--);
        }
      },
    };
  });
