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
 * Calls `read` whenever one of `keys` changes in storage.local, and back with its answer; returns
 * the unsubscribe function. Of reads in quick succession only the last one's answer counts (they
 * may come back out of order); a read that fails keeps what the caller has.
 */
export function watchReads<T>(
  keys: readonly string[],
  read: () => Promise<T>,
  cb: (value: T) => void,
): () => void {
  let asked = 0;
  const listener = (changes: Record<string, unknown>, area: string) => {
    if (area !== 'local' || !keys.some((k) => k in changes)) return;
    const ask = ++asked;
    read().then(
      (v) => {
        if (ask === asked) cb(v);
      },
      () => undefined,
    );
  };
  browser.storage.onChanged.addListener(listener);
  return () => browser.storage.onChanged.removeListener(listener);
}

/**
 * Calls back with fresh settings whenever they change (asked of the background); an ask the
 * background cannot answer keeps the settings the overlay has.
 */
export const watchSettings = (cb: (s: Settings) => void): (() => void) =>
  watchReads([SETTINGS_KEY], loadSettings, cb);

/** Calls back when the background reports a write the overlay should show. */
export function watchRevision(cb: () => void): () => void {
  const listener = (changes: Record<string, unknown>, area: string) => {
    if (area === 'local' && REVISION_KEY in changes) cb();
  };
  browser.storage.onChanged.addListener(listener);
  return () => browser.storage.onChanged.removeListener(listener);
}
