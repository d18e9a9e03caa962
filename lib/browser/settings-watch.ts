/**
 * Settings in storage.local for the content script: read and watch without zod (see
 * lib/settings-read.ts). Other contexts use lib/browser/settings-store.ts, which validates with
 * the zod schema and also writes.
 */
import { browser } from 'wxt/browser';
import { SETTINGS_KEY } from '../settings-key';
import { readSettings } from '../settings-read';
import type { Settings } from '../settings';

/** Storage key the background bumps after writes an open overlay should show. */
export const REVISION_KEY = 'kezhi:rev';

export async function loadSettings(): Promise<Settings> {
  const raw = await browser.storage.local.get(SETTINGS_KEY);
  return readSettings(raw[SETTINGS_KEY]);
}

/** Calls back with fresh settings whenever they change; returns the unsubscribe function. */
export function watchSettings(cb: (s: Settings) => void): () => void {
  const listener = (changes: Record<string, { newValue?: unknown }>, area: string) => {
    if (area === 'local' && changes[SETTINGS_KEY]) cb(readSettings(changes[SETTINGS_KEY].newValue));
  };
  browser.storage.onChanged.addListener(listener);
  return () => browser.storage.onChanged.removeListener(listener);
}

/** Calls back when the background reports a write the overlay should show. */
export function watchRevision(cb: () => void): () => void {
  const listener = (changes: Record<string, unknown>, area: string) => {
    if (area === 'local' && REVISION_KEY in changes) cb();
  };
  browser.storage.onChanged.addListener(listener);
  return () => browser.storage.onChanged.removeListener(listener);
}
