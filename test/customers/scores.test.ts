import fc from 'fast-check';
import { z } from '../../lib/zod';
import {
  checkShopStats,
  computeShopStats,
  describeCustomer,
  quantileScore,
  rfmScores,
} from '../../lib/customers';
import { DEFAULT_SETTINGS } from '../../lib/settings';
import {
  DAY,
  NOW,
  buildCustomer,
  customerWith,
  fuzzRuns,
  makeCustomer,
  settingsWith,
} from '../support/make-customer';

const settings = DEFAULT_SETTINGS;

function scoresOf(shop: ReturnType<typeof customerWith>[]) {
  const stats = computeShopStats(shop, settings, NOW);
  return shop.map((c) => describeCustomer(c, { stats, settings, now: NOW }).rfm);
}

describe('shop statistics', () => {
  it('holds sorted R, F and M of purchasing customers only', () => {
    const shop = [
      customerWith([5], 30_000),
      makeCustomer([]), // orders but no purchase
      customerWith([400, 100, 50], 10_000),
      customerWith([20, 10], 20_000),
    ];
    const stats = computeShopStats(shop, settings, NOW);
    expect(stats.customers).toBe(3);
    expect([...stats.recencyDays]).toEqual([5, 10, 50]);
    expect([...stats.frequency]).toEqual([1, 2, 3]);
    expect([...stats.spend]).toEqual([30_000, 30_000, 40_000]);
    expect(stats.computedAt).toBe(NOW);
  });

  it('counts F with the merge setting and remembers it', () => {
    const c = makeCustomer([{ at: NOW - DAY }, { at: NOW - DAY + 60_000 }]);
    expect([...computeShopStats([c], settings, NOW).frequency]).toEqual([2]);
    const merged = computeShopStats([c], settingsWith({ mergeSameDayPurchases: true }), NOW);
    expect([...merged.frequency]).toEqual([1]);
    expect(merged.mergeSameDayPurchases).toBe(true);
  });

  it('survives a structured clone (as IndexedDB stores it) and its schema accepts the copy', () => {
    const stats = computeShopStats([customerWith([3, 1]), customerWith([30])], settings, NOW);
    const back: unknown = structuredClone(stats);
    expect(checkShopStats(back)).toEqual(stats);
  });

  it('refuses axes that are plain arrays or out of order (an old or damaged cache record)', () => {
    const stats = computeShopStats([customerWith([3, 1]), customerWith([30])], settings, NOW);
    expect(checkShopStats(JSON.parse(JSON.stringify(stats)))).toBeNull();
    const shuffled = { ...stats, spend: Float64Array.from([3, 1]) };
    expect(checkShopStats(shuffled)).toBeNull();
    expect(checkShopStats({ ...stats, version: 1 })).toBeNull();
  });

  it('accepts an axis exactly when no value is below the one before it (fixed seed)', () => {
    const stats = computeShopStats([customerWith([3, 1]), customerWith([30])], settings, NOW);
    // The oracle: every neighbouring pair compared, written the plain way.
    const naive = (xs: number[]) => xs.every((x, i) => i === 0 || xs[i - 1]! <= x);
    fc.assert(
      fc.property(
        fc.array(fc.oneof(fc.integer({ min: -3, max: 3 }), fc.constant(Number.NaN)), {
          maxLength: 8,
        }),
        (xs) => {
          const ok = checkShopStats({ ...stats, spend: Float64Array.from(xs) }) !== null;
          expect(ok).toBe(naive(xs));
        },
      ),
      { seed: 1207, numRuns: 500 },
    );
  });

  it('checks a stored record as the zod schema it replaced did (fixed seed)', () => {
    // The oracle: the schema lib/customers/stats.ts held before the popup's first load dropped
    // zod, written here as it was.
    const axis = z.custom<Float64Array>(
      (v) =>
        ArrayBuffer.isView(v) &&
        (v as { [Symbol.toStringTag]?: string })[Symbol.toStringTag] === 'Float64Array' &&
        [...(v as Float64Array)].every((x, i, a) => i === 0 || a[i - 1]! <= x),
    );
    const schema = z.object({
      version: z.literal(2),
      computedAt: z.number(),
      mergeSameDayPurchases: z.boolean(),
      customers: z.number().int().min(0),
      recencyDays: axis,
      frequency: axis,
      spend: axis,
    });
    const base = computeShopStats([customerWith([3, 1]), customerWith([30])], settings, NOW);
    const odd = fc.oneof(
      fc.constant(undefined),
      fc.constant(null),
      fc.boolean(),
      fc.string({ maxLength: 3 }),
      fc.double(),
      fc.integer({ min: -3, max: 3 }),
      fc.constant(2 ** 60),
      fc.constant(Number.POSITIVE_INFINITY),
      fc.array(fc.integer(), { maxLength: 3 }),
      fc.array(fc.double(), { maxLength: 3 }).map((a) => Float64Array.from(a)),
      fc.array(fc.integer(), { maxLength: 3 }).map((a) => Float32Array.from(a)),
    );
    // Each field kept (most runs), dropped, or replaced by an odd value: a run tests one or
    // two fields at a time against a record otherwise valid.
    const missing = Symbol('missing');
    const field = (v: unknown) =>
      fc.oneof(
        { arbitrary: fc.constant(v), weight: 12 },
        { arbitrary: fc.constant(missing), weight: 1 },
        { arbitrary: odd, weight: 3 },
      );
    const entries = Object.entries(base).map(([k, v]) => [k, field(v)] as const);
    fc.assert(
      fc.property(
        fc.record(Object.fromEntries([...entries, ['extra', field(undefined)]])),
        (drawn) => {
          const record = Object.fromEntries(Object.entries(drawn).filter(([, v]) => v !== missing));
          const expected = schema.safeParse(record);
          const got = checkShopStats(record);
          expect(got !== null).toBe(expected.success);
          if (expected.success) expect(got).toEqual(expected.data);
        },
      ),
      { seed: 1208, numRuns: 2000 },
    );
    expect(checkShopStats('stats')).toBeNull();
    expect(checkShopStats(null)).toBeNull();
  });

  it('handles 100,000 customers with one sort per axis', () => {
    const shop = Array.from({ length: 100_000 }, (_, i) =>
      buildCustomer(
        Array.from({ length: 1 + (i % 4) }, (_, k) => ({
          at: NOW - ((i * 7 + k * 31) % 900) * DAY,
          amount: 100 + ((i * 7919) % 500_000),
        })),
      ),
    );
    const stats = computeShopStats(shop, settings, NOW);
    expect(stats.customers).toBe(100_000);
    for (const axis of [stats.recencyDays, stats.frequency, stats.spend]) {
      expect(axis).toHaveLength(100_000);
      expect(axis.every((v, i) => i === 0 || (axis[i - 1] ?? 0) <= v)).toBe(true);
    }
    const view = describeCustomer(shop[123], { stats, settings, now: NOW });
    expect(view.rfm.f).toBeGreaterThanOrEqual(1);
  }, 60_000); // building the shop takes a moment on a slow core; no timing is asserted
});

