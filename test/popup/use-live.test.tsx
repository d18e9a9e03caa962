// @vitest-environment jsdom
import { cleanup, render, screen, waitFor } from '@testing-library/preact';
import type { JSX } from 'preact';
import { openDb, type KezhiDb } from '../../lib/db';
import { useLiveQuery } from '../../lib/db/live';

afterEach(cleanup);

function Probe(props: {
  query: (signal: AbortSignal) => Promise<string>;
  dep: number;
  enabled: boolean;
}): JSX.Element {
  const live = useLiveQuery(props.query, [props.dep], { timing: 'now', enabled: props.enabled });
  return <p data-testid="out">{live.status === 'ok' ? live.value : live.status}</p>;
}

describe("useLiveQuery, timing 'now'", () => {
  it('reads nothing while disabled and keeps what it had', async () => {
    const query = vi.fn((_: AbortSignal) => Promise.resolve('rows'));
    const { rerender } = render(<Probe query={query} dep={1} enabled={false} />);
    await new Promise((r) => setTimeout(r, 50));
    expect(query).not.toHaveBeenCalled();
    expect(screen.getByTestId('out').textContent).toBe('loading');

    rerender(<Probe query={query} dep={1} enabled={true} />);
    await waitFor(() => expect(screen.getByTestId('out').textContent).toBe('rows'));
    rerender(<Probe query={query} dep={2} enabled={false} />);
    await new Promise((r) => setTimeout(r, 50));
    expect(query).toHaveBeenCalledTimes(1);
    expect(screen.getByTestId('out').textContent).toBe('rows');
  });

  it('aborts the running query when it is no longer wanted, and shows no error for it', async () => {
    const signals: AbortSignal[] = [];
    const query = (signal: AbortSignal) => {
      signals.push(signal);
      return new Promise<string>((_, reject) =>
        signal.addEventListener('abort', () => reject(new Error('stopped'))),
      );
    };
    const { rerender } = render(<Probe query={query} dep={1} enabled={true} />);
    await waitFor(() => expect(signals).toHaveLength(1));
    rerender(<Probe query={query} dep={1} enabled={false} />);
    expect(signals[0]!.aborted).toBe(true);
    await new Promise((r) => setTimeout(r, 50));
    expect(screen.getByTestId('out').textContent).toBe('loading');
  });
});

function Watching(props: {
  db: KezhiDb;
  query: (signal: AbortSignal) => Promise<string>;
}): JSX.Element {
  const live = useLiveQuery(props.query, [], {
    timing: 'now',
    watch: { db: props.db, tables: ['meta'] },
  });
  return <p data-testid="out">{live.status === 'ok' ? live.value : live.status}</p>;
}

describe('useLiveQuery watching tables', () => {
  let db: KezhiDb;
  beforeEach(async () => {
    db = openDb(`use-live-${Math.random()}`);
    await db.open();
  });
  afterEach(() => db.close());

  const note = (customerKey: string, text: string) =>
    db.meta.put({
      customerKey,
      tags: [],
      note: text,
      blacklisted: false,
      blacklistReason: '',
      updatedAt: 0,
    });

  it('reads at once, and again after a write to a watched table only', async () => {
    const query = vi.fn(async () => (await db.meta.toArray()).map((m) => m.note).join(','));
    render(<Watching db={db} query={query} />);
    // Started in the render's own task: no timer or frame before the reads are sent.
    expect(query).toHaveBeenCalledTimes(1);
    await waitFor(() => expect(screen.getByTestId('out').textContent).toBe(''));
    await note('k1', 'first');
    await waitFor(() => expect(screen.getByTestId('out').textContent).toBe('first'));
    const runs = query.mock.calls.length;
    await db.stats.put({ shopKey: 's', computedAt: 0, stats: {} });
    await new Promise((r) => setTimeout(r, 50));
    expect(query).toHaveBeenCalledTimes(runs);
  });

  it('never runs two queries at once: writes during a run bring one more run after it', async () => {
    let inFlight = 0;
    let most = 0;
    let release: () => void = () => {};
    const query = vi.fn(async () => {
      inFlight++;
      most = Math.max(most, inFlight);
      await new Promise<void>((r) => (release = r));
      inFlight--;
      return (await db.meta.toArray()).map((m) => m.note).join(',');
    });
    render(<Watching db={db} query={query} />);
    await note('k1', 'a');
    await note('k2', 'b');
    expect(query).toHaveBeenCalledTimes(1);
    release();
    await waitFor(() => expect(query).toHaveBeenCalledTimes(2));
    release();
    await waitFor(() => expect(screen.getByTestId('out').textContent).toBe('a,b'));
    expect(most).toBe(1);
    // Unmounted, it neither reads nor listens.
    cleanup();
    await note('k3', 'c');
    await new Promise((r) => setTimeout(r, 50));
    expect(query).toHaveBeenCalledTimes(2);
  });
});

describe('useLiveQuery with same', () => {
  let db: KezhiDb;
  beforeEach(async () => {
    db = openDb(`use-live-same-${Math.random()}`);
    await db.open();
  });
  afterEach(() => db.close());

  /** Renders the notes' keys; counts its renders. */
  function Keys(props: { renders: { n: number }; same?: (a: string[], b: string[]) => boolean }) {
    props.renders.n++;
    const live = useLiveQuery(async () => (await db.meta.toArray()).map((m) => m.customerKey), [], {
      timing: 'now',
      watch: { db, tables: ['meta'] },
      ...(props.same ? { same: props.same } : {}),
    });
    return <p data-testid="out">{live.status === 'ok' ? live.value.join(',') : live.status}</p>;
  }
  const put = (customerKey: string, note: string) =>
    db.meta.put({
      customerKey,
      tags: [],
      note,
      blacklisted: false,
      blacklistReason: '',
      updatedAt: 0,
    });
  const sameKeys = (a: string[], b: string[]) => a.join() === b.join();

  it('does not re-render for a result that shows the same, and does for one that does not', async () => {
    const renders = { n: 0 };
    render(<Keys renders={renders} same={sameKeys} />);
    await put('k1', 'a');
    await waitFor(() => expect(screen.getByTestId('out').textContent).toBe('k1'));
    const before = renders.n;
    for (const text of ['b', 'c', 'd']) await put('k1', text);
    await new Promise((r) => setTimeout(r, 80));
    expect(renders.n).toBe(before);
    await put('k2', 'e');
    await waitFor(() => expect(screen.getByTestId('out').textContent).toBe('k1,k2'));
    expect(renders.n).toBe(before + 1);
  });

  it('without it, every result re-renders (what the option saves)', async () => {
    const renders = { n: 0 };
    render(<Keys renders={renders} />);
    await put('k1', 'a');
    await waitFor(() => expect(screen.getByTestId('out').textContent).toBe('k1'));
    const before = renders.n;
    for (const text of ['b', 'c', 'd']) await put('k1', text);
    await waitFor(() => expect(renders.n).toBeGreaterThanOrEqual(before + 1));
  });
});
