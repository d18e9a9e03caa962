import {
  DEFAULT_FIRST_ORDER_BANDS,
  chinaMonth,
  computeDashboard,
  dashboardSteps,
  firstOrderBands,
  groupBuckets,
  newReturningByMonth,
  purchaseLadder,
  rangeOf,
  reminderResponse,
  rfmGrid,
  scoreCustomers,
  stageBuckets,
  tierBuckets,
  topRepurchaseCycles,
  type DashboardInput,
} from '../../lib/dashboard';
import type { CycleOrder } from '../../lib/customers';
import { DEFAULT_SETTINGS } from '../../lib/settings';
import { DAY, NOW, buyer, cn, contact, settingsWith, unpaidOnly } from '../support/dashboard';

const S = DEFAULT_SETTINGS;
const ago = (days: number, amount = 10_000) => ({ at: NOW - days * DAY, amount });
const countsOf = (buckets: readonly { id: unknown; count: number }[]) =>
  Object.fromEntries(buckets.map((b) => [String(b.id), b.count]));

describe('purchase-count ladder', () => {
  // 10 customers with purchase counts [1,1,1,1,1,1,1,2,2,3].
  const counts = [1, 1, 1, 1, 1, 1, 1, 2, 2, 3];
  const customers = counts.map((n, i) =>
    buyer(
      `b${i}`,
      Array.from({ length: n }, (_, k) => ago(10 + k * 20)),
    ),
  );

  it('counts each rung, keeps its customers, and takes the rates from conversionLadder', () => {
    const r = purchaseLadder(customers, S);
    expect(r.rungs.map((g) => [g.id, g.count])).toEqual([
      [1, 7],
      [2, 2],
      [3, 1],
    ]);
    expect(r.rungs[1]!.keys).toEqual(['taobao:shop1:nick:b7', 'taobao:shop1:nick:b8']);
    expect(r.rungs[2]!.keys).toEqual(['taobao:shop1:nick:b9']);
    expect(r.ladder.counts).toEqual([0, 7, 2, 1]);
    expect(r.ladder.rates[0]).toEqual({ from: 1, to: 2, rate: 3 / 10 });
    expect(r.ladder.rates[1]).toEqual({ from: 2, to: 3, rate: 1 / 3 });
    expect(r.ladder.rates[2]).toEqual({ from: 3, to: 4, rate: 0 });
    expect(r.purchasing).toBe(10);
    expect(r.onceShare).toBe(0.7);
  });

  it('puts customers without a purchase on no rung and merges the top rungs', () => {
    const big = buyer(
      'big',
      Array.from({ length: 14 }, (_, k) => ago(k * 3)),
    );
    const r = purchaseLadder([unpaidOnly('u', NOW), big, customers[0]!], S);
    expect(r.ladder.counts[0]).toBe(1);
    expect(r.purchasing).toBe(2);
    const top = r.rungs[r.rungs.length - 1]!;
    expect(top).toMatchObject({ id: 10, orMore: true, count: 1, keys: [big.key] });
    expect(r.rungs).toHaveLength(10);
  });

  it('counts same-day purchases once when the seller merges them', () => {
    const twice = buyer('same', [
      { at: cn(2025, 5, 1, 9), amount: 100 },
      { at: cn(2025, 5, 1, 21), amount: 100 },
    ]);
    expect(purchaseLadder([twice], S).rungs.map((g) => g.count)).toEqual([0, 1]);
    const merged = purchaseLadder([twice], settingsWith({ mergeSameDayPurchases: true }));
    expect(merged.rungs.map((g) => g.count)).toEqual([1]);
  });
});

