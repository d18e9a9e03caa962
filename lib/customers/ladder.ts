/** The purchase-count ladder for the dashboard: how many buy once, twice, …, and who comes back. */
import type { Customer } from '../schemas';
import type { Settings } from '../settings';
import { frequencyOf } from './measures';

export type ConversionLadder = {
  /** counts[k] = customers with exactly k purchases (k = 0: orders but no purchase yet). */
  counts: number[];
  /** 1→2, 2→3, 3→4: customers with ≥ to purchases / customers with ≥ from; 0 when none reached from. */
  rates: { from: number; to: number; rate: number }[];
};

/** The ladder over a shop's customers; purchases are counted as F is (merge setting honoured). */
export function conversionLadder(
  customers: readonly Customer[],
  settings: Pick<Settings, 'mergeSameDayPurchases'> = { mergeSameDayPurchases: false },
): ConversionLadder {
  const counts: number[] = [0];
  for (const c of customers) {
    const k = settings.mergeSameDayPurchases
      ? frequencyOf(c.purchaseAt, true)
      : c.purchaseAt.length;
    while (counts.length <= k) counts.push(0);
    counts[k] = (counts[k] ?? 0) + 1;
  }
  // atLeast[k] = customers with ≥ k purchases, by summing from the top.
  const atLeast: number[] = new Array<number>(counts.length + 1).fill(0);
  for (let k = counts.length - 1; k >= 0; k--)
    atLeast[k] = (atLeast[k + 1] ?? 0) + (counts[k] ?? 0);
  const rates = [1, 2, 3].map((from) => {
    const base = atLeast[from] ?? 0;
    const next = atLeast[from + 1] ?? 0;
    return { from, to: from + 1, rate: base > 0 ? next / base : 0 };
  });
  return { counts, rates };
}
