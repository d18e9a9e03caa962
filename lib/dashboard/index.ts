/**
 * Dashboard metrics: pure functions of the records, the settings and `now`. Every bucket carries
 * the customer keys behind it, so a chart can open the list of customers it stands for.
 */
export type { Bucket, DateRange } from './types';
export { inRange, isWholeHistory, shareOf } from './types';
export type { RangePreset } from './range';
export { RANGE_PRESETS, rangeOf } from './range';
export type { MonthShare } from './new-returning';
export { NewReturningTally, chinaMonth, newReturningByMonth } from './new-returning';
export type { Scored } from './scored';
export { scoreCustomer, scoreCustomers } from './scored';
export type { RfmCell, TierBucket } from './segment-tallies';
export {
  GroupTally,
  RfmTally,
  STAGE_ORDER,
  StageTally,
  TierTally,
  groupBuckets,
  rfmGrid,
  stageBuckets,
  tierBuckets,
} from './segment-tallies';
export type { LadderResult, LadderRung } from './ladder-tally';
export { LADDER_TOP_RUNG, LadderTally, purchaseLadder } from './ladder-tally';
export type { BandBucket } from './first-order';
export { DEFAULT_FIRST_ORDER_BANDS, FirstOrderTally, firstOrderBands } from './first-order';
export type { ItemCycle } from './repurchase-tally';
export { TOP_ITEMS, topRepurchaseCycles } from './repurchase-tally';
export type { ChannelResponse, ReminderResponse, ResponseFigures } from './reminders';
export { reminderResponse } from './reminders';
export type { CustomerRow, Dashboard, DashboardInput, ShopHistory } from './compute';
export { DEFAULT_SLICE, computeDashboard, dashboardSteps } from './compute';
export {
  UTF8_BOM,
  chinaDate,
  csvFileName,
  customersCsv,
  displayRow,
  rowsFor,
} from './customer-list';
export { percent } from './percent';
export {
  bandLabel,
  channelLabel,
  daysLabel,
  groupLabel,
  rfmCellLabel,
  roundDays,
  rungLabel,
  stageLabel,
  tierLabel,
} from './bucket-labels';
export {
  firstOrderTakeaway,
  groupsTakeaway,
  ladderTakeaway,
  newReturningTakeaway,
  remindersTakeaway,
  repurchaseTakeaway,
  rfmTakeaway,
  stagesTakeaway,
  tiersTakeaway,
} from './takeaways';
