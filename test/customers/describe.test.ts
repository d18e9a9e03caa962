import { computeShopStats, describeCustomer, type CustomerView } from '../../lib/customers';
import { DEFAULT_SETTINGS } from '../../lib/settings';
import { DAY, NOW, customerWith, makeCustomer } from '../support/make-customer';

const settings = DEFAULT_SETTINGS;

describe('describeCustomer', () => {
  const loyal = makeCustomer([
    { at: NOW - 95 * DAY, amount: 40_000 },
    { at: NOW - 65 * DAY, amount: 50_000 },
    { at: NOW - 35 * DAY, amount: 60_000 },
    { at: NOW - 5 * DAY, amount: 50_000 },
  ]);
  const shop = [
    loyal,
    customerWith([400], 2_000),
    customerWith([200, 150], 5_000),
    customerWith([30], 9_000),
    customerWith([700, 650, 600], 30_000),
  ];
  const stats = computeShopStats(shop, settings, NOW);

  it('puts every figure of a good customer together', () => {
    const view = describeCustomer(loyal, { stats, settings, now: NOW });
    expect(view).toMatchObject<Partial<CustomerView>>({
      kind: 'returning',
      stage: 'active',
      group: 'activeReturning',
      tier: 'svip',
      segment: 'champions',
      rfm: { r: 5, f: 5, m: 5 },
      recencyDays: 5,
      purchaseCount: 4,
      totalSpent: 200_000,
      avgOrderValue: 50_000,
      spendPercentile: 0,
      rhythm: 'monthly',
    });
    expect(Object.keys(view.explanations).sort()).toEqual([
      'kind',
      'rfm',
      'segment',
      'stage',
      'tier',
    ]);
  });

  it('describes a long-gone good customer as at risk', () => {
    const view = describeCustomer(shop[4], { stats, settings, now: NOW });
    expect(view.stage).toBe('churned');
    expect(view.group).toBe('sleepingReturning');
    expect(view.rfm).toEqual({ r: 1, f: 4, m: 4 });
    expect(view.segment).toBe('atRisk');
    expect(view.rhythm).toBe('seasonal'); // every 50 days
  });

  it('is plain data (the popup may pass it through messaging)', () => {
    const view = describeCustomer(loyal, { stats, settings, now: NOW });
    expect(JSON.parse(JSON.stringify(view))).toEqual(view);
  });
});
