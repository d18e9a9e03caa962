/**
 * Member tiers (会员等级): by spend rank among the shop's purchasing customers (default), or by
 * fixed spend / purchase-count thresholds.
 */
import type { Settings } from '../settings';
import type { Explanation } from './explain';
import type { ShopStats } from './stats';
import { upperBound } from './sorted';

export type Tier = 'svip' | 'vip' | 'senior' | 'regular';
export const TIERS = ['svip', 'vip', 'senior', 'regular'] as const satisfies readonly Tier[];

export type TierSettings = Settings['tier'];

/**
 * Share (0..100) of the shop's purchasing customers who spent strictly more than `totalSpent`
 * fen: 0 is the top spender. Null when there is nothing to rank (no spend, or an empty shop).
 */
export function spendPercentile(totalSpent: number, stats: ShopStats): number | null {
  const n = stats.spend.length;
  if (totalSpent <= 0 || n === 0) return null;
  return ((n - upperBound(stats.spend, totalSpent)) / n) * 100;
}

/**
 * Tier by rank: the top `svip`% (by share of customers spending strictly more), the next `vip`%,
 * the next `senior`%, then regular. Equal spends share a tier.
 */
export function tierByRank(
  totalSpent: number,
  stats: ShopStats,
  shares: TierSettings['shares'],
): Tier {
  const n = stats.spend.length;
  if (totalSpent <= 0 || n === 0) return 'regular';
  const above = n - upperBound(stats.spend, totalSpent);
  // above/n·100 < cut, multiplied out so 7 % of 100 customers is not 7.000000000000001 %.
  const within = (cut: number) => above * 100 < cut * n;
  if (within(shares.svip)) return 'svip';
  if (within(shares.svip + shares.vip)) return 'vip';
  if (within(shares.svip + shares.vip + shares.senior)) return 'senior';
  return 'regular';
}

/** Which threshold a customer reached, if any. */
export type ThresholdHit = { tier: Tier; by: 'spend' | 'count' | null };

/**
 * Tier by thresholds: the highest tier whose spend (yuan, compared in fen) or purchase count the
 * customer reaches. A threshold of 0 means "not used": reaching 0 would make every buyer qualify.
 */
export function tierByThreshold(
  totalSpent: number,
  purchaseCount: number,
  thresholds: TierSettings['thresholds'],
): ThresholdHit {
  if (totalSpent <= 0) return { tier: 'regular', by: null };
  for (const tier of ['svip', 'vip', 'senior'] as const) {
    const t = thresholds[tier];
    if (t.spendYuan > 0 && totalSpent >= t.spendYuan * 100) return { tier, by: 'spend' };
    if (t.count > 0 && purchaseCount >= t.count) return { tier, by: 'count' };
  }
  return { tier: 'regular', by: null };
}

/** The tier in the seller's chosen mode, with how it was reached. */
export function tierOf(
  m: { totalSpent: number; purchaseCount: number },
  stats: ShopStats,
  settings: TierSettings,
): { tier: Tier; why: Explanation } {
  const tier = tierFor(m, stats, settings);
  const percentile = spendPercentile(m.totalSpent, stats);
  return { tier, why: whyTier(tier, m, percentile, stats.customers, settings) };
}

/** The tier in the seller's chosen mode. */
export function tierFor(
  m: { totalSpent: number; purchaseCount: number },
  stats: ShopStats,
  settings: TierSettings,
): Tier {
  if (m.totalSpent <= 0) return 'regular';
  return settings.mode === 'threshold'
    ? tierByThreshold(m.totalSpent, m.purchaseCount, settings.thresholds).tier
    : tierByRank(m.totalSpent, stats, settings.shares);
}

/**
 * Why a buyer has `tier`, from their figures alone (the spend percentile and the shop's size
 * stand for the statistics): the overlay's cards rebuild it from what a row carries.
 */
export function whyTier(
  tier: Tier,
  m: { totalSpent: number; purchaseCount: number },
  percentile: number | null,
  shopCustomers: number,
  settings: TierSettings,
): Explanation {
  const totalYuan = m.totalSpent / 100;
  if (m.totalSpent <= 0) return { rule: 'tier.noSpend', values: { tier: 'regular' } };
  if (settings.mode === 'threshold') {
    const hit = tierByThreshold(m.totalSpent, m.purchaseCount, settings.thresholds);
    const th = settings.thresholds;
    if (hit.by === null || hit.tier === 'regular') {
      return {
        rule: 'tier.threshold.none',
        values: {
          tier: 'regular',
          totalYuan,
          count: m.purchaseCount,
          seniorYuan: th.senior.spendYuan,
          seniorCount: th.senior.count,
        },
      };
    }
    const t = th[hit.tier];
    return hit.by === 'spend'
      ? {
          rule: 'tier.threshold.spend',
          values: { tier: hit.tier, totalYuan, thresholdYuan: t.spendYuan },
        }
      : {
          rule: 'tier.threshold.count',
          values: { tier: hit.tier, count: m.purchaseCount, thresholdCount: t.count },
        };
  }
  if (percentile === null) return { rule: 'tier.rank.noStats', values: { tier, totalYuan } };
  const s = settings.shares;
  return {
    rule: 'tier.rank',
    values: {
      tier,
      totalYuan,
      percentile,
      svipCut: s.svip,
      vipCut: s.svip + s.vip,
      seniorCut: s.svip + s.vip + s.senior,
      shopCustomers,
    },
  };
}
