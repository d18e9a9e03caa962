import { importCsv, itemsByOrder, preview } from '../../lib/importers';
import type { OrderInput } from '../../lib/schemas';
import { cn, collector, fixture } from '../support/importers';

const base = { platform: 'taobao', shopId: 'shop1', source: 'import' } as const;

/** The orders in taobao-orders.utf8.csv, written out by hand. */
const EXPECTED: OrderInput[] = [
  {
    ...base,
    orderId: '3306183637220018070',
    buyerId: 'nick:tb_test_buyer01',
    buyerNick: 'tb_test_buyer01',
    identity: 'nick',
    status: 'completed',
    createdAt: cn('2024-03-01 10:15:30'),
    paidAt: cn('2024-03-01 10:16:02'),
    amount: 16900,
    items: [{ title: '测试连衣裙A', quantity: 1 }],
    receiverName: '测试收件人甲',
    receiverPhone: '138****0000',
    region: '浙江省',
  },
  {
    ...base,
    orderId: '3306183637220018071',
    buyerId: 'nick:tb_test_buyer02',
    buyerNick: 'tb_test_buyer02',
    identity: 'nick',
    status: 'shipped',
    createdAt: cn('2024-03-02 21:05:00'),
    paidAt: cn('2024-03-02 21:06:45'),
    amount: 10800,
    // Two titles, 宝贝种类 2, 宝贝总数量 2: one piece each, exactly.
    items: [
      { title: '测试T恤B', quantity: 1 },
      { title: '测试短裤C', quantity: 1 },
    ],
    receiverName: '测试收件人乙',
    receiverPhone: '139****0001',
    region: '上海市',
  },
  {
    ...base,
    orderId: '3306183637220018072',
    buyerId: 'order:3306183637220018072',
    buyerNick: '牛**',
    identity: 'none',
    status: 'paid',
    createdAt: cn('2024-03-03 08:00:00'),
    paidAt: cn('2024-03-03 08:01:00'),
    amount: 5990,
    items: [{ title: '测试袜子D', quantity: 3 }],
    receiverName: '测试收件人丙',
    receiverPhone: '137****0002',
    region: '广东省',
  },
  {
    ...base,
    orderId: '3306183637220018073',
    buyerId: 'nick:tb_test_buyer03',
    buyerNick: 'tb_test_buyer03',
    identity: 'nick',
    status: 'unpaid',
    createdAt: cn('2024-03-04 12:00:00'),
    // Unpaid: 买家实际支付金额 is 0.00, the amount is what the order will cost (总金额).
    amount: 8800,
    items: [{ title: '测试帽子E', quantity: 1 }],
    receiverName: '测试收件人丁',
    receiverPhone: '136****0003',
    region: '北京',
  },
  {
    ...base,
    orderId: '3306183637220018074',
    buyerId: 'nick:tb_test_buyer01',
    buyerNick: 'tb_test_buyer01',
    identity: 'nick',
    status: 'closed',
    createdAt: cn('2024-03-05 09:30:00'),
    amount: 0,
    items: [{ title: '测试围巾F', quantity: 1 }],
    receiverName: '测试收件人甲',
    receiverPhone: '138****0000',
    region: '浙江省',
  },
  {
    ...base,
    orderId: '3306183637220018075',
    buyerId: 'nick:tb_test_buyer04',
    buyerNick: 'tb_test_buyer04',
    identity: 'nick',
    // 等待卖家发货 is not known to normaliseStatus: mapped by the importer.
    status: 'paid',
    createdAt: cn('2024-03-06 14:20:10'),
    paidAt: cn('2024-03-06 14:22:00'),
    amount: 30000,
    // Two titles but three pieces: per-item quantities are unknown, so one line, not a guess.
    items: [{ title: '测试外套G，测试毛衣H', quantity: 3 }],
    receiverName: '测试收件人戊',
    receiverPhone: '135****0004',
    region: '四川省',
  },
];

async function importOrders(bytes: Uint8Array, extra = {}) {
  const { opts, got } = collector(extra);
  const report = await importCsv(bytes, opts);
  return { report, got };
}