describe('new vs returning by month', () => {
  const a = buyer('a', [{ at: cn(2025, 1, 10) }, { at: cn(2025, 3, 5) }, { at: cn(2025, 3, 20) }]);
  const b = buyer('b', [{ at: cn(2025, 3, 1) }]);
  const c = buyer('c', [{ at: cn(2024, 12, 30) }, { at: cn(2025, 1, 2) }]);

  it('splits each month into first and repeat purchases, filling empty months', () => {
    const months = newReturningByMonth([a, b, c], {}, S);
    expect(months.map((m) => [m.month, m.first, m.repeat])).toEqual([
      ['2024-12', 1, 0],
      ['2025-01', 1, 1],
      ['2025-02', 0, 0],
      ['2025-03', 1, 2],
    ]);
    const march = months[3]!;
    expect(march.firstKeys).toEqual([b.key]);
    // a bought twice in March: two repeat purchases, one customer.
    expect(march.repeatKeys).toEqual([a.key]);
    expect(months[1]!.firstKeys).toEqual([a.key]);
    expect(months[1]!.repeatKeys).toEqual([c.key]);
  });

  it('counts only purchases in range, still judging them against the whole history', () => {
    const months = newReturningByMonth([a, b, c], { from: cn(2025, 1, 1, 0) }, S);
    expect(months.map((m) => [m.month, m.first, m.repeat])).toEqual([
      ['2025-01', 1, 1],
      ['2025-02', 0, 0],
      ['2025-03', 1, 2],
    ]);
  });

  it('uses China months whatever the machine zone', () => {
    // 2025-01-31 20:00 UTC is 2025-02-01 04:00 in China.
    expect(chinaMonth(Date.UTC(2025, 0, 31, 20))).toBe('2025-02');
    expect(chinaMonth(Date.UTC(2025, 0, 31, 15, 59))).toBe('2025-01');
    const late = buyer('late', [{ at: Date.UTC(2025, 0, 31, 20) }]);
    expect(newReturningByMonth([late], {}, S).map((m) => m.month)).toEqual(['2025-02']);
  });

  it('merges same-day purchases when the seller does', () => {
    const d = buyer('d', [{ at: cn(2025, 4, 1, 9) }, { at: cn(2025, 4, 1, 20) }]);
    expect(newReturningByMonth([d], {}, S)[0]).toMatchObject({ first: 1, repeat: 1 });
    const merged = newReturningByMonth([d], {}, settingsWith({ mergeSameDayPurchases: true }));
    expect(merged[0]).toMatchObject({ first: 1, repeat: 0, repeatKeys: [] });
  });

  it('is empty without purchases', () => {
    expect(newReturningByMonth([unpaidOnly('u', NOW)], {}, S)).toEqual([]);
  });
});

