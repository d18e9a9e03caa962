/** Settings in storage.local: read, write, watch. Every context uses these three. */
import { browser } from 'wxt/browser';
import { DEFAULT_SETTINGS, parseSettings, Settings, SETTINGS_KEY } from '../settings';
import { canonicalJson, isChecked, SETTINGS_CHECK_KEY, settingsCheckOf } from './settings-read';

// The revision key and watcher are zod-free (the content script uses them): defined there.
export { REVISION_KEY, watchRevision } from './settings-watch';

export async function loadSettings(): Promise<Settings> {
  const raw = await browser.storage.local.get(SETTINGS_KEY);
  return parseSettings(raw[SETTINGS_KEY]);
}

/**
 * Stores settings the schema accepted, with the note that it did (lib/browser/settings-read):
 * readers that see the note take the value without parsing it again.
 */
async function store(valid: Settings): Promise<void> {
  await browser.storage.local.set({
    [SETTINGS_KEY]: valid,
    [SETTINGS_CHECK_KEY]: settingsCheckOf(valid),
  });
}

/** Validates and saves; a zod error is thrown to the caller (the options form shows it). */
export async function saveSettings(next: Settings): Promise<Settings> {
  const valid = Settings.parse(next);
  await store(valid);
  return valid;
}

/** Back to the defaults, except the pause switch: a reset never resumes keeping history. */
export async function resetSettings(): Promise<Settings> {
  const next = Settings.parse({
    ...DEFAULT_SETTINGS,
    historyPaused: (await loadSettings()).historyPaused,
  });
  await store(next);
  return next;
}

/**
 * Notes that the stored settings need no parsing when the schema accepts them unchanged: the
 * background's start, so that settings an older version saved are parsed once here, not on
 * every popup open. Writes the note only (never the settings, which a page may be saving at
 * this moment: a note that no longer matches the value is simply not used).
 */
export async function checkStoredSettings(): Promise<void> {
  const got = await browser.storage.local.get([SETTINGS_KEY, SETTINGS_CHECK_KEY]);
  const raw: unknown = got[SETTINGS_KEY];
  if (raw === undefined || raw === null || isChecked(raw, got[SETTINGS_CHECK_KEY])) return;
  const note = settingsCheckOf(parseSettings(raw));
  if (note.json === canonicalJson(raw))
    await browser.storage.local.set({ [SETTINGS_CHECK_KEY]: note });
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
