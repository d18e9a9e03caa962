// @vitest-environment jsdom
/** Parts of a page whose code loads on first use (components/lazy.tsx). */
import { act, cleanup, render, screen, waitFor } from '@testing-library/preact';
import { lazyComponent, lazyModule, useLazyModule, type LazyModule } from '../../components/lazy';

afterEach(cleanup);

/** A load the test finishes by hand. */
function deferred<T>() {
  let resolve!: (v: T) => void;
  let reject!: (e: Error) => void;
  const promise = new Promise<T>((res, rej) => ((resolve = res), (reject = rej)));
  return { promise, resolve, reject };
}

const failed = (error: string, props: { name: string }) => (
  <p role="alert">
    {props.name}: {error}
  </p>
);

describe('lazyComponent', () => {
  it('shows the fallback, then the component with the same props, loading once', async () => {
    const load = deferred<(p: { name: string }) => preact.JSX.Element>();
    const loader = vi.fn(() => load.promise);
    const Card = lazyComponent(loader, { fallback: ({ name }) => <p>loading {name}</p>, failed });
    const { rerender } = render(<Card name="张三" />);
    expect(screen.getByText('loading 张三')).toBeTruthy();
    rerender(<Card name="李四" />);
    await act(() => load.resolve(({ name }) => <p>card of {name}</p>));
    await waitFor(() => expect(screen.getByText('card of 李四')).toBeTruthy());
    cleanup();
    render(<Card name="王五" />);
    expect(screen.getByText('card of 王五')).toBeTruthy(); // at once: already loaded
    expect(loader).toHaveBeenCalledTimes(1);
  });

  it('preload starts the load before any render', async () => {
    const loader = vi.fn(() => Promise.resolve((p: { name: string }) => <p>hi {p.name}</p>));
    const Card = lazyComponent(loader, { failed });
    await Card.preload();
    render(<Card name="x" />);
    expect(screen.getByText('hi x')).toBeTruthy();
    expect(loader).toHaveBeenCalledTimes(1);
  });

  it('says why when the code could not load, and a later mount asks again', async () => {
    let calls = 0;
    const Card = lazyComponent(
      () =>
        ++calls === 1
          ? Promise.reject(new Error('chunk missing'))
          : Promise.resolve((p: { name: string }) => <p>ok {p.name}</p>),
      { failed },
    );
    render(<Card name="a" />);
    await waitFor(() => expect(screen.getByRole('alert').textContent).toBe('a: chunk missing'));
    cleanup();
    render(<Card name="b" />);
    await waitFor(() => expect(screen.getByText('ok b')).toBeTruthy());
    expect(calls).toBe(2);
  });
});

describe('useLazyModule', () => {
  function Probe({ mod, when }: { mod: LazyModule<{ answer: number }>; when: boolean }) {
    const { module, error } = useLazyModule(mod, when);
    return <p>{error ?? (module ? `answer ${module.answer}` : 'waiting')}</p>;
  }

  it('asks for nothing until `when`, then gives the module', async () => {
    const loader = vi.fn(() => Promise.resolve({ answer: 42 }));
    const mod = lazyModule(loader);
    const { rerender } = render(<Probe mod={mod} when={false} />);
    await Promise.resolve();
    expect(loader).not.toHaveBeenCalled();
    expect(screen.getByText('waiting')).toBeTruthy();
    rerender(<Probe mod={mod} when />);
    await waitFor(() => expect(screen.getByText('answer 42')).toBeTruthy());
    expect(mod.loaded).toEqual({ answer: 42 });
  });

  it('reports a failed load', async () => {
    const mod = lazyModule<{ answer: number }>(() => Promise.reject(new Error('offline')));
    render(<Probe mod={mod} when />);
    await waitFor(() => expect(screen.getByText('offline')).toBeTruthy());
  });
});
