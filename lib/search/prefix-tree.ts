/**
 * Search keys held in memory in the order a multiEntry IndexedDB index keeps them (by key, then
 * by the owner's primary key), without sorting them all up front: sorting a hundred thousand
 * customers' keys at once blocked the worker for seconds. Keys are filed by their first code
 * units (a trie); a node is split by the next unit, and a leaf sorted, only when a lookup reaches
 * it, so the first query pays for its own part of the tree and later ones for almost nothing;
 * a build can also prepare the whole tree ahead of queries, in small steps.
 *
 * Entries of a rewritten or deleted owner are taken out of sorted leaves at once, and out of
 * unsorted ones when they are sorted or hold too many dead entries (`isLive` tells them apart).
 */

export interface Entry<O extends { key: string }> {
  term: string;
  owner: O;
}

interface Leaf<O extends { key: string }> {
  entries: Entry<O>[];
  sorted: boolean;
  /** Entries known dead but still held (only in an unsorted leaf). */
  dead: number;
}

interface Branch<O extends { key: string }> {
  /** Keys that end at this node, sorted by owner. */
  whole: Leaf<O>;
  /** By the next code unit. */
  children: Map<string, Leaf<O> | Branch<O>>;
  /** The children's units in order, worked out when first walked. */
  order: string[] | null;
}

/** Nodes are made down to this depth on insert: the kind's tag, its colon and one unit. */
const EAGER_DEPTH = 3;

const compare = <O extends { key: string }>(a: Entry<O>, b: Entry<O>): number =>
  a.term < b.term
    ? -1
    : a.term > b.term
      ? 1
      : a.owner.key < b.owner.key
        ? -1
        : a.owner.key > b.owner.key
          ? 1
          : 0;

