/**
 * lib/db/live's hook, in two timings and with a way to pause it.
 *
 * Preact runs `useEffect` after paint (a requestAnimationFrame away, up to 16 ms). The search
 * list's query used to start in such an effect, so every keystroke waited a frame before any
 * work: {@link useLiveQueryNow} subscribes in a layout effect, in the task of the render that
 * changed the query. {@link useLiveQueryAfterPaint} keeps the old timing for work that must not
 * delay a paint (the due list).
 */
import { liveQuery } from 'dexie';
import { useEffect, useLayoutEffect, useState } from 'preact/hooks';
import type { Live } from '@/lib/db/live';

/** A live query; `signal` aborts when its subscription ends, so a long query can stop early. */
export type LiveQuerier<T> = (signal: AbortSignal) => Promise<T> | T;

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

function useLive<T>(
  effect: typeof useEffect,
  query: LiveQuerier<T>,
  deps: readonly unknown[],
  enabled: boolean,
): Live<T> {
  const [state, setState] = useState<Live<T>>({ status: 'loading' });
  effect(() => (enabled ? subscribe(query, setState) : undefined), [...deps, enabled]);
  return state;
}

/**
 * Subscribes to `query` from the render that mounts the component or changes `deps`, while
 * `enabled`. Disabled, nothing is read and the last state stays.
 */
export function useLiveQueryNow<T>(
  query: LiveQuerier<T>,
  deps: readonly unknown[],
  enabled = true,
): Live<T> {
  return useLive(useLayoutEffect, query, deps, enabled);
}

/** {@link useLiveQueryNow}, subscribed after the next paint. */
export function useLiveQueryAfterPaint<T>(
  query: LiveQuerier<T>,
  deps: readonly unknown[],
  enabled = true,
): Live<T> {
  return useLive(useEffect, query, deps, enabled);
}
