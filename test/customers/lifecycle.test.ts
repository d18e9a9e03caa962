import {
  computeShopStats,
  describeCustomer,
  groupOf,
  kindAsOfOrder,
  kindOf,
  stageOf,
  type Group,
  type Kind,
  type Stage,
} from '../../lib/customers';
import { DEFAULT_SETTINGS } from '../../lib/settings';
import { DAY, NOW, cn, customerWith, makeCustomer, settingsWith } from '../support/make-customer';

const lifecycle = DEFAULT_SETTINGS.lifecycle;

describe('lifecycle stage by R (defaults 90/180/365)', () => {
  it.each<[number | null, Stage]>([
    [null, 'new'],
    [0, 'active'],
    [45, 'active'],
    [90, 'active'],
    [91, 'sleeping'],
    [180, 'sleeping'],
    [181, 'prechurn'],
    [365, 'prechurn'],
    [366, 'churned'],
    [3000, 'churned'],
  ])('R = %s days -> %s', (r, stage) => {
    expect(stageOf(r, lifecycle)).toBe(stage);
  });

  it('follows the seller’s own cuts', () => {
    const tuned = { activeDays: 50, sleepingDays: 100, prechurnDays: 200 };
    expect(stageOf(50, tuned)).toBe('active');
    expect(stageOf(51, tuned)).toBe('sleeping');
    expect(stageOf(101, tuned)).toBe('prechurn');
    expect(stageOf(201, tuned)).toBe('churned');
  });

  it('counts China calendar days, as care and recall do: 90 days and 23 hours back is day 91', () => {
    // NOW is 12:00 China time; 90 d 23 h earlier is 13:00 on the calendar day 91 days back.
    const c = makeCustomer([{ at: NOW - 90 * DAY - 23 * 3_600_000 }]);
    const stats = computeShopStats([c], DEFAULT_SETTINGS, NOW);
    const view = describeCustomer(c, { stats, settings: DEFAULT_SETTINGS, now: NOW });
    expect(view.recencyDays).toBe(91);
    expect(view.stage).toBe('sleeping');
  });
});

describe('new vs returning', () => {
  it.each<[number, Kind]>([
    [0, 'new'],
    [1, 'new'],
    [2, 'returning'],
    [7, 'returning'],
  ])('%i purchases in all -> %s', (n, kind) => {
    expect(kindOf(n)).toBe(kind);
  });

  it.each<[number, Kind]>([
    [0, 'new'],
    [1, 'returning'],
    [2, 'returning'],
  ])('%i purchases before this order -> %s', (n, kind) => {
    expect(kindAsOfOrder(n)).toBe(kind);
  });
});

describe('the four groups (recent = 90 days)', () => {
  it.each<[Kind, number | null, Group]>([
    ['new', 0, 'activeNew'],
    ['new', 90, 'activeNew'],
    ['new', 91, 'sleepingNew'],
    ['new', null, 'activeNew'],
    ['returning', 90, 'activeReturning'],
    ['returning', 91, 'sleepingReturning'],
    ['returning', 400, 'sleepingReturning'],
  ])('%s with R %s -> %s', (kind, r, group) => {
    expect(groupOf(kind, r, 90)).toBe(group);
  });

  it('reads the customer’s own record with the seller’s recent window', () => {
    const settings = settingsWith({ recentDays: 30 });
    const shop = [
      customerWith([20]),
      customerWith([40]),
      customerWith([200, 20]),
      customerWith([200, 40]),
    ];
    const stats = computeShopStats(shop, settings, NOW);
    const groups = shop.map((c) => describeCustomer(c, { stats, settings, now: NOW }).group);
    expect(groups).toEqual(['activeNew', 'sleepingNew', 'activeReturning', 'sleepingReturning']);
  });
});

describe('as of an order', () => {
  const c = makeCustomer([
    { at: cn(2024, 1, 5), orderId: 'first', amount: 5_000 },
    { at: cn(2024, 9, 1), orderId: 'second', amount: 8_000 },
    { at: cn(2025, 5, 20), orderId: 'third', amount: 12_000 },
  ]);
  const stats = computeShopStats(
    [c, customerWith([10]), customerWith([300])],
    DEFAULT_SETTINGS,
    NOW,
  );
  const opts = { stats, settings: DEFAULT_SETTINGS, now: NOW };

  it('calls the first order new although the customer now has 3 purchases', () => {
    const view = describeCustomer(c, { ...opts, asOf: { orderId: 'first', at: cn(2024, 1, 5) } });
    expect(view.kind).toBe('new');
    expect(view.stage).toBe('new');
    expect(view.group).toBe('activeNew');
    expect(view.purchaseCount).toBe(0);
    expect(view.recencyDays).toBeNull();
    expect(view.segment).toBe('new');
    expect(describeCustomer(c, opts).kind).toBe('returning');
  });

  it('calls the second order returning and measures R to that order', () => {
    const view = describeCustomer(c, { ...opts, asOf: { orderId: 'second', at: cn(2024, 9, 1) } });
    expect(view.kind).toBe('returning');
    expect(view.purchaseCount).toBe(1);
    expect(view.recencyDays).toBe(240); // 2024-01-05 -> 2024-09-01
    expect(view.stage).toBe('prechurn');
    expect(view.group).toBe('sleepingReturning');
    expect(view.totalSpent).toBe(5_000);
  });

  it('describes a never-seen buyer as brand new', () => {
    const view = describeCustomer(undefined, {
      ...opts,
      asOf: { orderId: 'x', at: NOW },
    });
    expect(view).toMatchObject({
      kind: 'new',
      stage: 'new',
      group: 'activeNew',
      tier: 'regular',
      segment: 'new',
      purchaseCount: 0,
      totalSpent: 0,
      avgOrderValue: 0,
      recencyDays: null,
      spendPercentile: null,
      rhythm: 'unknown',
    });
    expect(describeCustomer(undefined, opts).kind).toBe('new');
  });

  it('keeps a split cart (two orders the same day) new when same-day purchases merge', () => {
    const split = makeCustomer([
      { at: cn(2025, 5, 10, 9), orderId: 'S1' },
      { at: cn(2025, 5, 10, 9, 5), orderId: 'S2' },
    ]);
    const asOf = { orderId: 'S2', at: cn(2025, 5, 10, 9, 5) };
    expect(describeCustomer(split, { ...opts, asOf }).kind).toBe('returning');
    const merged = settingsWith({ mergeSameDayPurchases: true });
    expect(describeCustomer(split, { ...opts, settings: merged, asOf }).kind).toBe('new');
    // …and the customer as a whole is one purchase, so still new.
    expect(describeCustomer(split, { ...opts, settings: merged }).kind).toBe('new');
    expect(describeCustomer(split, opts).kind).toBe('returning');
  });
});
