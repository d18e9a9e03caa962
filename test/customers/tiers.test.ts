import fc from 'fast-check';
import {
  TIERS,
  computeShopStats,
  describeCustomer,
  spendPercentile,
  tierByRank,
  tierByThreshold,
  type Tier,
} from '../../lib/customers';
import { DEFAULT_SETTINGS, type Settings } from '../../lib/settings';
import {
  DAY,
  NOW,
  buildCustomer,
  customerWith,
  fuzzRuns,
  makeCustomer,
} from '../support/make-customer';

const settings = DEFAULT_SETTINGS;

/** A small deterministic PRNG so a property can build 10,000 distinct spends from one seed. */
function mulberry32(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function distinctSpends(n: number, seed: number): number[] {
  const rand = mulberry32(seed);
  const seen = new Set<number>();
  while (seen.size < n) seen.add(1 + Math.floor(rand() * 100_000_000));
  return [...seen];
}

function tierShares(spends: readonly number[], s: Settings): Record<Tier, number> {
  const shop = spends.map((amount) => buildCustomer([{ at: NOW - DAY, amount }]));
  const stats = computeShopStats(shop, s, NOW);
  const counts: Record<Tier, number> = { svip: 0, vip: 0, senior: 0, regular: 0 };
  for (const amount of spends) counts[tierByRank(amount, stats, s.tier.shares)]++;
  return {
    svip: counts.svip / shop.length,
    vip: counts.vip / shop.length,
    senior: counts.senior / shop.length,
    regular: counts.regular / shop.length,
  };
}

/** Each run ranks thousands of customers: room for a slow CI core, not a timing claim. */
const HEAVY_TIMEOUT_MS = 120_000;

describe('tiers by spend rank', () => {
  it(
    'lands within 1 % of 10/15/25/50 % on large shops with distinct spends (property)',
    () => {
      fc.assert(
        fc.property(fc.integer({ min: 2000, max: 10_000 }), fc.integer(), (n, seed) => {
          const shares = tierShares(distinctSpends(n, seed), settings);
          expect(Math.abs(shares.svip - 0.1)).toBeLessThanOrEqual(0.01);
          expect(Math.abs(shares.vip - 0.15)).toBeLessThanOrEqual(0.01);
          expect(Math.abs(shares.senior - 0.25)).toBeLessThanOrEqual(0.01);
          expect(Math.abs(shares.regular - 0.5)).toBeLessThanOrEqual(0.01);
        }),
        { numRuns: fuzzRuns },
      );
    },
    HEAVY_TIMEOUT_MS,
  );

  it(
    'follows the seller’s shares (property)',
    () => {
      fc.assert(
        fc.property(
          fc.integer({ min: 0, max: 40 }),
          fc.integer({ min: 0, max: 30 }),
          fc.integer({ min: 0, max: 30 }),
          fc.integer(),
          (svip, vip, senior, seed) => {
            const s: Settings = {
              ...settings,
              tier: { ...settings.tier, shares: { svip, vip, senior } },
            };
            const got = tierShares(distinctSpends(2000, seed), s);
            expect(Math.abs(got.svip - svip / 100)).toBeLessThanOrEqual(0.01);
            expect(Math.abs(got.vip - vip / 100)).toBeLessThanOrEqual(0.01);
            expect(Math.abs(got.senior - senior / 100)).toBeLessThanOrEqual(0.01);
          },
        ),
        { numRuns: fuzzRuns },
      );
    },
    HEAVY_TIMEOUT_MS,
  );

  it('ranks a ten-customer shop exactly: 1 svip, 2 vip (ceil 1.5), 2 senior, 5 regular', () => {
    const spends = [10, 9, 8, 7, 6, 5, 4, 3, 2, 1].map((x) => x * 1_000);
    const stats = computeShopStats(
      spends.map((a) => customerWith([1], a)),
      settings,
      NOW,
    );
    const tiers = spends.map((a) => tierByRank(a, stats, settings.tier.shares));
    // percentiles 0,10,20,…: svip < 10, vip < 25, senior < 50
    expect(tiers).toEqual([
      'svip',
      'vip',
      'vip',
      'senior',
      'senior',
      'regular',
      'regular',
      'regular',
      'regular',
      'regular',
    ]);
    expect(spendPercentile(10_000, stats)).toBe(0);
    expect(spendPercentile(7_000, stats)).toBe(30);
  });

  it('lets equal spends share a tier', () => {
    const shop = [
      customerWith([1], 9_000),
      ...Array.from({ length: 9 }, () => customerWith([1], 5_000)),
    ];
    const stats = computeShopStats(shop, settings, NOW);
    // the nine ties all have 1 of 10 customers above them (10 %): vip together
    const tiers = shop.map((c) => describeCustomer(c, { stats, settings, now: NOW }).tier);
    expect(tiers).toEqual(['svip', ...Array<Tier>(9).fill('vip')]);
  });

  it('keeps zero spend regular with no percentile', () => {
    const free = makeCustomer([{ at: NOW - DAY, amount: 0 }]);
    const stats = computeShopStats([free, customerWith([1], 100)], settings, NOW);
    const view = describeCustomer(free, { stats, settings, now: NOW });
    expect(view.tier).toBe('regular');
    expect(view.spendPercentile).toBeNull();
    expect(tierByRank(0, stats, settings.tier.shares)).toBe('regular');
  });

  it('does not crown anyone from empty statistics', () => {
    const empty = computeShopStats([], settings, NOW);
    expect(tierByRank(50_000, empty, settings.tier.shares)).toBe('regular');
    expect(spendPercentile(50_000, empty)).toBeNull();
  });
});

describe('tiers by thresholds', () => {
  const thresholds = settings.tier.thresholds; // svip 5000 元/10, vip 2000/5, senior 500/2
  const thresholdSettings: Settings = {
    ...settings,
    tier: { ...settings.tier, mode: 'threshold' },
  };

  it.each<[number, number, Tier, 'spend' | 'count' | null]>([
    [500_000, 1, 'svip', 'spend'],
    [499_999, 1, 'vip', 'spend'],
    [1_000, 10, 'svip', 'count'],
    [200_000, 0, 'vip', 'spend'],
    [1_000, 5, 'vip', 'count'],
    [50_000, 1, 'senior', 'spend'],
    [49_999, 1, 'regular', null],
    [100, 2, 'senior', 'count'],
    [0, 50, 'regular', null],
  ])('spent %i fen in %i purchases -> %s (by %s)', (spent, count, tier, by) => {
    expect(tierByThreshold(spent, count, thresholds)).toEqual({ tier, by });
  });

  it('ignores a threshold of 0 instead of letting every buyer reach it', () => {
    const off = { ...thresholds, senior: { spendYuan: 0, count: 0 } };
    expect(tierByThreshold(100, 1, off).tier).toBe('regular');
  });

  it('is used by describeCustomer in threshold mode, whatever the shop ranking', () => {
    const big = customerWith([1, 2], 300_000); // 6000 元 in 2 purchases
    const small = customerWith([1], 10_000);
    const stats = computeShopStats([big, small], thresholdSettings, NOW);
    const tierOf = (c: typeof big) =>
      describeCustomer(c, { stats, settings: thresholdSettings, now: NOW }).tier;
    expect(tierOf(big)).toBe('svip');
    expect(tierOf(small)).toBe('regular');
  });

  it('has four tiers', () => {
    expect(TIERS).toEqual(['svip', 'vip', 'senior', 'regular']);
  });
});
