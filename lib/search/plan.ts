/**
 * What to look up for a typed query: a few `startsWith` prefixes on the `*searchTerms` index.
 */
import { pinyin } from 'pinyin-pro';
import { KIND_PREFIX, type MatchKind } from './kinds';
import { hasHan, normalizeOrderId, normalizeText, reverseAscii } from './normalize';

/** One indexed lookup: every customer with a search key starting with `prefix`. */
export interface PlannedLookup {
  kind: MatchKind;
  prefix: string;
}

/** Order ids with letters (`so1001`) are recognised as ids from this many characters on. */
const MIN_ALNUM_ORDER_QUERY = 4;

/**
 * The lookups for a typed query, at most one per kind, after the same normalisation the keys
 * went through (trim, NFKC, lower-case, zero-width and punctuation stripped).
 * - digits: order-id tail (a full id is its own tail), the phone tail for exactly four digits,
 *   and nick substrings, because platform nicks are often digit-heavy (tb8847263).
 * - Latin letters: nick substring and pinyin (zs, zhangs); an id-like mix of letters and digits
 *   is also tried as an order id.
 * - Han: nick substring; mixed with Latin (张s) also the pinyin of the whole query.
 * Empty (or nothing searchable, such as only emoji) gives [].
 */
export function planQuery(q: string): PlannedLookup[] {
  const text = normalizeText(q);
  if (text === '') return [];
  const plan: PlannedLookup[] = [];
  const lookup = (kind: MatchKind, key: string): void => {
    plan.push({ kind, prefix: KIND_PREFIX[kind] + key });
  };

  if (/^[0-9]+$/.test(text)) {
    lookup('order', reverseAscii(text));
    if (text.length === 4) lookup('phone', text);
    lookup('nick', text);
    return plan;
  }

  lookup('nick', text);
  if (hasHan(text)) {
    if (/[a-z]/.test(text)) {
      const spelled = normalizeText(
        pinyin(text, { toneType: 'none', type: 'array', v: true }).join(''),
      );
      if (spelled !== '') lookup('pinyin', spelled);
    }
    return plan;
  }
  if (/^[a-z][a-z0-9]*$/.test(text)) lookup('pinyin', text);
  const id = normalizeOrderId(text);
  if (id === text && /[0-9]/.test(id) && id.length >= MIN_ALNUM_ORDER_QUERY) {
    lookup('order', reverseAscii(id));
  }
  return plan;
}
