/**
 * One function per message: the only writer of the database. Registered from an object that
 * satisfies the contract, so a message without a handler does not compile.
 */
import { browser } from 'wxt/browser';
import { restoreBackup } from '@/lib/backup';
import { getDb } from '@/lib/db';
import { mergeOrder, recomputeCustomer } from '@/lib/db/aggregate';
import { deepEqual } from '@/lib/deep-equal';
import { ingestOrders } from '@/lib/db/ingest';
import { mergeCustomers, splitCustomer } from '@/lib/db/joins';
import { previewRows, summarizeRows } from '@/lib/db/row-summaries';
import { answerRows } from '@/lib/row-answer';
import { clearStatsCache, getShopStats } from '@/lib/db/shop-stats';
import { deleteShop, logContact, markCareDone, recordHealth, updateMeta } from '@/lib/db/writes';
import { batchOrders, type Handlers } from '@/lib/messaging';
import { takeStaged } from '@/lib/importers/staging';
import { loadAssistant } from './inject';
import { search } from './search';
import { grantedWooPatterns } from './woo';
import { TabGate } from '@/lib/sender-gate';
import {
  forgetEverywhere,
  orderKeysOf,
  queue,
  queueAll,
  queueOrders,
  recordMetaEdit,
} from '@/lib/sync/local';
import { noteLocal, syncDevice, syncStore } from './sync';
import { syncHandlers, withClaims } from './sync-handlers';
import { PLATFORMS, shopKey, type Platform } from '@/lib/schemas';
import { REVISION_KEY, loadSettings as readStoredSettings } from '@/lib/browser/settings-store';
import type { Settings } from '@/lib/settings';

let settingsCache: Settings | undefined;

/** Which tab may send what (lib/sender-gate); the background's index forgets closed tabs. */
export const tabs = new TabGate();

/** The WooCommerce origins the seller added and granted (the only Woo pages we listen to). */
async function wooOrigins(settings: Settings): Promise<string[]> {
  if (settings.wooShops.length === 0) return [];
  try {
    return (await grantedWooPatterns(settings)).map((p) => p.replace(/\/\*$/, ''));
  } catch {
    return [];
  }
}

/** Current settings (cached; the cache is dropped when storage changes). */
export async function loadSettings(): Promise<Settings> {
  settingsCache ??= await readStoredSettings();
  return settingsCache;
}

export function forgetSettings(): void {
  settingsCache = undefined;
  clearStatsCache();
}

/**
 * Keeping history paused (settings.historyPaused): every message that would add to or change the
 * kept history is refused. Deleting (forget a buyer, delete a shop) still works: it only removes.
 */
async function refuseWhilePaused(what: string): Promise<void> {
  if ((await loadSettings()).historyPaused)
    throw new Error(`${what} refused: keeping history is paused (options or the welcome page)`);
}

/** Tells open overlays that something they show changed. */
async function bumpRevision(): Promise<void> {
  await browser.storage.local.set({ [REVISION_KEY]: Date.now() });
}

