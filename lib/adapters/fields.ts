/**
 * The shared field-table reader. A platform file lists, per field, where each known page version
 * keeps it (JSON paths or CSS selectors, each with the version and public source it serves); the
 * first that reads wins. A field no entry can read costs that field, not the row: only the order
 * id (and the amount and creation time the schema requires) can cost a row. Adding the next
 * variant is a table entry and a fixture.
 */
import { parseChinaTime, plausibleTime } from '../parse/time';
import { queryFirst, textOf } from './dom';

export type Json = Record<string, unknown>;
export const isJson = (v: unknown): v is Json =>
  typeof v === 'object' && v !== null && !Array.isArray(v);
/** Any object, arrays too: a body or entry check that reads its fields by name next. */
export const isObject = (v: unknown): v is Json => typeof v === 'object' && v !== null;
/** A string field trimmed, or '' for anything else. */
export const str = (v: unknown): string => (typeof v === 'string' ? v.trim() : '');

/** The value at a dotted path ("orderStatusInfo.orderStatusName"), or undefined. */
export function at(root: unknown, path: string): unknown {
  let v: unknown = root;
  for (const key of path.split('.')) {
    if (!isJson(v)) return undefined;
    v = v[key];
  }
  return v;
}

/** The first of `places` that `read` accepts: variants are tried in the table's order. */
function firstRead<P, T>(places: readonly P[], read: (place: P) => T | undefined): T | undefined {
  for (const place of places) {
    const v = read(place);
    if (v !== undefined) return v;
  }
  return undefined;
}

/** The first path whose value `read` accepts. `read` returns undefined to pass. */
export function pick<T>(
  root: unknown,
  paths: readonly string[],
  read: (v: unknown) => T | undefined,
): T | undefined {
  return firstRead(paths, (path) => read(at(root, path)));
}

/** The first selector whose element has text `read` accepts (DOM twin of {@link pick}). */
export function pickText<T>(
  root: ParentNode,
  selectors: readonly string[],
  read: (text: string) => T | undefined,
): T | undefined {
  return firstRead(selectors, (selector) => {
    const text = textOf(queryFirst(root, [selector]));
    return text ? read(text) : undefined;
  });
}

/** Readers for pick(): each returns undefined for anything it does not accept. */
export const as = {
  /** A trimmed non-empty string; numbers are written out (ids, codes). */
  text: (v: unknown): string | undefined => {
    if (typeof v === 'number' && Number.isFinite(v)) return String(v);
    return typeof v === 'string' && v.trim() ? v.trim() : undefined;
  },
  /** An id string; a number past 2^53 has already lost digits, so it is refused. */
  id: (v: unknown): string | undefined => {
    if (typeof v === 'string' && v.trim()) return v.trim();
    return typeof v === 'number' && Number.isSafeInteger(v) && v > 0 ? String(v) : undefined;
  },
  /** A positive integer from a number or a digit string. */
  count: (v: unknown): number | undefined => {
    const n = typeof v === 'string' && /^\d+$/.test(v.trim()) ? Number(v) : v;
    return typeof n === 'number' && Number.isSafeInteger(n) && n > 0 ? n : undefined;
  },
  /** A number or digit string as a status code ("3" and 3 alike). */
  code: (v: unknown): number | undefined => {
    const n = typeof v === 'string' && /^-?\d+$/.test(v.trim()) ? Number(v) : v;
    return typeof n === 'number' && Number.isSafeInteger(n) ? n : undefined;
  },
  /**
   * A time as epoch ms: a millisecond timestamp (JD's bff list), or China time text. Zero, empty
   * and "0000-00-00" (unpaid orders' payment time) read as nothing.
   */
  msOrChinaTime: (v: unknown): number | undefined => {
    const n = typeof v === 'string' && /^\d{12,13}$/.test(v.trim()) ? Number(v) : v;
    if (typeof n === 'number') return Number.isSafeInteger(n) ? plausibleTime(n) : undefined;
    return parseChinaTime(v);
  },
  /** An array (GraphQL connections are read by the adapter). */
  list: (v: unknown): unknown[] | undefined => (Array.isArray(v) ? (v as unknown[]) : undefined),
};

/** `{key: value}` when value is defined, else `{}` (exactOptionalPropertyTypes-friendly). */
export function optional<K extends string, V>(key: K, value: V | undefined): Partial<Record<K, V>> {
  return value === undefined || value === '' ? {} : ({ [key]: value } as Record<K, V>);
}
