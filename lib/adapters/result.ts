/**
 * An adapter's verdict: the page's rows or the body's entries read one by one and summed up as
 * ok, a coverage line for health, or "the page changed under us".
 */
import type { OrderInput } from '../schemas';
import type { RowRead } from './candidate';
import type { AdapterResult, PageRow } from './types';

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

/** Reads each entry to an item, a reason, or both, and sorts them out (rows keep a reason too). */
function sortOut<E, T>(
  entries: Iterable<E>,
  read: (entry: E) => { item?: T; reason?: string },
): { items: T[]; skipped: string[] } {
  const items: T[] = [];
  const skipped: string[] = [];
  for (const entry of entries) {
    const { item, reason } = read(entry);
    if (item) items.push(item);
    if (reason) skipped.push(reason);
  }
  return { items, skipped };
}

/** Reads each order element of a page and sums the rows up (see rowsResult). */
export function collectRows<T>(
  elements: Iterable<T>,
  read: (el: T) => RowRead | undefined,
): AdapterResult<PageRow> {
  const { items, skipped } = sortOut(elements, (el) => {
    const r = read(el);
    return { item: r?.row, reason: r?.reason };
  });
  return rowsResult(items, skipped);
}

/** Reads each entry of a body and sums the orders up (see jsonResult). */
export function collectOrders(
  entries: readonly unknown[],
  read: (entry: unknown) => OrderInput | string,
): AdapterResult<OrderInput> {
  const { items, skipped } = sortOut(entries, (entry) => {
    const r = read(entry);
    return typeof r === 'string' ? { reason: r } : { item: r };
  });
  return jsonResult(items, skipped);
}
