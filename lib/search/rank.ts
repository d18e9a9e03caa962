/**
 * Ranking of index hits: the index only says "some key starts with the prefix"; here we decide
 * how good each match is and put the customer staff most likely mean first.
 */
import type { MatchKind } from './kinds';
import { normalizeText } from './normalize';
import { planQuery } from './plan';
import { MAX_RECEIVER_NAMES, nameTermsFor, safeArray } from './terms';

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

/** Whether the customer holds exactly this key (not just a longer key starting with it). */
function holdsKey(customer: RankableCustomer, key: string | undefined, kind: MatchKind): boolean {
  if (key === undefined) return false;
  const stored = safeArray(customer.searchTerms);
  if (stored.length > 0) return stored.includes(key);
  // Without stored terms, names can be re-derived; order ids cannot (they are not on C).
  if (kind !== 'pinyin') return false;
  return nameTermsFor([
    customer.nick,
    ...safeArray(customer.receiverNames).slice(0, MAX_RECEIVER_NAMES),
  ]).includes(key);
}

function judge(
  customer: RankableCustomer,
  via: MatchKind,
  text: string,
  prefixes: ReadonlyMap<MatchKind, string>,
): Judgement {
  switch (via) {
    case 'nick':
      return judgeName(customer, text);
    case 'pinyin': {
      const whole = holdsKey(customer, prefixes.get(via), via);
      return { score: whole ? SCORES.pinyinWhole : SCORES.pinyinPrefix, match: 'pinyin' };
    }
    case 'order': {
      const whole = holdsKey(customer, prefixes.get(via), via);
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
  const text = normalizeText(q);
  // Nothing searchable was typed, so no hit can be a match for it.
  if (text === '') return [];
  const prefixes = new Map(planQuery(q).map((p) => [p.kind, p.prefix] as const));
  const best = new Map<string, RankedResult<C>>();
  for (const { customer, via } of hits) {
    const { score, match } = judge(customer, via, text, prefixes);
    const seen = best.get(customer.key);
    if (seen === undefined || score > seen.score)
      best.set(customer.key, { customer, score, match });
  }
  const n = Number.isNaN(limit) ? 0 : Math.max(0, Math.floor(limit));
  return [...best.values()].sort(byRank).slice(0, n);
}
