/**
 * A shop's statistics from its figure blocks (lib/db/figures), uncertain buyers left out: the
 * reader the background's cache and the popup share. Kept apart from the row queries so the popup
 * does not load ingest (and its pinyin dictionary) to rank a card.
 */
import { computeShopStatsFromFigures, FIGURES_STRIDE, type ShopStats } from '../customers';
import { isUncertain, judgeKind, kindOfBuyerId, type Verdict } from '../identity';
import { shopKey, type Platform } from '../schemas';
import type { Settings } from '../settings';
import type { KezhiDb } from './index';

/** Computes a shop's statistics from its figure blocks (lib/db/figures); writes nothing. */
export async function readShopStats(
  db: KezhiDb,
  platform: Platform,
  shopId: string,
  settings: Settings,
  now: number,
): Promise<ShopStats> {
  const key = shopKey(platform, shopId);
  const [blocks, shop] = await Promise.all([
    db.figures.where('[shopKey+bucket]').between([key, -Infinity], [key, Infinity]).toArray(),
    db.shops.get(key),
  ]);
  const tokenVerdict = judgeKind(shop?.identityEvidence ?? {}, 'token').verdict;
  return computeShopStatsFromFigures(
    blocks.map((b) => rankedFigures(b.keys, b.values, key.length + 1, tokenVerdict)),
    settings,
    now,
  );
}

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
