/**
 * The popup's reads. Pages read Dexie directly (inside liveQuery, so they re-run when the
 * background writes) and never write: statistics come from the background's `stats` cache, or
 * are computed in memory when it has none. Every read is an indexed lookup or range.
 */
import Dexie, { type ObservabilitySet } from 'dexie';
import { ALL_SHOPS, type ShopRowData } from '@/components/popup/ShopBar';
import { readShopStats as computeStatsFromDb } from '@/lib/db/ranks';
import type { DueRowData } from '@/components/popup/DueList';
import type { ResultRowData } from '@/components/popup/SearchPanel';
import type { CardMeta, JoinedRow } from '@/components/popup/CustomerCard';
import { describeMatch } from '@/components/popup/format';
import { t as pt } from '@/lib/i18n/popup';
import { t } from '@/lib/i18n/overlay';
import { careCandidateRanges, collectDue, DUE_LIST_LIMIT, pickDueToday } from '@/lib/care';
import {
  chinaDay,
  computeShopStats,
  describeCustomer,
  ShopStats,
  TIER_LABELS,
  type CustomerView,
} from '@/lib/customers';
import { warningText } from '@/components/overlay/format';
import type { KezhiDb } from '@/lib/db';
import {
  isUncertain,
  judgeKind,
  recognitionOf,
  type Recognition,
  type Verdict,
} from '@/lib/identity';
import {
  checkBeforeContact,
  checkCompliance,
  momentTemplateId,
  renderTemplate,
  templateFor,
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

/** The shop's returning-buyer recognition, when it has seen orders (lib/identity). */
function withRecognition(s: Shop): { recognition?: Recognition } {
  const recognition = recognitionOf(s.identityEvidence);
  return recognition ? { recognition } : {};
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
    ...withRecognition(s),
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
async function storedStats(db: KezhiDb, key: string, observe: boolean): Promise<ShopStats | null> {
  const cache = storedStatsOf(db);
  const hit = cache.byShop.get(key);
  if (hit !== undefined) {
    // A key-only read of the record, so that a liveQuery calling us still re-runs when the
    // background rewrites it (and then finds the cache cleared). Callers that read the stats
    // table's keys themselves pass observe = false.
    if (observe) await db.stats.where(':id').equals(key).primaryKeys();
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
export function readShopStats(
  db: KezhiDb,
  platform: Platform,
  shopId: string,
  settings: Settings,
  now: number,
): Promise<ShopStats> {
  return shopStats(db, platform, shopId, settings, now, true);
}

async function shopStats(
  db: KezhiDb,
  platform: Platform,
  shopId: string,
  settings: Settings,
  now: number,
  observe: boolean,
): Promise<ShopStats> {
  const key = shopKey(platform, shopId);
  const [record, shop] = await Promise.all([storedStats(db, key, observe), db.shops.get(key)]);
  // The background's record serves until orders arrive that it has not counted (an import, a
  // team pull: the shop is marked dirty) or the China date moves on; then count them here.
  const fresh =
    record !== null &&
    shop?.statsDirty !== true &&
    chinaDay(record.computedAt) === chinaDay(now) &&
    record.mergeSameDayPurchases === settings.mergeSameDayPurchases;
  if (fresh) return record;
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
  observe = true,
): Promise<Map<string, ShopStats>> {
  const shops = new Map<string, Customer>();
  for (const c of customers) shops.set(shopKey(c.platform, c.shopId), c);
  const out = new Map<string, ShopStats>();
  await Promise.all(
    [...shops].map(async ([key, c]) =>
      out.set(key, await shopStats(db, c.platform, c.shopId, settings, now, observe)),
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

/**
 * What list rows need besides their customers, read alongside them rather than after (a second
 * round of IndexedDB requests was a third of a keystroke's time): the shops, which customers
 * have meta at all (keys only: few do, so their records are rarely read), and the stats table's
 * keys, which subscribe a liveQuery to every stats record while the records themselves come
 * from the popup's cache (see storedStats).
 */
interface RowContext {
  shops: readonly Shop[];
  metaKeys: ReadonlySet<unknown>;
}

async function readRowContext(db: KezhiDb): Promise<RowContext> {
  const [shops, metaKeys] = await Promise.all([
    db.shops.toArray(),
    db.meta.toCollection().primaryKeys(),
    db.stats.toCollection().primaryKeys(),
  ]);
  return { shops, metaKeys: new Set(metaKeys) };
}

/**
 * A list's reads in one read-only transaction over the tables they touch. Each Dexie read
 * outside one opens its own, and opening them was a measurable part of a keystroke (the
 * profile's native `transaction`: over a millisecond per search for half a dozen reads).
 * Resolves when the reads are done, not when the transaction has committed: nothing was
 * written, and the commit's round trip to the browser process took up to 9 ms on a loaded
 * machine. A Dexie promise, so that a liveQuery keeps tracking the reads that follow.
 */
function readTogether<T>(db: KezhiDb, reads: () => Promise<T>): Promise<T> {
  return new Dexie.Promise<T>((resolve, reject) => {
    db.transaction('r', [db.customers, db.meta, db.stats, db.shops], () =>
      reads().then(resolve, reject),
    ).catch(reject);
  });
}

async function toRows(
  db: KezhiDb,
  customers: readonly { customer: Customer; matched?: string }[],
  settings: Settings,
  now: number,
  context: RowContext,
): Promise<ResultRowData[]> {
  const list = customers.map((x) => x.customer);
  const withMeta = list.filter((c) => context.metaKeys.has(c.key)).map((c) => c.key);
  const [stats, metas] = await Promise.all([
    statsByShop(db, list, settings, now, false),
    withMeta.length > 0 ? db.meta.bulkGet(withMeta) : [],
  ]);
  const blacklisted = new Set(metas.flatMap((m) => (m?.blacklisted ? [m.customerKey] : [])));
  const shopMap = new Map(context.shops.map((s) => [s.key, s]));
  return customers.map(({ customer: c, matched }) => {
    const view = describeNow(c, stats, settings, now);
    return {
      key: c.key,
      nick: c.nick,
      platform: c.platform,
      shopName: shopName(shopMap, settings, shopKey(c.platform, c.shopId)),
      identity: c.identity,
      uncertain: isUncertain(
        c.identity,
        c.purchaseCount,
        judgeKind(shopMap.get(shopKey(c.platform, c.shopId))?.identityEvidence ?? {}, 'token')
          .verdict,
      ),
      tier: view.tier,
      segment: view.segment,
      kind: view.kind,
      lastOrderAt: c.lastOrderAt,
      blacklisted: blacklisted.has(c.key),
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
  const [ranked, context] = await readTogether(db, () =>
    Promise.all([
      searchCustomers<Customer>(
        db.customers,
        q,
        shop === ALL_SHOPS ? RESULT_LIMIT : RESULT_LIMIT * 10,
        // A 张s query imports pinyin-pro on the way: Dexie.waitFor keeps the transaction open
        // and liveQuery tracking across that await.
        (p) => Dexie.waitFor(p),
      ),
      readRowContext(db),
    ]),
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
    context,
  );
}

/** The customers who ordered most recently (the `lastOrderAt` index, newest first). */
export async function recentRows(
  db: KezhiDb,
  shop: string,
  settings: Settings,
  now: number,
): Promise<ResultRowData[]> {
  const [customers, context] = await readTogether(db, () =>
    Promise.all([
      db.customers
        .orderBy('lastOrderAt')
        .reverse()
        .filter(inShop(shop))
        .limit(RECENT_LIMIT)
        .toArray(),
      readRowContext(db),
    ]),
  );
  return toRows(
    db,
    customers.map((customer) => ({ customer })),
    settings,
    now,
    context,
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
  /** Whether this shop's buyer tokens recognise returning buyers. */
  tokenVerdict: Verdict;
  /** Customers joined into this one (each can be split back out). */
  joined: JoinedRow[];
  /** Other customers of the shop under the same name: the seller may merge them in. */
  sameName: JoinedRow[];
}

/** How many same-name customers the card offers to merge. */
const SAME_NAME_LIMIT = 10;

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
    ...(await identityOfCard(db, customer, shops)),
  };
}

/** The card's identity part: the shop's token verdict, joins into it, same-name customers. */
async function identityOfCard(
  db: KezhiDb,
  customer: Customer,
  shops: readonly Shop[],
): Promise<Pick<CardData, 'tokenVerdict' | 'joined' | 'sameName'>> {
  const sk = shopKey(customer.platform, customer.shopId);
  const evidence = shops.find((s) => s.key === sk)?.identityEvidence ?? {};
  const [joins, named] = await Promise.all([
    db.joins.where('into').equals(customer.key).toArray(),
    customer.nick.trim()
      ? db.customers
          .where('searchTerms')
          .equals(customer.nick.trim().toLowerCase())
          .limit(200)
          .toArray()
      : Promise.resolve([]),
  ]);
  return {
    tokenVerdict: judgeKind(evidence, 'token').verdict,
    joined: joins.map((j) => ({
      key: j.key,
      label: j.key.slice(sk.length + 1),
      reason: j.reason,
      at: j.at,
      orders: j.moved.length,
    })),
    sameName: named
      .filter((c) => c.key !== customer.key && c.platform === customer.platform)
      .filter((c) => c.shopId === customer.shopId && c.nick === customer.nick)
      .slice(0, SAME_NAME_LIMIT)
      .map((c) => ({
        key: c.key,
        label: c.nick,
        reason: 'seller' as const,
        at: c.lastOrderAt,
        orders: c.orderCount,
      })),
  };
}

/** A due row plus what copying it needs. */
export interface DueRow extends DueRowData {
  templateId: string;
  purpose: 'care' | 'recall' | 'repurchase';
  orderKey?: string;
}

/** Customers read per care range at most (see loadDue). */
export const DUE_CANDIDATES = 2000;

/**
 * Today's list (lib/care) for one shop or all: candidates from `lastOrderAt` range queries (not
 * the whole table), blacklisted buyers left out, their orders by `customerKey`, done marks by id;
 * then each message rendered from the seller's templates with the checks to make before sending.
 *
 * Its cursors walk thousands of records (seconds at 100,000 customers), so `signal` stops them:
 * a popup that starts searching before the list is done must not queue its searches behind it.
 * An aborted load rejects with the signal's reason.
 */
export async function loadDue(
  db: KezhiDb,
  shop: string,
  settings: Settings,
  now: number,
  signal?: AbortSignal,
): Promise<DueRow[]> {
  const lang = settings.language;
  const aborted = () => signal?.aborted ?? false;
  const ranges = careCandidateRanges(settings, now);
  const found = await Promise.all(
    ranges.map((r) =>
      // Bounded: in a 100,000-customer shop a range can hold tens of thousands; the most
      // recent DUE_CANDIDATES per range are plenty for a list of DUE_LIST_LIMIT.
      db.customers
        .where('lastOrderAt')
        .between(r.from, r.to, true, true)
        .reverse()
        .until(aborted)
        .limit(DUE_CANDIDATES)
        .toArray(),
    ),
  );
  signal?.throwIfAborted();
  const byKey = new Map<string, Customer>();
  for (const c of found.flat()) if (inShop(shop)(c)) byKey.set(c.key, c);
  const keys = [...byKey.keys()];
  if (keys.length === 0) return [];
  const metas = await db.meta.bulkGet(keys);
  signal?.throwIfAborted();
  const customers = [...byKey.values()].filter((_, i) => !metas[i]?.blacklisted);
  const orders = await db.orders
    .where('customerKey')
    .anyOf(customers.map((c) => c.key))
    .until(aborted)
    .toArray();
  signal?.throwIfAborted();
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
        warningText(w, now, lang),
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
