// @vitest-environment jsdom
import { fakeBrowser } from 'wxt/testing/fake-browser';
import type { ContentScriptContext } from 'wxt/utils/content-script-context';
import { PageController } from '../../entrypoints/orders.content/controller';
import type { Adapter, PageRow } from '../../lib/adapters/types';
import { isEnvelope } from '../../lib/request';
import { DEFAULT_SETTINGS } from '../../lib/settings';
import type { RowSummary } from '../../lib/summary';
import { makeRow } from '../components/fixtures';

/** A page of `n` order rows, each with a buyer cell. */
function page(n: number) {
  document.body.innerHTML = Array.from(
    { length: n },
    (_, i) => `<div class="order" data-id="40000000000000${String(i).padStart(5, '0')}">
      <span class="buyer">buyer${i}</span><span class="amount">￥1</span></div>`,
  ).join('');
}

/** Reads the rows of page(); orders are left out (they would go to ingest, not under test). */
const adapter: Adapter = {
  id: 'test',
  platform: 'taobao',
  label: 'test',
  matches: () => true,
  isOrderPage: () => true,
  shopId: () => 'shop1',
  rowsHint: '.order',
  readRows(root) {
    const items: PageRow[] = [...root.querySelectorAll('.order')].map((row) => ({
      orderId: row.getAttribute('data-id')!,
      row,
      anchor: row.querySelector('.buyer')!,
    }));
    return { ok: true, items, skipped: [] };
  },
  jsonEndpoints: [],
};

const ctx = {
  setInterval: () => 0,
  setTimeout: (fn: () => void, ms: number) => setTimeout(fn, ms),
  onInvalidated: () => undefined,
} as unknown as ContentScriptContext;

/** The background's side of sync: a paid-order summary for every row asked about. */
function answerSync(over: { overlayEnabled?: boolean } = {}) {
  const asked: string[][] = [];
  const reply = (m: unknown): Promise<unknown> => {
    if (!isEnvelope(m) || m.name !== 'sync') return Promise.resolve(undefined);
    const ids = (m.input as { rows: { orderId: string }[] }).rows.map((r) => r.orderId);
    asked.push(ids);
    const summaries: RowSummary[] = ids.map((orderId) => ({
      ...makeRow({ who: 'champ', status: 'paid' }),
      orderId,
    }));
    return Promise.resolve({
      ok: true,
      value: { summaries, rejected: [], overlayEnabled: over.overlayEnabled ?? true, unknown: [] },
    });
  };
  // The fake's sendMessage is typed as the callback form; ours is the promise form.
  // eslint-disable-next-line @typescript-eslint/no-misused-promises
  vi.spyOn(fakeBrowser.runtime, 'sendMessage').mockImplementation(reply);
  return asked;
}

const hosts = () => [...document.querySelectorAll('kezhi-overlay')];

/**
 * The overlays' roots are closed (`host.shadowRoot` is null): record each one as the content
 * script creates it, as only the content script holds them.
 */
const roots = new WeakMap<Element, ShadowRoot>();
beforeEach(() => {
  const attach = Element.prototype.attachShadow;
  vi.spyOn(Element.prototype, 'attachShadow').mockImplementation(function (
    this: Element,
    init: ShadowRootInit,
  ) {
    const root = attach.call(this, init);
    roots.set(this, root);
    return root;
  });
});
afterEach(() => vi.restoreAllMocks());
const rootOf = (host: Element) => roots.get(host)!;

async function settle(controller: PageController, rows: number) {
  await vi.waitFor(
    () => expect(hosts().filter((h) => h.hasAttribute('data-kezhi-kind'))).toHaveLength(rows),
    { timeout: 10_000 },
  );
  return controller;
}

const started: PageController[] = [];
function controller() {
  const c = new PageController(ctx, adapter, undefined, DEFAULT_SETTINGS);
  started.push(c);
  return c;
}

beforeEach(() => {
  vi.stubGlobal('matchMedia', () => ({ matches: false })); // jsdom has none
});
afterEach(() => {
  for (const c of started.splice(0)) c.stop();
  document.body.innerHTML = '';
  vi.unstubAllGlobals();
});

describe('PageController: light overlays', () => {
  test('mounts one painted overlay per row, right after its buyer cell, all sharing one stylesheet', async () => {
    page(60);
    answerSync();
    const c = controller();
    c.start();
    await settle(c, 60);
    for (const row of document.querySelectorAll('.order')) {
      const host = row.querySelector('.buyer')!.nextElementSibling!;
      expect(host.localName).toBe('kezhi-overlay');
      expect(host.getAttribute('data-kezhi-order')).toBe(row.getAttribute('data-id'));
      expect(host.getAttribute('data-kezhi-tier')).toBe('svip');
      expect(host.shadowRoot).toBeNull();
      expect(rootOf(host).mode).toBe('closed');
      expect(rootOf(host).querySelector('[data-chip="tier"]')!.textContent).toBe('至尊VIP');
    }
    // Cards are not built for rows nobody hovers: the tooltip elements are empty.
    expect(rootOf(hosts()[0]!).querySelector('.kz-tip-line')).toBeNull();
    c.stop();
    expect(hosts()).toHaveLength(0);
  });

  test('a second scan while the first waits for the background mounts nothing twice', async () => {
    page(10);
    const asked = answerSync();
    const c = controller();
    c.start();
    // The page re-renders something right away: the observer asks for another scan.
    document.body.append(document.createElement('i'));
    await settle(c, 10);
    await new Promise((r) => setTimeout(r, 50));
    expect(hosts()).toHaveLength(10);
    expect(asked[0]).toHaveLength(10);
    c.stop();
  });

  test('a row the page replaces gets a fresh overlay, the old one goes', async () => {
    page(3);
    answerSync();
    const c = controller();
    c.start();
    await settle(c, 3);
    const first = document.querySelector('.order')!;
    const copy = first.cloneNode(false) as Element;
    copy.innerHTML = '<span class="buyer">buyer0</span>';
    first.replaceWith(copy);
    await vi.waitFor(
      () =>
        expect(copy.querySelector('.buyer')!.nextElementSibling?.localName).toBe('kezhi-overlay'),
      { timeout: 10_000 },
    );
    expect(hosts()).toHaveLength(3);
    c.stop();
  });

  test('the shop overlay switched off: nothing mounts', async () => {
    page(5);
    answerSync({ overlayEnabled: false });
    const c = controller();
    c.start();
    await new Promise((r) => setTimeout(r, 100));
    expect(hosts()).toHaveLength(0);
    c.stop();
  });
});
