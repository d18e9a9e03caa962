import fc from 'fast-check';
import { computeDashboard } from '../../lib/dashboard';
import { DEFAULT_SETTINGS, type Settings } from '../../lib/settings';
import { fuzzRuns } from '../support/make-customer';
import { DAY, NOW, buyer, unpaidOnly } from '../support/dashboard';

const arbCustomer = fc.record({
  shop: fc.constantFrom('shop1', 'shop2'),
  // Empty: orders but no purchase.
  purchases: fc.array(
    fc.record({
      daysAgo: fc.integer({ min: 0, max: 800 }),
      amount: fc.integer({ min: 0, max: 2_000_000 }),
    }),
    { maxLength: 8 },
  ),
});

const arbSettings: fc.Arbitrary<Settings> = fc
  .record({
    merge: fc.boolean(),
    threshold: fc.boolean(),
    activeDays: fc.integer({ min: 1, max: 200 }),
  })
  .map(({ merge, threshold, activeDays }) => ({
    ...DEFAULT_SETTINGS,
    mergeSameDayPurchases: merge,
    lifecycle: { activeDays, sleepingDays: activeDays + 90, prechurnDays: activeDays + 300 },
    tier: { ...DEFAULT_SETTINGS.tier, mode: threshold ? 'threshold' : 'rank' },
  }));

describe('every customer is counted exactly once', () => {
  it('stages and tiers add up to the customers; groups, grid and ladder to the buyers', () => {
    fc.assert(
      fc.property(fc.array(arbCustomer, { maxLength: 40 }), arbSettings, (specs, settings) => {
        const customers = specs.map((s, i) =>
          s.purchases.length === 0
            ? unpaidOnly(`u${i}`, NOW - DAY, s.shop)
            : buyer(
                `c${i}`,
                s.purchases.map((p) => ({ at: NOW - p.daysAgo * DAY, amount: p.amount })),
                { shopId: s.shop },
              ),
        );
        const d = computeDashboard({
          shops: ['shop1', 'shop2'].map((shopId) => ({
            shopKey: `taobao:${shopId}`,
            customers: customers.filter((c) => c.shopId === shopId),
            orders: [],
          })),
          contacts: [],
          settings,
          now: NOW,
          range: {},
        });
        const all = customers.map((c) => c.key).sort();
        const buyers = customers
          .filter((c) => c.purchaseAt.length > 0)
          .map((c) => c.key)
          .sort();
        const keysOf = (bs: readonly { count: number; keys: string[] }[]) => {
          for (const b of bs) expect(b.keys).toHaveLength(b.count);
          return bs.flatMap((b) => b.keys).sort();
        };
        const total = (bs: readonly { count: number }[]) => bs.reduce((s, b) => s + b.count, 0);

        expect(total(d.stages)).toBe(customers.length);
        expect(total(d.tiers)).toBe(customers.length);
        expect(keysOf(d.stages)).toEqual(all);
        expect(keysOf(d.tiers)).toEqual(all);
        expect(keysOf(d.groups)).toEqual(buyers);
        expect(keysOf(d.rfm)).toEqual(buyers);
        expect(keysOf(d.ladder.rungs)).toEqual(buyers);
        expect(d.ladder.ladder.counts.reduce((a, b) => a + b, 0)).toBe(customers.length);
        expect(d.purchasing).toBe(buyers.length);
        expect(d.customers).toBe(customers.length);
        expect(total(d.tiers.map((t) => ({ count: t.spent })))).toBe(
          customers.reduce((s, c) => s + c.totalSpent, 0),
        );
      }),
      { numRuns: fuzzRuns },
    );
  });
});
