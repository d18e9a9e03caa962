/**
 * The popup's search: the planned prefix lookups on the `*searchTerms` multiEntry index, then
 * ranking. Written against the few Dexie methods it calls, so lib/ stays free of the database
 * module and tests can pass a real Dexie table or a plain object.
 */
import { planQuery } from './plan';
import { rankResults, type RankableCustomer, type RankedResult, type SearchHit } from './rank';

/**
 * Rows fetched per lookup. The index returns keys in key order, not by recency, so this bounds
 * the work of a one-letter query while leaving ranking enough candidates for a useful top 20.
 */
export const LOOKUP_LIMIT = 200;

/** The part of a Dexie `Table<C>` that search uses. */
export interface SearchableTable<C> {
  where(index: 'searchTerms'): {
    startsWith(prefix: string): { limit(n: number): { toArray(): Promise<C[]> } };
  };
}

/**
 * Find customers for a typed query: one indexed `startsWith` per planned kind (at most
 * {@link LOOKUP_LIMIT} rows each, run together), ranked by {@link rankResults}. An empty or
 * unsearchable query reads nothing and returns [].
 *
 * With a Dexie table, name the row type: `searchCustomers<Customer>(db.customers, q)`.
 * TypeScript infers from the last overload of Dexie's `Table.where` (the equality-criteria
 * form, which has no `startsWith`), so without it C falls back to {@link RankableCustomer}.
 */
export async function searchCustomers<C extends RankableCustomer>(
  table: SearchableTable<C>,
  q: string,
  limit = 20,
): Promise<RankedResult<C>[]> {
  const plan = planQuery(q);
  if (plan.length === 0) return [];
  const found = await Promise.all(
    plan.map(async ({ kind, prefix }) => {
      const rows = await table
        .where('searchTerms')
        .startsWith(prefix)
        .limit(LOOKUP_LIMIT)
        .toArray();
      return rows.map((customer): SearchHit<C> => ({ customer, via: kind }));
    }),
  );
  return rankResults(q, found.flat(), limit);
}
