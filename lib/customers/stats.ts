/**
 * Shop statistics: the sorted R, F and M of every purchasing customer of a shop, computed once
 * (one sort per axis) so any customer, or any customer as of any order, is scored with binary
 * searches. The axes are Float64Arrays: IndexedDB stores and clones them as one block of bytes,
 * so caching and reading 100,000 customers' figures costs a copy, not 300,000 values.
 */
import type { Customer } from '../schemas';
import type { Settings } from '../settings';
import type { Measures } from './measures';
import { frequencyOf, sumFen } from './measures';
import { lowerBound, sortedAscending, upperBound } from './sorted';
import { wholeDays } from './time';

export const SHOP_STATS_VERSION = 2;

/** Statistics of one shop, cached per shop (the background's stats table). */
export interface ShopStats {
  version: typeof SHOP_STATS_VERSION;
  /** `now` when computed: R values are days before this instant. */
  computedAt: number;
  /** F was counted with this setting; recompute when it changes. */
  mergeSameDayPurchases: boolean;
  /** Purchasing customers (at least one purchase). */
  customers: number;
  /** R of each purchasing customer in whole days, ascending. */
  recencyDays: Float64Array;
  /** F of each purchasing customer, ascending. */
  frequency: Float64Array;
  /** M (total spent, fen) of each purchasing customer, ascending; also the tier spend ranks. */
  spend: Float64Array;
}

/**
 * An ascending axis (checked in one pass: cheap next to any read of the record). Recognised by
 * its tag, not instanceof: a copy made by another realm's structured clone is still one.
 */
function isSortedAxis(v: unknown): v is Float64Array {
  return (
    ArrayBuffer.isView(v) &&
    (v as { [Symbol.toStringTag]?: string })[Symbol.toStringTag] === 'Float64Array' &&
    ascending(v as Float64Array)
  );
}

/**
 * Whether the axis never goes down (a NaN after the first value fails). A plain loop: `every`
 * with a callback took about 2 ms (under the profiler) for a 20k-customer shop's three axes as
 * the popup opened, and the popup reads the record on every open.
 */
function ascending(a: Float64Array): boolean {
  for (let i = 1; i < a.length; i++) if (!(a[i - 1]! <= a[i]!)) return false;
  return true;
}

/**
 * A stored statistics record checked (a cache read is validated: an older version's record, or
 * a damaged one, is recounted). Written without zod: the popup reads the record as it opens, and
 * the schema library is not in its first load. Returns a copy holding only the fields above.
 */
export function checkShopStats(v: unknown): ShopStats | null {
  if (typeof v !== 'object' || v === null) return null;
  const s = v as Record<string, unknown>;
  const { computedAt, customers, mergeSameDayPurchases } = s;
  if (
    s.version !== SHOP_STATS_VERSION ||
    typeof computedAt !== 'number' ||
    !Number.isFinite(computedAt) ||
    typeof mergeSameDayPurchases !== 'boolean' ||
    typeof customers !== 'number' ||
    !Number.isSafeInteger(customers) ||
    customers < 0 ||
    !isSortedAxis(s.recencyDays) ||
    !isSortedAxis(s.frequency) ||
    !isSortedAxis(s.spend)
  )
    return null;
  return {
    version: SHOP_STATS_VERSION,
    computedAt,
    mergeSameDayPurchases,
    customers,
    recencyDays: s.recencyDays,
    frequency: s.frequency,
    spend: s.spend,
  };
}

export type Score = 1 | 2 | 3 | 4 | 5;
export type RfmScores = { r: Score; f: Score; m: Score };

/** The statistics of a shop's customers (those without a purchase are left out). */
export function computeShopStats(
  customers: readonly Customer[],
  settings: Pick<Settings, 'mergeSameDayPurchases'>,
  now: number,
): ShopStats {
  // One reading of a customer's figures, so both ways to the statistics agree.
  const blocks: (readonly number[])[] = [];
  for (const c of customers) {
    const figures = customerFigures(c);
    if (figures) blocks.push(figures);
  }
  return computeShopStatsFromFigures(blocks, settings, now);
}

