/**
 * Customer rules: R/F/M, lifecycle, new vs returning, RFM scores and segments, tiers, repurchase
 * cycles and the conversion ladder. Pure functions: `now` comes in, nothing goes out.
 */
export type { AsOf, Measures, Purchases, Rhythm } from './measures';
export {
  RHYTHM_CUTS,
  frequencyOf,
  measureCustomer,
  measurePurchases,
  medianGapDays,
  purchaseEvents,
  purchasesAsOf,
  rhythmOf,
} from './measures';
export type { Group, Kind, Lifecycle, Stage } from './lifecycle';
export {
  GROUPS,
  KINDS,
  STAGES,
  groupOf,
  kindAsOfOrder,
  kindOf,
  stageOf,
  whyKind,
  whyStage,
} from './lifecycle';
export type { RfmScores, Score, ShopStats } from './stats';
export {
  SHOP_STATS_VERSION,
  checkShopStats,
  computeShopStats,
  computeShopStatsFromFigures,
  customerFigures,
  FIGURES_STRIDE,
  quantileScore,
  rfmScores,
} from './stats';
export { explainView, whyRfm } from './explain-view';
export type { Segment } from './segments';
export { SEGMENTS, SEGMENT_GRID, fmScore, segmentOf, whySegment } from './segments';
export type { ThresholdHit, Tier, TierSettings } from './tiers';
export {
  TIERS,
  spendPercentile,
  tierByRank,
  tierByThreshold,
  tierFor,
  tierOf,
  whyTier,
} from './tiers';
export type { Explanation } from './explain';
export { EXPLANATION_TEMPLATES, LABELS, explain } from './explain';
export * from './labels';
export * from './card-labels';
export type { CustomerView, DescribeOptions } from './describe';
export { describeCustomer, describeFigures } from './describe';
export type { ExplainContext, ViewFigures } from './explain-view';
export type { CycleOrder, ItemKey, RepurchaseCycle } from './repurchase';
export { itemKeyOf, repurchaseCycles } from './repurchase';
export type { ConversionLadder } from './ladder';
export { conversionLadder } from './ladder';
export { DAY_MS, chinaDay, wholeDays } from './time';
