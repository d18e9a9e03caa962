/**
 * What to look up for a typed query: a few `startsWith` prefixes on the `*searchTerms` index.
 * This module binds pinyin-pro; code that must not load its dictionary up front (the popup)
 * plans with lookups.ts and imports {@link spellPinyin} only when a query needs it.
 */
import { pinyin } from 'pinyin-pro';
import { planLookups, type PlannedLookup } from './lookups';

export type { PlannedLookup } from './lookups';

/** Toneless pinyin of `text`, syllables joined (张s → zhangs; non-Han characters kept). */
export const spellPinyin = (text: string): string =>
  pinyin(text, { toneType: 'none', type: 'array', v: true }).join('');

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
  return planLookups(q, spellPinyin);
}
