// @vitest-environment jsdom
// The order script reads a server-sent list the moment the parser finishes (readyState turns
// 'interactive'), not at DOMContentLoaded, which the browser queues behind the page's first layout.
import { fakeBrowser } from 'wxt/testing/fake-browser';
import type { ContentScriptContext } from 'wxt/utils/content-script-context';
import { runOrderPage } from '../../entrypoints/orders.content/run';
import { isEnvelope } from '../../lib/request';
import { DEFAULT_SETTINGS } from '../../lib/settings';
import { makeRow } from '../support/component-fixtures';
import { rowAdapter } from '../support/row-adapter';

const adapter = rowAdapter();

/** What the script asked to run when its context goes (its page controller's stop among them). */
const cleanups: (() => void)[] = [];
const ctx = {
  isInvalid: false,
  addEventListener: (target: EventTarget, type: string, fn: EventListener) =>
    target.addEventListener(type, fn),
  setInterval: () => 0,
  setTimeout: (fn: () => void, ms: number) => setTimeout(fn, ms),
  onInvalidated: (fn: () => void) => cleanups.push(fn),
} as unknown as ContentScriptContext;

/** Records the messages the script sends; answers settings, and nothing else. */
function background() {
  const names: string[] = [];
  // eslint-disable-next-line @typescript-eslint/no-misused-promises
  vi.spyOn(fakeBrowser.runtime, 'sendMessage').mockImplementation((m: unknown) => {
    if (!isEnvelope(m)) return Promise.resolve(undefined);
    names.push(m.name);
    if (m.name === 'getSettings') return Promise.resolve({ ok: true, value: DEFAULT_SETTINGS });
    return new Promise(() => undefined); // the rows' question stays open: not under test
  });
  return names;
}

let state: DocumentReadyState = 'loading';
beforeEach(() => {
  state = 'loading';
  Object.defineProperty(document, 'readyState', { configurable: true, get: () => state });
  document.body.innerHTML = '';
});
afterEach(() => {
  for (const fn of cleanups.splice(0)) fn();
  delete (document as { readyState?: unknown }).readyState; // back to jsdom's own
  vi.restoreAllMocks();
});

/** The parser appends the rows and finishes: readyState turns 'interactive'. */
function finishParsing() {
  document.body.innerHTML = Array.from(
    { length: 3 },
    (_, i) =>
      `<div class="order" data-id="4000000000000000${i}"><span class="buyer">b${i}</span></div>`,
  ).join('');
  state = 'interactive';
  document.dispatchEvent(new Event('readystatechange'));
}

const askedAboutRows = (names: string[]) => names.some((n) => n === 'lookup' || n === 'sync');

test('the rows are asked about when the parser finishes, before DOMContentLoaded', async () => {
  const names = background();
  let contentLoaded = false;
  document.addEventListener('DOMContentLoaded', () => (contentLoaded = true), { once: true });
  void runOrderPage(ctx, [adapter], () => undefined);
  await vi.waitFor(() => expect(names).toContain('getSettings'));
  await new Promise((r) => setTimeout(r, 20));
  expect(askedAboutRows(names)).toBe(false); // still parsing: nothing read yet

  finishParsing();
  await vi.waitFor(() => expect(askedAboutRows(names)).toBe(true));
  expect(contentLoaded).toBe(false);
});

test('a script that starts after parsing reads the rows at once', async () => {
  const names = background();
  state = 'complete';
  document.body.innerHTML =
    '<div class="order" data-id="40000000000000009"><span class="buyer">b</span></div>';
  void runOrderPage(ctx, [adapter], () => undefined);
  await vi.waitFor(() => expect(askedAboutRows(names)).toBe(true));
});

describe('the settings come after the rows are read', () => {
  /** Answers sync with a summary per row; holds getSettings until the test answers it. */
  function slowSettings() {
    const names: string[] = [];
    let answer!: (reply: unknown) => void;
    // eslint-disable-next-line @typescript-eslint/no-misused-promises
    vi.spyOn(fakeBrowser.runtime, 'sendMessage').mockImplementation((m: unknown) => {
      if (!isEnvelope(m)) return Promise.resolve(undefined);
      names.push(m.name);
      if (m.name === 'getSettings') return new Promise((r) => (answer = r));
      if (m.name !== 'sync') return new Promise(() => undefined);
      const ids = (m.input as { rows: { orderId: string }[] }).rows.map((r) => r.orderId);
      const summaries = ids.map((orderId) => ({ ...makeRow({ who: 'champ' }), orderId }));
      return Promise.resolve({
        ok: true,
        value: { summaries, rejected: [], overlayEnabled: true, unknown: [] },
      });
    });
    return { names, settings: (reply: unknown) => answer(reply) };
  }
  const drawn = () => document.querySelectorAll('kezhi-overlay[data-kezhi-kind]').length;

  beforeEach(() => {
    vi.stubGlobal('matchMedia', () => ({ matches: false })); // jsdom has none
    state = 'complete';
    document.body.innerHTML = [1, 2]
      .map(
        (i) =>
          `<div class="order" data-id="4000000000000000${i}"><span class="buyer">b</span></div>`,
      )
      .join('');
  });
  afterEach(() => vi.unstubAllGlobals());

  test('the rows are asked about at once; their answer is drawn when the settings come', async () => {
    const bg = slowSettings();
    void runOrderPage(ctx, [adapter], () => undefined);
    await vi.waitFor(() => expect(bg.names).toContain('sync'));
    await new Promise((r) => setTimeout(r, 30));
    expect(drawn()).toBe(0); // answered, but not drawn without the seller's settings
    bg.settings({ ok: true, value: DEFAULT_SETTINGS });
    await vi.waitFor(() => expect(drawn()).toBe(2));
  });

  test('settings that cannot be read: a notice and no overlay', async () => {
    const bg = slowSettings();
    void runOrderPage(ctx, [adapter], () => undefined);
    await vi.waitFor(() => expect(bg.names).toContain('sync'));
    bg.settings({ ok: false, error: 'the extension is updating' });
    await vi.waitFor(() => expect(document.querySelector('[data-kezhi-notice]')).not.toBeNull());
    await new Promise((r) => setTimeout(r, 30));
    expect(document.querySelectorAll('kezhi-overlay')).toHaveLength(0);
  });
});
