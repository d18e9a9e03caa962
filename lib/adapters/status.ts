/**
 * Order statuses as an adapter keeps them: mapped by the shared table (lib/parse/status.ts), or
 * unknown with the raw text kept for health, and moved by item-level refunds.
 */
import { normaliseStatus } from '../parse/status';
import type { OrderStatus } from '../schemas';

/** A status we could not map keeps the order: `unknown`, with the raw text for health. */
export function statusOf(
  mapped: OrderStatus | undefined,
  raw: string,
): { status: OrderStatus; rawStatus?: string } {
  if (mapped) return { status: mapped };
  const r = raw.trim().slice(0, 60);
  return r ? { status: 'unknown', rawStatus: r } : { status: 'unknown' };
}

/** A status text mapped by the shared table, or unknown with the text kept. */
export const statusFromText = (text: string): { status: OrderStatus; rawStatus?: string } =>
  statusOf(normaliseStatus(text), text);

/** The refund state an item-level text or code says (退款中 / 退款成功), if any. */
export function itemRefund(text: string): 'refunding' | 'refunded' | undefined {
  const s = normaliseStatus(text);
  return s === 'refunding' || s === 'refunded' ? s : undefined;
}

/** Statuses an item-level refund can move: a refund on an unpaid or closed order says nothing. */
const REFUNDABLE = new Set<OrderStatus>(['paid', 'shipped', 'completed', 'unknown']);

/**
 * The order status after its items' refunds: an item 退款中 makes the order refunding; items
 * 退款成功 make it refunded when every item is, partially refunded when some are. domain.md:
 * a partially refunded order is still a purchase, less the refunded amount.
 */
export function withItemRefunds(
  order: { status: OrderStatus; rawStatus?: string },
  refunds: readonly ('refunding' | 'refunded' | undefined)[],
): { status: OrderStatus; rawStatus?: string } {
  if (!REFUNDABLE.has(order.status) || refunds.length === 0) return order;
  if (refunds.includes('refunding')) return { status: 'refunding' };
  const refunded = refunds.filter((r) => r === 'refunded').length;
  if (refunded === 0) return order;
  return { status: refunded === refunds.length ? 'refunded' : 'partially_refunded' };
}
