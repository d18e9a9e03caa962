/**
 * getSettings: what the order script is given instead of reading storage. Parsed with the zod
 * schema (a wrong field falls back to its default, the rest is kept) and read afresh, never from
 * the background's cache, which a storage change may not have dropped yet.
 */
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { handlers, loadSettings } from '../../entrypoints/background/handlers';
import { DEFAULT_SETTINGS, SETTINGS_KEY } from '../../lib/settings';

afterEach(() => fakeBrowser.reset());

describe('getSettings', () => {
  test('a field storage holds wrong is its default; the others are the seller’s', async () => {
    await fakeBrowser.storage.local.set({
      [SETTINGS_KEY]: { ...DEFAULT_SETTINGS, language: 'en', recentDays: 'many' },
    });
    const got = await handlers.getSettings();
    expect(got.language).toBe('en');
    expect(got.recentDays).toBe(DEFAULT_SETTINGS.recentDays);
  });

  test('reads storage afresh: a change the cache has not seen yet is answered', async () => {
    await fakeBrowser.storage.local.set({ [SETTINGS_KEY]: { ...DEFAULT_SETTINGS } });
    expect((await loadSettings()).language).toBe(DEFAULT_SETTINGS.language); // cached now
    const other = DEFAULT_SETTINGS.language === 'en' ? 'zh_CN' : 'en';
    await fakeBrowser.storage.local.set({
      [SETTINGS_KEY]: { ...DEFAULT_SETTINGS, language: other },
    });
    expect((await handlers.getSettings()).language).toBe(other);
  });
});
