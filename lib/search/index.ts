/**
 * Customer search for the popup: index keys per customer (stored in `Customer.searchTerms`,
 * indexed `*searchTerms`), the lookup plan for a query, ranking, and the search itself.
 *
 * This barrel loads pinyin-pro (terms, plan, rank). Code that must start fast without it (the
 * popup) imports search.ts, score.ts, lookups.ts and normalize.ts directly.
 */
export { KIND_PREFIX, type MatchKind } from './kinds';
export { normalizeText, normalizeOrderId } from './normalize';
export {
  MAX_ORDER_IDS,
  MAX_PHONE_TAILS,
  MAX_RECEIVER_NAMES,
  MAX_SUFFIXES,
  MAX_TERMS,
  searchTermsFor,
  type SearchTermsInput,
} from './terms';
export { planQuery, spellPinyin, type PlannedLookup } from './plan';
export { needsSpeller, planLookups, type Speller } from './lookups';
export {
  rankResults,
  SCORES,
  type MatchType,
  type RankableCustomer,
  type RankedResult,
  type SearchHit,
} from './rank';
export { rankHits, needsNameTerms, type NameTerms } from './score';
export {
  LOOKUP_LIMIT,
  planQueryLazily,
  rankLazily,
  searchCustomers,
  type SearchableTable,
  type Settle,
} from './search';
