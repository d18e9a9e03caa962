// @vitest-environment jsdom
/**
 * A bad capture costs that capture, not the overlay (issue 13, part 3). Page script can make the
 * page fetch anything from an order endpoint; a body the adapter cannot read is reported in the
 * shop's health, and the overlays of the rows on screen (read from the DOM) stay.
 */
import { fakeBrowser } from 'wxt/testing/fake-browser';
import type { ContentScriptContext } from 'wxt/utils/content-script-context';
import type { Bridge, CapturedJson } from '../../entrypoints/orders.content/bridge';
import { PageController } from '../../entrypoints/orders.content/controller';
import { isEnvelope } from '../../lib/request';
import { DEFAULT_SETTINGS } from '../../lib/settings';
import type { RowSummary } from '../../lib/summary';
import { makeRow } from '../support/component-fixtures';
import { rowAdapter } from '../support/row-adapter';

const ENDPOINT = /^https:\/\/trade\.taobao\.com\/trade\/itemlist\/asyncSold\.htm/;
const adapter = rowAdapter({
  jsonEndpoints: [ENDPOINT],
  parseJson: () => ({ ok: false, problem: 'unrecognised body' }),
});
const ctx = {
  setInterval: () => 0,
  setTimeout: (fn: () => void, ms: number) => setTimeout(fn, ms),
  onInvalidated: () => undefined,
  addEventListener: (
    target: EventTarget,
    type: string,
    fn: EventListener,
    options?: AddEventListenerOptions,
  ) => target.addEventListener(type, fn, options),
} as unknown as ContentScriptContext;

describe('an unreadable capture', () => {
  beforeEach(() => vi.stubGlobal('matchMedia', () => ({ matches: false })));
  afterEach(() => {
    document.body.innerHTML = '';
    vi.unstubAllGlobals();
  });

  it('is reported, and the overlays stay', async () => {
    document.body.innerHTML = [1, 2, 3]
      .map(
        (i) =>
          `<div class="order" data-id="4000000000000000${i}"><span class="buyer">b${i}</span></div>`,
      )
      .join('');
    const health: unknown[] = [];
    // eslint-disable-next-line @typescript-eslint/no-misused-promises -- the promise form
    vi.spyOn(fakeBrowser.runtime, 'sendMessage').mockImplementation((m: unknown) => {
      if (!isEnvelope(m) || m.name !== 'sync') return Promise.resolve(undefined);
      const input = m.input as { rows: { orderId: string }[]; health?: { ok: boolean } };
      if (input.health && !input.health.ok) health.push(input.health);
      const summaries: RowSummary[] = input.rows.map((r) => ({
        ...makeRow({ who: 'champ', status: 'paid' }),
        orderId: r.orderId,
      }));
      return Promise.resolve({
        ok: true,
        value: { summaries, rejected: [], overlayEnabled: true, unknown: [] },
      });
    });
    let deliver: ((c: CapturedJson) => void) | undefined;
    const bridge: Bridge = { onJson: (cb) => (deliver = cb), dropped: () => 0, close: () => {} };
    const c = new PageController(ctx, adapter, bridge, DEFAULT_SETTINGS);
    c.start();
    const painted = () =>
      [...document.querySelectorAll('kezhi-overlay')].filter((h) =>
        h.hasAttribute('data-kezhi-kind'),
      ).length;
    await vi.waitFor(() => expect(painted()).toBe(3));
    deliver!({ url: 'https://trade.taobao.com/trade/itemlist/asyncSold.htm', body: { junk: 1 } });
    await vi.waitFor(() => expect(health).toHaveLength(1));
    expect(painted()).toBe(3);
    expect(document.querySelector('kezhi-notice')).toBeNull();
    c.stop();
  });
});
