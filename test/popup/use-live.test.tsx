// @vitest-environment jsdom
import { cleanup, render, screen, waitFor } from '@testing-library/preact';
import type { JSX } from 'preact';
import { openDb } from '../../lib/db';
import { useLiveQuery, useTableRevision } from '../../lib/db/live';
import { buildCustomer, NOW } from '../support/make-customer';

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

function RevisionProbe(props: { db: ReturnType<typeof openDb>; enabled: boolean }): JSX.Element {
  return <p data-testid="rev">{useTableRevision(props.db, 'customers', props.enabled)}</p>;
}

const one = (key: string) => buildCustomer([{ at: NOW }], { key });

describe('useTableRevision', () => {
  it("moves once for a write to its table, not for other tables' writes or while disabled", async () => {
    const db = openDb(`revision-${Math.random()}`);
    await db.open(); // opening a new database announces every table as changed
    await new Promise((r) => setTimeout(r, 100));
    const rev = () => screen.getByTestId('rev').textContent;
    const { rerender } = render(<RevisionProbe db={db} enabled={true} />);
    await db.shops.put({ key: 'taobao:s', platform: 'taobao', shopId: 's' } as never);
    await new Promise((r) => setTimeout(r, 400));
    expect(rev()).toBe('0');
    await db.transaction('rw', db.customers, async () => {
      await db.customers.bulkPut([one('a'), one('b')]);
      await db.customers.put(one('c'));
    });
    await waitFor(() => expect(rev()).toBe('1'));
    await new Promise((r) => setTimeout(r, 400));
    expect(rev()).toBe('1');
    rerender(<RevisionProbe db={db} enabled={false} />);
    await db.customers.put(one('d'));
    await new Promise((r) => setTimeout(r, 400));
    expect(rev()).toBe('1');
    db.close();
  });
});
