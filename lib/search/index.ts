/**
 * Customer search for the popup: index keys per customer (stored in `Customer.searchTerms`,
 * indexed `*searchTerms`), the lookup plan for a query, ranking, and the search itself.
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
export { planQuery, type PlannedLookup } from './plan';
export {
  rankResults,
  SCORES,
  type MatchType,
  type RankableCustomer,
  type RankedResult,
  type SearchHit,
} from './rank';
export { LOOKUP_LIMIT, searchCustomers, type SearchableTable } from './search';
