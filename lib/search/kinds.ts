/**
 * The kinds of search key. One multiEntry index (`*searchTerms`) serves every search because each
 * key starts with its kind's tag, so a `startsWith` lookup never crosses kinds.
 */
export type MatchKind = 'nick' | 'pinyin' | 'order' | 'phone';

/** Tag written in front of each key of a kind. */
export const KIND_PREFIX: Readonly<Record<MatchKind, string>> = {
  /** Suffixes of the normalised nick and receiver names: startsWith on a suffix = substring. */
  nick: 'n:',
  /** Pinyin full spelling and initials of names containing Han characters. */
  pinyin: 'y:',
  /** Order ids reversed, so "the last digits" is a prefix lookup. */
  order: 'o:',
  /** Four-digit phone tails. */
  phone: 'p:',
};
