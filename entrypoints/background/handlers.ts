/**
 * One function per message: the only writer of the database. Registered from an object that
 * satisfies the contract, so a message without a handler does not compile.
 */
import { browser } from 'wxt/browser';
import { restoreBackup } from '@/lib/backup';
import { getDb } from '@/lib/db';
import { deepEqual, mergeOrder, recomputeCustomer } from '@/lib/db/aggregate';
import { ingestOrders } from '@/lib/db/ingest';
import { clearStatsCache, summarizeRows } from '@/lib/db/queries';
import {
  deleteShop,
  forgetBuyer,
  logContact,
  markCareDone,
  recordHealth,
  updateMeta,
} from '@/lib/db/writes';
import type { Handlers } from '@/lib/messaging';
import { loadDetail } from './inject';
import { PLATFORMS, shopKey, type Platform } from '@/lib/schemas';
import { REVISION_KEY } from '@/lib/browser/settings-store';
import { parseSettings, SETTINGS_KEY, type Settings } from '@/lib/settings';

let settingsCache: Settings | undefined;

/** Current settings (cached; the cache is dropped when storage changes). */
export async function loadSettings(): Promise<Settings> {
  if (settingsCache) return settingsCache;
  const raw = await browser.storage.local.get(SETTINGS_KEY);
  settingsCache = parseSettings(raw[SETTINGS_KEY]);
  return settingsCache;
}

export function forgetSettings(): void {
  settingsCache = undefined;
  clearStatsCache();
}

/** Tells open overlays that something they show changed. */
async function bumpRevision(): Promise<void> {
  await browser.storage.local.set({ [REVISION_KEY]: Date.now() });
}

export const handlers = {
  loadDetail,

  async sync(input) {
    const db = getDb();
    const now = Date.now();
    const settings = await loadSettings();
    const ingest = await ingestOrders(db, input.orders, now);
    if (input.health) await recordHealth(db, input.platform, input.shopId, input.health);
    const { summaries, unknown } = await summarizeRows(db, input, settings, now);
    const overlayEnabled =
      settings.shops[shopKey(input.platform, input.shopId)]?.overlayEnabled ?? true;
    return { summaries, rejected: ingest.rejected, overlayEnabled, unknown };
  },

  async logContact(input) {
    const settings = await loadSettings();
    const entry = await logContact(getDb(), {
      ...input,
      at: Date.now(),
      staff: settings.staffName,
    });
    await bumpRevision();
    return { entry };
  },

  async updateMeta(input) {
    const { customerKey, ...patch } = input;
    const meta = await updateMeta(getDb(), customerKey, patch, Date.now());
    await bumpRevision();
    return { meta };
  },

  async importBatch(input) {
    const r = await ingestOrders(getDb(), input.orders, Date.now());
    if (r.written > 0) await bumpRevision();
    return { written: r.written, unchanged: r.unchanged, rejected: r.rejected };
  },

  async markCareDone(input) {
    await markCareDone(getDb(), input.id, input.customerKey, Date.now());
    return { ok: true as const };
  },

  async forgetBuyer(input) {
    const r = await forgetBuyer(getDb(), input.customerKey);
    await bumpRevision();
    return r;
  },

  async deleteShop(input) {
    const [platform, ...rest] = input.shopKey.split(':');
    if (!PLATFORMS.includes(platform as Platform)) throw new Error(`unknown shop ${input.shopKey}`);
    const r = await deleteShop(getDb(), platform as Platform, rest.join(':'));
    clearStatsCache();
    await bumpRevision();
    return r;
  },

  async restore(input) {
    const { written } = await restoreBackup(getDb(), input.backup, {
      mergeOrder,
      recomputeCustomer,
      deepEqual,
    });
    clearStatsCache();
    await bumpRevision();
    return { tables: written };
  },
} satisfies Handlers;
