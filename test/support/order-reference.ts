/**
 * A naive reference for the order status rules, written as prose-like branches from domain.md and
 * the platforms' flows, not from lib/orders/status-machine's table. Sightings carry no platform
 * timestamp here, so closed and refunded are simply final.
 */
import type { OrderStatus } from '../../lib/schemas';

const STEPS = ['unpaid', 'paid', 'shipped', 'completed'];

export interface RefState {
  status: OrderStatus;
  beforeRefund?: OrderStatus;
}

export function refApply(cur: RefState | undefined, s: OrderStatus): RefState {
  if (!cur) return { status: s };
  const now = cur.status;
  if (now === 'closed' || now === 'refunded') return cur; // final
  if (s === 'unknown') return cur; // cannot override anything
  if (now === 'unknown') return { status: s };
  if (s === 'closed' || s === 'refunded') return { status: s };
  if (s === 'refunding' || s === 'partially_refunded') {
    if (s === now) return cur;
    const before = now === 'refunding' || now === 'partially_refunded' ? cur.beforeRefund : now;
    return { status: s, beforeRefund: before === 'unpaid' ? undefined : before };
  }
  if (s === 'unpaid') return cur; // a stale page
  // s is paid, shipped or completed
  if (now === 'refunding' || now === 'partially_refunded') {
    const b = cur.beforeRefund;
    return { status: b && STEPS.indexOf(b) > STEPS.indexOf(s) ? b : s };
  }
  return STEPS.indexOf(s) > STEPS.indexOf(now) ? { status: s } : cur;
}
