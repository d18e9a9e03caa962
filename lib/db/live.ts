/**
 * Preact hook over Dexie's liveQuery: extension pages read the database directly and re-render
 * when the background writes (style.md: pages read with liveQuery, writes go through the
 * background).
 *
 * Preact runs `useEffect` after paint (a requestAnimationFrame away). A query staff wait for
 * (the popup's search list, its card) passes `timing: 'now'` to subscribe in a layout effect, in
 * the task of the render that changed the query; work that must not delay a paint keeps the
 * default.
 */
import { liveQuery } from 'dexie';
import { useEffect, useLayoutEffect, useState } from 'preact/hooks';

export type Live<T> =
  { status: 'loading' } | { status: 'ok'; value: T } | { status: 'error'; error: string };

/** A live query; `signal` aborts when its subscription ends, so a long query can stop early. */
export type LiveQuerier<T> = (signal: AbortSignal) => Promise<T> | T;

/** When and whether {@link useLiveQuery} subscribes. */
export interface LiveOptions {
  /** 'now': in the render's own task; 'after-paint' (default): after the next paint. */
  timing?: 'now' | 'after-paint';
  /** Disabled, nothing is read and the last state stays (default true). */
  enabled?: boolean;
}

function subscribe<T>(query: LiveQuerier<T>, setState: (s: Live<T>) => void): () => void {
  const stop = new AbortController();
  const sub = liveQuery(() => query(stop.signal)).subscribe({
    next: (value) => setState({ status: 'ok', value }),
    error: (e: unknown) => {
      if (stop.signal.aborted) return;
      setState({ status: 'error', error: e instanceof Error ? e.message : String(e) });
    },
  });
  return () => {
    stop.abort();
    sub.unsubscribe();
  };
}

/** Subscribes to `query` while the component is mounted (and enabled); re-runs when `deps` change. */
export function useLiveQuery<T>(
  query: LiveQuerier<T>,
  deps: readonly unknown[],
  { timing = 'after-paint', enabled = true }: LiveOptions = {},
): Live<T> {
  const [state, setState] = useState<Live<T>>({ status: 'loading' });
  // The timing is fixed per call site, so the hook order never changes between renders.
  const effect = timing === 'now' ? useLayoutEffect : useEffect;
  effect(() => (enabled ? subscribe(query, setState) : undefined), [...deps, enabled]);
  return state;
}