describe('stages, groups, tiers and the RFM grid', () => {
  it('puts customers in lifecycle stages by recency, with the no-purchase ones apart', () => {
    const list = [
      buyer('active', [ago(10)]),
      buyer('edge', [ago(90)]),
      buyer('sleeping', [ago(100)]),
      buyer('prechurn', [ago(200)]),
      buyer('churned', [ago(400)]),
      unpaidOnly('none', NOW - 5 * DAY),
    ];
    const stages = stageBuckets(scoreCustomers(list, S, NOW));
    expect(stages.map((b) => [b.id, b.count])).toEqual([
      ['active', 2],
      ['sleeping', 1],
      ['prechurn', 1],
      ['churned', 1],
      ['new', 1],
    ]);
    expect(stages[0]!.keys).toEqual([list[0]!.key, list[1]!.key]);
    expect(stages[4]!.keys).toEqual([list[5]!.key]);
    // The cuts are the seller's.
    const wider = settingsWith({
      lifecycle: { activeDays: 120, sleepingDays: 180, prechurnDays: 365 },
    });
    expect(countsOf(stageBuckets(scoreCustomers(list, wider, NOW)))).toMatchObject({
      active: 3,
      sleeping: 0,
    });
  });

  it('puts buying customers in the four groups', () => {
    const list = [
      buyer('an', [ago(10)]),
      buyer('sn', [ago(100)]),
      buyer('ar', [ago(50), ago(10)]),
      buyer('ar2', [ago(300), ago(90)]),
      buyer('sr', [ago(200), ago(100)]),
      unpaidOnly('none', NOW),
    ];
    const groups = groupBuckets(scoreCustomers(list, S, NOW));
    expect(countsOf(groups)).toEqual({
      activeNew: 1,
      sleepingNew: 1,
      activeReturning: 2,
      sleepingReturning: 1,
    });
    expect(groups.find((g) => g.id === 'sleepingReturning')!.keys).toEqual([list[4]!.key]);
  });

  it('counts tiers by spend rank within each shop and sums their spend', () => {
    // Ten customers spending ¥100 … ¥1000: top 10 % svip, next 15 % vip, next 25 % senior.
    const list = Array.from({ length: 10 }, (_, i) =>
      buyer(`t${i + 1}`, [{ at: NOW - DAY, amount: (i + 1) * 10_000 }]),
    );
    const tiers = tierBuckets(scoreCustomers(list, S, NOW));
    expect(tiers.map((b) => [b.id, b.count, b.spent])).toEqual([
      ['svip', 1, 100_000],
      ['vip', 2, 90_000 + 80_000],
      ['senior', 2, 70_000 + 60_000],
      ['regular', 5, 150_000],
    ]);
    expect(tiers[0]!.keys).toEqual([list[9]!.key]);
    // Another shop's lone small spender tops their own shop, not ours.
    const other = buyer('o', [{ at: NOW - DAY, amount: 100 }], { shopId: 'shop2' });
    const mixed = tierBuckets(scoreCustomers([...list, other], S, NOW));
    expect(mixed[0]!.keys).toEqual([list[9]!.key, other.key]);
  });

  it('follows threshold tiers when the seller sets them', () => {
    const thresholds = settingsWith({
      tier: { ...S.tier, mode: 'threshold' },
    });
    const list = [
      buyer('rich', [{ at: NOW - DAY, amount: 600_000 }]),
      buyer(
        'often',
        Array.from({ length: 5 }, (_, k) => ({ at: NOW - (k + 1) * DAY, amount: 100 })),
      ),
      buyer('small', [{ at: NOW - DAY, amount: 100 }]),
      unpaidOnly('none', NOW),
    ];
    expect(countsOf(tierBuckets(scoreCustomers(list, thresholds, NOW)))).toEqual({
      svip: 1,
      vip: 1,
      senior: 0,
      regular: 2,
    });
  });

  it('fills the R × F grid with counts and average spend', () => {
    // Two alike one-time buyers 300 days ago, one frequent recent buyer: with mid-rank
    // percentiles the pair scores R2·F2 and the frequent buyer R5·F5.
    const list = [
      buyer('a', [{ at: NOW - 300 * DAY, amount: 10_000 }]),
      buyer('b', [{ at: NOW - 300 * DAY, amount: 30_000 }]),
      buyer('c', [ago(50), ago(30), ago(10)]),
      unpaidOnly('none', NOW),
    ];
    const grid = rfmGrid(scoreCustomers(list, S, NOW));
    expect(grid).toHaveLength(25);
    const filled = grid.filter((c) => c.count > 0);
    expect(filled.map((c) => [c.r, c.f, c.count, c.avgSpent])).toEqual([
      [2, 2, 2, 20_000],
      [5, 5, 1, 30_000],
    ]);
    expect(filled[0]!.keys).toEqual([list[0]!.key, list[1]!.key]);
    // Index (r − 1) × 5 + (f − 1).
    expect(grid[(2 - 1) * 5 + (2 - 1)]!.count).toBe(2);
    expect(grid[24]!.id).toBe('r5f5');
    expect(grid.every((c) => c.count > 0 || c.avgSpent === 0)).toBe(true);
  });
});

