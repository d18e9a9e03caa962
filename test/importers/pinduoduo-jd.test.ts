import { importCsv } from '../../lib/importers';
import type { OrderInput } from '../../lib/schemas';
import { cn, collector, fixture } from '../support/importers';

/** Pinduoduo exports carry no buyer: every order is its own uncertain customer. */
const pdd = (
  orderId: string,
  time: string,
  status: OrderInput['status'],
  amount: number,
  item: OrderInput['items'][number],
): OrderInput => ({
  platform: 'pinduoduo',
  shopId: 'shop1',
  orderId,
  buyerId: `order:${orderId}`,
  buyerNick: '',
  identity: 'none',
  status,
  createdAt: cn(time),
  // 订单成交时间 is the payment: Pinduoduo lists paid orders only.
  paidAt: cn(time),
  amount,
  items: [item],
  source: 'import',
});

const PDD: OrderInput[] = [
  pdd('240517-000000000000001', '2024-05-17 10:20:30', 'shipped', 1790, {
    title: '测试纸巾 10包装', sku: '10包', quantity: 1, itemId: '100000000001',
  }),
  pdd('240516-000000000000002', '2024-05-16 09:00:00', 'completed', 3480, {
    title: '测试洗衣液 2kg', sku: '2kg装', quantity: 2, itemId: '100000000002',
  }),
  pdd('240515-000000000000003', '2024-05-15 20:00:00', 'paid', 2500, {
    title: '测试拖鞋', sku: '42码', quantity: 1, itemId: '100000000003',
  }),
  pdd('240514-000000000000004', '2024-05-14 07:30:00', 'closed', 3000, {
    title: '测试雨伞', sku: '黑色', quantity: 1, itemId: '100000000004',
  }),
  // 已签收 but 售后状态 退款成功: the money went back.
  pdd('240513-000000000000005', '2024-05-13 13:13:13', 'refunded', 1500, {
    title: '测试水杯', sku: '蓝色', quantity: 1, itemId: '100000000005',
  }),
  pdd('240512-000000000000006', '2024-05-12 08:08:08', 'refunded', 1200, {
    title: '测试毛巾', sku: '白色', quantity: 3, itemId: '100000000006',
  }),
]; // prettier-ignore

const jd = (o: Partial<OrderInput> & Pick<OrderInput, 'orderId' | 'status'>): OrderInput => ({
  platform: 'jd',
  shopId: 'shop1',
  buyerId: '',
  buyerNick: '',
  identity: 'platform',
  createdAt: 0,
  amount: 0,
  items: [],
  source: 'import',
  ...o,
});

const JD_FIRST_ROWS = [
  { title: '测试键盘', quantity: 1, unitPrice: 19900, itemId: '10000001' },
  { title: '测试鼠标', quantity: 1, unitPrice: 5900, itemId: '10000002' },
];
const JD_ORDER_1 = jd({
  orderId: '300000000001',
  buyerId: 'id:jd_test_buyer01',
  buyerNick: 'jd_test_buyer01',
  status: 'paid', // 等待出库
  createdAt: cn('2024-06-01 10:00:00'),
  paidAt: cn('2024-06-01 10:01:00'),
  amount: 25800,
  items: JD_FIRST_ROWS,
  receiverName: '测试客户甲',
  receiverPhone: '138****1111',
  region: '北京',
});

/** Every batch in order: order 300000000001 comes twice, the second time with its late row. */
const JD: OrderInput[] = [
  JD_ORDER_1,
  jd({
    orderId: '300000000002',
    buyerId: 'order:300000000002', // 下单帐号 masked: no identity
    buyerNick: 'jd_****02',
    identity: 'none',
    status: 'shipped', // 等待确认收货
    createdAt: cn('2024-06-02 11:00:00'),
    paidAt: cn('2024-06-02 11:05:00'),
    amount: 19800,
    items: [{ title: '测试耳机', quantity: 2, unitPrice: 9900, itemId: '10000003' }],
    receiverName: '测试客户乙',
    receiverPhone: '139****2222',
    region: '广东',
  }),
  jd({
    orderId: '300000000003',
    buyerId: 'id:jd_test_buyer03',
    buyerNick: 'jd_test_buyer03',
    status: 'completed', // 完成
    createdAt: cn('2024-06-03 12:00:00'),
    paidAt: cn('2024-06-03 12:01:00'),
    amount: 29900,
    items: [{ title: '测试音箱', quantity: 1, unitPrice: 29900, itemId: '10000004' }],
    receiverName: '测试客户丙',
    receiverPhone: '137****3333',
    region: '浙江',
  }),
  jd({
    orderId: '300000000004',
    buyerId: 'id:jd_test_buyer04',
    buyerNick: 'jd_test_buyer04',
    status: 'closed', // (删除)锁定
    createdAt: cn('2024-06-04 13:00:00'),
    paidAt: cn('2024-06-04 13:01:00'),
    amount: 1990,
    items: [{ title: '测试数据线', quantity: 1, unitPrice: 1990, itemId: '10000005' }],
    receiverName: '测试客户丁',
    receiverPhone: '136****4444',
    region: '上海',
  }),
  jd({
    orderId: '300000000005',
    buyerId: 'id:jd_test_buyer05',
    buyerNick: 'jd_test_buyer05',
    status: 'closed', // 已取消
    createdAt: cn('2024-06-05 14:00:00'),
    amount: 4900,
    items: [{ title: '测试充电器', quantity: 1, unitPrice: 4900, itemId: '10000006' }],
    receiverName: '测试客户戊',
    receiverPhone: '135****5555',
    region: '四川',
  }),
  {
    ...JD_ORDER_1,
    items: [
      ...JD_FIRST_ROWS,
      { title: '测试鼠标垫', quantity: 1, unitPrice: 0, itemId: '10000007' },
    ],
  },
];

describe('Pinduoduo export', () => {
  it('parses the fixture (UTF-8 with BOM) to the exact expected orders', async () => {
    const { opts, got } = collector();
    const report = await importCsv(fixture('pinduoduo-orders.csv'), opts);
    expect(got.orders).toEqual(PDD);
    expect(report).toMatchObject({ ok: true, format: 'pinduoduo', rowsRead: 6, ordersOk: 6 });
    expect(report.ok && report.rowsSkipped).toBe(0);
  });
});

describe('JD export', () => {
  it('parses the fixture to the exact expected orders, one order from its adjacent SKU rows', async () => {
    const { opts, got } = collector();
    const report = await importCsv(fixture('jd-orders.csv'), opts);
    expect(got.orders).toEqual(JD);
    expect(report).toMatchObject({ ok: true, format: 'jd', rowsRead: 7, rowsOk: 7, ordersOk: 5 });
  });

  it('sends an order that gets a later, non-adjacent row again with all its items', async () => {
    const { opts, got } = collector({ batchSize: 2 });
    await importCsv(fixture('jd-orders.csv'), opts);
    const last = new Map(got.orders.map((o) => [o.orderId, o]));
    expect(last.get('300000000001')?.items.map((i) => i.title)).toEqual([
      '测试键盘',
      '测试鼠标',
      '测试鼠标垫',
    ]);
    expect(got.batches.every((b) => b.batch.kind === 'orders' && b.batch.orders.length <= 2)).toBe(
      true,
    );
  });
});
