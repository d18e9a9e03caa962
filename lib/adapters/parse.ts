/**
 * Small readers shared by the adapters and importers: money, dates and statuses as the platforms
 * write them. Each returns undefined rather than guessing.
 */
import { checkOrderInput, isId } from '../order-check';
import type { OrderInput, OrderStatus } from '../schemas';
import type { AdapterResult, PageRow } from './types';

/**
 * "￥1,234.50", "169.00", "¥0.5", "1234" (yuan) -> fen. Negative, NaN, Infinity -> undefined.
 * Uses string arithmetic so 0.1 + 0.2 problems never reach the database.
 */
export function yuanToFen(input: unknown): number | undefined {
  if (typeof input === 'number') {
    if (!Number.isFinite(input) || input < 0) return undefined;
    return Math.round(input * 100);
  }
  if (typeof input !== 'string') return undefined;
  const s = input.replace(/[\s,，￥¥$€£]|CN|RMB|元/gi, '');
  const m = /^(\d{1,12})(?:\.(\d{1,2})\d*)?$/.exec(s);
  if (!m) return undefined;
  const whole = Number(m[1]);
  const frac = Number(((m[2] ?? '') + '00').slice(0, 2));
  return whole * 100 + frac;
}

/** An integer fen value from JSON that already counts in fen (Pinduoduo, Douyin). */
export function fenFromJson(input: unknown): number | undefined {
  const n = typeof input === 'string' && /^\d+$/.test(input) ? Number(input) : input;
  return typeof n === 'number' && Number.isSafeInteger(n) && n >= 0 ? n : undefined;
}

const CN_OFFSET_MS = 8 * 3600_000;

/**
 * "YYYY-MM-DD HH:mm[:ss]" (also with / separators) in China time (UTC+8, no DST), which is how
 * Taobao, Pinduoduo, JD and Douyin print times whatever the seller's machine is set to.
 */
export function parseChinaTime(input: unknown): number | undefined {
  if (typeof input !== 'string') return undefined;
  const m =
    /^\s*(\d{4})[-/.](\d{1,2})[-/.](\d{1,2})(?:[ T](\d{1,2}):(\d{2})(?::(\d{2}))?)?\s*$/.exec(
      input,
    );
  if (!m) return undefined;
  const [y, mo, d, h, mi, s] = m.slice(1).map((x) => (x === undefined ? 0 : Number(x)));
  const t = Date.UTC(y!, mo! - 1, d, h, mi, s) - CN_OFFSET_MS;
  const back = new Date(t + CN_OFFSET_MS);
  if (back.getUTCMonth() !== mo! - 1 || back.getUTCDate() !== d!) return undefined; // 02-31
  return plausibleTime(t);
}

/** Unix seconds (number or digit string) -> epoch ms. */
export function unixSecondsToMs(input: unknown): number | undefined {
  const n = typeof input === 'string' && /^\d+$/.test(input) ? Number(input) : input;
  if (typeof n !== 'number' || !Number.isFinite(n)) return undefined;
  return plausibleTime(Math.round(n * 1000));
}

/** ISO 8601 with offset (WooCommerce, Shopify) -> epoch ms. */
export function parseIsoTime(input: unknown): number | undefined {
  if (typeof input !== 'string' || !/^\d{4}-\d{2}-\d{2}T/.test(input)) return undefined;
  const t = Date.parse(input);
  return Number.isFinite(t) ? plausibleTime(t) : undefined;
}

/** 2000-01-01 .. 2100-01-01, the same window the schema accepts. */
function plausibleTime(t: number): number | undefined {
  return t >= 946684800000 && t <= 4102444800000 ? t : undefined;
}

/** Chinese and English status texts and platform enums -> our seven statuses. */
const STATUS_PATTERNS: [RegExp, OrderStatus][] = [
  // Platform enums the general patterns below miss or misread; first, because order matters:
  // Shopify's PARTIALLY_REFUNDED would otherwise hit REFUNDED, and JD's FINISHED_L, TRADE_CANCELED,
  // WAIT_SELLER_STOCK_OUT / WAIT_GOODS_RECEIVE_CONFIRM (POP enums) and Douyin's 备货中 / 部分发货
  // would match nothing.
  [/PARTIALLY_REFUNDED|部分退款(?!中)/i, 'partially_refunded'],
  [/TRADE_CANCELED/i, 'closed'],
  [/PARTIALLY_PAID|^NOT_PAY$/i, 'unpaid'],
  [/FINISHED_L/i, 'completed'],
  [/WAIT_GOODS_RECEIVE_CONFIRM|等待确认收货|部分发货/i, 'shipped'],
  [/WAIT_SELLER_STOCK_OUT|WAIT_SELLER_DELIVERY|备货中|^已支付$/i, 'paid'],
  [/退款成功|已退款|REFUNDED|^refunded$/i, 'refunded'],
  [/退款中|售后中|售后|REFUNDING|PARTIALLY_REFUNDED/i, 'refunding'],
  [/交易关闭|已关闭|已取消|取消|TRADE_CLOSED|^cancell?ed$|^failed$|EXPIRED|VOIDED/i, 'closed'],
  [/等待买家付款|待付款|待支付|未付款|WAIT_BUYER_PAY|^pending$|PENDING|^on-hold$/i, 'unpaid'],
  [/交易成功|已完成|已签收|完成|TRADE_FINISHED|^completed$/i, 'completed'],
  [
    /已发货|待收货|等待买家确认|WAIT_BUYER_CONFIRM_GOODS|SELLER_CONSIGNED|FULFILLED|^shipped$/i,
    'shipped',
  ],
  [/已付款|待发货|待出库|WAIT_SELLER_SEND_GOODS|^processing$|^PAID$|AUTHORIZED/i, 'paid'],
];

