/**
 * The popup's search reads (lib/search `searchCustomers`) as plain IndexedDB requests on the
 * transaction Dexie already opened. Per keystroke, Dexie's promise zones, middleware and liveQuery
 * bookkeeping for every record returned (up to 200 per planned lookup) cost several times the
 * reads themselves; here each lookup is one `getAll` and one native promise.
 *
 * A liveQuery still has to re-run when a matching customer changes: {@link observeSearchTerms}
 * makes it watch the whole `searchTerms` index with one Dexie read of a single key.
 */
import Dexie from 'dexie';
import type { SearchableTable } from '../search/search';
import type { KezhiDb } from './index';

/** Dexie's `startsWith` upper bound: the prefix followed by the highest code unit. */
const MAX_CHAR = '\uffff';

const settle = <T>(req: IDBRequest<T>): Promise<T> =>
  new Promise((resolve, reject) => {
    req.onsuccess = () => resolve(req.result);
    req.onerror = () => reject(req.error ?? new Error('IndexedDB request failed'));
  });

/**
 * The customers' `searchTerms` index of the Dexie transaction in progress (call inside
 * `db.transaction`, which must include customers), as search.ts reads it.
 */
export function rawSearchTable<C>(db: KezhiDb): SearchableTable<C> {
  const idb = Dexie.currentTransaction?.idbtrans;
  if (!idb) throw new Error('rawSearchTable: call it inside a transaction over customers');
  const index = idb.objectStore(db.customers.name).index('searchTerms');
  return {
    where: () => ({
      startsWith: (prefix) => ({
        limit: (n) => ({
          toArray: () =>
            settle(index.getAll(IDBKeyRange.bound(prefix, prefix + MAX_CHAR), n)) as Promise<C[]>,
        }),
      }),
    }),
  };
}

/**
 * Makes a liveQuery re-run on any write that adds, changes or removes a search key (every
 * customer write does): the whole index range is observed, and one key read.
 */
export const observeSearchTerms = (db: KezhiDb): Promise<unknown> =>
  db.customers.where('searchTerms').aboveOrEqual('').limit(1).primaryKeys();
