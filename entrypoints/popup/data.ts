/**
 * The popup's reads. Pages read Dexie directly (inside liveQuery, so they re-run when the
 * background writes) and never write: statistics come from the background's `stats` cache, or
 * are computed in memory when it has none. Every read is an indexed lookup or range.
 */
import Dexie, { type ObservabilitySet } from 'dexie';
import { ALL_SHOPS, type ShopRowData } from '@/components/popup/ShopBar';
import { readShopStats as computeStatsFromDb } from '@/lib/db/queries';
import type { DueRowData } from '@/components/popup/DueList';
import type { ResultRowData } from '@/components/popup/SearchPanel';
import type { CardMeta } from '@/components/popup/CustomerCard';
import { describeMatch } from '@/components/popup/format';
import { pt } from '@/components/popup/text';
import { t } from '@/components/strings';
import { careCandidateRanges, collectDue, DUE_LIST_LIMIT, pickDueToday } from '@/lib/care';
import {
  computeShopStats,
  describeCustomer,
  ShopStats,
  TIER_LABELS,
  type CustomerView,
  type Lang,
} from '@/lib/customers';
import type { KezhiDb } from '@/lib/db';
import {
  checkBeforeContact,
  checkCompliance,
  formatOrderTime,
  momentTemplateId,
  renderTemplate,
  templateFor,
  type Warning,
} from '@/lib/reminders';
import {
  shopKey,
  type ContactEntry,
  type Customer,
  type Order,
  type Platform,
  type Shop,
} from '@/lib/schemas';
// Not the lib/search barrel: it loads pinyin-pro, which search.ts imports only when a query needs it.
import { searchCustomers } from '@/lib/search/search';
import type { Settings } from '@/lib/settings';

/** How many rows the search list and the recent list show. */
export const RESULT_LIMIT = 20;
export const RECENT_LIMIT = 10;

/** Display name of a shop: the seller's own name for it, else the name the pages gave. */
export function shopName(
  shops: ReadonlyMap<string, Shop>,
  settings: Settings,
  key: string,
): string {
  const own = settings.shops[key]?.name.trim();
  if (own) return own;
  return shops.get(key)?.name || key.slice(key.indexOf(':') + 1);
}

/** The shops for the bar, most recently seen first. */
export async function readShops(db: KezhiDb, settings: Settings): Promise<ShopRowData[]> {
  const shops = await db.shops.orderBy('lastSeenAt').reverse().toArray();
  const byKey = new Map(shops.map((s) => [s.key, s]));
  return shops.map((s) => ({
    key: s.key,
    platform: s.platform,
    name: shopName(byKey, settings, s.key),
    lastSeenAt: s.lastSeenAt,
    pagesRecognised: s.pagesRecognised,
    ...(s.health ? { health: s.health } : {}),
  }));
}

/** Statistics computed here when the background's cache had none: once per popup and shop. */
const computed = new Map<string, ShopStats>();

/**
 * The background's stored statistics as read (and parsed) by this popup, per database and shop
 * (null: no usable record). At 100,000 customers the record is over a megabyte: reading and
 * validating it on every keystroke cost more than the search itself. An entry lives until the
 * stats table changes (Dexie's storagemutated, which the background's writes reach through
 * Dexie's BroadcastChannel), so a rewritten record is read again.
 */
interface StoredStats {
  byShop: Map<string, ShopStats | null>;
  /** Bumped by every write to the stats table: a read that began before it is not cached. */
  generation: number;
}
const stored = new WeakMap<KezhiDb, StoredStats>();

function storedStatsOf(db: KezhiDb): StoredStats {
  const known = stored.get(db);
  if (known) return known;
  const cache: StoredStats = { byShop: new Map(), generation: 0 };
  const part = `idb://${db.name}/${db.stats.name}/`;
  Dexie.on('storagemutated', (parts: ObservabilitySet) => {
    if (!Object.keys(parts).some((k) => k.startsWith(part))) return;
    cache.generation++;
    cache.byShop.clear();
  });
  stored.set(db, cache);
  return cache;
}