describe('quantile scores', () => {
  it('gives a single customer 3/3/3', () => {
    expect(scoresOf([customerWith([400], 1)])).toEqual([{ r: 3, f: 3, m: 3 }]);
    expect(scoresOf([customerWith([0, 1, 2, 3], 9_999_999)])).toEqual([{ r: 3, f: 3, m: 3 }]);
  });

  it('splits two customers into 2 and 4, recent scoring higher on R', () => {
    const old = customerWith([300], 1_000);
    const fresh = customerWith([20, 2], 5_000);
    expect(scoresOf([old, fresh])).toEqual([
      { r: 2, f: 2, m: 2 },
      { r: 4, f: 4, m: 4 },
    ]);
  });

  it('spreads three customers over 1, 3 and 5', () => {
    const shop = [
      customerWith([300], 1_000),
      customerWith([100, 50], 2_000),
      customerWith([9, 8, 7], 3_000),
    ];
    expect(scoresOf(shop)).toEqual([
      { r: 1, f: 1, m: 1 },
      { r: 3, f: 3, m: 3 },
      { r: 5, f: 5, m: 5 },
    ]);
  });

  it('lets ties share a score', () => {
    // Ten customers: eight bought once, two bought twice.
    const shop = [
      ...Array.from({ length: 8 }, () => customerWith([10])),
      customerWith([30, 10]),
      customerWith([30, 10]),
    ];
    const f = scoresOf(shop).map((s) => s.f);
    // once: p = (0 + 8/2)/10 = 0.4 -> 2; twice: p = (8 + 1)/10 = 0.9 -> 5
    expect(f).toEqual([2, 2, 2, 2, 2, 2, 2, 2, 5, 5]);
    // everyone bought 10 days ago: a shared R sits in the middle
    expect(new Set(scoresOf(shop).map((s) => s.r))).toEqual(new Set([3]));
  });

  it('scores at the exact quintile cuts without rounding drift', () => {
    const sorted = Array.from({ length: 10 }, (_, i) => i + 1);
    // value 2: below 1, equal 1 -> p = 0.15 -> ceil(0.75) = 1; value 4: p = 0.35 -> 2
    expect(sorted.map((v) => quantileScore(sorted, v, true))).toEqual([
      1, 1, 2, 2, 3, 3, 4, 4, 5, 5,
    ]);
    expect(sorted.map((v) => quantileScore(sorted, v, false))).toEqual([
      5, 5, 4, 4, 3, 3, 2, 2, 1, 1,
    ]);
  });

  it('scores a value outside the sample, and an empty shop neutrally', () => {
    expect(quantileScore([10, 20, 30], 5, true)).toBe(1);
    expect(quantileScore([10, 20, 30], 99, true)).toBe(5);
    expect(quantileScore([], 42, true)).toBe(3);
  });

  it('scores as-of values against the shop’s current statistics', () => {
    const c = makeCustomer([
      { at: NOW - 300 * DAY, amount: 1_000, orderId: 'a' },
      { at: NOW - 10 * DAY, amount: 50_000, orderId: 'b' },
    ]);
    const shop = [c, customerWith([5], 20_000), customerWith([200], 5_000)];
    const stats = computeShopStats(shop, settings, NOW);
    const asOf = describeCustomer(c, {
      stats,
      settings,
      now: NOW,
      asOf: { orderId: 'b', at: NOW - 10 * DAY },
    });
    // before order b: R 290 days, F 1, M 1000 -> compared with R [5, 10, 200], F [1, 1, 2], M [5000, 20000, 51000]
    expect(asOf.rfm).toEqual(
      rfmScores({ recencyDays: 290, purchaseCount: 1, totalSpent: 1_000 }, stats),
    );
    expect(asOf.rfm).toEqual({ r: 1, f: 2, m: 1 });
  });

  it('always scores within 1..5, and more never scores lower (property)', () => {
    const shopArb = fc.array(
      fc.record({
        days: fc.array(fc.integer({ min: 0, max: 2000 }), { minLength: 0, maxLength: 6 }),
        amount: fc.integer({ min: 0, max: 10_000_000 }),
      }),
      { minLength: 0, maxLength: 60 },
    );
    fc.assert(
      fc.property(
        shopArb,
        fc.integer({ min: 0, max: 3000 }),
        fc.integer({ min: 0, max: 20 }),
        fc.integer({ min: 0, max: 20_000_000 }),
        (spec, r, f, m) => {
          const shop = spec.map((s) =>
            buildCustomer(s.days.map((d) => ({ at: NOW - d * DAY, amount: s.amount }))),
          );
          const stats = computeShopStats(shop, settings, NOW);
          const inRange = (x: number) => Number.isInteger(x) && x >= 1 && x <= 5;
          for (const c of shop) {
            const s = describeCustomer(c, { stats, settings, now: NOW }).rfm;
            expect(inRange(s.r) && inRange(s.f) && inRange(s.m)).toBe(true);
          }
          const a = rfmScores({ recencyDays: r, purchaseCount: f, totalSpent: m }, stats);
          const b = rfmScores(
            { recencyDays: r + 1, purchaseCount: f + 1, totalSpent: m + 1 },
            stats,
          );
          expect(inRange(a.r) && inRange(a.f) && inRange(a.m)).toBe(true);
          expect(b.r).toBeLessThanOrEqual(a.r);
          expect(b.f).toBeGreaterThanOrEqual(a.f);
          expect(b.m).toBeGreaterThanOrEqual(a.m);
        },
      ),
      { numRuns: fuzzRuns },
    );
  });
});

