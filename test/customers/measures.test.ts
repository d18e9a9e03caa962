import {
  RHYTHM_CUTS,
  measureCustomer,
  purchasesAsOf,
  rhythmOf,
  type Rhythm,
} from '../../lib/customers';
import { DAY, NOW, cn, customerWith, makeCustomer } from '../support/make-customer';

const plain = { now: NOW, mergeSameDayPurchases: false };

describe('R/F/M of a customer', () => {
  it('counts purchases, total, average and days since the last purchase', () => {
    const c = makeCustomer([
      { at: NOW - 100 * DAY, amount: 10_000 },
      { at: NOW - 40 * DAY, amount: 20_001 },
      { at: NOW - 10 * DAY - 5 * 3_600_000, amount: 5_000 },
    ]);
    const m = measureCustomer(c, plain);
    expect(m).toMatchObject({
      purchaseCount: 3,
      totalSpent: 35_001,
      avgOrderValue: 11_667, // 35001 / 3 = 11667.0
      recencyDays: 10, // 10 days 5 hours: whole days
      lastPurchaseAt: NOW - 10 * DAY - 5 * 3_600_000,
    });
  });

  it('has no recency, zero spend and unknown rhythm without purchases', () => {
    for (const c of [undefined, makeCustomer([])]) {
      expect(measureCustomer(c, plain)).toEqual({
        purchaseCount: 0,
        totalSpent: 0,
        avgOrderValue: 0,
        lastPurchaseAt: null,
        recencyDays: null,
        medianGapDays: null,
        rhythm: 'unknown',
      });
    }
  });

  it('rounds the average order value to whole fen', () => {
    const c = makeCustomer([
      { at: NOW - 3 * DAY, amount: 100 },
      { at: NOW - 2 * DAY, amount: 100 },
      { at: NOW - DAY, amount: 101 },
    ]);
    expect(measureCustomer(c, plain).avgOrderValue).toBe(100); // 100.33
  });

  it('never reports a negative recency for a purchase stamped after now', () => {
    expect(measureCustomer(customerWith([-1]), plain).recencyDays).toBe(0);
  });
});

describe('buying rhythm', () => {
  it.each<[number | null, Rhythm]>([
    [null, 'unknown'],
    [0, 'monthly'],
    [30, 'monthly'],
    [45, 'monthly'],
    [45.5, 'seasonal'],
    [46, 'seasonal'],
    [120, 'seasonal'],
    [121, 'halfyearly'],
    [240, 'halfyearly'],
    [241, 'irregular'],
    [1000, 'irregular'],
  ])('median gap %s days -> %s', (gap, rhythm) => {
    expect(rhythmOf(gap)).toBe(rhythm);
  });

  it('keeps the cuts in one constant', () => {
    expect(RHYTHM_CUTS).toEqual({ monthly: 45, seasonal: 120, halfyearly: 240 });
  });

  it('uses the median gap, so one long pause does not hide a monthly habit', () => {
    // gaps 30, 30, 300 -> median 30
    const c = customerWith([360, 330, 300, 0]);
    const m = measureCustomer(c, plain);
    expect(m.medianGapDays).toBe(30);
    expect(m.rhythm).toBe('monthly');
  });

  it('takes the mean of the middle gaps for an even number of gaps', () => {
    // gaps 40, 60 -> 50 -> seasonal
    const m = measureCustomer(customerWith([100, 60, 0]), plain);
    expect(m.medianGapDays).toBe(50);
    expect(m.rhythm).toBe('seasonal');
  });

  it.each<[number, Rhythm]>([
    [45, 'monthly'],
    [46, 'seasonal'],
    [120, 'seasonal'],
    [121, 'halfyearly'],
    [240, 'halfyearly'],
    [241, 'irregular'],
  ])('two purchases exactly %i days apart -> %s', (gap, rhythm) => {
    expect(measureCustomer(customerWith([gap + 3, 3]), plain).rhythm).toBe(rhythm);
  });

  it('is unknown with a single purchase', () => {
    expect(measureCustomer(customerWith([10]), plain).rhythm).toBe('unknown');
  });
});

