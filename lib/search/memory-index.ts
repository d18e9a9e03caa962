/**
 * The background's in-memory search index: every customer's stored search keys (`searchTerms`)
 * in one sorted list of (key, customer) pairs, the order the `*searchTerms` index keeps them in,
 * so a planned lookup is a binary search and a scan of at most {@link LOOKUP_LIMIT} entries, and
 * ranking reads a few fields held here instead of whole customer records.
 *
 * Writes since the last build land in a small sorted delta (and hide the writer's old entries in
 * the base); past a bound the two are merged again. Answers equal search.ts `searchCustomers`
 * over the same customers, entry for entry (test/search/memory-index.test.ts holds it to that).
 */
import { MAX_RECEIVER_NAMES, safeArray } from './fields';
import type { PlannedLookup } from './lookups';
import { MAX_RAW_UNITS } from './normalize';
import { planQuery } from './plan';
import { rankHits, type MatchType, type SearchHit } from './score';
import { LOOKUP_LIMIT } from './search';

/** What the index keeps of a customer: the fields ranking reads, nothing else. */
export interface IndexedCustomer {
  key: string;
  nick: string;
  lastOrderAt: number;
  receiverNames: readonly string[];
}

/** A customer record as stored (the fields the index reads; the rest is ignored). */
export interface IndexableCustomer extends IndexedCustomer {
  searchTerms?: readonly unknown[];
}

/** One ranked answer: enough for the asker to read the 20 records it shows. */
export interface IndexAnswer {
  key: string;
  score: number;
  match: MatchType;
}

/** Parallel arrays sorted by (term, owner key): the order IndexedDB keeps a multiEntry index in. */
interface Sorted {
  terms: string[];
  owners: IndexedCustomer[];
}

/** Delta entries merged into the base past this many, or past a sixteenth of the base. */
const MIN_DELTA = 1024;

// Ranking reads at most this much of a name (normalizeText looks no further).
const head = (s: unknown): string => (typeof s === 'string' ? s.slice(0, MAX_RAW_UNITS) : '');

/** The compact copy of a record, and its distinct string keys (a multiEntry index holds each once). */
function compactOf(c: IndexableCustomer): { customer: IndexedCustomer; terms: string[] } {
  const customer: IndexedCustomer = {
    key: c.key,
    nick: head(c.nick),
    lastOrderAt: c.lastOrderAt,
    receiverNames: safeArray(c.receiverNames).slice(0, MAX_RECEIVER_NAMES).map(head),
  };
  const terms = new Set(safeArray(c.searchTerms).filter((t) => typeof t === 'string'));
  return { customer, terms: [...terms] };
}

const compare = (termA: string, keyA: string, termB: string, keyB: string): number =>
  termA < termB ? -1 : termA > termB ? 1 : keyA < keyB ? -1 : keyA > keyB ? 1 : 0;

