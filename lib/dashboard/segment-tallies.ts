/**
 * Customer-level breakdowns: lifecycle stage, the four groups, member tier and the RFM grid.
 * Each is a tally fed one scored customer at a time (the dashboard's single pass) plus a plain
 * function over a list for everyone else.
 */
import { GROUPS, TIERS, type Group, type Score, type Stage, type Tier } from '../customers';
import type { Bucket } from './types';
import type { Scored } from './scored';

/**
 * Stages in chart order: the four by recency, then 'new' = customers with orders but no purchase
 * yet (unpaid or closed only), so the buckets always add up to every customer.
 */
export const STAGE_ORDER = [
  'active',
  'sleeping',
  'prechurn',
  'churned',
  'new',
] as const satisfies readonly Stage[];

function emptyBuckets<Id extends string | number>(ids: readonly Id[]): Map<Id, Bucket<Id>> {
  return new Map(ids.map((id) => [id, { id, count: 0, keys: [] }]));
}

function put<Id extends string | number>(buckets: Map<Id, Bucket<Id>>, id: Id, key: string): void {
  const b = buckets.get(id);
  if (!b) return;
  b.count++;
  b.keys.push(key);
}

/** Customers per lifecycle stage (活跃/睡眠/预流失/流失, and no purchase yet). */
export class StageTally {
  private readonly buckets = emptyBuckets<Stage>(STAGE_ORDER);
  /** Counts one customer. */
  add(s: Scored): void {
    put(this.buckets, s.view.stage, s.customer.key);
  }
  /** Buckets in STAGE_ORDER. */
  result(): Bucket<Stage>[] {
    return [...this.buckets.values()];
  }
}

/**
 * Purchasing customers per group (活跃新客 / 沉睡新客 / 活跃老客 / 沉睡老客). Customers without a
 * purchase are left out: "recent" is measured from a purchase, and they have none.
 */
export class GroupTally {
  private readonly buckets = emptyBuckets<Group>(GROUPS);
  /** Counts one customer if they have purchased. */
  add(s: Scored): void {
    if (s.view.purchaseCount === 0) return;
    put(this.buckets, s.view.group, s.customer.key);
  }
  /** Buckets in GROUPS order. */
  result(): Bucket<Group>[] {
    return [...this.buckets.values()];
  }
}

/** A tier bucket also sums what its customers spent. */
export interface TierBucket extends Bucket<Tier> {
  /** Total spent by the tier's customers, fen. */
  spent: number;
}

/** Customers per member tier (the seller's tier mode); everyone has a tier. */
export class TierTally {
  private readonly buckets = new Map<Tier, TierBucket>(
    TIERS.map((id) => [id, { id, count: 0, keys: [], spent: 0 }]),
  );
  /** Counts one customer. */
  add(s: Scored): void {
    const b = this.buckets.get(s.view.tier);
    if (!b) return;
    b.count++;
    b.keys.push(s.customer.key);
    b.spent += s.view.totalSpent;
  }
  /** Buckets in TIERS order (top tier first). */
  result(): TierBucket[] {
    return [...this.buckets.values()];
  }
}

/** One cell of the R × F heat map. */
export interface RfmCell extends Bucket<string> {
  r: Score;
  f: Score;
  /** Average M (total spent) of the cell's customers, fen, rounded; 0 for an empty cell. */
  avgSpent: number;
}

const SCORES = [1, 2, 3, 4, 5] as const satisfies readonly Score[];

/** Purchasing customers per (R score, F score), with the average M of each cell. */
export class RfmTally {
  private readonly cells: RfmCell[] = SCORES.flatMap((r) =>
    SCORES.map((f) => ({ id: `r${r}f${f}`, r, f, count: 0, keys: [], avgSpent: 0 })),
  );
  private readonly spent: number[] = new Array<number>(25).fill(0);
  /** Counts one customer if they have purchased (scores need a purchase). */
  add(s: Scored): void {
    if (s.view.purchaseCount === 0) return;
    const i = (s.view.rfm.r - 1) * 5 + (s.view.rfm.f - 1);
    const cell = this.cells[i];
    if (!cell) return;
    cell.count++;
    cell.keys.push(s.customer.key);
    this.spent[i] = (this.spent[i] ?? 0) + s.view.totalSpent;
  }
  /** 25 cells, R-major: index (r − 1) × 5 + (f − 1). */
  result(): RfmCell[] {
    return this.cells.map((c, i) => ({
      ...c,
      avgSpent: c.count > 0 ? Math.round((this.spent[i] ?? 0) / c.count) : 0,
    }));
  }
}

/** Runs a tally over a list. */
function tally<T extends { add(s: Scored): void; result(): R }, R>(
  t: T,
  scored: Iterable<Scored>,
): R {
  for (const s of scored) t.add(s);
  return t.result();
}

/** Customers per lifecycle stage. */
export const stageBuckets = (scored: Iterable<Scored>): Bucket<Stage>[] =>
  tally(new StageTally(), scored);
/** Purchasing customers per group. */
export const groupBuckets = (scored: Iterable<Scored>): Bucket<Group>[] =>
  tally(new GroupTally(), scored);
/** Customers per tier. */
export const tierBuckets = (scored: Iterable<Scored>): TierBucket[] =>
  tally(new TierTally(), scored);
/** The R × F grid. */
export const rfmGrid = (scored: Iterable<Scored>): RfmCell[] => tally(new RfmTally(), scored);