export const handlers = {
  loadAssistant,
  search,
  // Read afresh, not from the cache: an overlay asks on storage's change event, which may reach
  // it before the one that drops this context's cache.
  getSettings: () => readStoredSettings(),

  async lookup(input, sender) {
    // Badges before writes: answered from what is stored, the page's orders applied in memory.
    const settings = await loadSettings();
    const refused = tabs.check(
      sender.tabId ?? -1,
      { url: sender.url, wooOrigins: await wooOrigins(settings) },
      input.platform,
      input.shopId,
    );
    if (refused) throw new Error(`lookup refused: ${refused}`);
    const { summaries, unknown } = await previewRows(getDb(), input, settings, Date.now());
    const overlayEnabled =
      settings.shops[shopKey(input.platform, input.shopId)]?.overlayEnabled ?? true;
    return { ...answerRows(await withClaims(summaries), input.rows), overlayEnabled, unknown };
  },

  async sync(input, sender) {
    const db = getDb();
    const now = Date.now();
    const settings = await loadSettings();
    // Bound to the sending tab: its URL says the platform, its first sync the shop.
    const tabId = sender.tabId ?? -1;
    const refused = tabs.check(
      tabId,
      { url: sender.url, wooOrigins: await wooOrigins(settings) },
      input.platform,
      input.shopId,
    );
    if (refused) throw new Error(`sync refused: ${refused}`);
    if (settings.historyPaused) {
      // Paused: the rows get what is already kept, and nothing is stored (not even page health
      // or rebuilt statistics); no row is asked for again, so the page sends no orders.
      const { summaries } = await summarizeRows(db, input, settings, now, true);
      tabs.summarized(tabId, summaries);
      const overlayEnabled =
        settings.shops[shopKey(input.platform, input.shopId)]?.overlayEnabled ?? true;
      return {
        ...answerRows(summaries, input.rows),
        rejected: [],
        overlayEnabled,
        unknown: [],
        paused: true,
      };
    }
    // Orders of another platform or shop are the page's doing, never ours: refused one by one.
    const own: unknown[] = [];
    const ownIndex: number[] = [];
    const rejected: { index: number; orderId?: string; reason: string }[] = [];
    input.orders.forEach((o, index) => {
      const r = (o ?? {}) as { platform?: unknown; shopId?: unknown; orderId?: unknown };
      if (r.platform === input.platform && r.shopId === input.shopId) {
        own.push(o);
        ownIndex.push(index);
      } else
        rejected.push({
          index,
          orderId: typeof r.orderId === 'string' ? r.orderId.slice(0, 64) : undefined,
          reason: 'order of another shop than this tab',
        });
    });
    const allowed = tabs.spend(tabId, own.length, now);
    for (let i = allowed; i < own.length; i++)
      rejected.push({ index: ownIndex[i]!, reason: 'this tab sent too many orders this minute' });
    const ingest = await ingestOrders(db, own.slice(0, allowed), now);
    if (ingest.written > 0)
      await noteLocal((s) => queueOrders(s, orderKeysOf(own.slice(0, allowed)), now));
    for (const r of ingest.rejected) rejected.push({ ...r, index: ownIndex[r.index]! });
    const notices = [
      allowed < own.length
        ? `${own.length - allowed} orders not stored: over ${tabs.ordersPerMinute} a minute from one tab`
        : undefined,
      ingest.refused.length > 0
        ? `${ingest.refused.length} orders refused: the page named another buyer for a stored order`
        : undefined,
    ].filter((x): x is string => !!x);
    if (input.health) await recordHealth(db, input.platform, input.shopId, input.health);
    if (notices.length)
      await recordHealth(db, input.platform, input.shopId, {
        adapter: input.adapter,
        ok: false,
        recognised: 0,
        problem: notices.join('; ').slice(0, 300),
        at: now,
      });
    const { summaries, unknown } = await summarizeRows(db, input, settings, now);
    tabs.summarized(tabId, summaries);
    const overlayEnabled =
      settings.shops[shopKey(input.platform, input.shopId)]?.overlayEnabled ?? true;
    rejected.sort((a, b) => a.index - b.index);
    return {
      ...answerRows(await withClaims(summaries), input.rows),
      rejected,
      overlayEnabled,
      unknown,
    };
  },

  async logContact(input, sender) {
    await refuseWhilePaused('logContact');
    // From a tab, only a customer (and order) the background described to that tab.
    if (sender.tabId !== undefined && !tabs.mayLog(sender.tabId, input.customerKey, input.orderKey))
      throw new Error('logContact refused: not a customer shown in this tab');
    const settings = await loadSettings();
    const entry = await logContact(getDb(), {
      ...input,
      at: Date.now(),
      staff: settings.staffName,
      device: await syncDevice(),
    });
    await noteLocal((s) => queue(s, 'contact', entry.id, entry.at));
    await bumpRevision();
    return { entry };
  },

  async updateMeta(input) {
    await refuseWhilePaused('updateMeta');
    const { customerKey, ...patch } = input;
    const meta = await updateMeta(getDb(), customerKey, patch, Date.now());
    await noteLocal((s) => recordMetaEdit(s, customerKey, patch, meta.updatedAt));
    await bumpRevision();
    return { meta };
  },

  async importBatch(input) {
    await refuseWhilePaused('importBatch');
    const orders = 'staged' in input ? batchOrders(await takeStaged(input.staged)) : input.orders;
    const r = await ingestOrders(getDb(), orders, Date.now());
    // Sync's queue and the overlays' revision do not wait on each other.
    if (r.written > 0)
      await Promise.all([
        noteLocal((s) => queueOrders(s, orderKeysOf(orders), Date.now())),
        bumpRevision(),
      ]);
    return { written: r.written, unchanged: r.unchanged, rejected: r.rejected };
  },

  async markCareDone(input) {
    await refuseWhilePaused('markCareDone');
    await markCareDone(getDb(), input.id, input.customerKey, Date.now());
    return { ok: true as const };
  },

  async forgetBuyer(input) {
    // Leaves a tombstone for the team's other desks (sent when sync is on).
    const r = await forgetEverywhere(getDb(), syncStore(), input.customerKey, Date.now());
    await noteLocal(() => Promise.resolve());
    await bumpRevision();
    return r;
  },

  async mergeCustomers(input) {
    await refuseWhilePaused('mergeCustomers');
    const r = await mergeCustomers(getDb(), input.from, input.into, Date.now());
    clearStatsCache();
    await bumpRevision();
    return { joined: r !== undefined };
  },

  async splitCustomer(input) {
    await refuseWhilePaused('splitCustomer');
    const r = await splitCustomer(getDb(), input.customerKey);
    clearStatsCache();
    await bumpRevision();
    return r ?? { into: null, orders: 0 as const };
  },

  async deleteShop(input) {
    const [platform, ...rest] = input.shopKey.split(':');
    if (!PLATFORMS.includes(platform as Platform)) throw new Error(`unknown shop ${input.shopKey}`);
    const r = await deleteShop(getDb(), platform as Platform, rest.join(':'));
    clearStatsCache();
    await bumpRevision();
    return r;
  },

  async refreshStats(input) {
    const settings = await loadSettings();
    const db = getDb();
    // Paused, nothing is stored, rebuilt statistics included; a shop we do not keep has none.
    if (!settings.historyPaused && (await db.shops.get(input.shopKey)))
      await getShopStats(db, input.shopKey, settings, Date.now());
    return { ok: true as const };
  },

  async restore(input) {
    await refuseWhilePaused('restore');
    const { written } = await restoreBackup(getDb(), input.backup, {
      mergeOrder,
      recomputeCustomer,
      deepEqual,
    });
    clearStatsCache();
    await noteLocal((s) => queueAll(getDb(), s, Date.now()).then(() => undefined));
    await bumpRevision();
    return { tables: written };
  },

  ...syncHandlers,
} satisfies Handlers;
