/**
 * Row summaries for the component tests, made by the real rules: a small hand-made shop,
 * computeShopStats over it, and summarizeRow (describeCustomer + planReminders) for an order.
 */
import { computeShopStats, type ShopStats } from '../../lib/customers';
import {
  Order,
  type ContactEntry,
  type Customer,
  type CustomerMeta,
  type OrderStatus,
  type Platform,
} from '../../lib/schemas';
import type { Settings } from '../../lib/settings';
import { summarizeRow, type RowSummary } from '../../lib/summary';
import { DAY, NOW, cn, makeCustomer, settingsWith } from './make-customer';

export { DAY, NOW, cn, makeCustomer, settingsWith };
export const HOUR = 3_600_000;
export const MIN = 60_000;

/** A buyer of the test shop: purchases `daysAgo` before NOW, each `amount` fen. */
function buyer(nick: string, daysAgo: readonly number[], amount: number): Customer {
  return makeCustomer(
    daysAgo.map((d, i) => ({ at: NOW - d * DAY, amount, orderId: `${nick}-p${i + 1}` })),
    {
      key: `taobao:shop1:nick:${nick}`,
      buyerId: `nick:${nick}`,
      nick,
      searchTerms: [nick],
    },
  );
}

/**
 * Ten purchasing buyers. Spend ranks: champ (top) → 至尊VIP; loyal, big → VIP; mid, steady →
 * 高级会员; the rest → 普通会员 (default shares 10/15/25 %).
 */
export const SHOP = {
  champ: buyer('champ', [95, 65, 35, 5], 50_000), // 2000 yuan, active, 4 purchases
  loyal: buyer('loyal', [60, 30, 10], 40_000), // 1200 yuan
  big: buyer('big', [400, 370], 45_000), // 900 yuan, churned
  mid: buyer('mid', [200, 150], 30_000), // 600 yuan, sleeping
  steady: buyer('steady', [300, 250], 25_000), // 500 yuan, pre-churn
  one: buyer('one', [20], 9_000),
  two: buyer('two', [120], 8_000),
  three: buyer('three', [210], 7_000),
  four: buyer('four', [500], 6_000),
  five: buyer('five', [40], 5_000),
} as const;

export type ShopBuyer = keyof typeof SHOP;

/** The test shop's statistics as of NOW. */
export function shopStats(settings: Settings): ShopStats {
  return computeShopStats(Object.values(SHOP), settings, NOW);
}

export interface RowOptions {
  /** A shop buyer; undefined is a buyer never seen before. */
  who?: ShopBuyer;
  nick?: string;
  identity?: 'known' | 'masked';
  status?: OrderStatus;
  platform?: Platform;
  /** Order time; defaults to one hour before `now`. */
  createdAt?: number;
  now?: number;
  amount?: number;
  items?: Order['items'];
  orderId?: string;
  contacts?: ContactEntry[];
  meta?: Partial<CustomerMeta>;
  settings?: Settings;
  autoCloseAt?: number;
  /** Another customer record to use instead of a shop buyer. */
  customer?: Customer;
}

/** The order on screen for a row. */
export function makeOrder(o: RowOptions): Order {
  const now = o.now ?? NOW;
  const nick = o.nick ?? o.who ?? 'newbie';
  const orderId = o.orderId ?? '4000123456789012345';
  const buyerId = o.identity === 'masked' ? `order:${orderId}` : `nick:${nick}`;
  return Order.parse({
    platform: o.platform ?? 'taobao',
    shopId: 'shop1',
    orderId,
    buyerId,
    buyerNick: nick,
    identity: o.identity ?? 'known',
    status: o.status ?? 'unpaid',
    createdAt: o.createdAt ?? now - HOUR,
    amount: o.amount ?? 16_900,
    items: o.items ?? [{ title: '纯棉短袖T恤', quantity: 1 }],
    source: 'dom',
    key: `taobao:shop1:${orderId}`,
    customerKey: `taobao:shop1:${buyerId}`,
    seenAt: now,
  });
}

/** A contact-log entry about the row's order. */
export function makeContact(over: Partial<ContactEntry> & { at: number }): ContactEntry {
  return {
    id: `c-${over.at}-${over.channel ?? 'chat'}`,
    customerKey: 'taobao:shop1:nick:newbie',
    orderKey: 'taobao:shop1:4000123456789012345',
    channel: 'chat',
    template: 'remind.new.chat.polite',
    staff: '客服小王',
    purpose: 'remind',
    ...over,
  };
}

/** One row's summary, as the background would answer it. */
export function makeRow(o: RowOptions = {}): RowSummary {
  const settings = o.settings ?? settingsWith({});
  const now = o.now ?? NOW;
  const order = makeOrder(o);
  const customer = o.identity === 'masked' ? undefined : (o.customer ?? (o.who && SHOP[o.who]));
  const meta: CustomerMeta | undefined = o.meta
    ? {
        customerKey: order.customerKey,
        tags: [],
        note: '',
        blacklisted: false,
        blacklistReason: '',
        updatedAt: now,
        ...o.meta,
      }
    : undefined;
  return summarizeRow({
    order,
    customer,
    meta,
    contacts: o.contacts ?? [],
    stats: shopStats(settings),
    settings,
    now,
    ...(o.autoCloseAt !== undefined ? { autoCloseAt: o.autoCloseAt } : {}),
  });
}
