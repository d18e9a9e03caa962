/**
 * An adapter's verdict: each candidate order checked against the schema, and the page's or body's
 * rows summed up as ok, a coverage line for health, or "the page changed under us".
 */
import { checkOrderInput } from '../order-check';
import type { OrderInput } from '../schemas';
import type { AdapterResult, PageRow } from './types';

/** A candidate order checked against the schema, or why not, in words a seller can read. */
export type CheckedOrder = { ok: true; order: OrderInput } | { ok: false; reason: string };

/** Validates what an adapter built; adapters never hand over an order the schema refuses. */
export function checkOrder(candidate: unknown, orderId: string): CheckedOrder {
  // The zod-free twin of OrderInput.safeParse: this runs in the content script (lib/order-check.ts).
  const r = checkOrderInput(candidate);
  if (r.ok) return r;
  return { ok: false, reason: `订单 ${orderId}：数据不合法（${r.path.join('.')} ${r.message}）` };
}

/**
 * The verdict on a page's rows. A row counts once its order id is read: its badges come from the
 * stored order (the page's JSON) even when its own cells are incomplete. Only a list where rows
 * were there and not one order id could be read means the page changed under us.
 */
export function rowsResult(items: PageRow[], skipped: string[]): AdapterResult<PageRow> {
  if (skipped.length > 0 && items.length === 0)
    return { ok: false, problem: `页面结构已变化：${skipped[0] ?? ''}`.slice(0, 300) };
  const orders = items.flatMap((r) => (r.order ? [r.order] : []));
  const unknown = orders.flatMap((o) => (o.status === 'unknown' ? [o.rawStatus ?? '?'] : []));
  const total =
    items.length + skipped.filter((s) => !items.some((r) => s.includes(r.orderId))).length;
  return withCoverage({ ok: true, items, skipped }, total, orders.length, unknown);
}

/** The same verdict for a JSON body: entries present, none readable, means the API changed. */
export function jsonResult(orders: OrderInput[], skipped: string[]): AdapterResult<OrderInput> {
  if (skipped.length > 0 && orders.length === 0)
    return { ok: false, problem: `接口数据已变化：${skipped[0] ?? ''}`.slice(0, 300) };
  const unknown = orders.flatMap((o) => (o.status === 'unknown' ? [o.rawStatus ?? '?'] : []));
  const total = orders.length + skipped.length;
  return withCoverage({ ok: true, items: orders, skipped }, total, orders.length, unknown);
}

/** A coverage line only when something was missed: a clean page reads as before. */
function withCoverage<T>(
  r: { ok: true; items: T[]; skipped: string[] },
  total: number,
  complete: number,
  unknown: string[],
): AdapterResult<T> {
  if (total === complete && unknown.length === 0) return r;
  return { ...r, coverage: coverageOf(total, complete, unknown) };
}

/**
 * The health line for one look at a page or body: "28 of 30 rows; 2 without status: 订单异常".
 * `unknown` are the raw status texts of orders kept as unknown.
 */
export function coverageOf(total: number, complete: number, unknown: readonly string[]): string {
  const parts = [`${complete} of ${total} rows`];
  if (unknown.length > 0)
    parts.push(`${unknown.length} without status: ${[...new Set(unknown)].join('、')}`);
  return parts.join('; ').slice(0, 300);
}
