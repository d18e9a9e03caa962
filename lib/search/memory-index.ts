/**
 * The background's in-memory search index: every customer's stored search keys (`searchTerms`)
 * in the order the `*searchTerms` index keeps them (prefix-tree.ts), so a planned lookup is a
 * descent and a scan of at most {@link LOOKUP_LIMIT} entries, and ranking reads a few fields held
 * here instead of whole customer records.
 *
 * A write replaces the customer's entries in place (sorted leaves at once, the rest when first
 * read). Answers equal search.ts `searchCustomers` over the same customers, entry for entry
 * (test/search/memory-index.test.ts holds it to that).
 */
import { MAX_RECEIVER_NAMES, safeArray } from './fields';
import type { PlannedLookup } from './lookups';
import { MAX_RAW_UNITS } from './normalize';
import { planQuery } from './plan';
import { PrefixTree, type Entry } from './prefix-tree';
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

// Ranking reads at most this much of a name (normalizeText looks no further).
const head = (s: unknown): string => (typeof s === 'string' ? s.slice(0, MAX_RAW_UNITS) : '');

/** The compact copy of a record, with its distinct string keys (a multiEntry index holds each once). */
function compactOf(c: IndexableCustomer): Held {
  return {
    key: c.key,
    nick: head(c.nick),
    lastOrderAt: c.lastOrderAt,
    receiverNames: safeArray(c.receiverNames).slice(0, MAX_RECEIVER_NAMES).map(head),
    terms: [...new Set(safeArray(c.searchTerms).filter((t) => typeof t === 'string'))],
  };
}

/**
 * A customer as held: the compact copy, the keys filed for it, and whether a later write or a
 * delete has replaced it (its entries are then dead; a flag is cheaper to ask than the map).
 */
type Held = IndexedCustomer & { terms: readonly string[]; replaced?: true };

/** The in-memory index; build it with {@link MemoryIndex.build} from the customers table. */
export class MemoryIndex {
  private readonly held = new Map<string, Held>();
  private readonly tree: PrefixTree<Held>;

  private constructor(leafSize?: number) {
    this.tree = new PrefixTree((e) => !e.owner.replaced, leafSize);
  }

  /**
   * Indexes the given customers (any order). Nothing is sorted here: each part of the index is
   * sorted when a query first reads it. `leafSize` is for tests (small leaves split often).
   */
  static build(customers: Iterable<IndexableCustomer>, leafSize?: number): MemoryIndex {
    const index = new MemoryIndex(leafSize);
    for (const c of customers) index.put(c);
    return index;
  }

  /** Sorts the index ahead of queries, a step at a time (see PrefixTree.prepare). */
  prepare(): Generator<void, void, undefined> {
    return this.tree.prepare();
  }

  /** A customer was written (added or replaced). */
  put(record: IndexableCustomer): void {
    this.delete(record.key);
    const owner = compactOf(record);
    this.held.set(owner.key, owner);
    for (const term of owner.terms) this.tree.insert({ term, owner });
  }

  /** A customer was deleted. */
  delete(key: string): void {
    const owner = this.held.get(key);
    if (!owner) return;
    this.held.delete(key);
    owner.replaced = true;
    for (const term of owner.terms) this.tree.remove({ term, owner });
  }

  /**
   * The first `limit` entries whose key starts with `prefix`, in index order: what
   * `where('searchTerms').startsWith(prefix).limit(limit)` reads, one entry per key held.
   */
  lookup(prefix: string, limit = LOOKUP_LIMIT): Entry<IndexedCustomer>[] {
    const out: Entry<IndexedCustomer>[] = [];
    if (limit > 0)
      this.tree.walk(prefix, (e) => {
        out.push(e);
        return out.length < limit;
      });
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
      customer: {
        key: owner.key,
        nick: owner.nick,
        lastOrderAt: owner.lastOrderAt,
        receiverNames: owner.receiverNames,
        searchTerms: seen.get(owner.key)!,
      },
      via: kind,
    }));
  }
}

/** A compact copy with the keys a lookup saw, as ranking reads it. */
type RankedCopy = IndexedCustomer & { searchTerms: readonly string[] };
