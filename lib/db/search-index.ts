/**
 * Keeps lib/search's in-memory index for the background: built on the first query from the
 * customers table, then kept fresh by a DBCore middleware that hands it every committed write
 * to customers. Background only (the one writer): a page's Dexie would not see its writes.
 *
 * A write that commits while the build reads is replayed once the build is done; replaying one
 * that the build already saw changes nothing (a put replaces, a delete deletes). A range delete
 * (`clear()`, a shop's deletion by range) drops the index: the next query builds it again.
 */
import type { DBCore, DBCoreMutateRequest, DBCoreTransaction, Middleware } from 'dexie';
import type { Customer } from '../schemas';
import { MemoryIndex, type IndexableCustomer, type IndexAnswer } from '../search/memory-index';
import type { KezhiDb } from './index';

/** Records read per build step: a bounded read, so one step never holds the worker long. */
const BUILD_CHUNK = 5000;

/** Longest stretch of sorting the built index before the worker gets a turn. */
const PREPARE_SLICE_MS = 8;

/** One committed change to customers. */
type Change = { put: IndexableCustomer } | { delete: string } | 'drop';

/** The fields the index reads, copied when written: the caller may reuse its object. */
const snapshot = (c: Customer): IndexableCustomer => ({
  key: c.key,
  nick: c.nick,
  lastOrderAt: c.lastOrderAt,
  receiverNames: Array.isArray(c.receiverNames) ? [...c.receiverNames] : [],
  searchTerms: Array.isArray(c.searchTerms) ? [...c.searchTerms] : [],
});

export interface SearchIndexHandle {
  /** Ranked answers, or null while the index is being built (the first call starts it). */
  search(q: string, limit: number): IndexAnswer[] | null;
  /** Resolves when a build (started now if none is under way) is done: tests, warm-up. */
  ready(): Promise<void>;
}

/** The changes a DBCore write request makes, given which of its operations failed. */
function changesOf(
  req: DBCoreMutateRequest,
  failed: ReadonlySet<number>,
  keyOf: (v: unknown) => unknown,
): Change[] {
  switch (req.type) {
    case 'add':
    case 'put':
      return req.values.flatMap((v: Customer, i) =>
        failed.has(i) || typeof keyOf(v) !== 'string' ? [] : [{ put: snapshot(v) }],
      );
    case 'delete':
      return req.keys.flatMap((k: unknown, i) =>
        failed.has(i) || typeof k !== 'string' ? [] : [{ delete: k }],
      );
    case 'deleteRange':
      return ['drop'];
  }
}

/** Installs the middleware on `db` and returns the index's handle. Call once, before any write. */
export function useSearchIndex(db: KezhiDb): SearchIndexHandle {
  let index: MemoryIndex | null = null;
  let building: Promise<void> | null = null;
  /** Changes committed while a build reads, replayed after it. */
  let replay: Change[] | null = null;
  const pending = new WeakMap<DBCoreTransaction, Change[]>();

  const apply = (changes: readonly Change[]) => {
    if (replay) {
      replay.push(...changes);
      return;
    }
    for (const change of changes) {
      if (!index) return;
      if (change === 'drop') index = null;
      else if ('put' in change) index.put(change.put);
      else index.delete(change.delete);
    }
  };

  // Filed chunk by chunk as read, so the worker is never held for the whole table at once.
  const build = async (): Promise<void> => {
    replay = [];
    try {
      const built = MemoryIndex.build([]);
      for (let last: string | undefined; ;) {
        const chunk = await (
          last === undefined ? db.customers.orderBy(':id') : db.customers.where(':id').above(last)
        )
          .limit(BUILD_CHUNK)
          .toArray();
        for (const c of chunk) built.put(c);
        last = chunk.at(-1)?.key;
        if (chunk.length < BUILD_CHUNK) break;
      }
      index = built;
      const changes = replay;
      replay = null;
      apply(changes);
      // Queries are answered from here on; the rest of the build sorts the index ahead of them,
      // in slices that leave the worker free between them.
      const steps = built.prepare();
      for (let slice = performance.now(); !steps.next().done;) {
        if (performance.now() - slice < PREPARE_SLICE_MS) continue;
        await new Promise((r) => setTimeout(r, 0));
        if (index !== built) return; // dropped meanwhile: the next query builds anew
        slice = performance.now();
      }
    } finally {
      replay = null;
      building = null;
    }
  };

  const ready = (): Promise<void> => {
    if (index) return Promise.resolve();
    building ??= build();
    return building;
  };

  db.use({
    stack: 'dbcore',
    name: 'kezhi-search-index',
    create(down) {
      return {
        ...down,
        table(name) {
          const table = down.table(name);
          if (name !== db.customers.name) return table;
          const keyOf = table.schema.primaryKey.extractKey ?? (() => undefined);
          return {
            ...table,
            async mutate(req) {
              const res = await table.mutate(req);
              // No index and no build: nothing to keep fresh. A later build reads after this
              // write commits (IndexedDB runs a read after an open write on the same store).
              if (!index && replay === null) return res;
              const failed = new Set(Object.keys(res.failures).map(Number));
              const changes = changesOf(req, failed, keyOf);
              let list = pending.get(req.trans);
              if (!list) {
                const mine: Change[] = [];
                list = mine;
                pending.set(req.trans, mine);
                const idb = req.trans as unknown as EventTarget;
                idb.addEventListener('complete', () => apply(mine));
              }
              list.push(...changes);
              return res;
            },
          };
        },
      };
    },
  } satisfies Middleware<DBCore>);

  return {
    search(q, limit) {
      if (!index) {
        ready().catch((e: unknown) => console.warn('kezhi: search index build failed', e));
        return null;
      }
      return index.search(q, limit);
    },
    ready,
  };
}
