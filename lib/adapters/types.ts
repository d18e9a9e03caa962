/**
 * What every platform adapter provides. Adapters are pure: URL and DOM root (or a JSON body) in,
 * validated orders out. No browser.*, no timers, no globals: `now` comes in as an argument.
 */
import type { OrderInput, Platform } from '../schemas';

/** One order row found on the page, with where the overlay should sit. */
export interface PageRow {
  orderId: string;
  /** The element that holds the whole order (used to notice re-renders). */
  row: Element;
  /** The buyer cell: the overlay mounts right after it, without shifting the host's layout. */
  anchor: Element;
  /** The order as read from the DOM, when every required field was there. */
  order?: OrderInput;
  /** Auto-close time if the row shows a countdown (epoch ms). */
  autoCloseAt?: number;
}

/** The adapter's verdict on a page or a JSON body. Never throws; wrong badges are worse than none. */
export type AdapterResult<T> =
  | {
      ok: true;
      items: T[];
      /** rows skipped with a reason, e.g. a row missing its amount */ skipped: string[];
      /** For health: "28 of 30 rows; 2 without status: 订单异常" (see result.coverageOf). */
      coverage?: string;
    }
  | { ok: false; problem: string };

export interface AdapterContext {
  url: URL;
  now: number;
  /** The shop this page belongs to, as the adapter worked it out (see Adapter.shopId). */
  shopId: string;
}

export interface Adapter {
  /** Stable id, e.g. `taobao-old`, `taobao-qn`, `pinduoduo`. */
  id: string;
  platform: Platform;
  /** Human label for the popup's health list. */
  label: string;
  /** Does this adapter serve this page? Must reject every other adapter's URLs. */
  matches(url: URL): boolean;
  /** Does this URL look like an order list (vs. another page of the same host)? */
  isOrderPage(url: URL): boolean;
  /**
   * Which shop the page belongs to: from the URL (Shopify store handle, WooCommerce host) or the
   * page (seller nick in the header). Falls back to `default`.
   */
  shopId(url: URL, root: ParentNode): string;
  /** CSS selector whose appearance means "rows may have been added" (for the observer). */
  rowsHint: string;
  /** Reads the order rows on the page. */
  readRows(root: ParentNode, ctx: AdapterContext): AdapterResult<PageRow>;
  /** Endpoints whose JSON this adapter reads (matched against the request URL). */
  jsonEndpoints: RegExp[];
  /** Parses one captured JSON body from an endpoint in jsonEndpoints. */
  parseJson?(body: unknown, ctx: AdapterContext): AdapterResult<OrderInput>;
}
