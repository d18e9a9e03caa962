// @vitest-environment jsdom
import { takeBridge, type Bridge } from '../../entrypoints/orders.content/bridge';
import { BRIDGE_SLOT } from '../../entrypoints/orders.content/spa-routes';

afterEach(() => {
  delete (document as { readyState?: unknown }).readyState; // back to jsdom's own
});

const loading = () =>
  Object.defineProperty(document, 'readyState', { configurable: true, value: 'loading' });

describe('takeBridge', () => {
  test('takes the channel the route watcher opened at document_start, once', () => {
    const early = { onJson: () => undefined, dropped: () => 0, close: () => undefined } as Bridge;
    const slot: Record<string, unknown> = { [BRIDGE_SLOT]: early };
    expect(takeBridge([/x/], slot)).toBe(early);
    expect(BRIDGE_SLOT in slot).toBe(false);
  });

  test('without one, opens its own while the document loads (before any page script)', () => {
    loading();
    const opened = takeBridge([/x/], {});
    expect(typeof opened?.onJson).toBe('function');
    opened?.close();
  });

  test('without one in a loaded page, opens none: page scripts would hear the hello', () => {
    const hellos: Event[] = [];
    const hear = (e: Event) => hellos.push(e);
    window.addEventListener('kezhi-capture-hello', hear);
    expect(document.readyState).not.toBe('loading');
    expect(takeBridge([/x/], {})).toBeUndefined();
    window.removeEventListener('kezhi-capture-hello', hear);
    expect(hellos).toEqual([]);
  });
});