/** First position in `s` not before (term, key). */
function lowerBound(s: Sorted, term: string, key = ''): number {
  let lo = 0;
  let hi = s.terms.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (compare(s.terms[mid]!, s.owners[mid]!.key, term, key) < 0) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

function sortedOf(pairs: { term: string; owner: IndexedCustomer }[]): Sorted {
  pairs.sort((a, b) => compare(a.term, a.owner.key, b.term, b.owner.key));
  return { terms: pairs.map((p) => p.term), owners: pairs.map((p) => p.owner) };
}

/** The in-memory index; build it with {@link MemoryIndex.build} from the customers table. */
export class MemoryIndex {
  private base: Sorted;
  private delta: Sorted = { terms: [], owners: [] };
  /** Customers whose base entries are out of date (rewritten or deleted since the merge). */
  private stale = new Set<string>();
  /** The delta's keys per customer, to take them out again when it is rewritten. */
  private deltaTerms = new Map<string, string[]>();

  private constructor(base: Sorted) {
    this.base = base;
  }

  /** Indexes the given customers (any order). */
  static build(customers: Iterable<IndexableCustomer>): MemoryIndex {
    const pairs: { term: string; owner: IndexedCustomer }[] = [];
    for (const c of customers) {
      const { customer, terms } = compactOf(c);
      for (const term of terms) pairs.push({ term, owner: customer });
    }
    return new MemoryIndex(sortedOf(pairs));
  }

  /** Entries held (base and delta, stale ones included): for tests and the merge bound. */
  get size(): { base: number; delta: number } {
    return { base: this.base.terms.length, delta: this.delta.terms.length };
  }

  /** A customer was written (added or replaced). */
  put(record: IndexableCustomer): void {
    this.delete(record.key);
    const { customer, terms } = compactOf(record);
    for (const term of terms) {
      const at = lowerBound(this.delta, term, customer.key);
      this.delta.terms.splice(at, 0, term);
      this.delta.owners.splice(at, 0, customer);
    }
    this.deltaTerms.set(customer.key, terms);
    if (this.delta.terms.length > Math.max(MIN_DELTA, this.base.terms.length / 16)) this.merge();
  }

  /** A customer was deleted (or is about to be rewritten). */
  delete(key: string): void {
    this.stale.add(key);
    for (const term of this.deltaTerms.get(key) ?? []) {
      const at = lowerBound(this.delta, term, key);
      this.delta.terms.splice(at, 1);
      this.delta.owners.splice(at, 1);
    }
    this.deltaTerms.delete(key);
  }

  /** Folds the delta into the base: one sorted merge, stale entries dropped. */
  merge(): void {
    const { base, delta, stale } = this;
    const out: Sorted = { terms: [], owners: [] };
    let i = 0;
    let j = 0;
    while (i < base.terms.length || j < delta.terms.length) {
      const fromBase =
        j >= delta.terms.length ||
        (i < base.terms.length &&
          compare(base.terms[i]!, base.owners[i]!.key, delta.terms[j]!, delta.owners[j]!.key) < 0);
      if (fromBase) {
        if (!stale.has(base.owners[i]!.key)) {
          out.terms.push(base.terms[i]!);
          out.owners.push(base.owners[i]!);
        }
        i++;
      } else {
        out.terms.push(delta.terms[j]!);
        out.owners.push(delta.owners[j]!);
        j++;
      }
    }
    this.base = out;
    this.delta = { terms: [], owners: [] };
    this.stale = new Set();
    this.deltaTerms = new Map();
  }

  /**
   * The first `limit` live entries whose key starts with `prefix`, in index order: what
   * `where('searchTerms').startsWith(prefix).limit(limit)` reads, one entry per key held.
   */
  lookup(prefix: string, limit = LOOKUP_LIMIT): { term: string; owner: IndexedCustomer }[] {
    const { base, delta, stale } = this;
    const out: { term: string; owner: IndexedCustomer }[] = [];
    let i = lowerBound(base, prefix);
    let j = lowerBound(delta, prefix);
    const inBase = () => i < base.terms.length && base.terms[i]!.startsWith(prefix);
    const inDelta = () => j < delta.terms.length && delta.terms[j]!.startsWith(prefix);
    while (out.length < limit && (inBase() || inDelta())) {
      const fromBase =
        !inDelta() ||
        (inBase() &&
          compare(base.terms[i]!, base.owners[i]!.key, delta.terms[j]!, delta.owners[j]!.key) < 0);
      if (fromBase) {
        if (!stale.has(base.owners[i]!.key))
          out.push({ term: base.terms[i]!, owner: base.owners[i]! });
        i++;
      } else {
        out.push({ term: delta.terms[j]!, owner: delta.owners[j]! });
        j++;
      }
    }
    return out;
  }

  /**
   * Ranked answers for a typed query, as search.ts `searchCustomers` ranks them: the planned
   * lookups here, then score.ts `rankHits` over the compact copies.
   */
  search(q: string, limit = 20): IndexAnswer[] {
    const plan = planQuery(q);
    if (plan.length === 0) return [];
    const hits = plan.flatMap((p) => this.hitsFor(p));
    return rankHits(q, plan, hits, limit).map(({ customer, score, match }) => ({
      key: customer.key,
      score,
      match,
    }));
  }

  /**
   * One lookup's hits. Ranking asks whether a customer holds the planned key itself (a full order
   * id, a whole pinyin spelling); such an entry sorts first in the range, so the scan has seen it
   * whenever it has seen the customer at all. Each hit carries the keys seen as its terms.
   */
  private hitsFor({ kind, prefix }: PlannedLookup): SearchHit<RankedCopy>[] {
    const found = this.lookup(prefix);
    const seen = new Map<string, string[]>();
    for (const { term, owner } of found) {
      const terms = seen.get(owner.key);
      if (terms) terms.push(term);
      else seen.set(owner.key, [term]);
    }
    return found.map(({ owner }) => ({
      customer: { ...owner, searchTerms: seen.get(owner.key)! },
      via: kind,
    }));
  }
}

/** A compact copy with the keys a lookup saw, as ranking reads it. */
type RankedCopy = IndexedCustomer & { searchTerms: readonly string[] };