/** Numbers per customer in a figures block: see {@link customerFigures}. */
export const FIGURES_STRIDE = 4;

/**
 * What the shop statistics need of one customer, in a fixed order: last purchase time, purchase
 * count, purchase count with same-day purchases merged, total spent (fen). Undefined for a
 * customer without a purchase (they are not ranked). The background keeps these per shop in
 * compact blocks (lib/db/figures) so a full recompute reads a few hundred records, not 100,000.
 */
export function customerFigures(
  c: Pick<Customer, 'purchaseAt' | 'purchaseAmount'>,
): [number, number, number, number] | undefined {
  const last = c.purchaseAt[c.purchaseAt.length - 1];
  if (last === undefined) return undefined;
  return [
    last,
    frequencyOf(c.purchaseAt, false),
    frequencyOf(c.purchaseAt, true),
    sumFen(c.purchaseAmount),
  ];
}

/**
 * The same statistics as {@link computeShopStats} from blocks of {@link customerFigures}
 * (FIGURES_STRIDE numbers per customer): no customer record is read.
 */
export function computeShopStatsFromFigures(
  blocks: Iterable<ArrayLike<number>>,
  settings: Pick<Settings, 'mergeSameDayPurchases'>,
  now: number,
): ShopStats {
  const merge = settings.mergeSameDayPurchases;
  const r: number[] = [];
  const f: number[] = [];
  const m: number[] = [];
  for (const block of blocks) {
    for (let i = 0; i + FIGURES_STRIDE <= block.length; i += FIGURES_STRIDE) {
      r.push(wholeDays(block[i]!, now));
      f.push(block[i + (merge ? 2 : 1)]!);
      m.push(block[i + 3]!);
    }
  }
  return statsOf(r, f, m, merge, now);
}

function statsOf(r: number[], f: number[], m: number[], merge: boolean, now: number): ShopStats {
  return {
    version: SHOP_STATS_VERSION,
    computedAt: now,
    mergeSameDayPurchases: merge,
    customers: r.length,
    recencyDays: sortedAscending(r),
    frequency: sortedAscending(f),
    spend: sortedAscending(m),
  };
}

/**
 * Quantile score 1..5 of a value among a sorted sample, by its mid-rank percentile
 * p = (worse + equal/2) / n and score = clamp(ceil(5p), 1, 5). Ties share a score; one customer
 * alone sits at p = 0.5, score 3. `higherIsBetter` false (R) inverts: fewer days score higher.
 * An empty sample scores a neutral 3.
 */
export function quantileScore(
  sorted: ArrayLike<number>,
  value: number,
  higherIsBetter: boolean,
): Score {
  const n = sorted.length;
  if (n === 0) return 3;
  const below = lowerBound(sorted, value);
  const upTo = upperBound(sorted, value);
  const equal = upTo - below;
  const worse = higherIsBetter ? below : n - upTo;
  // Integer arithmetic: ceil(5 * (2·worse + equal) / (2n)) has no rounding error at the cuts.
  const score = Math.ceil((5 * (2 * worse + equal)) / (2 * n));
  return Math.min(5, Math.max(1, score)) as Score;
}

/**
 * R, F and M scores of measured values against the shop. A buyer with no purchase yet is buying
 * right now, so their R is scored as 0 days.
 */
export function rfmScores(
  v: Pick<Measures, 'recencyDays' | 'purchaseCount' | 'totalSpent'>,
  stats: ShopStats,
): RfmScores {
  return {
    r: quantileScore(stats.recencyDays, v.recencyDays ?? 0, false),
    f: quantileScore(stats.frequency, v.purchaseCount, true),
    m: quantileScore(stats.spend, v.totalSpent, true),
  };
}