/** The stored statistics record of a shop, parsed; read from the database once per change. */
async function storedStats(db: KezhiDb, key: string): Promise<ShopStats | null> {
  const cache = storedStatsOf(db);
  const hit = cache.byShop.get(key);
  if (hit !== undefined) {
    // A key-only read of the record, so that a liveQuery calling us still re-runs when the
    // background rewrites it (and then finds the cache cleared).
    await db.stats.where(':id').equals(key).primaryKeys();
    return hit;
  }
  const generation = cache.generation;
  const record = await db.stats.get(key);
  const parsed = ShopStats.safeParse(record?.stats);
  const stats = parsed.success ? parsed.data : null;
  // A write that landed meanwhile may not be in what we read: use it this once, keep nothing.
  if (cache.generation === generation) cache.byShop.set(key, stats);
  return stats;
}

/**
 * A shop's statistics without writing anything: the background's cached record when it parses
 * (and was counted with the current same-day setting), else computed in memory from the shop's
 * customers.
 */
export async function readShopStats(
  db: KezhiDb,
  platform: Platform,
  shopId: string,
  settings: Settings,
  now: number,
): Promise<ShopStats> {
  const key = shopKey(platform, shopId);
  const record = await storedStats(db, key);
  if (record && record.mergeSameDayPurchases === settings.mergeSameDayPurchases) return record;
  const memoKey = `${key}|${settings.mergeSameDayPurchases}`;
  const memo = computed.get(memoKey);
  if (memo) return memo;
  // The background's reader (index keys, no records) without its cache write: pages never write.
  const stats = await computeStatsFromDb(db, platform, shopId, settings, now);
  computed.set(memoKey, stats);
  return stats;
}

/** Forget statistics held in memory (tests; a popup lives too briefly to need it). */
export function clearComputedStats(): void {
  computed.clear();
  // Stored-record caches are per database object: a test's fresh database starts empty.
}

/** Statistics for every shop the customers belong to, read once per shop. */
async function statsByShop(
  db: KezhiDb,
  customers: readonly Customer[],
  settings: Settings,
  now: number,
): Promise<Map<string, ShopStats>> {
  const shops = new Map<string, Customer>();
  for (const c of customers) shops.set(shopKey(c.platform, c.shopId), c);
  const out = new Map<string, ShopStats>();
  await Promise.all(
    [...shops].map(async ([key, c]) =>
      out.set(key, await readShopStats(db, c.platform, c.shopId, settings, now)),
    ),
  );
  return out;
}

function describeNow(
  c: Customer,
  stats: ReadonlyMap<string, ShopStats>,
  settings: Settings,
  now: number,
): CustomerView {
  const s = stats.get(shopKey(c.platform, c.shopId)) ?? computeShopStats([], settings, now);
  return describeCustomer(c, { stats: s, settings, now });
}

async function toRows(
  db: KezhiDb,
  customers: readonly { customer: Customer; matched?: string }[],
  settings: Settings,
  now: number,
): Promise<ResultRowData[]> {
  const list = customers.map((x) => x.customer);
  const [stats, metas, shops] = await Promise.all([
    statsByShop(db, list, settings, now),
    db.meta.bulkGet(list.map((c) => c.key)),
    db.shops.toArray(),
  ]);
  const shopMap = new Map(shops.map((s) => [s.key, s]));
  return customers.map(({ customer: c, matched }, i) => {
    const view = describeNow(c, stats, settings, now);
    return {
      key: c.key,
      nick: c.nick,
      platform: c.platform,
      shopName: shopName(shopMap, settings, shopKey(c.platform, c.shopId)),
      identity: c.identity,
      tier: view.tier,
      segment: view.segment,
      kind: view.kind,
      lastOrderAt: c.lastOrderAt,
      blacklisted: metas[i]?.blacklisted ?? false,
      ...(matched === undefined ? {} : { matched }),
    };
  });
}

const inShop = (shop: string) => (c: Customer) =>
  shop === ALL_SHOPS || shopKey(c.platform, c.shopId) === shop;

/**
 * Search as you type: lib/search's indexed prefix lookups and ranking over every shop's
 * customers, then the shop filter. With a filter, more candidates are ranked so that other shops'
 * matches do not crowd the list out.
 */
