import Papa from 'papaparse';
import {
  UTF8_BOM,
  computeDashboard,
  csvFileName,
  customersCsv,
  ladderTakeaway,
  newReturningTakeaway,
  remindersTakeaway,
  rowsFor,
  stagesTakeaway,
  tiersTakeaway,
  firstOrderTakeaway,
  repurchaseTakeaway,
  groupsTakeaway,
  rfmTakeaway,
  type CustomerRow,
  type Dashboard,
} from '../../lib/dashboard';
import { DEFAULT_SETTINGS } from '../../lib/settings';
import { DAY, NOW, buyer, cn, contact } from '../support/dashboard';

function dashboardOf(counts: number[]): Dashboard {
  const customers = counts.map((n, i) =>
    buyer(
      `b${i}`,
      Array.from({ length: n }, (_, k) => ({ at: NOW - (10 + k * 20) * DAY, amount: 10_000 })),
    ),
  );
  return computeDashboard({
    shops: [
      {
        shopKey: 'taobao:shop1',
        customers,
        orders: customers.flatMap((c) =>
          c.purchaseAt.map((at) => ({
            customerKey: c.key,
            createdAt: at,
            status: 'paid' as const,
            items: [{ title: '面霜' }],
          })),
        ),
      },
    ],
    contacts:
      customers.length < 2
        ? []
        : [
            contact({
              customerKey: customers[0]!.key,
              at: NOW - DAY,
              paidAfterAt: NOW - DAY + 90 * 60_000,
            }),
            contact({ customerKey: customers[1]!.key, at: NOW - DAY }),
          ],
    settings: DEFAULT_SETTINGS,
    now: NOW,
    range: {},
  });
}

describe('takeaways', () => {
  const d = dashboardOf([1, 1, 1, 1, 1, 1, 1, 2, 2, 3]);

  it('says what each chart shows, in Chinese and English', () => {
    expect(ladderTakeaway(d, 'zh_CN')).toBe('70% 的顾客只买过一次；1→2 转化率 30%');
    expect(ladderTakeaway(d, 'en')).toBe(
      '70% of customers bought only once; 1→2 conversion is 30%',
    );
    expect(stagesTakeaway(d, 'zh_CN')).toBe('100% 的已购顾客处于活跃期（10 位）');
    expect(groupsTakeaway(d, 'zh_CN')).toBe('活跃新客最多，占已购顾客的 70%');
    expect(remindersTakeaway(d, 'zh_CN')).toBe('催付后 50% 的订单完成付款，中位用时 1小时30分');
    expect(remindersTakeaway(d, 'en')).toBe(
      '50% of reminded orders were paid, after 1 h 30 min (median)',
    );
    expect(firstOrderTakeaway(d, 'zh_CN')).toBe('首单金额最常见在 ¥100–200（100%）');
    // Three buyers bought 面霜 again after 20 days each (b9 twice).
    expect(repurchaseTakeaway(d, 'zh_CN')).toBe('「面霜」通常 20 天后回购（4 次样本）');
    expect(tiersTakeaway(d, 'zh_CN')).toMatch(/^至尊VIP 占顾客的 \d+%，贡献了 \d+% 的销售额$/);
    expect(rfmTakeaway(d, 'zh_CN')).toMatch(/^R、F 都在 4 分以上的核心顾客 \d+ 位，占 \d+%$/);
    expect(newReturningTakeaway(d, 'zh_CN')).toMatch(/^\d{4}-\d{2} 的购买中 \d+% 来自老客复购$/);
  });

  it('says "no data" rather than 0% of nothing', () => {
    const empty = dashboardOf([]);
    for (const t of [
      ladderTakeaway,
      stagesTakeaway,
      groupsTakeaway,
      rfmTakeaway,
      tiersTakeaway,
      firstOrderTakeaway,
      repurchaseTakeaway,
      remindersTakeaway,
      newReturningTakeaway,
    ]) {
      expect(
        t(
          {
            ...empty,
            reminders: {
              total: { sent: 0, paid: 0, rate: 0, medianMsToPay: null, overridden: 0 },
              channels: [],
            },
          },
          'zh_CN',
        ),
      ).toBe('暂无数据');
    }
  });
});

describe('customer list and CSV', () => {
  const rows = new Map<string, CustomerRow>(
    (
      [
        ['a', '小明', 5_000, 1],
        ['b', '=HYPERLINK("x")', 90_000, 3],
        ['c', 'Zoë, "the" buyer', 5_000, 2],
      ] as const
    ).map(([k, nick, spent, purchases]) => [
      k,
      {
        key: k,
        nick,
        platform: 'taobao',
        shopKey: 'taobao:shop1',
        tier: 'vip',
        purchases,
        spent,
        lastOrderAt: cn(2025, 5, 20, 23, 30),
      },
    ]),
  );

  it('lists the bucket’s customers, biggest spenders first, skipping unknown keys', () => {
    expect(rowsFor(['a', 'x', 'b', 'c'], rows).map((r) => r.key)).toEqual(['b', 'c', 'a']);
  });

  it('exports UTF-8 CSV with a BOM, headed in the page language, formulas defused', () => {
    const csv = customersCsv(rowsFor(['a', 'b', 'c'], rows), 'zh_CN', () => '我的店');
    expect(csv.startsWith(UTF8_BOM)).toBe(true);
    const parsed = Papa.parse<string[]>(csv.slice(1), { skipEmptyLines: true }).data;
    expect(parsed).toEqual([
      ['昵称', '店铺', '等级', '购买次数', '累计消费 (¥)', '最近下单'],
      ['\'=HYPERLINK("x")', '我的店', 'VIP', '3', '900.00', '2025-05-20'],
      ['Zoë, "the" buyer', '我的店', 'VIP', '2', '50.00', '2025-05-20'],
      ['小明', '我的店', 'VIP', '1', '50.00', '2025-05-20'],
    ]);
    expect(customersCsv([], 'en', () => '')).toBe(
      `${UTF8_BOM}Nick,Shop,Tier,Purchases,Total spent (¥),Last order\r\n`,
    );
  });

  it('names the file after the bucket and the China date', () => {
    expect(csvFileName('购买次数阶梯 · 2次', cn(2025, 6, 1, 1))).toBe(
      'kezhi-customers-购买次数阶梯-2次-2025-06-01.csv',
    );
    expect(csvFileName('a/b:c', NOW)).toBe('kezhi-customers-a-b-c-2025-06-01.csv');
  });
});
