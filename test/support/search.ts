import fc from 'fast-check';
import type { MatchKind } from '../../lib/search';
import { planQuery, searchTermsFor, type SearchTermsInput } from '../../lib/search';

/** Fuzz runs: 200 by default, more under `npm run fuzz`. */
export const numRuns = Number(process.env.KEZHI_FUZZ_RUNS ?? 200);

export const customerInput = (over: Partial<SearchTermsInput>): SearchTermsInput => ({
  nick: '',
  receiverNames: [],
  phoneTails: [],
  orderIds: [],
  ...over,
});

/**
 * What the index would answer, modelled without a database: the kinds whose planned prefix
 * starts some key of the customer. (The Dexie integration test checks the real index agrees.)
 */
export function kindsFinding(q: string, input: Partial<SearchTermsInput>): MatchKind[] {
  const terms = searchTermsFor(customerInput(input));
  return planQuery(q)
    .filter(({ prefix }) => terms.some((t) => t.startsWith(prefix)))
    .map(({ kind }) => kind);
}

/**
 * Strings pages have been known to send, and worse: lone surrogates, zero-width and bidi
 * controls, emoji sequences (ZWJ families, flags, keycaps), marks, NFKC expanders (ﷺ becomes 18
 * letters), full-width forms, controls, polyphonic Han, and 10,000-character runs.
 */
const nasty = fc.constantFrom(
  '\ud800',
  '\udfff',
  '\u200b',
  '\u200d',
  '\u200e',
  '\u202e',
  '\u2066',
  '\ufeff',
  '\u0000',
  '👨‍👩‍👧',
  '🇨🇳',
  '1️⃣',
  '\u0301',
  '\ufdfa',
  'İ',
  'ß',
  'Ｚｓ',
  '张',
  '单',
  '曾',
  '8',
  '*',
  ' ',
  'x'.repeat(10_000),
  '张'.repeat(10_000),
  '😀'.repeat(5_000),
);
export const hostileString = fc
  .array(
    fc.oneof(
      nasty,
      fc.string({ unit: 'binary', maxLength: 20 }),
      fc.string({ unit: 'grapheme', maxLength: 10 }),
    ),
    { maxLength: 12 },
  )
  .map((parts) => parts.join(''));
