/**
 * Which buyers rank: a figure block without its uncertain buyers (lib/db/shop-stats counts a
 * shop's statistics from what this keeps).
 */
import { FIGURES_STRIDE } from '../customers';
import { isUncertain, kindOfBuyerId, type Verdict } from '../identity';

/**
 * A block's figures without its uncertain buyers: they sit in their own bucket, as on the
 * dashboard, and do not move anyone's rank. The key's kind is its buyer id's prefix; the
 * purchase count is the block's own (figure 1).
 */
export function rankedFigures(
  keys: readonly string[],
  values: Float64Array,
  buyerIdAt: number,
  tokenVerdict: Verdict,
): Float64Array {
  let keep: number[] | undefined;
  keys.forEach((k, i) => {
    const unsure = isUncertain(
      kindOfBuyerId(k.slice(buyerIdAt)),
      values[i * FIGURES_STRIDE + 1]!,
      tokenVerdict,
    );
    if (unsure) keep ??= keys.slice(0, i).map((_, j) => j);
    else keep?.push(i);
  });
  if (!keep) return values;
  const out = new Float64Array(keep.length * FIGURES_STRIDE);
  keep.forEach((i, j) =>
    out.set(values.subarray(i * FIGURES_STRIDE, (i + 1) * FIGURES_STRIDE), j * FIGURES_STRIDE),
  );
  return out;
}