export async function searchRows(
  db: KezhiDb,
  q: string,
  shop: string,
  settings: Settings,
  now: number,
): Promise<ResultRowData[]> {
  const lang = settings.language;
  const ranked = await searchCustomers<Customer>(
    db.customers,
    q,
    shop === ALL_SHOPS ? RESULT_LIMIT : RESULT_LIMIT * 10,
    // A 张s query imports pinyin-pro on the way: keep liveQuery tracking across that await.
    (p) => Dexie.waitFor(p),
  );
  const hits = ranked.filter((r) => inShop(shop)(r.customer)).slice(0, RESULT_LIMIT);
  return toRows(
    db,
    hits.map((r) => ({
      customer: r.customer,
      matched: describeMatch(r.customer, q, r.match, lang),
    })),
    settings,
    now,
  );
}

/** The customers who ordered most recently (the `lastOrderAt` index, newest first). */
export async function recentRows(
  db: KezhiDb,
  shop: string,
  settings: Settings,
  now: number,
): Promise<ResultRowData[]> {
  const customers = await db.customers
    .orderBy('lastOrderAt')
    .reverse()
    .filter(inShop(shop))
    .limit(RECENT_LIMIT)
    .toArray();
  return toRows(
    db,
    customers.map((customer) => ({ customer })),
    settings,
    now,
  );
}

/** Everything the card shows about one customer; null when there is no such customer. */
export interface CardData {
  customer: Customer;
  view: CustomerView;
  shopName: string;
  orders: Order[];
  contacts: ContactEntry[];
  meta: CardMeta;
  knownTags: string[];
}

/** One customer's card: the aggregate, orders and contacts by `customerKey`, meta, known tags. */
export async function loadCard(
  db: KezhiDb,
  key: string,
  settings: Settings,
  now: number,
): Promise<CardData | null> {
  const customer = await db.customers.get(key);
  if (!customer) return null;
  const [orders, contacts, meta, stats, shops, tagKeys] = await Promise.all([
    db.orders.where('customerKey').equals(key).toArray(),
    db.contacts.where('customerKey').equals(key).toArray(),
    db.meta.get(key),
    readShopStats(db, customer.platform, customer.shopId, settings, now),
    db.shops.toArray(),
    // The multiEntry *tags index: every tag in use, without reading a single record.
    db.meta.orderBy('tags').uniqueKeys(),
  ]);
  return {
    customer,
    view: describeCustomer(customer, { stats, settings, now }),
    shopName: shopName(
      new Map(shops.map((s) => [s.key, s])),
      settings,
      shopKey(customer.platform, customer.shopId),
    ),
    orders,
    contacts,
    meta: {
      tags: meta?.tags ?? [],
      note: meta?.note ?? '',
      blacklisted: meta?.blacklisted ?? false,
      blacklistReason: meta?.blacklistReason ?? '',
    },
    knownTags: tagKeys.filter((k): k is string => typeof k === 'string'),
  };
}

/** A due row plus what copying it needs. */
export interface DueRow extends DueRowData {
  templateId: string;
  purpose: 'care' | 'recall' | 'repurchase';
  orderKey?: string;
}

/** A contact warning in the seller's words. */
export function warningText(w: Warning, lang: Lang): string {
  switch (w.code) {
    case 'quiet-hours':
      return t(lang, 'warning.quiet-hours', { at: formatOrderTime(w.until, lang) });
    case 'too-soon': {
      const min = Math.floor(w.msAgo / 60_000);
      const ago =
        min < 1
          ? t(lang, 'time.ago.lessMin')
          : min < 60
            ? t(lang, 'time.ago.min', { n: min })
            : t(lang, 'time.ago.hour', { n: Math.floor(min / 60) });
      return t(lang, 'warning.too-soon', { ago, gap: Math.round(w.minGapMs / 60_000) });
    }
    case 'would-exceed-cap':
      return t(lang, 'warning.would-exceed-cap', { count: w.count, cap: w.cap });
  }
}