describe('Taobao order report (ExportOrderList, GBK)', () => {
  it('parses the fixture to the exact expected orders', async () => {
    const { report, got } = await importOrders(fixture('taobao-orders.csv'));
    expect(got.orders).toEqual(EXPECTED);
    expect(report).toEqual({
      ok: true,
      format: 'taobao-orders',
      platform: 'taobao',
      kind: 'orders',
      rowsRead: 6,
      rowsOk: 6,
      ordersOk: 6,
      rowsSkipped: 0,
      errors: [],
      cancelled: false,
      notes: [],
    });
  });

  it('keeps a 19-digit ="…" order id exact (a JS number would not)', async () => {
    const { got } = await importOrders(fixture('taobao-orders.csv'));
    const id = got.orders[0]?.orderId;
    expect(id).toBe('3306183637220018070');
    expect(String(Number(id))).not.toBe(id);
  });

  it('reads the UTF-8 source, GBK behind a UTF-8 BOM and Latin-1 mojibake to the same orders', async () => {
    const gbk = fixture('taobao-orders.csv');
    const withBom = new Uint8Array([0xef, 0xbb, 0xbf, ...gbk]);
    const mojibake = new TextEncoder().encode(String.fromCharCode(...gbk));
    for (const bytes of [fixture('taobao-orders.utf8.csv'), withBom, mojibake]) {
      const { report, got } = await importOrders(bytes);
      expect(got.orders).toEqual(EXPECTED);
      expect(report.ok && report.rowsSkipped).toBe(0);
    }
    const { report } = await importOrders(mojibake);
    expect(report.ok && report.notes.map((n) => n.en)).toEqual([
      'This file was once opened with the wrong encoding (Latin-1) and saved again; its text was restored.',
    ]);
  });

  it('previews the first rows and suggests the shop the report names', () => {
    const got = preview(fixture('taobao-orders.csv'), 2);
    expect(got).toMatchObject({
      ok: true,
      format: 'taobao-orders',
      encoding: 'gb18030',
      headerLine: 1,
      shop: { id: '100000001', name: '客知测试旗舰店' },
    });
    if (!got.ok) return;
    expect(got.label.zh_CN).toBe('淘宝订单报表');
    // The quoted 买家留言 spans two text lines; rows are numbered as a spreadsheet numbers them.
    expect(got.rows.map((r) => r.line)).toEqual([2, 3]);
    expect(got.rows[0]?.order).toEqual({ ...EXPECTED[0], shopId: 'preview' });
    expect(preview(fixture('taobao-orders.csv'), 1, { shopId: 'shop9' })).toMatchObject({
      rows: [{ order: { shopId: 'shop9' } }],
    });
  });

  it('reports each bad row with its line and reason, skips it, and imports the rest', async () => {
    const { report, got } = await importOrders(fixture('taobao-bad-rows.csv'));
    expect(got.orders.map((o) => o.orderId)).toEqual([
      '3306183637220018080',
      '3306183637220018088',
    ]);
    expect(report.ok && report.errors.map((e) => [e.line, e.reason.zh_CN])).toEqual([
      [3, '买家实际支付金额「二十元」不是有效的金额'],
      [4, '订单状态「火星状态」无法识别'],
      [6, '订单创建时间「2024-02-30 10:00:00」不是可识别的时间'],
      [
        7,
        '订单编号「3.30618363722002E+18」被表格软件改成了科学计数法，原编号已丢失：请从平台重新导出，不要用 Excel 另存。',
      ],
      [8, '这一行只有 12 列，表头有 31 列：行不完整（文件可能被截断）'],
      [9, '这一行比表头多出 2 个非空单元格：列可能错位（某个单元格里有未加引号的逗号？）'],
      [11, '这一行只有 14 列，表头有 31 列：行不完整（文件可能被截断）'],
    ]);
    // Line 5 is blank: not a row, not an error.
    expect(report).toMatchObject({ rowsRead: 9, rowsOk: 2, ordersOk: 2, rowsSkipped: 7 });
  });

  it('caps the stored error list but keeps the count', async () => {
    const { report } = await importOrders(fixture('taobao-bad-rows.csv'), { maxErrors: 2 });
    expect(report).toMatchObject({ rowsSkipped: 7 });
    expect(report.ok && report.errors.map((e) => e.line)).toEqual([3, 4]);
  });

  it('refuses a bad shop id and a report of another platform before sending anything', async () => {
    const bad = await importOrders(fixture('taobao-orders.csv'), { shopId: '' });
    expect(bad.report).toMatchObject({ ok: false, code: 'bad-shop-id' });
    const wrong = await importOrders(fixture('taobao-orders.csv'), { platform: 'jd' });
    expect(wrong.report).toMatchObject({ ok: false, code: 'wrong-platform' });
    expect(bad.got.batches.length + wrong.got.batches.length).toBe(0);
  });
});

describe('Taobao items report', () => {
  it('imported alone, yields item lines per order to merge into stored orders', async () => {
    const { report, got } = await importOrders(fixture('taobao-items.csv'));
    expect(report).toMatchObject({ ok: true, format: 'taobao-items', kind: 'items' });
    expect(report).toMatchObject({ rowsRead: 7, rowsOk: 7, ordersOk: 4, rowsSkipped: 0 });
    expect(got.orders).toEqual([]);
    const map = itemsByOrder(got.items);
    expect([...map.keys()]).toEqual([
      '3306183637220018071',
      '3306183637220018075',
      '3306183637220018090',
      '3306183637220018070',
    ]);
    expect(map.get('3306183637220018071')).toEqual([
      {
        title: '测试T恤B',
        sku: '颜色分类：白色；尺码：M',
        quantity: 1,
        unitPrice: 4900,
      },
      {
        title: '测试短裤C',
        sku: '颜色分类：黑色；尺码：L',
        quantity: 1,
        unitPrice: 4900,
      },
    ]);
    // 3306183637220018075's third line comes after another order: the order is sent again, whole.
    expect(map.get('3306183637220018075')).toEqual([
      { title: '测试外套G', sku: '颜色分类：灰色', quantity: 1, unitPrice: 20000 },
      {
        title: '测试毛衣H',
        sku: '颜色分类：米色；礼盒装',
        quantity: 2,
        unitPrice: 5000,
      },
      { title: '测试腰带S', sku: '赠品', quantity: 1, unitPrice: 0 },
    ]);
    expect(got.items.every((p) => p.platform === 'taobao' && p.shopId === 'shop1')).toBe(true);
  });

  it('joins onto the orders of an order report by 订单编号', async () => {
    const items = await importOrders(fixture('taobao-items.csv'));
    const { got } = await importOrders(fixture('taobao-orders.csv'), {
      itemsByOrder: itemsByOrder(items.got.items),
    });
    const byId = new Map(got.orders.map((o) => [o.orderId, o]));
    expect(byId.get('3306183637220018075')?.items).toHaveLength(3);
    expect(byId.get('3306183637220018071')?.items[1]).toEqual({
      title: '测试短裤C',
      sku: '颜色分类：黑色；尺码：L',
      quantity: 1,
      unitPrice: 4900,
    });
    // Orders the items report does not list keep their titles from the order report.
    expect(byId.get('3306183637220018072')?.items).toEqual(EXPECTED[2]?.items);
  });
});
