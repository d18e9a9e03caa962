/**
 * The sentences behind a view (why this tier, stage, segment...), from the view's figures alone.
 * Kept free of the statistics code (and its zod schema): the order page's on-demand half loads
 * it to rebuild a hovered chip's card from a row's answer, which carries only the figures.
 */
import type { Settings } from '../settings';
import type { CustomerView } from './describe';
import type { Explanation } from './explain';
import { whyKind, whyStage } from './lifecycle';
import type { Measures } from './measures';
import { whySegment } from './segments';
import type { RfmScores } from './stats';
import { whyTier } from './tiers';

/** A view without its explanations: what an order row's answer carries. */
export type ViewFigures = Omit<CustomerView, 'explanations'>;

/** What a view's explanations need besides its figures. */
export interface ExplainContext {
  settings: Pick<Settings, 'lifecycle' | 'tier'>;
  /** The shop's purchasing customers (ShopStats.customers). */
  shopCustomers: number;
  /** Whether the view describes the buyer as of an order (describeCustomer's `asOf`). */
  asOfOrder: boolean;
}

/**
 * Why a view says what it says, from its figures alone: describeCustomer's explanations, and the
 * same sentences the overlay's cards rebuild from a row's answer (which leaves them out).
 */
export function explainView(v: ViewFigures, ctx: ExplainContext): CustomerView['explanations'] {
  const { settings, shopCustomers, asOfOrder } = ctx;
  return {
    kind: whyKind(v.kind, v.purchaseCount, asOfOrder),
    stage: whyStage(v.stage, v.recencyDays, settings.lifecycle),
    tier: whyTier(v.tier, v, v.spendPercentile, shopCustomers, settings.tier),
    rfm: whyRfm(v.rfm, v, shopCustomers),
    segment: whySegment(v.segment, v.rfm, v.purchaseCount === 0),
  };
}

/** How the RFM scores were reached: the raw figures and the shop they were ranked in. */
export function whyRfm(
  scores: RfmScores,
  v: Pick<Measures, 'recencyDays' | 'purchaseCount' | 'totalSpent' | 'avgOrderValue'>,
  shopCustomers: number,
): Explanation {
  const common = {
    r: scores.r,
    f: scores.f,
    m: scores.m,
    count: v.purchaseCount,
    totalYuan: v.totalSpent / 100,
    avgYuan: v.avgOrderValue / 100,
    shopCustomers,
  };
  if (v.recencyDays === null) return { rule: 'rfm.noPurchase', values: common };
  return { rule: 'rfm.scores', values: { ...common, days: v.recencyDays } };
}
