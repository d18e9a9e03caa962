/**
 * Preact hook over Dexie's liveQuery: extension pages read the database directly and re-render
 * when the background writes (style.md: pages read with liveQuery, writes go through the
 * background).
 */
import { liveQuery } from 'dexie';
import { useEffect, useState } from 'preact/hooks';

export type Live<T> =
  { status: 'loading' } | { status: 'ok'; value: T } | { status: 'error'; error: string };

/** Subscribes to `query` while the component is mounted; re-runs when `deps` change. */
export function useLiveQuery<T>(query: () => Promise<T> | T, deps: readonly unknown[]): Live<T> {
  const [state, setState] = useState<Live<T>>({ status: 'loading' });
  useEffect(() => {
    const sub = liveQuery(query).subscribe({
      next: (value) => setState({ status: 'ok', value }),
      error: (e: unknown) =>
        setState({ status: 'error', error: e instanceof Error ? e.message : String(e) }),
    });
    return () => sub.unsubscribe();
  }, deps);
  return state;
}
