/**
 * The popup's search: the planned prefix lookups on the `*searchTerms` multiEntry index, then
 * ranking. Written against the few Dexie methods it calls, so lib/ stays free of the database
 * module and tests can pass a real Dexie table or a plain object.
 *
 * pinyin-pro is imported on demand: only a query mixing Han and Latin (张s) is spelled here, and
 * only a pinyin hit without stored terms re-derives a name's keys, so the popup's first load and
 * nearly every keystroke go without the dictionary.
 */
import { needsSpeller, planLookups, type PlannedLookup } from './lookups';
import {
  needsNameTerms,
  rankHits,
  type RankableCustomer,
  type RankedResult,
  type SearchHit,
} from './score';

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
 * Wraps a promise that is not the database's own (an on-demand import). Dexie's liveQuery loses
 * track of its reads after awaiting such a promise, so a live caller passes `Dexie.waitFor` or
 * `(p) => Dexie.Promise.resolve(p)`; anyone else can leave the default.
 */
export type Settle = <T>(p: Promise<T>) => PromiseLike<T>;

const asIs: Settle = (p) => p;

/** {@link planQuery} without loading pinyin-pro unless `q` mixes Han and Latin. */
export async function planQueryLazily(q: string): Promise<PlannedLookup[]> {
  if (!needsSpeller(q)) return planLookups(q);
  const { spellPinyin } = await import('./plan');
  return planLookups(q, spellPinyin);
}

/** {@link rankResults} for an already planned query, loading pinyin-pro only if a hit needs it. */
export async function rankLazily<C extends RankableCustomer>(
  q: string,
  plan: readonly PlannedLookup[],
  hits: readonly SearchHit<C>[],
  limit: number,
): Promise<RankedResult<C>[]> {
  const nameTerms = hits.some(needsNameTerms) ? (await import('./terms')).nameTermsFor : undefined;
  return rankHits(q, plan, hits, limit, nameTerms);
}

/**
 * Find customers for a typed query: one indexed `startsWith` per planned kind (at most
 * {@link LOOKUP_LIMIT} rows each, run together), ranked as {@link rankResults} does. An empty or
 * unsearchable query reads nothing and returns []. Inside a liveQuery pass `settle` (see
 * {@link Settle}): a Han + Latin query loads pinyin-pro on the way.
 *
 * With a Dexie table, name the row type: `searchCustomers<Customer>(db.customers, q)`.
 * TypeScript infers from the last overload of Dexie's `Table.where` (the equality-criteria
 * form, which has no `startsWith`), so without it C falls back to {@link RankableCustomer}.
 */
export async function searchCustomers<C extends RankableCustomer>(
  table: SearchableTable<C>,
  q: string,
  limit = 20,
  settle: Settle = asIs,
): Promise<RankedResult<C>[]> {
  // Only a query that needs pinyin-pro waits for an import (and for `settle`, which in a Dexie
  // transaction keeps it alive with requests of its own); every other keystroke plans at once.
  const plan = needsSpeller(q) ? await settle(planQueryLazily(q)) : planLookups(q);
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
  const hits = found.flat();
  return hits.some(needsNameTerms)
    ? settle(rankLazily(q, plan, hits, limit))
    : rankHits(q, plan, hits, limit);
}
