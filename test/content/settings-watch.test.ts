import { fakeBrowser } from 'wxt/testing/fake-browser';
import { loadSettings, watchSettings } from '../../lib/browser/settings-watch';
import { DEFAULT_SETTINGS, SETTINGS_KEY, type Settings } from '../../lib/settings';

afterEach(() => {
  vi.restoreAllMocks();
  fakeBrowser.reset();
});

const withLanguage = (language: Settings['language']): Settings => ({
  ...DEFAULT_SETTINGS,
  language,
});

/** The background's answers to getSettings, released by the test in any order. */
function background() {
  const asks: { name: string; release: (s: Settings) => void; fail: () => void }[] = [];
  vi.spyOn(fakeBrowser.runtime, 'sendMessage').mockImplementation(
    ((m: { name: string }) =>
      new Promise((resolve) =>
        asks.push({
          name: m.name,
          release: (s) => resolve({ ok: true, value: s }),
          fail: () => resolve({ ok: false, error: 'no answer' }),
        }),
      )) as never,
  );
  return asks;
}

describe('content-script settings', () => {
  test('are asked of the background, and its error is thrown as it said it', async () => {
    const asks = background();
    const got = loadSettings();
    expect(asks.map((a) => a.name)).toEqual(['getSettings']);
    asks[0]!.release(withLanguage('en'));
    expect((await got).language).toBe('en');
    const failed = loadSettings();
    asks[1]!.fail();
    await expect(failed).rejects.toThrow('no answer');
  });

  test('a change in storage asks again; of two quick changes only the later answer counts', async () => {
    const asks = background();
    const seen: string[] = [];
    const stop = watchSettings((s) => seen.push(s.language));
    await fakeBrowser.storage.local.set({ other: 1 }); // not ours: no ask
    expect(asks).toHaveLength(0);
    await fakeBrowser.storage.local.set({ [SETTINGS_KEY]: { language: 'en' } });
    await fakeBrowser.storage.local.set({ [SETTINGS_KEY]: { language: 'zh_CN' } });
    expect(asks).toHaveLength(2);
    asks[1]!.release(withLanguage('zh_CN'));
    asks[0]!.release(withLanguage('en')); // late: dropped
    await new Promise((r) => setTimeout(r, 0));
    expect(seen).toEqual(['zh_CN']);
    // A failed ask keeps what the overlay has; a stopped watch asks nothing.
    await fakeBrowser.storage.local.set({ [SETTINGS_KEY]: { language: 'en' } });
    asks[2]!.fail();
    await new Promise((r) => setTimeout(r, 0));
    expect(seen).toEqual(['zh_CN']);
    stop();
    await fakeBrowser.storage.local.set({ [SETTINGS_KEY]: { language: 'en' } });
    expect(asks).toHaveLength(3);
  });
});