describe('computeShopStatsFromFigures', () => {
  test('equals computeShopStats over the same customers, with and without same-day merging', async () => {
    const { computeShopStats, computeShopStatsFromFigures, customerFigures } =
      await import('../../lib/customers');
    const { makeCustomer } = await import('../support/make-customer');
    const now = Date.UTC(2026, 10, 25);
    const purchase = fc.record({
      at: fc.integer({ min: now - 800 * 86400_000, max: now }),
      amount: fc.integer({ min: 1, max: 500_000 }),
    });
    fc.assert(
      fc.property(
        fc.array(fc.array(purchase, { maxLength: 6 }), { maxLength: 40 }),
        fc.boolean(),
        (shapes, merge) => {
          const customers = shapes.map((ps) => makeCustomer([...ps].sort((a, b) => a.at - b.at)));
          // Figures in blocks of any size: concatenated they are the shop's.
          const figures = customers.flatMap((c) => customerFigures(c) ?? []);
          const blocks = [figures.slice(0, 8), figures.slice(8)].map((b) => Float64Array.from(b));
          const settings = { mergeSameDayPurchases: merge };
          expect(computeShopStatsFromFigures(blocks, settings, now)).toEqual(
            computeShopStats(customers, settings, now),
          );
        },
      ),
      { numRuns: fuzzRuns },
    );
  });
});