export function normaliseStatus(input: unknown): OrderStatus | undefined {
  if (typeof input !== 'string') return undefined;
  const s = input.trim();
  if (!s) return undefined;
  for (const [re, status] of STATUS_PATTERNS) if (re.test(s)) return status;
  return undefined;
}

/** Text content with whitespace collapsed, or '' for a missing element. */
export function textOf(el: Element | null | undefined): string {
  return (el?.textContent ?? '').replace(/\s+/g, ' ').trim();
}

/**
 * A shop-front price as WooCommerce or Shopify print it, in any of their number formats, -> cents:
 * "$1,234.50", "1.234,50 €", "€12,50", "¥1,234", "CHF 1'234.50". yuanToFen alone would read
 * "1.234,50" as 1.23. The decimal mark is the last of "." or "," when both appear; a lone ","
 * is decimal only before 1-2 final digits; a lone "." before groups of exactly 3 digits
 * ("1.234") is a thousands mark. Negative amounts and anything else -> undefined.
 */
export function parseMoney(input: unknown): number | undefined {
  if (typeof input !== 'string') return undefined;
  // Drop currency symbols and codes, spaces (WooCommerce puts no-break spaces around symbols)
  // and Swiss apostrophe grouping; a minus sign survives so that negatives fail below.
  const s = input.replace(/[^\d.,-]+/g, '');
  if (!/^\d[\d.,]*$/.test(s)) return undefined;
  const lastDot = s.lastIndexOf('.');
  const lastComma = s.lastIndexOf(',');
  let plain: string;
  if (lastDot >= 0 && lastComma >= 0) {
    const decimal = lastDot > lastComma ? '.' : ',';
    const group = decimal === '.' ? ',' : '.';
    const [whole, frac, ...rest] = s.split(group).join('').split(decimal);
    if (rest.length > 0 || whole === undefined) return undefined;
    plain = frac === undefined ? whole : `${whole}.${frac}`;
  } else if (lastComma >= 0) {
    plain = /^\d+,\d{1,2}$/.test(s) ? s.replace(',', '.') : groupedOrUndefined(s, ',');
  } else if (lastDot >= 0) {
    plain = /^[1-9]\d{0,2}(?:\.\d{3})+$/.test(s) ? s.split('.').join('') : s;
  } else plain = s;
  return plain ? yuanToFen(plain) : undefined;
}

/** "1,234,567" -> "1234567" when the groups are well formed, else '' (not a number). */
function groupedOrUndefined(s: string, mark: string): string {
  const re = new RegExp(`^\\d{1,3}(?:\\${mark}\\d{3})+$`);
  return re.test(s) ? s.split(mark).join('') : '';
}

/**
 * The elements of the first selector alternative that matches anything. Adapters keep
 * alternatives per page version; the first one that finds something is the page we are on.
 */
export function queryAlternatives(root: ParentNode, alternatives: readonly string[]): Element[] {
  for (const selector of alternatives) {
    const found = Array.from(root.querySelectorAll(selector));
    if (found.length > 0) return found;
  }
  return [];
}

/** The first element matched by the first selector alternative that matches anything. */
export function queryFirst(root: ParentNode, alternatives: readonly string[]): Element | null {
  return queryAlternatives(root, alternatives)[0] ?? null;
}

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

/**
 * A shop id from what a backend header shows: the numeric shop id if there is one (stable across
 * renames), else the shop name when it is a valid id (ASCII), else `default`. A Chinese name is
 * not an id (the Id schema is ASCII), and a hash would hide which shop it was.
 */
export function shopIdFrom(idText: string, nameText: string): string {
  const digits = /\d{3,20}/.exec(idText)?.[0];
  if (digits) return digits;
  const name = nameText.trim();
  return name && isId(name) ? name : 'default';
}

/**
 * A shop id as a seller reads it: ids made from a Chinese seller nick write each character as
 * `~` + 4 base-36 digits (see taobaoShopId); this turns them back. A hashed tail (`~~…`) stays.
 */
export function shopDisplayName(shopId: string): string {
  return shopId
    .replace(/~~[0-9a-f]{8}$/, '…')
    .replace(/~([0-9a-z]{4})/g, (_, code: string) => String.fromCodePoint(parseInt(code, 36)));
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
