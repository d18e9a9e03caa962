/**
 * The platforms and order statuses as plain values, without zod: the popup's first load and the
 * content script use these, and lib/schemas.ts (which builds its enums from the same ids)
 * re-exports them for everything that parses.
 */
import { PLATFORM_IDS, type ORDER_STATUS_IDS } from './order-check';

export type Platform = (typeof PLATFORM_IDS)[number];
export type OrderStatus = (typeof ORDER_STATUS_IDS)[number];

/** Every platform Kezhi reads, in the order the settings and menus list them. */
export const PLATFORMS: readonly Platform[] = PLATFORM_IDS;

/**
 * How far along an order is, for display order only. Which sighting may move an order where is
 * the table in lib/orders/status-machine (a refund can end without refund; ranks cannot say so).
 */
export const STATUS_RANK: Record<OrderStatus, number> = {
  unpaid: 0,
  paid: 1,
  shipped: 2,
  completed: 3,
  refunding: 4,
  refunded: 5,
  closed: 5,
  partially_refunded: 3,
  // An unreadable status never overrides one we could read.
  unknown: -1,
};

/** Only these count as purchases (domain.md). */
export const PURCHASE_STATUSES: ReadonlySet<OrderStatus> = new Set([
  'paid',
  'shipped',
  'completed',
  // domain.md excludes only fully refunded orders: the kept items are still bought.
  'partially_refunded',
]);
export const isPurchase = (s: OrderStatus): boolean => PURCHASE_STATUSES.has(s);
