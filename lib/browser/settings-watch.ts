/**
 * Settings for the content script: asked of the background, which parses storage with the zod
 * schema (the `getSettings` message), and asked again whenever storage says they changed. The
 * order script so carries neither the schema nor a validator of its own. Other contexts use
 * lib/browser/settings-store.ts, which reads storage itself and also writes.
 */
import { browser } from 'wxt/browser';
import { SETTINGS_KEY } from '../settings-key';
import type { Settings } from '../settings';
import { send } from './rpc';

/** Storage key the background bumps after writes an open overlay should show. */
export const REVISION_KEY = 'kezhi:rev';

/** The current settings, from the background; rejects with its error when it cannot answer. */
export async function loadSettings(): Promise<Settings> {
  const reply = await send('getSettings', {});
  if (!reply.ok) throw new Error(reply.error);
  return reply.value;
}

/**
 * Calls back with fresh settings whenever they change; returns the unsubscribe function. Of
 * answers to changes in quick succession only the last ask's counts (they may come back out of
 * order); an ask the background cannot answer keeps the settings the overlay has.
 */
export function watchSettings(cb: (s: Settings) => void): () => void {
  let asked = 0;
  const listener = (changes: Record<string, unknown>, area: string) => {
    if (area !== 'local' || !(SETTINGS_KEY in changes)) return;
    const ask = ++asked;
    loadSettings().then(
      (s) => {
        if (ask === asked) cb(s);
      },
      () => undefined,
    );
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
