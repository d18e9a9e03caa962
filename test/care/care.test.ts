import fc from 'fast-check';
import {
  CARE_DAYS,
  CHURNED_RECALL_DAYS,
  DUE_GRACE_DAYS,
  PRECHURN_RECALL_DAYS,
  REPURCHASE_GRACE_DAYS,
  careCandidateRanges,
  careDoneId,
  collectDue,
  dueMoments,
  dueStep,
  dueToday,
  pickDueToday,
  type CareCustomer,
  type CareOrder,
} from '../../lib/care';
import type { OrderStatus } from '../../lib/schemas';
import { DEFAULT_SETTINGS, Settings } from '../../lib/settings';
import { cn } from '../support/make-customer';

const DAY = 86_400_000;
/** 2025-06-01 15:00 China time. */
const NOW = cn(2025, 6, 1, 15);
/** An instant `days` China days before NOW's day, at 10:00 China time. */
const daysAgo = (days: number) => cn(2025, 6, 1, 10) - days * DAY;

interface P {
  days: number;
  status?: OrderStatus;
  items?: { title: string; quantity: number; itemId?: string }[];
  amount?: number;
}

/** A customer and their orders from purchases given as "days ago". */
function buyer(key: string, purchases: P[], extraOrderDaysAgo?: number) {
  const sorted = [...purchases].sort((a, b) => b.days - a.days);
  const orders: CareOrder[] = sorted.map((p, i) => ({
    customerKey: key,
    orderId: `${key}-o${i}`,
    createdAt: daysAgo(p.days),
    status: p.status ?? 'paid',
    items: p.items ?? [{ title: '羊毛围巾', quantity: 1 }],
  }));
  const bought = orders.filter((o) => ['paid', 'shipped', 'completed'].includes(o.status));
  const lastPurchase = bought[bought.length - 1]?.createdAt ?? 0;
  const customer: CareCustomer = {
    key,
    lastOrderAt: Math.max(
      lastPurchase,
      extraOrderDaysAgo === undefined ? 0 : daysAgo(extraOrderDaysAgo),
    ),
    purchaseAt: bought.map((o) => o.createdAt),
    purchaseOrderIds: bought.map((o) => o.orderId),
    totalSpent: sorted.reduce((s, p) => s + (p.amount ?? 10_000), 0),
  };
  return { customer, orders };
}

const ctx = { now: NOW, settings: DEFAULT_SETTINGS, cycles: new Map() };
const moments = (b: ReturnType<typeof buyer>) =>
  dueMoments(b.customer, b.orders, ctx).map((i) => `${i.moment}@${i.step}`);

describe('dueStep', () => {
  it('is due from the step for the grace window, never past the next step', () => {
    expect(dueStep([2, 7], 1, 3)).toBeUndefined();
    expect(dueStep([2, 7], 2, 3)).toBe(2);
    expect(dueStep([2, 7], 4, 3)).toBe(2);
    expect(dueStep([2, 7], 5, 3)).toBeUndefined();
    expect(dueStep([2, 4], 3, 3)).toBe(2);
    expect(dueStep([2, 4], 4, 3)).toBe(4);
    expect(dueStep([], 4, 3)).toBeUndefined();
  });
});

describe('after-receipt care', () => {
  it.each(CARE_DAYS.map((d) => [d]))('day %i is due on its day and for the grace window', (d) => {
    for (let late = 0; late < DUE_GRACE_DAYS; late++) {
      const b = buyer('c', [{ days: d + late, status: 'completed' }]);
      const items = dueMoments(b.customer, b.orders, ctx).filter((i) => i.kind === 'afterReceipt');
      expect(items.map((i) => [i.moment, i.step, i.daysLate])).toEqual([[`care.day${d}`, d, late]]);
    }
    const early = buyer('c', [{ days: d - 1, status: 'completed' }]);
    expect(moments(early)).not.toContain(`care.day${d}@${d}`);
    const gone = buyer('c', [{ days: d + DUE_GRACE_DAYS, status: 'completed' }]);
    expect(moments(gone)).not.toContain(`care.day${d}@${d}`);
  });

  it('counts China calendar days, not 24-hour periods', () => {
    // Ordered 23:30 China time the day before yesterday: two calendar days ago, 39.5 hours.
    const at = cn(2025, 5, 30, 23, 30);
    const items = dueMoments(
      {
        key: 'c',
        lastOrderAt: at,
        purchaseAt: [at],
        purchaseOrderIds: ['o1'],
        totalSpent: 100,
      },
      [{ customerKey: 'c', orderId: 'o1', createdAt: at, status: 'completed', items: [] }],
      ctx,
    );
    expect(items.map((i) => i.moment)).toContain('care.day2');
  });

  it('anchors on the newest completed order, else on the last purchase', () => {
    const b = buyer('c', [
      { days: 7, status: 'completed', items: [{ title: '旧款', quantity: 1 }] },
      { days: 2, status: 'shipped', items: [{ title: '新款', quantity: 1 }] },
    ]);
    const care = dueMoments(b.customer, b.orders, ctx).filter((i) => i.kind === 'afterReceipt');
    expect(care.map((i) => [i.moment, i.items[0]?.title])).toEqual([['care.day7', '旧款']]);
    expect(care[0]!.id).toBe(careDoneId('c', 'care.day7', daysAgo(7)));

    const noCompleted = buyer('d', [{ days: 30 }, { days: 2, status: 'shipped' }]);
    expect(moments(noCompleted)).toContain('care.day2@2');
    expect(moments(noCompleted)).not.toContain('care.day30@30');
  });

  it('has nothing for a customer without purchases', () => {
    const b = buyer('c', [
      { days: 2, status: 'unpaid' },
      { days: 7, status: 'closed' },
    ]);
    expect(moments(b)).toEqual([]);
  });
});

