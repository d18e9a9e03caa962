import { existsSync } from 'node:fs';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { ASSISTANT_FILE, injectOnRoute, loadAssistant } from '../../entrypoints/background/inject';
import { DEFAULT_TEMPLATES } from '../../lib/reminders';
import { ORDER_SCRIPT_SLOT } from '../../entrypoints/orders.content/spa-routes';

/** Runs `fn` with `tab`'s names on globalThis, as the probe runs in the tab's world. */
function withGlobal<T>(tab: Record<string, unknown>, fn: () => T): T {
  const g = globalThis as Record<string, unknown>;
  const added = Object.keys(tab).filter((k) => !(k in g));
  Object.assign(g, tab);
  try {
    return fn();
  } finally {
    for (const k of added) delete g[k];
  }
}

afterEach(() => {
  vi.restoreAllMocks();
});

describe('loadAssistant (background)', () => {
  test("injects the assistant script into the sender's tab, top frame, at once", async () => {
    const executeScript = vi
      .spyOn(fakeBrowser.scripting, 'executeScript')
      .mockResolvedValue([] as never);
    const answer = await loadAssistant({}, { tabId: 7, url: 'https://trade.taobao.com/x' });
    expect(answer.injected).toBe(true);
    expect(executeScript).toHaveBeenCalledWith({
      target: { tabId: 7 },
      files: [ASSISTANT_FILE],
      injectImmediately: true,
    });
  });

  test('the answer carries every built-in payment reminder, and nothing else', async () => {
    vi.spyOn(fakeBrowser.scripting, 'executeScript').mockResolvedValue([] as never);
    const { templates } = await loadAssistant({}, { tabId: 7 });
    for (const lang of ['zh_CN', 'en'] as const) {
      // 3 groups × 4 channels × 3 tones (domain.md's ladder), each as the options page shows it.
      const ids = Object.keys(templates[lang]);
      expect(ids).toHaveLength(36);
      for (const id of ids) {
        expect(id).toMatch(
          /^remind\.(new|returning|large)\.(chat|sms|email|phone)\.(polite|brief|warm)$/,
        );
        expect(templates[lang][id]).toBe(DEFAULT_TEMPLATES[lang][id]);
      }
    }
  });

  test('a sender without a tab gets an error, nothing is injected', async () => {
    const executeScript = vi.spyOn(fakeBrowser.scripting, 'executeScript');
    await expect(loadAssistant({}, {})).rejects.toThrow('needs a tab');
    expect(executeScript).not.toHaveBeenCalled();
  });

  test('the file is what the unlisted entrypoint entrypoints/overlay-assistant builds to', () => {
    expect(ASSISTANT_FILE).toBe('/overlay-assistant.js');
    expect(
      existsSync(new URL('../../entrypoints/overlay-assistant/index.ts', import.meta.url)),
    ).toBe(true);
  });
});

describe('injectOnRoute (background)', () => {
  const SOLD = 'https://myseller.taobao.com/home.htm/trade-platform/tp/sold?tabCode=waitBuyerPay';

  /**
   * executeScript running the probe against a tab global holding an order script when `running`,
   * recording every call.
   */
  function fakeTab(running: boolean) {
    const calls: unknown[] = [];
    const tab: Record<string, unknown> = {};
    if (running) tab[ORDER_SCRIPT_SLOT] = true;
    const answer = (injection: { func?: (...a: unknown[]) => unknown; args?: unknown[] }) => {
      calls.push(injection);
      const result = injection.func
        ? withGlobal(tab, () => injection.func!(...(injection.args ?? [])))
        : undefined;
      return Promise.resolve([{ frameId: 0, result }]);
    };
    // The fake's executeScript is typed as the callback form; ours is the promise form.
    // eslint-disable-next-line @typescript-eslint/no-misused-promises
    vi.spyOn(fakeBrowser.scripting, 'executeScript').mockImplementation(answer);
    return calls;
  }

  test('a loaded 千牛 tab routed to the sold list gets the lean order script, once', async () => {
    const calls = fakeTab(false);
    const [a, b] = await Promise.all([
      injectOnRoute(3, { url: SOLD, status: 'complete' }),
      injectOnRoute(3, { url: SOLD, status: 'complete' }),
    ]);
    expect([a, b].filter(Boolean)).toHaveLength(1);
    expect(calls.at(-1)).toEqual({
      target: { tabId: 3 },
      files: ['/qianniu-routed.js'],
      injectImmediately: true,
    });
    expect(calls.filter((c) => 'files' in (c as object))).toHaveLength(1);
  });

  test('nothing when the script already runs there, the page still loads, or the route is another', async () => {
    const calls = fakeTab(true);
    expect(await injectOnRoute(3, { url: SOLD, status: 'complete' })).toBe(false);
    expect(calls).toHaveLength(1); // the probe alone
    expect(await injectOnRoute(3, { url: SOLD, status: 'loading' })).toBe(false);
    const other = 'https://myseller.taobao.com/home.htm/shop-manage/overview';
    expect(await injectOnRoute(3, { url: other, status: 'complete' })).toBe(false);
    expect(await injectOnRoute(3, { url: 'not a url', status: 'complete' })).toBe(false);
    expect(calls).toHaveLength(1);
  });

  test('the injected file is the lean sold-list script (entrypoints/qianniu-routed)', () => {
    expect(existsSync(new URL('../../entrypoints/qianniu-routed/index.ts', import.meta.url))).toBe(
      true,
    );
  });
});