describe('first-order value bands', () => {
  const amounts = [
    0, 4_999, 5_000, 9_999, 10_000, 19_999, 20_000, 50_000, 99_999, 100_000, 500_000,
  ];
  const list = amounts.map((amount, i) =>
    buyer(`f${i}`, [
      { at: NOW - 10 * DAY, amount },
      { at: NOW - DAY, amount: 999_999 },
    ]),
  );

  it('bands the first purchase by its amount, lower bound inclusive', () => {
    const bands = firstOrderBands(list, {});
    expect(bands.map((b) => [b.id, b.count])).toEqual([
      ['0-50', 2],
      ['50-100', 2],
      ['100-200', 2],
      ['200-500', 1],
      ['500-1000', 2],
      ['1000+', 2],
    ]);
    expect(bands[3]!.keys).toEqual([list[6]!.key]);
    expect(bands[5]!.minYuan).toBe(1000);
    expect(bands[5]!.maxYuan).toBeUndefined();
    expect(DEFAULT_FIRST_ORDER_BANDS).toEqual([0, 50, 100, 200, 500, 1000]);
  });

  it('counts only first purchases made in the range', () => {
    const old = buyer('old', [
      { at: NOW - 400 * DAY, amount: 1 },
      { at: NOW - DAY, amount: 1 },
    ]);
    const bands = firstOrderBands([...list, old], rangeOf('90d', NOW));
    expect(bands.reduce((s, b) => s + b.count, 0)).toBe(list.length);
  });

  it('takes the seller’s own bands, sorted, de-duplicated, starting at 0', () => {
    const bands = firstOrderBands(list, {}, [300, 100, 100]);
    expect(bands.map((b) => [b.id, b.count])).toEqual([
      ['0-100', 4],
      ['100-300', 3],
      ['300+', 4],
    ]);
  });
});

describe('repurchase cycle per item', () => {
  const order = (
    customerKey: string,
    day: number,
    items: CycleOrder['items'],
    status: CycleOrder['status'] = 'paid',
  ): CycleOrder => ({
    customerKey,
    createdAt: cn(2025, 1, 1) + day * DAY,
    status,
    items,
  });
  const X = { title: '洗发水 500ml', itemId: 'x1' };
  const Y = { title: '护发素' };
  const orders: CycleOrder[] = [
    order('A', 0, [X]),
    order('A', 30, [X, Y]),
    order('A', 90, [X]),
    order('B', 0, [X]),
    order('B', 40, [X]),
    order('C', 0, [Y]),
    order('C', 10, [Y]),
    order('C', 10, [Y]),
    order('D', 5, [{ title: '只买一次' }]),
    order('E', 0, [X], 'unpaid'),
    order('E', 20, [X], 'closed'),
  ];

  it('gives median days and samples per item, most evidence first, with the repeat buyers', () => {
    const top = topRepurchaseCycles(orders);
    expect(top.map((i) => [i.id, i.title, i.medianDays, i.samples, i.keys])).toEqual([
      ['id:x1', '洗发水 500ml', 40, 3, ['A', 'B']],
      ['title:护发素', '护发素', 10, 1, ['C']],
    ]);
    expect(top[0]!.count).toBe(3);
  });

  it('keeps the top items only', () => {
    expect(topRepurchaseCycles(orders, 1).map((i) => i.id)).toEqual(['id:x1']);
    const many = Array.from({ length: 20 }, (_, k) => [
      order(`K${k}`, 0, [{ title: `item${k}` }]),
      order(`K${k}`, k + 1, [{ title: `item${k}` }]),
    ]).flat();
    const top = topRepurchaseCycles(many);
    expect(top).toHaveLength(15);
    // Equal evidence: the shorter cycle first.
    expect(top[0]).toMatchObject({ title: 'item0', medianDays: 1 });
  });
});

