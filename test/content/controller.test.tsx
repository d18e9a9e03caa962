// @vitest-environment jsdom
import { fakeBrowser } from 'wxt/testing/fake-browser';
import type { ContentScriptContext } from 'wxt/utils/content-script-context';
import { ASSISTANT_SLOT } from '../../components/overlay/assistant-slot';
import { PageController } from '../../entrypoints/orders.content/controller';
import type { Adapter } from '../../lib/adapters/types';
import { isEnvelope } from '../../lib/request';
import { DEFAULT_SETTINGS } from '../../lib/settings';
import type { RowSummary } from '../../lib/summary';
import { makeRow } from '../support/component-fixtures';
import { rowAdapter } from '../support/row-adapter';

/** A page of `n` order rows, each with a buyer cell. */
function page(n: number) {
  document.body.innerHTML = Array.from(
    { length: n },
    (_, i) => `<div class="order" data-id="40000000000000${String(i).padStart(5, '0')}">
      <span class="buyer">buyer${i}</span><span class="amount">￥1</span></div>`,
  ).join('');
}

/** Reads the rows of page(). */
const adapter = rowAdapter();

const ctx = {
  addEventListener: () => undefined,
  setInterval: () => 0,
  setTimeout: (fn: () => void, ms: number) => setTimeout(fn, ms),
  onInvalidated: () => undefined,
} as unknown as ContentScriptContext;

