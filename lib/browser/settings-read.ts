/**
 * Settings read without the schema library, for the popup's first load. A stored value the
 * current schema already accepted unchanged (saveSettings and resetSettings say so beside it, as
 * does the background on start for a value written by an older version) is taken as it is;
 * any other value is parsed by the background (the getSettings message, as the order script
 * asks). Either way the answer is what parseSettings gives for the stored value.
 *
 * Not a dynamic import of lib/settings: the other pages import it statically, and a page's
 * dynamic import of a module the others share split every page's code into shared files.
 */
import { browser } from 'wxt/browser';
import type { Settings } from '../settings';
import { DEFAULT_SETTINGS, SETTINGS_SCHEMA_FINGERPRINT } from '../settings-defaults';
import { SETTINGS_KEY } from '../settings-key';
import { loadSettings as askBackground, watchReads } from './settings-watch';

/** Storage key of the note that the stored settings were checked (beside SETTINGS_KEY). */
export const SETTINGS_CHECK_KEY = 'kezhi:settings-checked';

/** What the note holds: the schema that checked the value, and the value as JSON. */
export interface SettingsCheck {
  schema: string;
  json: string;
}

/**
 * JSON with every object's keys sorted: Chrome's storage gives objects back with their keys in
 * its own order (sorted), not in the order they were saved.
 */
export function canonicalJson(value: unknown): string | undefined {
  return JSON.stringify(value, (_key, v: unknown) =>
    v !== null && typeof v === 'object' && !Array.isArray(v)
      ? Object.fromEntries(
          Object.entries(v as Record<string, unknown>).sort(([a], [b]) =>
            a < b ? -1 : a > b ? 1 : 0,
          ),
        )
      : v,
  );
}

/** The note for `valid`, a value the current schema accepts unchanged. */
export const settingsCheckOf = (valid: Settings): SettingsCheck => ({
  schema: SETTINGS_SCHEMA_FINGERPRINT,
  json: canonicalJson(valid) ?? '',
});

/** Whether `check` says the current schema accepted `raw` exactly as it is stored. */
export function isChecked(raw: unknown, check: unknown): boolean {
  if (typeof check !== 'object' || check === null) return false;
  const { schema, json } = check as Partial<SettingsCheck>;
  return (
    schema === SETTINGS_SCHEMA_FINGERPRINT &&
    typeof json === 'string' &&
    json === canonicalJson(raw)
  );
}

/**
 * The settings for a stored value and its note when they need no parsing (what parseSettings
 * gives for them); undefined when the value must be parsed.
 */
export function checkedSettings(raw: unknown, check: unknown): Settings | undefined {
  // parseSettings reads nothing stored as the defaults.
  if (raw === undefined || raw === null) return DEFAULT_SETTINGS;
  return isChecked(raw, check) ? (raw as Settings) : undefined;
}

/** The stored settings: as stored when checked, else as the background parses them. */
export async function readSettings(): Promise<Settings> {
  const got = await browser.storage.local.get([SETTINGS_KEY, SETTINGS_CHECK_KEY]);
  return checkedSettings(got[SETTINGS_KEY], got[SETTINGS_CHECK_KEY]) ?? askBackground();
}

/** Calls back with the settings whenever they (or their note) change; returns the unsubscribe. */
export const watchReadSettings = (cb: (s: Settings) => void): (() => void) =>
  watchReads([SETTINGS_KEY, SETTINGS_CHECK_KEY], readSettings, cb);