describe('merging purchases on the same China day', () => {
  // 2025-05-20 00:30 and 23:30 China time are one day; 2025-05-21 00:10 is the next day even
  // though in UTC it is still 05-20.
  const c = makeCustomer([
    { at: cn(2025, 5, 20, 0, 30), amount: 1_000 },
    { at: cn(2025, 5, 20, 23, 30), amount: 2_000 },
    { at: cn(2025, 5, 21, 0, 10), amount: 3_000 },
  ]);

  it('counts every purchase when the setting is off', () => {
    expect(measureCustomer(c, plain).purchaseCount).toBe(3);
  });

  it('counts one purchase per China calendar day when on, keeping the full spend', () => {
    const m = measureCustomer(c, { now: NOW, mergeSameDayPurchases: true });
    expect(m.purchaseCount).toBe(2);
    expect(m.totalSpent).toBe(6_000);
    expect(m.avgOrderValue).toBe(3_000);
  });

  it('does not let same-day orders pull the rhythm towards zero when merging', () => {
    const busy = makeCustomer([
      { at: cn(2025, 1, 1, 9) },
      { at: cn(2025, 1, 1, 10) },
      { at: cn(2025, 3, 1, 9) },
      { at: cn(2025, 3, 1, 10) },
    ]);
    expect(measureCustomer(busy, plain).rhythm).toBe('monthly'); // gaps 0, 58, 0
    const merged = measureCustomer(busy, { now: NOW, mergeSameDayPurchases: true });
    expect(merged.medianGapDays).toBe(59);
    expect(merged.rhythm).toBe('seasonal');
  });
});

describe('as of an order', () => {
  const c = makeCustomer([
    { at: cn(2025, 1, 10), amount: 1_000, orderId: 'A' },
    { at: cn(2025, 3, 10), amount: 2_000, orderId: 'B' },
    { at: cn(2025, 5, 10), amount: 4_000, orderId: 'C' },
  ]);

  it('counts only purchases strictly before the order, measuring R to the order time', () => {
    const m = measureCustomer(c, { ...plain, asOf: { orderId: 'C', at: cn(2025, 5, 10) } });
    expect(m.purchaseCount).toBe(2);
    expect(m.totalSpent).toBe(3_000);
    expect(m.recencyDays).toBe(61); // 03-10 -> 05-10
  });

  it('sees nothing before the first order', () => {
    const m = measureCustomer(c, { ...plain, asOf: { orderId: 'A', at: cn(2025, 1, 10) } });
    expect(m.purchaseCount).toBe(0);
    expect(m.recencyDays).toBeNull();
  });

  it('leaves the order itself out even if its time is off, and ignores a later order', () => {
    const p = purchasesAsOf(c, { orderId: 'B', at: cn(2025, 3, 11) }, false);
    expect(p.amount).toEqual([1_000]);
  });

  it('excludes a purchase at exactly the same instant (strictly before)', () => {
    const p = purchasesAsOf(c, { orderId: 'X', at: cn(2025, 3, 10) }, false);
    expect(p.at).toEqual([cn(2025, 1, 10)]);
  });

  it('treats an earlier same-day purchase as part of this one when merging', () => {
    const split = makeCustomer([
      { at: cn(2025, 5, 10, 9), orderId: 'S1' },
      { at: cn(2025, 5, 10, 9, 5), orderId: 'S2' },
    ]);
    const asOf = { orderId: 'S2', at: cn(2025, 5, 10, 9, 5) };
    expect(measureCustomer(split, { ...plain, asOf }).purchaseCount).toBe(1);
    expect(
      measureCustomer(split, { now: NOW, mergeSameDayPurchases: true, asOf }).purchaseCount,
    ).toBe(0);
  });
});