/** First position in a sorted leaf not before `probe`. */
function lowerBound<O extends { key: string }>(entries: Entry<O>[], probe: Entry<O>): number {
  let lo = 0;
  let hi = entries.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (compare(entries[mid]!, probe) < 0) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

const isBranch = <O extends { key: string }>(n: Leaf<O> | Branch<O>): n is Branch<O> =>
  'children' in n;
/** A leaf is sorted when a lookup first reads it; until then entries are only appended. */
const newLeaf = <O extends { key: string }>(): Leaf<O> => ({ entries: [], sorted: false, dead: 0 });
const newBranch = <O extends { key: string }>(): Branch<O> => ({
  whole: newLeaf(),
  children: new Map(),
  order: null,
});

export class PrefixTree<O extends { key: string }> {
  private readonly root = newBranch<O>();

  /**
   * @param isLive whether an entry's owner is still the current one.
   * @param leafSize a leaf past this many live entries is split when a lookup reaches it.
   */
  constructor(
    private readonly isLive: (e: Entry<O>) => boolean,
    private readonly leafSize = 1024,
  ) {}

  /** Files an entry (its owner must already be the live one). */
  insert(entry: Entry<O>): void {
    const leaf = this.leafFor(entry.term, true)!;
    if (leaf.sorted) leaf.entries.splice(lowerBound(leaf.entries, entry), 0, entry);
    else leaf.entries.push(entry);
  }

  /** Takes out an entry whose owner is no longer live. */
  remove(entry: Entry<O>): void {
    const leaf = this.leafFor(entry.term, false);
    if (!leaf) return;
    if (leaf.sorted) {
      const at = lowerBound(leaf.entries, entry);
      if (leaf.entries[at]?.owner === entry.owner) leaf.entries.splice(at, 1);
      return;
    }
    if (++leaf.dead > Math.max(64, leaf.entries.length / 2)) this.sweep(leaf);
  }

  /**
   * Visits the live entries whose term starts with `prefix`, in (term, owner key) order, until
   * `visit` returns false.
   */
  walk(prefix: string, visit: (e: Entry<O>) => boolean): void {
    let node: Leaf<O> | Branch<O> = this.root;
    let depth = 0;
    while (isBranch(node) && depth < prefix.length) {
      const next = this.child(node, prefix[depth]!, depth + 1);
      if (!next) return;
      node = next;
      depth++;
    }
    if (isBranch(node)) this.walkAll(node, depth, visit);
    else this.walkLeaf(node, prefix, visit);
  }

  /** The leaf `term` is filed in, made on the way when `make`. */
  private leafFor(term: string, make: boolean): Leaf<O> | undefined {
    let node: Branch<O> = this.root;
    for (let depth = 0; ; depth++) {
      if (depth === term.length) return node.whole;
      const unit = term[depth]!;
      let next = node.children.get(unit);
      if (!next) {
        if (!make) return undefined;
        next = depth + 1 < EAGER_DEPTH ? newBranch() : newLeaf();
        node.children.set(unit, next);
        node.order = null;
      }
      if (!isBranch(next)) return next;
      node = next;
    }
  }

  /** A child node, an oversized leaf split first (`depth`: the units its terms share). */
  private child(node: Branch<O>, unit: string, depth: number): Leaf<O> | Branch<O> | undefined {
    const found = node.children.get(unit);
    if (!found || isBranch(found) || found.entries.length - found.dead <= this.leafSize)
      return found;
    const branch = newBranch<O>();
    for (const e of found.entries) {
      if (!this.isLive(e)) continue;
      if (e.term.length === depth) branch.whole.entries.push(e);
      else {
        const unit = e.term[depth]!;
        const leaf = branch.children.get(unit) as Leaf<O> | undefined;
        if (leaf) leaf.entries.push(e);
        else branch.children.set(unit, { entries: [e], sorted: false, dead: 0 });
      }
    }
    node.children.set(unit, branch);
    return branch;
  }

  /** Every live entry under a branch, in order: its whole keys, then its children by unit. */
  private walkAll(node: Branch<O>, depth: number, visit: (e: Entry<O>) => boolean): boolean {
    if (!this.walkLeaf(node.whole, '', visit)) return false;
    node.order ??= [...node.children.keys()].sort();
    for (const unit of node.order) {
      const next = this.child(node, unit, depth + 1)!;
      const going = isBranch(next)
        ? this.walkAll(next, depth + 1, visit)
        : this.walkLeaf(next, '', visit);
      if (!going) return false;
    }
    return true;
  }

  /**
   * Splits and sorts the whole tree ahead of queries, one node per step: a build runs the steps
   * in slices, so no query pays for sorting its part of the tree. Parts filed meanwhile are left
   * to the queries that reach them, as before.
   */
  *prepare(): Generator<void, void, undefined> {
    const stack: [Branch<O>, number][] = [[this.root, 0]];
    for (let top = stack.pop(); top; top = stack.pop()) {
      const [node, depth] = top;
      this.sortLeaf(node.whole);
      node.order ??= [...node.children.keys()].sort();
      for (const unit of node.order) {
        const next = this.child(node, unit, depth + 1);
        if (next && isBranch(next)) stack.push([next, depth + 1]);
        else if (next) this.sortLeaf(next);
        yield;
      }
    }
  }

  private sortLeaf(leaf: Leaf<O>): void {
    if (leaf.sorted) return;
    this.sweep(leaf);
    leaf.entries.sort(compare);
    leaf.sorted = true;
  }

  private walkLeaf(leaf: Leaf<O>, prefix: string, visit: (e: Entry<O>) => boolean): boolean {
    this.sortLeaf(leaf);
    const { entries } = leaf;
    const from = prefix === '' ? 0 : lowerBound(entries, { term: prefix, owner: { key: '' } as O });
    for (let i = from; i < entries.length && entries[i]!.term.startsWith(prefix); i++)
      if (!visit(entries[i]!)) return false;
    return true;
  }

  /** Drops the dead entries of an unsorted leaf. */
  private sweep(leaf: Leaf<O>): void {
    leaf.entries = leaf.entries.filter(this.isLive);
    leaf.dead = 0;
  }
}
