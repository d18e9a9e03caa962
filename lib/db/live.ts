/**
 * Preact hook over Dexie's liveQuery: extension pages read the database directly and re-render
 * when the background writes (style.md: pages read with liveQuery, writes go through the
 * background).
 *
 * Preact runs `useEffect` after paint (a requestAnimationFrame away). A query staff wait for
 * (the popup's search list, its card) passes `timing: 'now'` to subscribe in a layout effect, in
 * the task of the render that changed the query; work that must not delay a paint keeps the
 * default. The popup's lists also pass `watch`: run at once, re-run on writes to named tables.
 */
import Dexie, { liveQuery, type ObservabilitySet } from 'dexie';
import { useEffect, useLayoutEffect, useState } from 'preact/hooks';

export type Live<T> =
  { status: 'loading' } | { status: 'ok'; value: T } | { status: 'error'; error: string };

/** A live query; `signal` aborts when its subscription ends, so a long query can stop early. */
export type LiveQuerier<T> = (signal: AbortSignal) => Promise<T> | T;

/** When and whether {@link useLiveQuery} subscribes. */
export interface LiveOptions<T = unknown> {
  /** 'now': in the render's own task; 'after-paint' (default): after the next paint. */
  timing?: 'now' | 'after-paint';
  /** Disabled, nothing is read and the last state stays (default true). */
  enabled?: boolean;
  /**
   * Instead of a liveQuery: run the query at once, and again after any write to these tables of
   * `db` (Dexie's storagemutated, which the background's writes reach too). A liveQuery starts
   * its query from a timer whenever Dexie's zone bookkeeping of the last query is still winding
   * down, which after a keystroke let the frame that paints the typed character run first (a
   * trace on a 100k-customer shop: up to 6 ms before the search's reads were sent).
   */
  watch?: { db: Dexie; tables: readonly string[] };
  /**
   * Whether a new result shows the same as the last: then nothing re-renders. The options page
   * shows its shops' names, and an import rewrites each shop record (its counters) every batch.
   */
  same?: (a: T, b: T) => boolean;
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

/** Runs `query` now and whenever `watch` reports a write; a run is never overlapped by another. */
function watchTables<T>(
  query: LiveQuerier<T>,
  setState: (s: Live<T>) => void,
  watch: NonNullable<LiveOptions['watch']>,
): () => void {
  const stop = new AbortController();
  const parts = watch.tables.map((t) => `idb://${watch.db.name}/${t}/`);
  let running = false;
  let again = false;
  const run = (): void => {
    if (running) {
      again = true;
      return;
    }
    running = true;
    let pending: Promise<T>;
    try {
      pending = Promise.resolve(query(stop.signal));
    } catch (e) {
      pending = Promise.reject(e instanceof Error ? e : new Error(String(e)));
    }
    pending
      .then(
        (value) => !stop.signal.aborted && setState({ status: 'ok', value }),
        (e: unknown) => {
          if (stop.signal.aborted) return;
          setState({ status: 'error', error: e instanceof Error ? e.message : String(e) });
        },
      )
      .finally(() => {
        running = false;
        if (!again || stop.signal.aborted) return;
        again = false;
        run();
      });
  };
  const onWrite = (changed: ObservabilitySet) => {
    if (Object.keys(changed).some((k) => parts.some((p) => k.startsWith(p)))) run();
  };
  Dexie.on('storagemutated', onWrite);
  run();
  return () => {
    stop.abort();
    Dexie.on('storagemutated').unsubscribe(onWrite);
  };
}

/** Subscribes to `query` while the component is mounted (and enabled); re-runs when `deps` change. */
export function useLiveQuery<T>(
  query: LiveQuerier<T>,
  deps: readonly unknown[],
  { timing = 'after-paint', enabled = true, watch, same }: LiveOptions<T> = {},
): Live<T> {
  const [state, setLive] = useState<Live<T>>({ status: 'loading' });
  const setState = (next: Live<T>) =>
    same && next.status === 'ok'
      ? setLive((prev) => (prev.status === 'ok' && same(prev.value, next.value) ? prev : next))
      : setLive(next);
  // The timing is fixed per call site, so the hook order never changes between renders.
  const effect = timing === 'now' ? useLayoutEffect : useEffect;
  effect(() => {
    if (!enabled) return undefined;
    return watch ? watchTables(query, setState, watch) : subscribe(query, setState);
  }, [...deps, enabled]);
  return state;
}