/** A context whose listeners are real (the detail half waits for a touch). */
const fullCtx = {
  ...ctx,
  addEventListener: (
    target: EventTarget,
    type: string,
    fn: EventListener,
    options?: AddEventListenerOptions,
  ) => target.addEventListener(type, fn, options),
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

  /**
   * 40 rows, 30–34 in the window; the page draws a frame right after its rows are read (the first
   * frame asked for), before the answer comes. Later frames are drawn when the test says.
   */
  function drawnPage() {
    page(40);
    answerSync();
    vi.spyOn(document, 'visibilityState', 'get').mockReturnValue('visible');
    vi.stubGlobal('innerHeight', 900);
    document.querySelectorAll('.buyer').forEach((b, i) => {
      const top = (i - 30) * 180;
      b.getBoundingClientRect = () => ({ top, bottom: top + 20, height: 20 }) as DOMRect;
    });
    const frames: FrameRequestCallback[] = [];
    let asked = 0;
    vi.stubGlobal('requestAnimationFrame', (f: FrameRequestCallback) =>
      asked++ === 0 ? f(0) : frames.push(f),
    );
    return frames;
  }
  const ids = () => hosts().map((h) => h.getAttribute('data-kezhi-order')!.slice(-2));

  test('a slow mount: the rows in the window are in the first slice, drawn before the rest', async () => {
    const frames = drawnPage();
    // Every clock read is 3 ms later: the first slice's 20 ms run out after a few rows.
    let t = 0;
    vi.spyOn(performance, 'now').mockImplementation(() => (t += 3));
    const c = controller();
    c.start();
    await vi.waitFor(() => expect(frames.length).toBeGreaterThan(0));
    expect(ids()).toEqual(expect.arrayContaining(['30', '31', '32', '33', '34']));
    expect(ids().length).toBeLessThan(40);
    // Draw frames until every row is mounted.
    await vi.waitFor(() => {
      for (const f of frames.splice(0)) f(0);
      expect(hosts().filter((h) => h.hasAttribute('data-kezhi-kind'))).toHaveLength(40);
    });
  });

  test('a mount that fits the first slice is drawn whole, in one frame', async () => {
    drawnPage();
    vi.spyOn(performance, 'now').mockReturnValue(1000); // no time passes
    const c = controller();
    c.start();
    // No frame is drawn (none of the queued ones runs), yet every row is mounted.
    await settle(c, 40);
  });

  test('no frame lays out more than 50 new rows, however fast they mount', async () => {
    page(120);
    answerSync();
    vi.spyOn(document, 'visibilityState', 'get').mockReturnValue('visible');
    vi.spyOn(performance, 'now').mockReturnValue(1000); // no time passes
    const frames: FrameRequestCallback[] = [];
    vi.stubGlobal('requestAnimationFrame', (f: FrameRequestCallback) => frames.push(f));
    const c = controller();
    c.start();
    const mountedRows = () => hosts().length;
    await vi.waitFor(() => expect(mountedRows()).toBe(50));
    await new Promise((r) => setTimeout(r, 30));
    expect(mountedRows()).toBe(50); // waiting for that frame
    for (const f of frames.splice(0)) f(0);
    await vi.waitFor(() => expect(mountedRows()).toBe(100));
    await new Promise((r) => setTimeout(r, 30));
    expect(mountedRows()).toBe(100);
    for (const f of frames.splice(0)) f(0);
    await settle(c, 120);
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

describe('PageController: badges before writes', () => {
  /** page() with each row's order read too (what the background ingests). */
  const withOrders: Adapter = {
    ...adapter,
    readRows(root) {
      const r = adapter.readRows(root, { url: new URL('https://x'), now: 0, shopId: 'shop1' });
      if (!r.ok) return r;
      return {
        ...r,
        items: r.items.map((row) => ({
          ...row,
          order: {
            platform: 'taobao',
            shopId: 'shop1',
            orderId: row.orderId,
            buyerId: `nick:${row.orderId}`,
            buyerNick: row.orderId,
            identity: 'known',
            status: 'paid',
            createdAt: 0,
            amount: 100,
            items: [{ title: 't', quantity: 1 }],
            source: 'dom',
          },
        })),
      };
    },
  };
  const c2 = () => {
    const c = new PageController(fullCtx, withOrders, undefined, DEFAULT_SETTINGS);
    started.push(c);
    return c;
  };
  const summary = (orderId: string, who: 'champ' | undefined) => ({
    ...makeRow(who ? { who, status: 'paid' } : { status: 'paid' }),
    orderId,
  });

  /**
   * lookup answers every row as a champion at once; sync waits for `release` and answers the
   * first row as a new buyer (the ingest changed it) and the rest as lookup did.
   */
  function answerBoth(lookupOk = true) {
    const names: string[] = [];
    let release!: () => void;
    const released = new Promise<void>((r) => (release = r));
    const reply = async (m: unknown): Promise<unknown> => {
      if (!isEnvelope(m)) return undefined;
      names.push(m.name);
      const input = m.input as { rows: { orderId: string }[]; orders: unknown[] };
      const ids = input.rows.map((r) => r.orderId);
      if (m.name === 'lookup') {
        if (!lookupOk) return { ok: false, error: 'no lookup here' };
        return {
          ok: true,
          value: {
            summaries: ids.map((id) => summary(id, 'champ')),
            overlayEnabled: true,
            unknown: [],
          },
        };
      }
      if (m.name === 'loadAssistant') {
        // The injected script registers itself in the content script's world.
        Object.assign(globalThis, {
          [ASSISTANT_SLOT]: { chipTip: () => [], openPanel: () => () => undefined },
        });
        return { ok: true, value: { injected: true } };
      }
      if (m.name === 'sync') {
        expect(input.orders).toHaveLength(ids.length); // the page's orders go to the ingest
        await released;
        return {
          ok: true,
          value: {
            summaries: ids.map((id, i) => summary(id, i === 0 ? undefined : 'champ')),
            rejected: [],
            overlayEnabled: true,
            unknown: [],
          },
        };
      }
      return undefined;
    };
    // eslint-disable-next-line @typescript-eslint/no-misused-promises
    vi.spyOn(fakeBrowser.runtime, 'sendMessage').mockImplementation(reply);
    return { names, release };
  }

  test('paints the stored answer before the ingest answers, then repaints only the rows it changed', async () => {
    page(6);
    const { names, release } = answerBoth();
    const c = c2();
    c.start();
    await settle(c, 6);
    // Painted while the ingest is still on its way.
    expect(names).toEqual(['lookup', 'sync']);
    expect(hosts().map((h) => h.getAttribute('data-kezhi-tier'))).toEqual(Array(6).fill('svip'));
    const touched = new Set<Element>();
    const mo = new MutationObserver((rs) => rs.forEach((r) => touched.add(r.target as Element)));
    for (const h of hosts()) mo.observe(h, { attributes: true });
    release();
    await vi.waitFor(() => expect(hosts()[0]!.getAttribute('data-kezhi-tier')).not.toBe('svip'), {
      timeout: 10_000,
    });
    await new Promise((r) => setTimeout(r, 50));
    mo.disconnect();
    // The final badges are the ingest's answer; only the changed row was repainted.
    expect(hosts()[0]!.getAttribute('data-kezhi-kind')).toBe(summary('x', undefined).view.kind);
    expect([...touched]).toEqual([hosts()[0]]);
    expect(
      hosts()
        .slice(1)
        .map((h) => h.getAttribute('data-kezhi-tier')),
    ).toEqual(Array(5).fill('svip'));
    c.stop();
  });

  test('stopped while the ingest is on its way (the app routed away): its answer mounts nothing', async () => {
    page(3);
    const { release } = answerBoth();
    const c = c2();
    c.start();
    await settle(c, 3);
    c.stop();
    expect(hosts()).toHaveLength(0);
    release();
    await new Promise((r) => setTimeout(r, 50));
    expect(hosts()).toHaveLength(0);
  });

  test('without a lookup answer the sync’s answer paints, as before', async () => {
    page(3);
    const { names, release } = answerBoth(false);
    release();
    const c = c2();
    c.start();
    await settle(c, 3);
    expect(names.slice(0, 2)).toEqual(['lookup', 'sync']);
    expect(hosts()[0]!.getAttribute('data-kezhi-tier')).not.toBe('svip');
    expect(hosts()[1]!.getAttribute('data-kezhi-tier')).toBe('svip');
    c.stop();
  });

  test('the detail half loads on the first touch of an overlay, not before', async () => {
    page(2);
    const { names, release } = answerBoth();
    release();
    const c = c2();
    c.start();
    await settle(c, 2);
    await new Promise((r) => setTimeout(r, 50));
    expect(names).not.toContain('loadAssistant');
    document.body.dispatchEvent(new Event('pointerover', { bubbles: true }));
    expect(names).not.toContain('loadAssistant'); // not ours
    hosts()[1]!.dispatchEvent(new Event('pointerover', { bubbles: true }));
    await vi.waitFor(() => expect(names).toContain('loadAssistant'));
    hosts()[0]!.dispatchEvent(new Event('pointerover', { bubbles: true }));
    await new Promise((r) => setTimeout(r, 20));
    expect(names.filter((n) => n === 'loadAssistant')).toHaveLength(1);
    c.stop();
    delete (globalThis as Record<string, unknown>)[ASSISTANT_SLOT];
  });
});
