/** One customer's card in the popup: read directly from Dexie inside liveQuery; never written. */
import type { CardMeta, JoinedRow } from '@/components/popup/CustomerCard';
import { describeCustomer, type CustomerView } from '@/lib/customers';
import type { KezhiDb } from '@/lib/db';
import { judgeKind, type Verdict } from '@/lib/identity';
import { shopKey } from '@/lib/keys';
import type { ContactEntry, Customer, Order, Shop } from '@/lib/schemas';
import type { Settings } from '@/lib/settings';
import { popupStats, shopName } from './shops';

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
    popupStats(db, shopKey(customer.platform, customer.shopId), settings, now),
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
