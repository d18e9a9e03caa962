// @vitest-environment jsdom
import { takeBridge, type Bridge } from '../../entrypoints/orders.content/bridge';
import { BRIDGE_SLOT } from '../../entrypoints/orders.content/spa-routes';

describe('takeBridge', () => {
  test('takes the channel the route watcher opened at document_start, once', () => {
    const early = { onJson: () => undefined, dropped: () => 0, close: () => undefined } as Bridge;
    const slot: Record<string, unknown> = { [BRIDGE_SLOT]: early };
    expect(takeBridge([/x/], slot)).toBe(early);
    expect(BRIDGE_SLOT in slot).toBe(false);
  });

  test('without one, opens its own', () => {
    const opened = takeBridge([/x/], {});
    expect(typeof opened.onJson).toBe('function');
    opened.close();
  });
});
