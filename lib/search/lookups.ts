/**
 * The lookup planner without a pinyin dictionary: the caller hands in the speller. Only a query
 * mixing Han and Latin (张s) needs one, so the popup loads pinyin-pro (≈200 kB of dictionary,
 * tens of milliseconds to evaluate) only for such a query; plan.ts binds it for everyone else.
 */
import { KIND_PREFIX, type MatchKind } from './kinds';
import { hasHan, normalizeOrderId, normalizeText, reverseAscii } from './normalize';

/** One indexed lookup: every customer with a search key starting with `prefix`. */
export interface PlannedLookup {
  kind: MatchKind;
  prefix: string;
}

/** Spells Han text in toneless pinyin, syllables joined (张s → zhangs), before normalising. */
export type Speller = (text: string) => string;

/** Order ids with letters (`so1001`) are recognised as ids from this many characters on. */
const MIN_ALNUM_ORDER_QUERY = 4;

/** Whether planning `q` needs a pinyin speller: its normal form mixes Han and Latin letters. */
export function needsSpeller(q: string): boolean {
  const text = normalizeText(q);
  return hasHan(text) && /[a-z]/.test(text);
}

/**
 * The lookups for a typed query (see plan.ts `planQuery`, which is this with pinyin-pro's
 * speller). `spell` is called only when {@link needsSpeller} says so; without one such a query
 * cannot be planned, which is a caller's mistake, so it throws.
 */
export function planLookups(q: string, spell?: Speller): PlannedLookup[] {
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
      if (spell === undefined) throw new Error('planLookups: a Han + Latin query needs a speller');
      const spelled = normalizeText(spell(text));
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
