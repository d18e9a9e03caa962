/**
 * Ranking with pinyin-pro bound: the synchronous API for the background and tests. The popup
 * ranks through score.ts `rankHits` (via search.ts) so that it never loads the dictionary for a
 * query that does not need it.
 */
import { planQuery } from './plan';
import { rankHits, type RankableCustomer, type RankedResult, type SearchHit } from './score';
import { nameTermsFor } from './terms';

export {
  SCORES,
  type MatchType,
  type RankableCustomer,
  type RankedResult,
  type SearchHit,
} from './score';

/**
 * Rank index hits for query `q`: exact name (nick or receiver name) and full order id first,
 * then phone tail, name prefix, order-id tail, name substring, pinyin; ties go to the customer
 * who ordered most recently (then by key, so the order is stable). A customer found by several
 * lookups appears once, with its best match. At most `limit` results.
 */
export function rankResults<C extends RankableCustomer>(
  q: string,
  hits: readonly SearchHit<C>[],
  limit = 20,
): RankedResult<C>[] {
  return rankHits(q, planQuery(q), hits, limit, nameTermsFor);
}
