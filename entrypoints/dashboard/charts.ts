/**
 * The nine chart cards in page order. Each card's option is plain data built from the metrics,
 * so tests check exactly what ECharts is given.
 */
import type { ChartDef } from './chart-kit';
import { groups, rfm, stages, tiers } from './charts-customers';
import { firstOrder, ladder, newReturning, repurchase } from './charts-purchases';
import { reminders } from './charts-reminders';

export { CHART_NAMES, COLORS, type ChartBucket, type ChartDef, type ChartName } from './chart-kit';

/** The cards, in page order. */
export const CHARTS: readonly ChartDef[] = [
  newReturning,
  ladder,
  stages,
  groups,
  rfm,
  tiers,
  firstOrder,
  repurchase,
  reminders,
];
