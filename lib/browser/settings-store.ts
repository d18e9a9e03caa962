/** Settings in storage.local: read, write, watch. Every context uses these three. */
import { browser } from 'wxt/browser';
import { DEFAULT_SETTINGS, parseSettings, Settings, SETTINGS_KEY } from '../settings';

// The revision key and watcher are zod-free (the content script uses them): defined there.
export { REVISION_KEY, watchRevision } from './settings-watch';

export async function loadSettings(): Promise<Settings> {
  const raw = await browser.storage.local.get(SETTINGS_KEY);
  return parseSettings(raw[SETTINGS_KEY]);
}

/** Validates and saves; a zod error is thrown to the caller (the options form shows it). */
export async function saveSettings(next: Settings): Promise<Settings> {
  const valid = Settings.parse(next);
  await browser.storage.local.set({ [SETTINGS_KEY]: valid });
  return valid;
}

/** Back to the defaults, except the pause switch: a reset never resumes keeping history. */
export async function resetSettings(): Promise<Settings> {
  const next = { ...DEFAULT_SETTINGS, historyPaused: (await loadSettings()).historyPaused };
  await browser.storage.local.set({ [SETTINGS_KEY]: next });
  return next;
}

/** Calls back with fresh settings whenever they change; returns the unsubscribe function. */
export function watchSettings(cb: (s: Settings) => void): () => void {
  const listener = (changes: Record<string, { newValue?: unknown }>, area: string) => {
    if (area === 'local' && changes[SETTINGS_KEY])
      cb(parseSettings(changes[SETTINGS_KEY].newValue));
  };
  browser.storage.onChanged.addListener(listener);
  return () => browser.storage.onChanged.removeListener(listener);
}
