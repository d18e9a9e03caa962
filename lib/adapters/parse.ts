/**
 * Small readers shared by the adapters and importers: money, dates and statuses as the platforms
 * write them. Each returns undefined rather than guessing.
 */
import type { OrderStatus } from '../schemas';

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
  const t = Date.UTC(y!, mo! - 1, d!, h!, mi!, s!) - CN_OFFSET_MS;
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
