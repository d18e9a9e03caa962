/**
 * The `search` message: answered from the background's in-memory index (lib/db/search-index),
 * which the first query builds; until it is built the asker searches the database itself.
 */
import { getDb } from '@/lib/db';
import { useSearchIndex, type SearchIndexHandle } from '@/lib/db/search-index';
import type { Input, Output } from '@/lib/messaging';

let handle: SearchIndexHandle | undefined;

/** Installs the index's write tracking; call at start, before the first write. */
export function startSearchIndex(): SearchIndexHandle {
  handle ??= useSearchIndex(getDb());
  return handle;
}

/** Ranked customer keys for a typed query, or `building` while the index is built. */
export function search(input: Input<'search'>): Promise<Output<'search'>> {
  const results = startSearchIndex().search(input.q, input.limit);
  return Promise.resolve(results ? { status: 'ready', results } : { status: 'building' });
}
