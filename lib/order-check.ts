/**
 * The OrderInput rules of lib/schemas.ts, written out without zod so the content script can check
 * what its adapters read without loading the schema library (89 kB of it, and its schema
 * construction at load time, on every matched page). The background parses every order with the
 * zod schema again; test/adapters/order-check.test.ts holds the two to the same verdicts and the
 * same first failing path.
 */
import type { OrderInput } from './schemas';

/** The platforms, statuses, identities and sources; lib/schemas.ts builds its enums from these. */
export const PLATFORM_IDS = [
  'taobao',
  'pinduoduo',
  'jd',
  'douyin',
  'woocommerce',
  'shopify',
] as const;
export const ORDER_STATUS_IDS = [
  'unpaid',
  'paid',
  'shipped',
  'completed',
  'closed',
  'refunding',
  'refunded',
  /** Some items refunded, the rest kept: still a purchase, less `refundedAmount` when known. */
  'partially_refunded',
  /** The page showed a status text or code we cannot map: kept, badged, never reminded. */
  'unknown',
] as const;
/** Strongest first; `known` and `masked` are the values stored before schema version 4. */
export const IDENTITY_IDS = [
  'platform',
  'email',
  'nick',
  'token',
  'name',
  'none',
  'known',
  'masked',
] as const;
export const ORDER_SOURCE_IDS = ['dom', 'json', 'import'] as const;

/** Same pattern as the schema's Id. */
export const ID_PATTERN = /^[\w.:#~\-/@+]{1,64}$/;

const EPOCH_MIN = 946684800000;
const EPOCH_MAX = 4102444800000;

/** One rule's verdict: undefined when the value passes, else the message. */
type Rule = (v: unknown) => string | undefined;

const text =
  (max: number, min = 0): Rule =>
  (v) => {
    if (typeof v !== 'string') return 'expected string';
    if (v.length > max) return `too long: at most ${max} characters`;
    if (v.length < min) return `too short: at least ${min} characters`;
    if (!v.isWellFormed()) return 'malformed unicode';
    return undefined;
  };

const int =
  (min: number, max: number): Rule =>
  (v) => {
    if (typeof v !== 'number' || !Number.isFinite(v)) return 'expected number';
    if (!Number.isSafeInteger(v)) return 'expected int';
    if (v < min) return `too small: at least ${min}`;
    if (v > max) return `too big: at most ${max}`;
    return undefined;
  };

const oneOf =
  (values: readonly string[]): Rule =>
  (v) =>
    typeof v === 'string' && values.includes(v) ? undefined : `expected one of ${values.join('|')}`;

const optional =
  (rule: Rule): Rule =>
  (v) =>
    v === undefined ? undefined : rule(v);

const id: Rule = (v) =>
  text(64)(v) ?? (ID_PATTERN.test(v as string) ? undefined : 'id has unexpected characters');
const epochMs = int(EPOCH_MIN, EPOCH_MAX);
const fen = int(0, 1e12);

/** Field rules in the schema's own key order, so the first failure names the same path. */
const ITEM: [string, Rule][] = [
  ['title', text(500)],
  ['sku', optional(text(300))],
  ['quantity', int(1, 100000)],
  ['unitPrice', optional(fen)],
  ['itemId', optional(text(64))],
];

const ORDER: [string, Rule | 'items'][] = [
  ['platform', oneOf(PLATFORM_IDS)],
  ['shopId', id],
  ['orderId', id],
  ['buyerId', text(220, 1)],
  ['buyerNick', text(200)],
  ['identity', oneOf(IDENTITY_IDS)],
  ['status', oneOf(ORDER_STATUS_IDS)],
  ['createdAt', epochMs],
  ['paidAt', optional(epochMs)],
  ['amount', fen],
  ['items', 'items'],
  ['receiverName', optional(text(100))],
  ['receiverPhone', optional(text(40))],
  ['region', optional(text(200))],
  ['refundedAmount', optional(fen)],
  ['rawStatus', optional(text(60))],
  ['autoCloseAt', optional(epochMs)],
  ['source', oneOf(ORDER_SOURCE_IDS)],
];

const isRecord = (v: unknown): v is Record<string, unknown> =>
  typeof v === 'object' && v !== null && !Array.isArray(v);

/** The first problem of one object against its rules, and a copy holding only the known keys. */
function checkObject(
  v: unknown,
  rules: [string, Rule][],
): { ok: true; value: Record<string, unknown> } | { ok: false; path: string[]; message: string } {
  if (!isRecord(v)) return { ok: false, path: [], message: 'expected object' };
  const out: Record<string, unknown> = {};
  for (const [key, rule] of rules) {
    const problem = rule(v[key]);
    if (problem) return { ok: false, path: [key], message: problem };
    if (key in v) out[key] = v[key];
  }
  return { ok: true, value: out };
}

/** Result of {@link checkOrderInput}: the order with unknown keys dropped, or the first problem. */
export type OrderCheck =
  { ok: true; order: OrderInput } | { ok: false; path: string[]; message: string };

/**
 * Checks a candidate order against the OrderInput rules. Like the zod schema it drops keys it does
 * not know and reports the first failing field in the schema's key order.
 */
export function checkOrderInput(candidate: unknown): OrderCheck {
  if (!isRecord(candidate)) return { ok: false, path: [], message: 'expected object' };
  const out: Record<string, unknown> = {};
  for (const [key, rule] of ORDER) {
    const v = candidate[key];
    if (rule === 'items') {
      if (!Array.isArray(v)) return { ok: false, path: [key], message: 'expected array' };
      if (v.length > 500) return { ok: false, path: [key], message: 'too many: at most 500' };
      const items: unknown[] = [];
      for (let i = 0; i < v.length; i++) {
        const item = checkObject(v[i], ITEM);
        if (!item.ok)
          return { ok: false, path: [key, String(i), ...item.path], message: item.message };
        items.push(item.value);
      }
      out[key] = items;
      continue;
    }
    const problem = rule(v);
    if (problem) return { ok: false, path: [key], message: problem };
    if (key in candidate) out[key] = v;
  }
  return { ok: true, order: out as OrderInput };
}

/** Is this a valid Id (shop id, order id)? */
export const isId = (v: unknown): v is string => id(v) === undefined;
