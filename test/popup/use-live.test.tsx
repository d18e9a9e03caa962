// @vitest-environment jsdom
import { cleanup, render, screen, waitFor } from '@testing-library/preact';
import type { JSX } from 'preact';
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
