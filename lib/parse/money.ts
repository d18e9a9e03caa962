/**
 * Money as the platforms and their exports print it, to integer fen (cents). Each reader returns
 * undefined rather than guessing. Shared by the adapters and the report importers.
 */

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
