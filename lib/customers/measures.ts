/**
 * R, F and M for one customer, now or "as of" an order (the customer as they were just before
 * it), read from the Customer aggregate's parallel purchase arrays without touching any order.
 */
import type { Customer } from '../schemas';
import { lowerBound, median } from './sorted';
import { chinaDay, wholeDays } from './time';

/** The order being looked at: only what happened before it counts. */
export type AsOf = { orderId: string; at: number };

/** Purchases that count, as parallel arrays sorted by time (fen amounts). */
export type Purchases = { at: readonly number[]; amount: readonly number[] };

export type Rhythm = 'monthly' | 'seasonal' | 'halfyearly' | 'irregular' | 'unknown';

/**
 * Buying-rhythm cuts in days, applied to the median gap between purchases: ≤ monthly → 'monthly',
 * ≤ seasonal → 'seasonal', ≤ halfyearly → 'halfyearly', longer → 'irregular'.
 */
export const RHYTHM_CUTS = { monthly: 45, seasonal: 120, halfyearly: 240 } as const;

/** What the rules need to know about a customer at a reference time. */
export type Measures = {
  /** F: purchases (same China day merged into one when the setting says so). */
  purchaseCount: number;
  /** M: total paid, fen. */
  totalSpent: number;
  /** 客单价: totalSpent / purchaseCount, fen, rounded; 0 without purchases. */
  avgOrderValue: number;
  lastPurchaseAt: number | null;
  /** R: whole days from the last purchase to the reference time; null without purchases. */
  recencyDays: number | null;
  /** Median of the whole-day gaps between consecutive purchases; null with fewer than 2. */
  medianGapDays: number | null;
  rhythm: Rhythm;
};

/**
 * The customer's purchases that count at the reference point. Without `asOf`: all of them.
 * With `asOf`: those strictly before `asOf.at`, never the order itself. When same-day purchases
 * merge, an earlier purchase on the order's own China day is part of the same purchase as this
 * order, so it does not count as "before" either (else a split cart would turn a first-time
 * buyer into a returning one).
 */
export function purchasesAsOf(
  c: Customer | undefined,
  asOf: AsOf | undefined,
  mergeSameDay: boolean,
): Purchases {
  if (!c) return { at: [], amount: [] };
  // The arrays are parallel by contract; reading only the common length keeps a damaged
  // record from producing undefined amounts.
  const n = Math.min(c.purchaseAt.length, c.purchaseAmount.length);
  let end = asOf ? lowerBound(c.purchaseAt, asOf.at, n) : n;
  if (asOf && mergeSameDay) {
    const day = chinaDay(asOf.at);
    while (end > 0 && chinaDay(c.purchaseAt[end - 1] ?? 0) === day) end--;
  }
  const at: number[] = [];
  const amount: number[] = [];
  for (let i = 0; i < end; i++) {
    if (asOf && c.purchaseOrderIds[i] === asOf.orderId) continue;
    at.push(c.purchaseAt[i] ?? 0);
    amount.push(c.purchaseAmount[i] ?? 0);
  }
  return { at, amount };
}

/**
 * The instants that count as separate purchases for F: every purchase, or, when merging, the
 * first purchase of each China day. Input must be sorted ascending.
 */
export function purchaseEvents(at: readonly number[], mergeSameDay: boolean): number[] {
  if (!mergeSameDay) return [...at];
  const out: number[] = [];
  let lastDay = NaN;
  for (const t of at) {
    const day = chinaDay(t);
    if (day !== lastDay) out.push(t);
    lastDay = day;
  }
  return out;
}

/** F alone, without building the events array (the shop statistics call this 100,000 times). */
export function frequencyOf(at: readonly number[], mergeSameDay: boolean): number {
  if (!mergeSameDay) return at.length;
  let count = 0;
  let lastDay = NaN;
  for (const t of at) {
    const day = chinaDay(t);
    if (day !== lastDay) count++;
    lastDay = day;
  }
  return count;
}

/** Sum of amounts in fen. */
export function sumFen(amounts: readonly number[]): number {
  let total = 0;
  for (const a of amounts) total += a;
  return total;
}

/** Buying rhythm from the median gap in days; null (fewer than 2 purchases) is 'unknown'. */
export function rhythmOf(medianGapDays: number | null): Rhythm {
  if (medianGapDays === null) return 'unknown';
  if (medianGapDays <= RHYTHM_CUTS.monthly) return 'monthly';
  if (medianGapDays <= RHYTHM_CUTS.seasonal) return 'seasonal';
  if (medianGapDays <= RHYTHM_CUTS.halfyearly) return 'halfyearly';
  return 'irregular';
}

/** Median whole-day gap between consecutive purchase instants (sorted); null with fewer than 2. */
export function medianGapDays(events: readonly number[]): number | null {
  const gaps: number[] = [];
  for (let i = 1; i < events.length; i++) {
    gaps.push(wholeDays(events[i - 1] ?? 0, events[i] ?? 0));
  }
  return median(gaps) ?? null;
}

/** R, F, M and rhythm from a set of purchases, at a reference time. */
export function measurePurchases(p: Purchases, reference: number, mergeSameDay: boolean): Measures {
  const events = purchaseEvents(p.at, mergeSameDay);
  const purchaseCount = events.length;
  const totalSpent = sumFen(p.amount);
  const lastPurchaseAt = p.at.length > 0 ? (p.at[p.at.length - 1] ?? null) : null;
  const gap = medianGapDays(events);
  return {
    purchaseCount,
    totalSpent,
    avgOrderValue: purchaseCount > 0 ? Math.round(totalSpent / purchaseCount) : 0,
    lastPurchaseAt,
    recencyDays: lastPurchaseAt === null ? null : wholeDays(lastPurchaseAt, reference),
    medianGapDays: gap,
    rhythm: rhythmOf(gap),
  };
}

/**
 * R/F/M, 客单价 and rhythm of a customer (undefined: never seen, so no purchases). The reference
 * time is the order's time when `asOf` is given, else `now`.
 */
export function measureCustomer(
  c: Customer | undefined,
  opts: { asOf?: AsOf; now: number; mergeSameDayPurchases: boolean },
): Measures {
  const p = purchasesAsOf(c, opts.asOf, opts.mergeSameDayPurchases);
  return measurePurchases(p, opts.asOf?.at ?? opts.now, opts.mergeSameDayPurchases);
}