describe('reminder response', () => {
  const k1 = 'taobao:shop1:nick:k1';
  const k2 = 'taobao:shop1:nick:k2';
  const k3 = 'taobao:shop1:nick:k3';
  const at = NOW - 5 * DAY;
  const min = 60_000;
  const contacts = [
    contact({ customerKey: k1, at, paidAfterAt: at + 30 * min }),
    contact({ customerKey: k2, at, paidAfterAt: at + 90 * min }),
    contact({ customerKey: k3, at, overrode: ['quiet-hours'] }),
    contact({ customerKey: k1, at: at + DAY }),
    contact({ customerKey: k2, at, channel: 'sms', paidAfterAt: at + 600 * min }),
    contact({ customerKey: k3, at, channel: 'sms' }),
    // Not counted: care message, out of range, another shop.
    contact({ customerKey: k1, at, purpose: 'care', paidAfterAt: at + min }),
    contact({ customerKey: k1, at: NOW - 100 * DAY, paidAfterAt: NOW - 99 * DAY }),
    contact({ customerKey: 'taobao:shop2:nick:z', at, paidAfterAt: at + min }),
  ];
  const belongs = (k: string) => k.startsWith('taobao:shop1:');

  it('gives the paid-after share per channel and the median wait', () => {
    const r = reminderResponse(contacts, rangeOf('30d', NOW), belongs);
    expect(r.total).toEqual({
      sent: 6,
      paid: 3,
      rate: 0.5,
      medianMsToPay: 90 * min,
      overridden: 1,
    });
    expect(r.channels.map((c) => c.channel)).toEqual(['chat', 'sms']);
    const [chat, sms] = r.channels;
    expect(chat).toEqual({
      channel: 'chat',
      sent: 4,
      paid: 2,
      rate: 0.5,
      medianMsToPay: 60 * min,
      overridden: 1,
      paidKeys: [k1, k2],
      unpaidKeys: [k3],
      overrideKeys: [k3],
    });
    expect(sms).toMatchObject({
      sent: 2,
      paid: 1,
      rate: 0.5,
      medianMsToPay: 600 * min,
      paidKeys: [k2],
      unpaidKeys: [k3],
    });
  });

  it('counts every shop and all time without filters, and nothing without reminders', () => {
    expect(reminderResponse(contacts, {}).total).toMatchObject({ sent: 8, paid: 5 });
    expect(reminderResponse([], {})).toEqual({
      total: { sent: 0, paid: 0, rate: 0, medianMsToPay: null, overridden: 0 },
      channels: [],
    });
  });
});

describe('computeDashboard', () => {
  const inRange = buyer('in', [ago(10, 20_000)]);
  const before = buyer('before', [ago(200, 50_000)]);
  const other = buyer('other', [ago(5, 30_000)], { shopId: 'shop2' });
  const cycle = (c: { key: string }, days: number): CycleOrder => ({
    customerKey: c.key,
    createdAt: NOW - days * DAY,
    status: 'paid',
    items: [{ title: 'T' }],
  });
  const input = (range: DashboardInput['range']): DashboardInput => ({
    shops: [
      {
        shopKey: 'taobao:shop1',
        customers: [inRange, before],
        orders: [cycle(inRange, 10), cycle(before, 200)],
      },
      { shopKey: 'taobao:shop2', customers: [other], orders: [cycle(other, 5)] },
    ],
    contacts: [
      contact({ customerKey: before.key, at: NOW - DAY, paidAfterAt: NOW }),
      contact({ customerKey: 'taobao:gone:nick:x', at: NOW - DAY }),
    ],
    settings: S,
    now: NOW,
    range,
  });

  it('shows customers with an order in the range, ranked within their whole shop', () => {
    const d = computeDashboard(input(rangeOf('90d', NOW)));
    expect(d.customers).toBe(2);
    expect([...d.rows.keys()].sort()).toEqual([inRange.key, other.key].sort());
    // `before` spent more, so `in` is ranked behind it (1 of 2 spent more: the 50 % line, not a
    // top tier) even though `in` is alone on screen; ranked alone it would be svip.
    expect(d.rows.get(inRange.key)).toMatchObject({
      nick: 'in',
      shopKey: 'taobao:shop1',
      tier: 'regular',
      purchases: 1,
      spent: 20_000,
    });
    expect(d.rows.get(other.key)!.tier).toBe('svip');
    // Reminders of known customers in the range, whoever is on screen.
    expect(d.reminders.total).toMatchObject({ sent: 1, paid: 1 });
  });

  it('shows everyone for the whole history', () => {
    const d = computeDashboard(input({}));
    expect(d.customers).toBe(3);
    expect(d.purchasing).toBe(3);
    expect(d.stages.find((s) => s.id === 'prechurn')!.keys).toEqual([before.key]);
  });

  it('yields while it works and returns the same result', () => {
    const steps = dashboardSteps(input({}), 2);
    const yielded: number[] = [];
    let next = steps.next();
    while (!next.done) {
      yielded.push(next.value);
      next = steps.next();
    }
    // After 2 customers, then before the repurchase step and before the result.
    expect(yielded).toEqual([2, 3, 3]);
    const whole = computeDashboard(input({}));
    expect(next.value.stages).toEqual(whole.stages);
    expect(next.value.ladder).toEqual(whole.ladder);
  });
});
