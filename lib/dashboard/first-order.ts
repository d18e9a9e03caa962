/**
 * First-order value bands (首单金额分布): what new buyers spend on their first purchase, for
 * customers whose first purchase falls in the range.
 */
import type { Customer } from '../schemas';
import type { Bucket, DateRange } from './types';
import { inRange } from './types';

/** Default band lower bounds in yuan: ¥0–50, 50–100, 100–200, 200–500, 500–1000, 1000+. */
export const DEFAULT_FIRST_ORDER_BANDS: readonly number[] = [0, 50, 100, 200, 500, 1000];

/** A band [minYuan, maxYuan) of first-order value; maxYuan undefined for the open top band. */
export interface BandBucket extends Bucket<string> {
  minYuan: number;
  maxYuan?: number;
}

/** Accumulates first orders customer by customer. */
export class FirstOrderTally {
  private readonly bounds: number[];
  private readonly buckets: BandBucket[];

  /** `boundsYuan`: band lower bounds in yuan (sorted and de-duplicated here; 0 is implied). */
  constructor(
    boundsYuan: readonly number[],
    private readonly range: DateRange,
  ) {
    this.bounds = [...new Set([0, ...boundsYuan.filter((b) => Number.isFinite(b) && b >= 0)])].sort(
      (a, b) => a - b,
    );
    this.buckets = this.bounds.map((minYuan, i) => {
      const maxYuan = this.bounds[i + 1];
      return {
        id: maxYuan === undefined ? `${minYuan}+` : `${minYuan}-${maxYuan}`,
        minYuan,
        ...(maxYuan === undefined ? {} : { maxYuan }),
        count: 0,
        keys: [],
      };
    });
  }

  /** Counts the customer's first purchase, if it falls in the range. */
  add(c: Customer): void {
    const at = c.purchaseAt[0];
    const amount = c.purchaseAmount[0];
    if (at === undefined || amount === undefined || !inRange(at, this.range)) return;
    // Last band whose lower bound (in fen) the amount reaches: 50 yuan exactly is in 50–100.
    let i = this.bounds.length - 1;
    while (i > 0 && amount < (this.bounds[i] ?? 0) * 100) i--;
    const b = this.buckets[i];
    if (!b) return;
    b.count++;
    b.keys.push(c.key);
  }

  /** Bands from the lowest. */
  result(): BandBucket[] {
    return this.buckets;
  }
}

/** First-order value bands over a list of customers. */
export function firstOrderBands(
  customers: readonly Customer[],
  range: DateRange,
  boundsYuan: readonly number[] = DEFAULT_FIRST_ORDER_BANDS,
): BandBucket[] {
  const t = new FirstOrderTally(boundsYuan, range);
  for (const c of customers) t.add(c);
  return t.result();
}
