/**
 * Search keys for one customer, stored in `Customer.searchTerms` and indexed multiEntry, so that
 * every keystroke in the popup is a handful of indexed prefix lookups instead of a table scan.
 */
import { pinyin } from 'pinyin-pro';
import { MAX_RECEIVER_NAMES, safeArray } from './fields';
import { KIND_PREFIX } from './kinds';
import { hasHan, normalizeOrderId, normalizeText, reverseAscii } from './normalize';

/** Hard cap on keys per customer: each key costs index space and write time on every ingest. */
export const MAX_TERMS = 200;
/** Suffixes kept per name; substrings starting further in are not findable (rare for nicks). */
export const MAX_SUFFIXES = 24;
/** Only the newest order ids are indexed; older orders are found through their customer. */
export const MAX_ORDER_IDS = 50;
export const MAX_PHONE_TAILS = 10;
export { MAX_RECEIVER_NAMES, safeArray };

/** What {@link searchTermsFor} needs to know about a customer. */
export interface SearchTermsInput {
  nick: string;
  receiverNames: string[];
  phoneTails: string[];
  /** Newest first: only the first {@link MAX_ORDER_IDS} are indexed. */
  orderIds: string[];
}

/**
 * Suffixes of a normalised name, by code point. A one-character Latin or digit suffix is
 * skipped: it would match half the table and nobody searches a nick by its last letter, whereas
 * a single Han character (三 of 张三) is a real search.
 */
export function nameSuffixes(name: string): string[] {
  const chars = Array.from(name);
  const out: string[] = [];
  for (let i = 0; i < chars.length && i < MAX_SUFFIXES; i++) {
    const suffix = chars.slice(i).join('');
    if (chars.length - i === 1 && /[\p{Script=Latin}\p{N}]/u.test(suffix)) continue;
    out.push(suffix);
  }
  return out;
}

/**
 * Pinyin spellings (full and initials, no spaces) of a normalised name with Han characters;
 * non-Han characters are kept as they are (张三abc → zhangsanabc, zsabc).
 * Polyphonic surnames: pinyin-pro's normal reading and its surname reading (单 dan/shan,
 * 曾 ceng/zeng) are both kept, because a nick is not always a name and a name is not always
 * read as the dictionary guesses. For three-character names the given name alone is added
 * too (张小明 → xiaoming, xm), since staff often know a buyer by given name.
 */
export function pinyinKeys(name: string): string[] {
  if (!hasHan(name)) return [];
  const base = { toneType: 'none', type: 'array', v: true } as const;
  const readings = [
    pinyin(name, base),
    pinyin(name, { ...base, mode: 'surname', surname: 'head' }),
  ];
  const initials = [
    pinyin(name, { ...base, pattern: 'first' }),
    pinyin(name, { ...base, pattern: 'first', mode: 'surname', surname: 'head' }),
  ];
  const keys = [...readings, ...initials].map((syllables) => syllables.join(''));
  const chars = Array.from(name);
  if (chars.length === 3 && chars.every((c) => hasHan(c))) {
    for (const syllables of [...readings, ...initials]) keys.push(syllables.slice(1).join(''));
  }
  // Unknown characters come back as themselves; normalise again so keys stay in one form.
  return keys.map(normalizeText).filter((k) => k.length > 0);
}

/** Last four digits of a phone tail or a (masked) phone number; '' when there are fewer. */
export function phoneTailKey(raw: unknown): string {
  const digits = normalizeText(raw).replace(/[^0-9]/g, '');
  return digits.length >= 4 ? digits.slice(-4) : '';
}

/** Name-derived keys (substring `n:` and pinyin `y:`) for nicks or receiver names. */
export function nameTermsFor(names: readonly unknown[]): string[] {
  const out: string[] = [];
  for (const raw of names) {
    const name = normalizeText(raw);
    if (name === '') continue;
    for (const s of nameSuffixes(name)) out.push(KIND_PREFIX.nick + s);
    for (const y of pinyinKeys(name)) out.push(KIND_PREFIX.pinyin + y);
  }
  return out;
}

/**
 * The multiEntry index keys for one customer: `n:` nick/receiver-name suffixes, `y:` pinyin,
 * `o:` reversed order ids, `p:` phone tails. Deduplicated, at most {@link MAX_TERMS} keys of at
 * most 66 code points each, in priority order (nick, phones, orders, receiver names) so that the
 * cap drops the least useful keys. Never throws, whatever the strings hold.
 */
export function searchTermsFor(input: SearchTermsInput): string[] {
  const terms = new Set<string>();
  const add = (key: string): void => {
    if (terms.size < MAX_TERMS) terms.add(key);
  };

  nameTermsFor([input.nick]).forEach(add);
  for (const raw of safeArray(input.phoneTails).slice(0, MAX_PHONE_TAILS)) {
    const tail = phoneTailKey(raw);
    if (tail !== '') add(KIND_PREFIX.phone + tail);
  }
  for (const raw of safeArray(input.orderIds).slice(0, MAX_ORDER_IDS)) {
    const id = normalizeOrderId(raw);
    if (id !== '') add(KIND_PREFIX.order + reverseAscii(id));
  }
  nameTermsFor(safeArray(input.receiverNames).slice(0, MAX_RECEIVER_NAMES)).forEach(add);
  return [...terms];
}