describe('recall', () => {
  const { sleepingDays, prechurnDays } = DEFAULT_SETTINGS.lifecycle;

  it.each(PRECHURN_RECALL_DAYS.map((d) => [d]))(
    'pre-churn recall %i days into the pre-churn stage',
    (d) => {
      expect(moments(buyer('c', [{ days: sleepingDays + d }]))).toEqual([`recall.prechurn@${d}`]);
      expect(moments(buyer('c', [{ days: sleepingDays + d - 1 }]))).toEqual([]);
    },
  );

  it.each(CHURNED_RECALL_DAYS.map((d) => [d]))(
    'churned recall %i days into the churned stage',
    (d) => {
      expect(moments(buyer('c', [{ days: prechurnDays + d + 1 }]))).toEqual([
        `recall.churned@${d}`,
      ]);
    },
  );

  it('defaults: pre-churn at R 225/240/270, churned at 455/485/725; nothing between', () => {
    expect(sleepingDays + PRECHURN_RECALL_DAYS[0]).toBe(225);
    expect(prechurnDays + CHURNED_RECALL_DAYS[2]).toBe(725);
    for (const r of [95, 181, 224, 273, 300, 370, 454, 600])
      expect(moments(buyer('c', [{ days: r }]))).toEqual([]);
  });

  it('does not recall a buyer who came back with any order since', () => {
    expect(moments(buyer('c', [{ days: 240 }], 10))).toEqual([]);
  });

  it('drops a step that would leave its stage', () => {
    const settings = Settings.parse({
      lifecycle: { activeDays: 90, sleepingDays: 300, prechurnDays: 350 },
    });
    const b = buyer('c', [{ days: 300 + 60 }]);
    const got = dueMoments(b.customer, b.orders, { ...ctx, settings }).map((i) => i.moment);
    expect(got).not.toContain('recall.prechurn');
    const ok = buyer('c', [{ days: 300 + 45 }]);
    expect(dueMoments(ok.customer, ok.orders, { ...ctx, settings }).map((i) => i.step)).toContain(
      45,
    );
  });
});

describe('new-customer care', () => {
  it('every 15 days while one purchase and within recentDays', () => {
    expect(moments(buyer('c', [{ days: 60 }]))).toEqual(['care.newcustomer@60']);
    expect(moments(buyer('c', [{ days: 75 }]))).toEqual(['care.newcustomer@75']);
    expect(moments(buyer('c', [{ days: 61 }]))).toEqual(['care.newcustomer@60']);
    expect(moments(buyer('c', [{ days: 64 }]))).toEqual([]);
    // 105 > recentDays 90: a sleeping new customer, no longer "new" for care.
    expect(moments(buyer('c', [{ days: 105 }]))).toEqual([]);
    // Two purchases: returning.
    expect(moments(buyer('c', [{ days: 120 }, { days: 60 }]))).not.toContain('care.newcustomer@60');
  });

  it('yields to after-receipt care on the same day (one message per customer)', () => {
    const b = buyer('c', [{ days: 15 }]);
    expect(moments(b)).toEqual(['care.day15@15', 'care.newcustomer@15']);
    const [picked] = dueToday({
      ...ctx,
      customers: [b.customer],
      orders: b.orders,
      done: new Set(),
    });
    expect(picked!.item.moment).toBe('care.day15');
  });
});

