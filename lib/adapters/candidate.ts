/**
 * A candidate order: the head every one starts with, and its check against the schema (adapters
 * never hand over an order the schema refuses), giving the row or order, or the reason why not.
 */
import { checkOrderInput } from '../order-check';
import type { Identity, OrderInput, Platform } from '../schemas';
import type { AdapterContext, PageRow } from './types';

/** A candidate order checked against the schema, or why not, in words a seller can read. */
export type CheckedOrder = { ok: true; order: OrderInput } | { ok: false; reason: string };

/** Validates what an adapter built; adapters never hand over an order the schema refuses. */
export function checkOrder(candidate: unknown, orderId: string): CheckedOrder {
  // The zod-free twin of OrderInput.safeParse: this runs in the content script (lib/order-check.ts).
  const r = checkOrderInput(candidate);
  if (r.ok) return r;
  return { ok: false, reason: `订单 ${orderId}：数据不合法（${r.path.join('.')} ${r.message}）` };
}

/** One order row read from the page (with its order when that checked out), and why not. */
export type RowRead = { row?: PageRow; reason?: string };

/** Where an order is from and who bought it: the fields every candidate starts with. */
export interface OrderHead {
  platform: Platform;
  shopId: string;
  orderId: string;
  buyerId: string;
  identity: Identity;
  buyerNick: string;
}

/** The head of a candidate order; `buyer` is what buyerIdFor (or a platform's rule) made of it. */
export function orderHead(
  platform: Platform,
  ctx: AdapterContext,
  orderId: string,
  nick: string,
  buyer: { buyerId: string; identity: Identity },
): OrderHead {
  return { platform, shopId: ctx.shopId, orderId, ...buyer, buyerNick: nick };
}

/** The reason a row or entry has no order: a field the schema requires could not be read. */
export const lacking = (orderId: string, field: string): string =>
  `订单 ${orderId}：找不到${field}`;

/** The row with its candidate order once checked, or the row with the reason it was refused. */
export function rowWithOrder(row: PageRow, candidate: unknown): RowRead {
  const checked = checkOrder(candidate, row.orderId);
  return checked.ok ? { row: { ...row, order: checked.order } } : { row, reason: checked.reason };
}

/** A body entry's candidate order once checked, or the reason it was refused. */
export function orderOrReason(candidate: unknown, orderId: string): OrderInput | string {
  const checked = checkOrder(candidate, orderId);
  return checked.ok ? checked.order : checked.reason;
}
