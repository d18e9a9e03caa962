/**
 * A component whose code loads on first use (a dynamic import), so a page's first paint compiles
 * only what it shows: the popup's first list does not wait for its card or its care list.
 * Until the code is in, the fallback shows; a failed load shows `failed` with the error (a page
 * opened again asks again).
 */
import type { ComponentType, JSX } from 'preact';
import { useEffect, useState } from 'preact/hooks';

/** A lazily loaded component: use it like the component it loads. */
export interface Lazy<P> {
  (props: P): JSX.Element | null;
  /** Starts the load (or returns the one under way); resolves when the component is in. */
  preload(): Promise<void>;
}

export function lazyComponent<P extends object>(
  load: () => Promise<ComponentType<P>>,
  opts: {
    fallback?: (props: P) => JSX.Element | null;
    failed: (error: string, props: P) => JSX.Element;
  },
): Lazy<P> {
  const code = lazyModule(load);
  function LazyComponent(props: P): JSX.Element | null {
    const { module: Loaded, error } = useLazyModule(code, true);
    if (Loaded) return <Loaded {...props} />;
    if (error !== undefined) return opts.failed(error, props);
    return opts.fallback?.(props) ?? null;
  }
  return Object.assign(LazyComponent, { preload: () => code.load().then(() => undefined) });
}

/** A module whose code loads on first use; `loaded` is it once it is in. */
export interface LazyModule<T> {
  readonly loaded: T | undefined;
  /** Starts the load (or returns the one under way). */
  load(): Promise<T>;
}

export function lazyModule<T>(load: () => Promise<T>): LazyModule<T> {
  let loaded: T | undefined;
  let pending: Promise<T> | undefined;
  return {
    get loaded() {
      return loaded;
    },
    load: () =>
      (pending ??= load().then(
        (m) => (loaded = m),
        (e: unknown) => {
          pending = undefined; // the next mount asks again
          throw e;
        },
      )),
  };
}

/**
 * The module once loaded (undefined before, and while `when` is false: nothing is asked until
 * then), or the error its load failed with. A query that reads the database through the module
 * runs once it is in: a dynamic import inside a Dexie liveQuery would leave its zone.
 */
export function useLazyModule<T>(
  mod: LazyModule<T>,
  when: boolean,
): { module?: T; error?: string } {
  const [state, setState] = useState<{ module?: T; error?: string }>(() =>
    mod.loaded ? { module: mod.loaded } : {},
  );
  useEffect(() => {
    if (!when || state.module) return;
    let alive = true;
    mod.load().then(
      (m) => alive && setState({ module: m }),
      (e: unknown) => alive && setState({ error: e instanceof Error ? e.message : String(e) }),
    );
    return () => {
      alive = false;
    };
  }, [mod, when, state.module]);
  return state;
}
