/**
 * Ranking of index hits: the index only says "some key starts with the prefix"; here we decide
 * how good each match is and put the customer staff most likely mean first. Free of pinyin-pro:
 * the plan and the (rarely needed) name-term deriver come in as arguments; rank.ts binds them.
 */
import { MAX_RECEIVER_NAMES, safeArray } from './fields';
import type { MatchKind } from './kinds';
import type { PlannedLookup } from './lookups';
import { normalizeText } from './normalize';

/** Name-derived search keys (terms.ts `nameTermsFor`), for customers without stored terms. */
export type NameTerms = (names: readonly unknown[]) => string[];

/** How a result matched, for the popup to explain (and highlight) it. */
export type MatchType = 'exact' | 'prefix' | 'substring' | 'pinyin' | 'order' | 'phone';

/** The fields ranking reads. A stored Customer has them all, `searchTerms` included. */
export interface RankableCustomer {
  key: string;
  nick: string;
  lastOrderAt: number;
  receiverNames: readonly string[];
  /** When present, tells a full order id or a whole-name pinyin from a mere prefix of one. */
  searchTerms?: readonly string[];
}

/** One customer returned by one planned lookup. */
export interface SearchHit<C> {
  customer: C;
  via: MatchKind;
}

/** A ranked, deduplicated result. */
export interface RankedResult<C> {
  customer: C;
  score: number;
  match: MatchType;
}

/**
 * Scores, higher first. A full order id pins one order, so it is as good as an exact name; a
 * four-digit phone tail is a deliberate identifier staff read off a parcel, so it beats a name
 * prefix; an order-id tail is less certain (many ids share short tails) but still beats a name
 * substring; pinyin is the loosest (many names share initials).
 */
export const SCORES = {
  exact: 100,
  fullOrderId: 100,
  phoneTail: 85,
  prefix: 80,
  orderIdTail: 70,
  substring: 50,
  pinyinWhole: 45,
  pinyinPrefix: 40,
} as const;

interface Judgement {
  score: number;
  match: MatchType;
}

function judgeName(customer: RankableCustomer, text: string): Judgement {
  const names = [customer.nick, ...safeArray(customer.receiverNames).slice(0, MAX_RECEIVER_NAMES)]
    .map(normalizeText)
    .filter((n) => n !== '');
  if (names.some((n) => n === text)) return { score: SCORES.exact, match: 'exact' };
  if (names.some((n) => n.startsWith(text))) return { score: SCORES.prefix, match: 'prefix' };
  // The index said some suffix starts with the query; a name that no longer shows it (edited
  // since indexing, or cut at the suffix cap) is still a substring-quality hit.
  return { score: SCORES.substring, match: 'substring' };
}

/**
 * Whether ranking this hit would re-derive the customer's name terms (a pinyin hit without
 * stored terms): the caller then has to pass a {@link NameTerms}.
 */
export const needsNameTerms = <C extends RankableCustomer>(hit: SearchHit<C>): boolean =>
  hit.via === 'pinyin' && safeArray(hit.customer.searchTerms).length === 0;

/** Whether the customer holds exactly this key (not just a longer key starting with it). */
function holdsKey(
  customer: RankableCustomer,
  key: string | undefined,
  kind: MatchKind,
  nameTerms: NameTerms | undefined,
): boolean {
  if (key === undefined) return false;
  const stored = safeArray(customer.searchTerms);
  if (stored.length > 0) return stored.includes(key);
  // Without stored terms, names can be re-derived; order ids cannot (they are not on C).
  if (kind !== 'pinyin') return false;
  if (nameTerms === undefined)
    throw new Error('rankHits: a pinyin hit without terms needs nameTerms');
  return nameTerms([
    customer.nick,
    ...safeArray(customer.receiverNames).slice(0, MAX_RECEIVER_NAMES),
  ]).includes(key);
}

function judge(
  customer: RankableCustomer,
  via: MatchKind,
  text: string,
  prefixes: ReadonlyMap<MatchKind, string>,
  nameTerms: NameTerms | undefined,
): Judgement {
  switch (via) {
    case 'nick':
      return judgeName(customer, text);
    case 'pinyin': {
      const whole = holdsKey(customer, prefixes.get(via), via, nameTerms);
      return { score: whole ? SCORES.pinyinWhole : SCORES.pinyinPrefix, match: 'pinyin' };
    }
    case 'order': {
      const whole = holdsKey(customer, prefixes.get(via), via, nameTerms);
      return { score: whole ? SCORES.fullOrderId : SCORES.orderIdTail, match: 'order' };
    }
    case 'phone':
      return { score: SCORES.phoneTail, match: 'phone' };
  }
}

const byRank = <C extends RankableCustomer>(a: RankedResult<C>, b: RankedResult<C>): number =>
  b.score - a.score ||
  b.customer.lastOrderAt - a.customer.lastOrderAt ||
  (a.customer.key < b.customer.key ? -1 : a.customer.key > b.customer.key ? 1 : 0);

/**
 * Rank index hits for query `q`, whose plan is `plan` (see rank.ts `rankResults` for the order).
 * `nameTerms` is needed only when some hit {@link needsNameTerms}.
 */
export function rankHits<C extends RankableCustomer>(
  q: string,
  plan: readonly PlannedLookup[],
  hits: readonly SearchHit<C>[],
  limit = 20,
  nameTerms?: NameTerms,
): RankedResult<C>[] {
  const text = normalizeText(q);
  // Nothing searchable was typed, so no hit can be a match for it.
  if (text === '') return [];
  const prefixes = new Map(plan.map((p) => [p.kind, p.prefix] as const));
  const best = new Map<string, RankedResult<C>>();
  for (const { customer, via } of hits) {
    const { score, match } = judge(customer, via, text, prefixes, nameTerms);
    const seen = best.get(customer.key);
    if (seen === undefined || score > seen.score)
      best.set(customer.key, { customer, score, match });
  }
  const n = Number.isNaN(limit) ? 0 : Math.max(0, Math.floor(limit));
  return [...best.values()].sort(byRank).slice(0, n);
}
