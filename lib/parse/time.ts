/**
 * Times as the platforms and their exports print them, to epoch ms. Each reader returns undefined
 * rather than guessing. Shared by the adapters and the report importers.
 */
import { fromChinaClock } from '../china-time';

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
  const t = fromChinaClock(y!, mo!, d!, h, mi, s);
  return t === undefined ? undefined : plausibleTime(t);
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

/** 2000-01-01 .. 2100-01-01, the same window the schema accepts; anything else -> undefined. */
export function plausibleTime(t: number): number | undefined {
  return t >= 946684800000 && t <= 4102444800000 ? t : undefined;
}
