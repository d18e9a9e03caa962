/**
 * Binds a content script's messages to the tab that sent them. A content script lives on a page
 * that other scripts share, and what it reads (shop id, order rows, JSON) is the page's to
 * write: so the background derives the platform from the sender's URL (the browser says it, the
 * page cannot), holds each tab to the shop of its first sync, answers and logs only for what it
 * summarized to that tab, and bounds how much one tab may store per minute.
 * Pure: the background feeds it the sender, the granted WooCommerce origins and the clock.
 */
import { ADAPTERS } from './adapters';
import type { Platform } from './schemas';

/** One tab may hand over at most this many orders a minute (a busy seller pages ~500). */
export const ORDERS_PER_MINUTE = 3000;
const WINDOW_MS = 60_000;
/** A tab's summarized customers and orders, bounded (a long session pages through many). */
const SUMMARIZED_MAX = 5000;

/**
 * The platform of an order page at `url`: one of the manifest platforms' adapters, or
 * WooCommerce on an origin the seller granted (the WooCommerce adapter's paths exist on any
 * WordPress host, so the path alone proves nothing).
 */
export function platformOfUrl(
  url: string | undefined,
  wooOrigins: readonly string[],
): Platform | undefined {
  let u: URL;
  try {
    u = new URL(url ?? '');
  } catch {
    return undefined;
  }
  for (const a of ADAPTERS) {
    if (a.platform === 'woocommerce' && !wooOrigins.includes(u.origin)) continue;
    if (a.matches(u)) return a.platform;
  }
  return undefined;
}

/** The shop an URL names by itself, where it does (WooCommerce's host, Shopify's store handle). */
export function shopOfUrl(platform: Platform, url: string | undefined): string | undefined {
  if (platform !== 'woocommerce' && platform !== 'shopify') return undefined;
  try {
    const u = new URL(url ?? '');
    const adapter = ADAPTERS.find((a) => a.platform === platform && a.matches(u));
    // These two adapters read the shop from the URL alone; the root is never looked at.
    return adapter?.shopId(u, undefined as unknown as ParentNode);
  } catch {
    return undefined;
  }
}

interface TabState {
  platform: Platform;
  shopId: string;
  customers: Set<string>;
  orders: Set<string>;
  windowStart: number;
  spent: number;
}

const remember = (set: Set<string>, keys: Iterable<string>) => {
  for (const k of keys) {
    set.delete(k); // re-inserted: most recent last, so the oldest go first
    set.add(k);
  }
  for (const k of set) {
    if (set.size <= SUMMARIZED_MAX) break;
    set.delete(k);
  }
};

export class TabGate {
  private tabs = new Map<number, TabState>();

  /** The per-tab budget; a field so tests can make it small. */
  constructor(public ordersPerMinute = ORDERS_PER_MINUTE) {}

  /** The tab navigated or closed: its binding, summaries and budget start over. */
  forget(tabId: number): void {
    this.tabs.delete(tabId);
  }

  /**
   * Checks a sync from `tabId` for (platform, shopId); binds the tab on its first sync.
   * Returns why it is refused, or undefined.
   */
  check(
    tabId: number,
    sender: { url?: string; wooOrigins: readonly string[] },
    platform: Platform,
    shopId: string,
  ): string | undefined {
    const own = platformOfUrl(sender.url, sender.wooOrigins);
    if (own !== platform) return `this tab is not a ${platform} order page`;
    const urlShop = shopOfUrl(platform, sender.url);
    if (urlShop !== undefined && urlShop !== shopId) return `this tab is not shop ${shopId}`;
    let bound = this.tabs.get(tabId);
    // The browser's URL shows another platform: the tab went to a new page (before its
    // onUpdated reached us). It starts over.
    if (bound && bound.platform !== platform) {
      this.tabs.delete(tabId);
      bound = undefined;
    }
    // A page that did not show its shop yet syncs as `default`: its first real id may take over.
    if (bound && bound.shopId === 'default' && shopId !== 'default') bound.shopId = shopId;
    else if (bound && (bound.platform !== platform || bound.shopId !== shopId))
      return `this tab belongs to shop ${bound.shopId}`;
    if (!bound)
      this.tabs.set(tabId, {
        platform,
        shopId,
        customers: new Set(),
        orders: new Set(),
        windowStart: 0,
        spent: 0,
      });
    return undefined;
  }

  /**
   * Takes `count` orders from the tab's budget for this minute; answers how many may be stored
   * (the rest are dropped, and the caller says so in the shop's health).
   */
  spend(tabId: number, count: number, now: number): number {
    const t = this.tabs.get(tabId);
    if (!t) return 0;
    if (now - t.windowStart >= WINDOW_MS) {
      t.windowStart = now;
      t.spent = 0;
    }
    const allowed = Math.max(0, Math.min(count, this.ordersPerMinute - t.spent));
    t.spent += allowed;
    return allowed;
  }

  /** The rows the background described to this tab: only these may be logged from it. */
  summarized(tabId: number, rows: readonly { customerKey: string; orderKey: string }[]): void {
    const t = this.tabs.get(tabId);
    if (!t) return;
    remember(
      t.customers,
      rows.map((r) => r.customerKey),
    );
    remember(
      t.orders,
      rows.map((r) => r.orderKey),
    );
  }

  /** May this tab log a contact with this customer (and order)? */
  mayLog(tabId: number, customerKey: string, orderKey: string | undefined): boolean {
    const t = this.tabs.get(tabId);
    return (
      !!t && t.customers.has(customerKey) && (orderKey === undefined || t.orders.has(orderKey))
    );
  }
}
