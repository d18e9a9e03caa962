/** The one call the overlay and popup make: everything a badge shows about a buyer. */
import type { Customer } from '../schemas';
import type { Settings } from '../settings';
import type { Explanation } from './explain';
import { explainView, type ViewFigures } from './explain-view';
import type { Group, Kind, Stage } from './lifecycle';
import { groupOf, kindAsOfOrder, kindOf, stageOf } from './lifecycle';
import type { AsOf, Rhythm } from './measures';
import { measureCustomer } from './measures';
import type { Segment } from './segments';
import { segmentOf } from './segments';
import type { RfmScores, ShopStats } from './stats';
import { rfmScores } from './stats';
import type { Tier } from './tiers';
import { spendPercentile, tierFor } from './tiers';

export type CustomerView = {
  /** New or returning: as of the order when `asOf` is given (is this a first purchase?). */
  kind: Kind;
  stage: Stage;
  group: Group;
  tier: Tier;
  segment: Segment;
  rfm: RfmScores;
  /** Whole days from the last purchase to the order (asOf) or to now; null without purchases. */
  recencyDays: number | null;
  purchaseCount: number;
  /** Fen. */
  totalSpent: number;
  /** 客单价, fen. */
  avgOrderValue: number;
  /** Share (0..100) of the shop's purchasing customers who spent more; null without spend. */
  spendPercentile: number | null;
  rhythm: Rhythm;
  explanations: {
    kind: Explanation;
    stage: Explanation;
    tier: Explanation;
    rfm: Explanation;
    segment: Explanation;
  };
};

export type DescribeOptions = {
  /** The order on screen: describe the buyer as they were just before it. */
  asOf?: AsOf;
  stats: ShopStats;
  settings: Settings;
  now: number;
};

/**
 * Who this buyer is. An undefined customer has never been seen: a brand-new buyer. With `asOf`,
 * every figure is measured just before that order (R up to the order's time) and scored against
 * the shop's current statistics.
 */
export function describeCustomer(c: Customer | undefined, opts: DescribeOptions): CustomerView {
  const figures = describeFigures(c, opts);
  const why = explainView(figures, {
    settings: opts.settings,
    shopCustomers: opts.stats.customers,
    asOfOrder: opts.asOf !== undefined,
  });
  return { ...figures, explanations: why };
}

/** {@link describeCustomer} without the explanations (an order row's answer leaves them out). */
export function describeFigures(c: Customer | undefined, opts: DescribeOptions): ViewFigures {
  const { settings, stats } = opts;
  const m = measureCustomer(c, {
    asOf: opts.asOf,
    now: opts.now,
    mergeSameDayPurchases: settings.mergeSameDayPurchases,
  });
  const asOfOrder = opts.asOf !== undefined;
  const kind = asOfOrder ? kindAsOfOrder(m.purchaseCount) : kindOf(m.purchaseCount);
  const stage = stageOf(m.recencyDays, settings.lifecycle);
  const rfm = rfmScores(m, stats);
  // Someone with no purchase yet is a new customer whatever the grid says about an R of "now".
  const segment: Segment = m.purchaseCount === 0 ? 'new' : segmentOf(rfm);
  return {
    kind,
    stage,
    group: groupOf(kind, m.recencyDays, settings.recentDays),
    tier: tierFor(m, stats, settings.tier),
    segment,
    rfm,
    recencyDays: m.recencyDays,
    purchaseCount: m.purchaseCount,
    totalSpent: m.totalSpent,
    avgOrderValue: m.avgOrderValue,
    spendPercentile: spendPercentile(m.totalSpent, stats),
    rhythm: m.rhythm,
  };
}