/**
 * Today's list (lib/care) for one shop or all: candidates from `lastOrderAt` range queries (not
 * the whole table), blacklisted buyers left out, their orders by `customerKey`, done marks by id;
 * then each message rendered from the seller's templates with the checks to make before sending.
 */
/** Customers read per care range at most (see loadDue). */
export const DUE_CANDIDATES = 2000;

export async function loadDue(
  db: KezhiDb,
  shop: string,
  settings: Settings,
  now: number,
): Promise<DueRow[]> {
  const lang = settings.language;
  const ranges = careCandidateRanges(settings, now);
  const found = await Promise.all(
    ranges.map((r) =>
      // Bounded: in a 100,000-customer shop a range can hold tens of thousands; the most
      // recent DUE_CANDIDATES per range are plenty for a list of DUE_LIST_LIMIT.
      db.customers
        .where('lastOrderAt')
        .between(r.from, r.to, true, true)
        .reverse()
        .limit(DUE_CANDIDATES)
        .toArray(),
    ),
  );
  const byKey = new Map<string, Customer>();
  for (const c of found.flat()) if (inShop(shop)(c)) byKey.set(c.key, c);
  const keys = [...byKey.keys()];
  if (keys.length === 0) return [];
  const metas = await db.meta.bulkGet(keys);
  const customers = [...byKey.values()].filter((_, i) => !metas[i]?.blacklisted);
  const orders = await db.orders
    .where('customerKey')
    .anyOf(customers.map((c) => c.key))
    .toArray();
  const entries = collectDue({ customers, orders, now, settings });
  const marks = await db.careDone.bulkGet(entries.map((e) => e.item.id));
  const done = new Set(marks.flatMap((m) => (m ? [m.id] : [])));
  const picked = pickDueToday(entries, done, DUE_LIST_LIMIT);
  if (picked.length === 0) return [];

  const pickedCustomers = picked.map((p) => p.customer);
  const [contacts, stats, shops] = await Promise.all([
    db.contacts
      .where('customerKey')
      .anyOf(pickedCustomers.map((c) => c.key))
      .toArray(),
    statsByShop(db, pickedCustomers, settings, now),
    db.shops.toArray(),
  ]);
  const shopMap = new Map(shops.map((s) => [s.key, s]));
  return picked.map(({ customer: c, item }) => {
    const name = shopName(shopMap, settings, shopKey(c.platform, c.shopId));
    const templateId = momentTemplateId(item.moment, 'chat');
    const template = templateFor(templateId, lang, settings.templates);
    const view = describeNow(c, stats, settings, now);
    const rendered =
      template === undefined
        ? undefined
        : renderTemplate(
            template,
            {
              buyer: c.nick,
              items: item.items.length > 0 ? item.items : pt(lang, 'items.fallback'),
              shop: name,
              tier: TIER_LABELS[view.tier][lang],
              ...(item.orderId === undefined ? {} : { orderId: item.orderId }),
            },
            lang,
          );
    const text = rendered?.ok ? rendered.text : undefined;
    const errors =
      rendered === undefined
        ? [t(lang, 'assistant.noTemplate', { id: templateId })]
        : rendered.ok
          ? []
          : rendered.errors.map((e) => e.message);
    const own = contacts.filter((x) => x.customerKey === c.key);
    const warnings = [
      ...checkBeforeContact({ purpose: item.purpose, contacts: own, settings, now }).map((w) =>
        warningText(w, lang),
      ),
      ...(text === undefined
        ? []
        : checkCompliance(text, { channel: 'chat', purpose: item.purpose }).map(
            (i) => i.message[lang],
          )),
    ];
    return {
      id: item.id,
      customerKey: c.key,
      nick: c.nick,
      platform: c.platform,
      shopName: name,
      kind: item.kind,
      moment: item.moment,
      step: item.step,
      daysLate: item.daysLate,
      ...(item.kind === 'repurchase' && item.items[0] ? { itemTitle: item.items[0].title } : {}),
      ...(text === undefined ? {} : { text }),
      errors,
      warnings,
      templateId,
      purpose: item.purpose,
      ...(item.orderId === undefined
        ? {}
        : { orderKey: `${c.platform}:${c.shopId}:${item.orderId}` }),
    };
  });
}
