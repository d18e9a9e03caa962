/**
 * From read fields to the adapter's verdict: the head every candidate order starts with, the
 * checked row or order, and the loops that sum up a page's rows or a body's entries.
 */
import type { Identity, OrderInput, Platform } from '../schemas';
import { checkOrder, jsonResult, rowsResult } from './result';
import type { AdapterContext, AdapterResult, PageRow } from './types';

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

/** Reads each order element of a page and sums the rows up (see rowsResult). */
export function collectRows<T>(
  elements: Iterable<T>,
  read: (el: T) => RowRead | undefined,
): AdapterResult<PageRow> {
  const items: PageRow[] = [];
  const skipped: string[] = [];
  for (const el of elements) {
    const r = read(el);
    if (r?.row) items.push(r.row);
    if (r?.reason) skipped.push(r.reason);
  }
  return rowsResult(items, skipped);
}

/** Reads each entry of a body and sums the orders up (see jsonResult). */
export function collectOrders(
  entries: readonly unknown[],
  read: (entry: unknown) => OrderInput | string,
): AdapterResult<OrderInput> {
  const orders: OrderInput[] = [];
  const skipped: string[] = [];
  for (const entry of entries) {
    const r = read(entry);
    if (typeof r === 'string') skipped.push(r);
    else orders.push(r);
  }
  return jsonResult(orders, skipped);
}
