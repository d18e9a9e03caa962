/**
 * A candidate order: the head every one starts with, and its check against the schema (adapters
 * never hand over an order the schema refuses), giving the row or order, or the reason why not.
 */
import { checkOrderInput } from '../order-check';
import type { Identity, OrderInput, OrderItem, OrderStatus, Platform } from '../schemas';
import { optional } from './fields';
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

/** What every order is built from: its head, status, the two fields the schema requires, items. */
export interface OrderParts {
  head: OrderHead;
  status: { status: OrderStatus; rawStatus?: string };
  createdAt: number | undefined;
  amount: number | undefined;
  items: OrderItem[];
}

/** How a platform's page names its creation time and amount, for the reason one is missing. */
export interface RequiredNames {
  createdAt: string;
  amount: string;
}

/** The reason a required field is missing, if one is. */
function missingOf(p: OrderParts, names: RequiredNames): string | undefined {
  if (p.createdAt === undefined) return lacking(p.head.orderId, names.createdAt);
  if (p.amount === undefined) return lacking(p.head.orderId, names.amount);
  return undefined;
}

/** A page row's order once its required fields are read, else the row with what it lacks. */
export function rowOrder(
  row: PageRow,
  p: OrderParts,
  names: RequiredNames,
  extra: Partial<OrderInput> = {},
): RowRead {
  const missing = missingOf(p, names);
  if (missing) return { row, reason: missing };
  const { head, status, createdAt, amount, items } = p;
  return rowWithOrder(row, {
    ...head,
    ...status,
    createdAt,
    amount,
    items,
    ...extra,
    source: 'dom',
  });
}

/**
 * A body entry's order once its required fields are read, else what it lacks. A payment time on
 * an unpaid order is a placeholder the platform leaves, not a payment: it is dropped.
 */
export function bodyOrder(
  p: OrderParts & { paidAt?: number | undefined },
  names: RequiredNames,
  extra: Partial<OrderInput> = {},
): OrderInput | string {
  const missing = missingOf(p, names);
  if (missing) return missing;
  const { head, status, createdAt, amount, items } = p;
  const paidAt = status.status === 'unpaid' ? undefined : p.paidAt;
  return orderOrReason(
    {
      ...head,
      ...status,
      createdAt,
      ...optional('paidAt', paidAt),
      amount,
      items,
      ...extra,
      source: 'json',
    },
    head.orderId,
  );
}
