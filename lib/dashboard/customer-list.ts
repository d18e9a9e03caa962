/**
 * The list behind a bucket: its customers' rows (biggest spenders first) and the CSV export
 * (UTF-8 with a byte-order mark, so Excel opens the Chinese correctly).
 */
import Papa from 'papaparse';
import { chinaDate } from '../china-time';
import type { Lang } from '../i18n';
import { formatMoney } from '../reminders';
import type { CustomerRow } from './compute';
import { tierLabel } from './bucket-labels';
import { t as dt } from '../i18n/dashboard';

/** The byte-order mark Excel needs to read a CSV file as UTF-8. */
export const UTF8_BOM = '\uFEFF';

/** Rows of the given customers (unknown keys skipped), by spend, then purchases, then nick. */
export function rowsFor(
  keys: readonly string[],
  rows: ReadonlyMap<string, CustomerRow>,
): CustomerRow[] {
  const out: CustomerRow[] = [];
  for (const k of keys) {
    const r = rows.get(k);
    if (r) out.push(r);
  }
  return out.sort(
    (a, b) =>
      b.spent - a.spent ||
      b.purchases - a.purchases ||
      (a.nick < b.nick ? -1 : a.nick > b.nick ? 1 : 0),
  );
}

/** Spend in yuan with two decimals and no currency sign, as a spreadsheet wants it. */
const yuan = (fen: number): string => (fen / 100).toFixed(2);

/** A customer row formatted for the page's list. */
export interface DisplayRow {
  nick: string;
  shop: string;
  tier: string;
  purchases: string;
  spend: string;
  lastOrder: string;
}

/** One row as the table shows it. */
export function displayRow(
  r: CustomerRow,
  lang: Lang,
  shopName: (shopKey: string) => string,
): DisplayRow {
  return {
    nick: r.nick,
    shop: shopName(r.shopKey),
    tier: tierLabel(r.tier, lang),
    purchases: String(r.purchases),
    spend: formatMoney(r.spent, lang),
    lastOrder: chinaDate(r.lastOrderAt),
  };
}

/**
 * The rows as CSV text, headed in the page's language, BOM first. Cells that a spreadsheet would
 * run as a formula (=, +, -, @ …) are escaped: a buyer picks their own nick.
 */
export function customersCsv(
  rows: readonly CustomerRow[],
  lang: Lang,
  shopName: (shopKey: string) => string,
): string {
  const fields = [
    dt(lang, 'col.nick'),
    dt(lang, 'col.shop'),
    dt(lang, 'col.tier'),
    dt(lang, 'col.purchases'),
    `${dt(lang, 'col.spend')} (¥)`,
    dt(lang, 'col.lastOrder'),
  ];
  const data = rows.map((r) => [
    r.nick,
    shopName(r.shopKey),
    tierLabel(r.tier, lang),
    r.purchases,
    yuan(r.spent),
    chinaDate(r.lastOrderAt),
  ]);
  return (
    UTF8_BOM + Papa.unparse({ fields, data }, { escapeFormulae: FORMULA_START, newline: '\r\n' })
  );
}

/**
 * A cell a spreadsheet would run: a tab or CR first, or = + - @ (or their full-width forms, which
 * WPS reads as the same) as the first non-space character. Unlike papaparse's own test, not
 * anchored to one line: `=HYPERLINK(…)\n…` is a formula too. Papaparse prefixes a `'`.
 */
export const FORMULA_START = /^(?:[\t\r]|\s*[=+\-@\uFF1D\uFF0B\uFF0D\uFF20])/;

/** A file name for the export: kezhi-customers-<bucket>-<date>.csv, safe on every system. */
export function csvFileName(bucket: string, now: number): string {
  const safe = bucket.replace(/[\\/:*?"<>|\s·]+/g, '-').replace(/^-+|-+$/g, '');
  return `kezhi-customers-${safe || 'list'}-${chinaDate(now)}.csv`;
}
