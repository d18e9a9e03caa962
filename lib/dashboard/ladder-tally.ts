/**
 * The purchase-count ladder (复购阶梯): customers with 1, 2, 3, … purchases, the 1→2, 2→3, 3→4
 * conversion rates (lib/customers conversionLadder), and the customers on each rung.
 */
import { conversionLadder, frequencyOf, type ConversionLadder } from '../customers';
import type { Customer } from '../schemas';
import type { Settings } from '../settings';
import type { Bucket } from './types';
import { shareOf } from './types';

/** Rungs shown one by one; customers with this many purchases or more share the last rung. */
export const LADDER_TOP_RUNG = 10;

/** A rung: `id` purchases (the top rung: `id` or more). */
export interface LadderRung extends Bucket<number> {
  /** True for the last rung, which holds `id` purchases or more. */
  orMore: boolean;
}

export interface LadderResult {
  /** Rungs 1 … LADDER_TOP_RUNG (empty top rungs trimmed, rung 1 always there). */
  rungs: LadderRung[];
  /** The shared rule's counts and rates (counts[k] = customers with exactly k purchases). */
  ladder: ConversionLadder;
  /** Customers with at least one purchase. */
  purchasing: number;
  /** Share of purchasing customers who bought exactly once (the guides' "72 %"). */
  onceShare: number;
}

/** Collects the customers on each rung; purchases are counted as F is (merge setting honoured). */
export class LadderTally {
  private readonly keys: string[][] = Array.from({ length: LADDER_TOP_RUNG + 1 }, () => []);
  private readonly customers: Customer[] = [];

  constructor(private readonly settings: Pick<Settings, 'mergeSameDayPurchases'>) {}

  /** Puts one customer on their rung (none for a customer without a purchase). */
  add(c: Customer): void {
    this.customers.push(c);
    const k = frequencyOf(c.purchaseAt, this.settings.mergeSameDayPurchases);
    if (k === 0) return;
    this.keys[Math.min(k, LADDER_TOP_RUNG)]?.push(c.key);
  }

  /** The rungs, with counts and rates from conversionLadder over the same customers. */
  result(): LadderResult {
    const ladder = conversionLadder(this.customers, this.settings);
    const rungs: LadderRung[] = [];
    for (let k = 1; k <= LADDER_TOP_RUNG; k++) {
      const keys = this.keys[k] ?? [];
      rungs.push({ id: k, count: keys.length, keys, orMore: k === LADDER_TOP_RUNG });
    }
    while (rungs.length > 1 && rungs[rungs.length - 1]?.count === 0) rungs.pop();
    const purchasing = ladder.counts.reduce((sum, n, k) => (k > 0 ? sum + n : sum), 0);
    return { rungs, ladder, purchasing, onceShare: shareOf(ladder.counts[1] ?? 0, purchasing) };
  }
}

/** The ladder over a list of customers. */
export function purchaseLadder(
  customers: readonly Customer[],
  settings: Pick<Settings, 'mergeSameDayPurchases'>,
): LadderResult {
  const t = new LadderTally(settings);
  for (const c of customers) t.add(c);
  return t.result();
}
