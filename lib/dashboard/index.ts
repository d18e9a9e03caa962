/**
 * Dashboard metrics: pure functions of the records, the settings and `now`. Every bucket carries
 * the customer keys behind it, so a chart can open the list of customers it stands for.
 */
export { type Bucket, type DateRange, inRange, isWholeHistory, shareOf } from './types';
export { type RangePreset, RANGE_PRESETS, rangeOf } from './range';
export {
  type MonthShare,
  NewReturningTally,
  chinaMonth,
  newReturningByMonth,
} from './new-returning';
export { type Scored, scoreCustomer, scoreCustomers } from './scored';
export {
  type RfmCell,
  type TierBucket,
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
export {
  type LadderResult,
  type LadderRung,
  LADDER_TOP_RUNG,
  LadderTally,
  purchaseLadder,
} from './ladder-tally';
export {
  type BandBucket,
  DEFAULT_FIRST_ORDER_BANDS,
  FirstOrderTally,
  firstOrderBands,
} from './first-order';
export { type ItemCycle, TOP_ITEMS, topRepurchaseCycles } from './repurchase-tally';
export {
  type ChannelResponse,
  type ReminderResponse,
  type ResponseFigures,
  reminderResponse,
} from './reminders';
export {
  type CustomerRow,
  type Dashboard,
  type DashboardInput,
  type ShopHistory,
  DEFAULT_SLICE,
  computeDashboard,
  dashboardSteps,
} from './compute';
export {
  type DisplayRow,
  UTF8_BOM,
  csvFileName,
  customersCsv,
  displayRow,
  rowsFor,
} from './customer-list';
export { percent } from './percent';
export { chinaDate } from '../china-time';
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
