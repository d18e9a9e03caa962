/**
 * Which customers have any meta record, any logged contact or a join record (joined away) at all,
 * kept in the background's memory. Few customers have any, so the overlay's row reads and ingest
 * ask the database only for those (a hundred rows cost one read of customers instead of three
 * rounds). For the background only,
 * like the record cache: it sees every write because every write happens there.
 *
 * Coherence: a write adds its customer keys before it commits (the set may name a customer whose
 * write then failed: that costs one read, never a missed record); a delete forgets the whole set,
 * which is read again (keys only) when next asked. A read of the keys that a write overlapped
 * serves that one caller and is not kept.
 */
import type { DBCore, Middleware } from 'dexie';
import type { KezhiDb } from './index';
import { dbcoreMiddleware } from './middleware';

/** The tables whose records name a customer that few customers have. */
export type SparseTable = 'meta' | 'contacts' | 'joins';

/** The field of a record of `table` that names its customer. */
const KEY_FIELD: Record<SparseTable, string> = {
  meta: 'customerKey',
  contacts: 'customerKey',
  joins: 'key',
};

interface Known {
  keys: Set<string> | null;
  generation: number;
}

export interface KeyPresence {
  middleware: Middleware<DBCore>;
  /** Of `keys`, those that may have records in `table` (a superset of those that do). */
  filter(db: KezhiDb, table: SparseTable, keys: readonly string[]): Promise<string[]>;
}

/** Reads every customer key that has a record in the table (keys only). */
function readKeys(db: KezhiDb, table: SparseTable): Promise<string[]> {
  if (table === 'meta') return db.meta.toCollection().primaryKeys();
  if (table === 'joins') return db.joins.toCollection().primaryKeys();
  return db.contacts.orderBy('customerKey').uniqueKeys() as Promise<string[]>;
}

export function createKeyPresence(): KeyPresence {
  const known: Record<SparseTable, Known> = {
    meta: { keys: null, generation: 0 },
    contacts: { keys: null, generation: 0 },
    joins: { keys: null, generation: 0 },
  };
  const middleware = dbcoreMiddleware('kezhi-key-presence', (down) => ({
    table(name) {
      const table = down.table(name);
      if (name !== 'meta' && name !== 'contacts' && name !== 'joins') return table;
      const state = known[name];
      const field = KEY_FIELD[name];
      return {
        ...table,
        mutate(req) {
          state.generation++;
          if (req.type === 'add' || req.type === 'put') {
            for (const v of req.values as Record<string, unknown>[]) {
              const k = v?.[field];
              if (typeof k === 'string') state.keys?.add(k);
              else state.keys = null;
            }
          } else state.keys = null;
          return table.mutate(req);
        },
      };
    },
  }));
  return {
    middleware,
    async filter(db, table, keys) {
      if (keys.length === 0) return [];
      const state = known[table];
      let present = state.keys;
      if (!present) {
        const generation = state.generation;
        present = new Set(await readKeys(db, table));
        if (state.generation === generation) state.keys = present;
        // A write landed while the keys were read: it may be missing from them, so read all.
        else return [...keys];
      }
      const set = present;
      return keys.filter((k) => set.has(k));
    },
  };
}
