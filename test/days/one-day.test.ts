/**
 * One day: R, lifecycle stages, care and recall all count China calendar days, and shop
 * statistics are rebuilt when the China date changes even though nothing was synced. Run under
 * TZ=UTC, Asia/Shanghai and America/Los_Angeles (three vitest projects, vitest.config.ts): a rule
 * that read the machine's local day would pass under one of them and fail under another.
 */
import { dueMoments, chinaDaysBetween } from '../../lib/care';
import { computeShopStats, describeCustomer } from '../../lib/customers';
import { openDb, type KezhiDb } from '../../lib/db';
import { ingestOrders } from '../../lib/db/ingest';
import { clearStatsCache, getShopStats } from '../../lib/db/shop-stats';
import { DEFAULT_SETTINGS } from '../../lib/settings';
import { order } from '../support/make-order';
import { makeCustomer } from '../support/make-customer';

const HOUR = 3_600_000;

/** China wall-clock time as an instant, by UTC calendar arithmetic (Date.UTC rolls days over). */
const china = (dayFromJan1: number, h: number, m: number) =>
  Date.UTC(2025, 0, 1 + dayFromJan1, h, m) - 8 * HOUR;

test('runs in the time zone its project asked for', () => {
  const expected = process.env.KEZHI_EXPECT_TZ;
  if (expected === undefined) return; // run directly, outside the three projects
  expect(Intl.DateTimeFormat().resolvedOptions().timeZone).toBe(expected);
});

/** Written by hand from domain.md: the stage on the cut day itself and on the day after. */
const BOUNDARIES = [
  { days: 90, on: 'active', after: 'sleeping' },
  { days: 180, on: 'sleeping', after: 'prechurn' },
  { days: 365, on: 'prechurn', after: 'churned' },
] as const;

describe.each(BOUNDARIES)('the $days-day boundary', ({ days, on, after }) => {
  // Bought at 23:30 on China day 0; looked at half an hour past midnight, China time.
  const bought = china(0, 23, 30);
  const customer = makeCustomer([{ at: bought, orderId: 'o1' }]);
  const stats = computeShopStats([customer], DEFAULT_SETTINGS, china(days, 0, 30));

  test.each([
    [days, on],
    [days + 1, after],
  ])('on China day %i after the purchase (00:30) the stage is %s', (day, stage) => {
    const now = china(day, 0, 30);
    const view = describeCustomer(customer, { stats, settings: DEFAULT_SETTINGS, now });
    expect(view.recencyDays).toBe(day);
    expect(view.stage).toBe(stage);
    // Care and recall count the same days as R.
    expect(chinaDaysBetween(bought, now)).toBe(view.recencyDays);
  });

  test('one minute before midnight it is still the day before', () => {
    const view = describeCustomer(customer, {
      stats,
      settings: DEFAULT_SETTINGS,
      now: china(days, 0, 0) - 60_000,
    });
    expect(view.recencyDays).toBe(days - 1);
  });
});

test('the pre-churn recall comes on the day R says is 180 + 45, not a day later', () => {
  const bought = china(0, 23, 30);
  const customer = makeCustomer([{ at: bought, orderId: 'o1' }]);
  const now = china(225, 0, 30);
  const view = describeCustomer(customer, {
    stats: computeShopStats([customer], DEFAULT_SETTINGS, now),
    settings: DEFAULT_SETTINGS,
    now,
  });
  const due = dueMoments(customer, [], { now, settings: DEFAULT_SETTINGS, cycles: new Map() });
  expect(view.recencyDays).toBe(225);
  expect(due.find((d) => d.kind === 'recall')).toMatchObject({
    moment: 'recall.prechurn',
    step: 45,
    elapsedDays: view.recencyDays,
  });
});

describe('shop statistics across China midnight', () => {
  let db: KezhiDb;
  beforeEach(async () => {
    clearStatsCache();
    db = openDb(`days-${Math.random()}`);
    await db.open();
  });
  afterEach(() => db.close());

  test('are rebuilt when the China date changes, though nothing was synced', async () => {
    await ingestOrders(db, [order({ orderId: '1', createdAt: china(0, 12, 0) })], china(0, 12, 0));
    const before = await getShopStats(db, 'taobao:shop1', DEFAULT_SETTINGS, china(10, 23, 59));
    expect([...before.recencyDays]).toEqual([10]);
    // Two minutes later it is the next China day: every buyer is one day further away.
    const after = await getShopStats(db, 'taobao:shop1', DEFAULT_SETTINGS, china(11, 0, 1));
    expect([...after.recencyDays]).toEqual([11]);
    // A stored record from yesterday is not served after a restart either.
    clearStatsCache();
    const restarted = await getShopStats(db, 'taobao:shop1', DEFAULT_SETTINGS, china(12, 9, 0));
    expect([...restarted.recencyDays]).toEqual([12]);
  });
});