describe('repurchase due', () => {
  const tea = { title: '龙井茶 250g', quantity: 1, itemId: 'tea' };
  // Three other buyers restock tea every 30 days: the item's cycle is 30.
  const regulars = ['r1', 'r2', 'r3'].map((k, n) =>
    buyer(k, [
      { days: 200 + n, items: [tea] },
      { days: 170 + n, items: [tea] },
      { days: 140 + n, items: [tea] },
    ]),
  );

  const run = (b: ReturnType<typeof buyer>) =>
    collectDue({
      customers: [b.customer],
      orders: [...regulars.flatMap((r) => r.orders), ...b.orders],
      now: NOW,
      settings: DEFAULT_SETTINGS,
    }).map((e) => e.item);

  it('is due at the last purchase of the item plus its cycle, for the grace window', () => {
    for (let late = 0; late < REPURCHASE_GRACE_DAYS; late++) {
      const items = run(
        buyer('c', [
          { days: 80, items: [tea] },
          { days: 30 + late, items: [tea] },
        ]),
      );
      const due = items.filter((i) => i.kind === 'repurchase');
      expect(due.map((i) => [i.moment, i.cycleDays, i.daysLate, i.items[0]?.title])).toEqual([
        ['repurchase.due', 30, late, '龙井茶 250g'],
      ]);
    }
    expect(run(buyer('c', [{ days: 29, items: [tea] }])).some((i) => i.kind === 'repurchase')).toBe(
      false,
    );
    expect(
      run(buyer('c', [{ days: 30 + REPURCHASE_GRACE_DAYS, items: [tea] }])).some(
        (i) => i.kind === 'repurchase',
      ),
    ).toBe(false);
  });

  it('comes first among the customer’s moments and has a bounded id', () => {
    const items = run(buyer('c', [{ days: 30, items: [tea], status: 'completed' }]));
    expect(items.map((i) => i.kind)).toEqual(['repurchase', 'afterReceipt', 'newCustomer']);
    expect(items[0]!.id).toMatch(/^c\|repurchase\.due:[0-9a-f]{8}\|\d+$/);
  });

  it('an item without a cycle is never due', () => {
    const items = run(buyer('c', [{ days: 30, items: [{ title: '一次性商品', quantity: 1 }] }]));
    expect(items.some((i) => i.kind === 'repurchase')).toBe(false);
  });
});

describe('done marks and the list', () => {
  it('a done moment leaves the list; the next one of that customer takes its place', () => {
    const b = buyer('c', [{ days: 15 }]);
    const entries = collectDue({
      customers: [b.customer],
      orders: b.orders,
      now: NOW,
      settings: DEFAULT_SETTINGS,
    });
    const first = pickDueToday(entries, new Set());
    expect(first.map((e) => e.item.moment)).toEqual(['care.day15']);
    const anchor = b.customer.purchaseAt[0]!;
    const done = new Set([careDoneId('c', 'care.day15', anchor)]);
    expect(pickDueToday(entries, done).map((e) => e.item.id)).toEqual([
      careDoneId('c', 'care.newcustomer:15', anchor),
    ]);
    done.add(careDoneId('c', 'care.newcustomer:15', anchor));
    expect(pickDueToday(entries, done)).toEqual([]);
  });

  it('a done mark is for one anchor: the same moment after a later purchase is new again', () => {
    const old = buyer('c', [{ days: 400 }, { days: 2, status: 'completed' }]);
    const doneBefore = new Set([careDoneId('c', 'care.day2', daysAgo(400))]);
    expect(
      dueToday({
        customers: [old.customer],
        orders: old.orders,
        now: NOW,
        settings: DEFAULT_SETTINGS,
        done: doneBefore,
      }).map((e) => e.item.moment),
    ).toEqual(['care.day2']);
  });

  it('puts the most valuable customers first and keeps at most the limit', () => {
    const buyers = Array.from({ length: 30 }, (_, i) =>
      buyer(`c${String(i).padStart(2, '0')}`, [
        { days: 7, status: 'completed', amount: (i + 1) * 1000 },
      ]),
    );
    const list = dueToday({
      customers: buyers.map((b) => b.customer),
      orders: buyers.flatMap((b) => b.orders),
      now: NOW,
      settings: DEFAULT_SETTINGS,
      done: new Set(),
    });
    expect(list).toHaveLength(20);
    expect(list[0]!.customer.key).toBe('c29');
    const spent = list.map((e) => e.customer.totalSpent);
    expect(spent).toEqual([...spent].sort((a, b) => b - a));
  });
});

describe('careCandidateRanges', () => {
  it('holds every customer who has a moment due (so the popup never scans the table)', () => {
    fc.assert(
      fc.property(
        fc.array(fc.record({ days: fc.integer({ min: 0, max: 800 }), completed: fc.boolean() }), {
          minLength: 1,
          maxLength: 4,
        }),
        fc.option(fc.integer({ min: 0, max: 800 }), { nil: undefined }),
        fc.integer({ min: 0, max: 23 }),
        (ps, extra, hour) => {
          const now = cn(2025, 6, 1, hour);
          const b = buyer(
            'c',
            ps.map((p) => ({ days: p.days, status: p.completed ? 'completed' : 'paid' })),
            extra,
          );
          const due = dueMoments(b.customer, b.orders, { ...ctx, now });
          if (due.length === 0) return;
          const ranges = careCandidateRanges(DEFAULT_SETTINGS, now);
          expect(
            ranges.some((r) => b.customer.lastOrderAt >= r.from && b.customer.lastOrderAt <= r.to),
          ).toBe(true);
        },
      ),
    );
  });

  it('does not reach back to the whole table', () => {
    const ranges = careCandidateRanges(DEFAULT_SETTINGS, NOW);
    const covered = ranges.reduce((s, r) => s + (Math.min(r.to, NOW) - r.from), 0);
    expect(covered / DAY).toBeLessThan(400);
    expect(ranges[0]!.from).toBeGreaterThan(NOW - 740 * DAY);
  });
});
