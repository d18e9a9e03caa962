/**
 * One normal form for everything search touches, so that a key written at ingest and a query
 * typed in the popup meet byte for byte. Both sides go through {@link normalizeText}.
 */

/**
 * How much of any one input string is looked at. Pages can hand us 10,000-character "nicks";
 * reading a bounded head keeps term building O(1) per field whatever the page sends.
 */
export const MAX_RAW_UNITS = 512;

/** Code points kept after normalisation: longer than any real nick, receiver name or order id. */
export const MAX_TEXT_CHARS = 64;

/**
 * Letters, digits and combining marks survive; punctuation, spaces, emoji, zero-width and
 * bidi controls (all \p{Cf}) do not. Dropping punctuation on both sides means `tb_123`,
 * `tb-123` and `tb 123` all find each other, which is what staff expect when retyping a nick.
 */
const KEPT = /[\p{L}\p{N}\p{M}]/gu;

/**
 * Marks that only style an emoji (variation selectors, the keycap enclosure). They are \p{M}
 * but carry no searchable meaning, and would otherwise survive their stripped emoji.
 */
const EMOJI_MARKS = /[\uFE00-\uFE0F\u20E3\u{E0100}-\u{E01EF}]/gu;

/**
 * Normalise free text for search: bounded, well-formed, NFKC (full-width ＺＳ becomes zs),
 * lower-case, only letters/digits/marks, at most {@link MAX_TEXT_CHARS} code points.
 * Never throws; anything that is not a string becomes ''.
 */
export function normalizeText(input: unknown): string {
  if (typeof input !== 'string') return '';
  // Slicing can split a surrogate pair and pages can send lone surrogates; under the u flag a
  // lone surrogate never matches KEPT, so both drop out below without a separate pass.
  const folded = input.slice(0, MAX_RAW_UNITS).normalize('NFKC').toLowerCase();
  const kept = folded.replace(EMOJI_MARKS, '').match(KEPT)?.join('') ?? '';
  // Dropping a character can bring a letter and a mark together (˘ is NFKC for space + U+0306,
  // so 'i˘' leaves i + U+0306): compose again so that keys and queries meet in one form.
  return Array.from(kept.normalize('NFKC')).slice(0, MAX_TEXT_CHARS).join('');
}

/**
 * Order ids: ASCII letters and digits only, so `#1001`, `1001` and `Ｎｏ.1001` compare equal
 * and reversing is safe (no surrogate pairs to break).
 */
export function normalizeOrderId(input: unknown): string {
  return normalizeText(input).replace(/[^a-z0-9]/g, '');
}

/** Reverse a string of ASCII characters (order ids after {@link normalizeOrderId}). */
export const reverseAscii = (s: string): string => s.split('').reverse().join('');

/** Whether text holds any Han character (and so has a pinyin spelling worth indexing). */
export const hasHan = (s: string): boolean => /\p{Script=Han}/u.test(s);
