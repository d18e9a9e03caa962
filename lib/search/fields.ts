/**
 * How much of a customer's name fields search looks at. Kept apart from terms.ts (which loads
 * pinyin-pro's dictionary) so that the popup can rank results without loading it.
 */

/** Receiver names indexed per customer (and read back when ranking). */
export const MAX_RECEIVER_NAMES = 8;

/** Arrays from pages are typed but not trusted: anything else reads as empty. */
export const safeArray = (xs: unknown): readonly unknown[] => (Array.isArray(xs) ? xs : []);
