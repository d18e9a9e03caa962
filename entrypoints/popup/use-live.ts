/**
 * lib/db/live's hook, subscribed as soon as the popup has rendered instead of after the next
 * frame. Preact runs `useEffect` after paint (a requestAnimationFrame away, up to 16 ms), and
 * the search list's query starts in that effect: on every keystroke the wait came before any
 * work. `useLayoutEffect` runs in the same task as the render that changed the query.
 */
import { liveQuery } from 'dexie';
import { useLayoutEffect, useState } from 'preact/hooks';
import type { Live } from '@/lib/db/live';

/** Subscribes to `query` while the component is mounted; re-runs when `deps` change. */
export function useLiveQueryNow<T>(query: () => Promise<T> | T, deps: readonly unknown[]): Live<T> {
  const [state, setState] = useState<Live<T>>({ status: 'loading' });
  useLayoutEffect(() => {
    const sub = liveQuery(query).subscribe({
      next: (value) => setState({ status: 'ok', value }),
      error: (e: unknown) =>
        setState({ status: 'error', error: e instanceof Error ? e.message : String(e) }),
    });
    return () => sub.unsubscribe();
  }, deps);
  return state;
}
