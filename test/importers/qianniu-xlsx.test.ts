import {
  importCsv,
  importFile,
  importXlsx,
  previewFile,
  previewXlsx,
  cellText,
} from '../../lib/importers';
import type { OrderInput } from '../../lib/schemas';
import { cn, collector, fixture, makeXlsx } from '../support/importers';

const QN_HEADER = [
  '订单编号', '支付单号', '买家应付货款', '买家应付邮费', '总金额', '买家实付金额', '订单状态',
  '收货地址', '运送方式', '订单创建时间', '商品标题', '宝贝种类', '物流单号', '物流公司', '备注标签',
  '商家备注', '宝贝总数量', '开票信息', '手机订单', '商品属性SKU', '发货时间',
]; // prettier-ignore

/** One 千牛 row; cells as exceljs stores them (strings, numbers, dates, rich text). */
const qnRow = (o: {
  id: unknown;
  paid: unknown;
  total: unknown;
  status: string;
  address: string;
  created: unknown;
  title: unknown;
  kinds: unknown;
  qty: unknown;
  sku?: string;
}) => [
  o.id, '', o.total, '0.00', o.total, o.paid, o.status, o.address, '快递', o.created, o.title,
  o.kinds, '', '', '', '', o.qty, '', '是', o.sku ?? '',
]; // prettier-ignore

const ROWS = [
  QN_HEADER,
  qnRow({
    id: '3306183637220019001', paid: 99, total: '99.00', status: '交易成功',
    address: '浙江省 杭州市 西湖区 ****', created: '2024-07-01 09:00:00', title: '测试台灯',
    kinds: 1, qty: 1, sku: '颜色：白',
  }),
  // A date cell: Excel keeps wall-clock time, which is China time in these exports.
  qnRow({
    id: '3306183637220019002', paid: '0.00', total: 45.5, status: '等待买家付款',
    address: '江苏省 苏州市 ****', created: new Date(Date.UTC(2024, 6, 2, 20, 30, 0)),
    title: '测试笔记本', kinds: 1, qty: 2,
  }),
  // An id saved as a number: Excel kept 15 digits, the order is lost and must be reported.
  qnRow({
    id: Number('3306183637220019003'), paid: 10, total: 10, status: '交易成功', address: '上海市 ****',
    created: '2024-07-03 10:00:00', title: '测试橡皮', kinds: 1, qty: 1,
  }),
  qnRow({
    id: '3306183637220019004', paid: '128.00', total: '128.00', status: '卖家已发货，等待买家确认',
    address: '', created: '2024/7/4 11:12', title: { richText: [{ text: '测试' }, { text: '花瓶' }] },
    kinds: 1, qty: 1,
  }),
]; // prettier-ignore

const qn = (o: Partial<OrderInput> & Pick<OrderInput, 'orderId'>): OrderInput => ({
  platform: 'taobao',
  shopId: 'shop1',
  buyerId: `order:${o.orderId}`,
  buyerNick: '',
  identity: 'none',
  status: 'completed',
  createdAt: 0,
  amount: 0,
  items: [],
  source: 'import',
  ...o,
});

const EXPECTED: OrderInput[] = [
  qn({
    orderId: '3306183637220019001',
    createdAt: cn('2024-07-01 09:00:00'),
    amount: 9900,
    items: [{ title: '测试台灯', sku: '颜色：白', quantity: 1 }],
    region: '浙江省',
  }),
  qn({
    orderId: '3306183637220019002',
    status: 'unpaid',
    createdAt: cn('2024-07-02 20:30:00'),
    amount: 4550,
    items: [{ title: '测试笔记本', quantity: 2 }],
    region: '江苏省',
  }),
  qn({
    orderId: '3306183637220019004',
    status: 'shipped',
    createdAt: cn('2024-07-04 11:12:00'),
    amount: 12800,
    items: [{ title: '测试花瓶', quantity: 1 }],
  }),
];

// exceljs is slow on 2 shared cores: a generous limit, no timing asserted.
describe('千牛 xlsx export', { timeout: 60_000 }, () => {
  it('parses a generated workbook to the exact expected orders, with uncertain identities', async () => {
    const { opts, got } = collector();
    const report = await importXlsx(await makeXlsx(ROWS), opts);
    expect(got.orders).toEqual(EXPECTED);
    expect(report).toMatchObject({
      ok: true,
      format: 'taobao-qn',
      rowsRead: 4,
      rowsOk: 3,
      ordersOk: 3,
      rowsSkipped: 1,
      cancelled: false,
    });
    expect(report.ok && report.errors[0]?.line).toBe(4);
    expect(report.ok && report.errors[0]?.reason.zh_CN).toMatch(
      /^订单编号「3\.30618363722002e\+18」被表格软件改成了科学计数法/,
    );
  });

  it('previews an xlsx, and importFile/previewFile route by content, not by name', async () => {
    const xlsx = await makeXlsx(ROWS);
    const got = await previewXlsx(xlsx, 2);
    expect(got).toMatchObject({ ok: true, format: 'taobao-qn', encoding: 'xlsx', headerLine: 1 });
    expect(got.ok && got.rows.map((r) => r.line)).toEqual([2, 3]);
    expect(await previewFile(xlsx, 2)).toEqual(got);
    expect(await previewFile(fixture('jd-orders.csv'), 1)).toMatchObject({ format: 'jd' });

    const viaFile = collector();
    await importFile(xlsx, viaFile.opts);
    expect(viaFile.got.orders).toEqual(EXPECTED);
    const csv = collector();
    await importFile(fixture('pinduoduo-orders.csv'), csv.opts);
    expect(csv.got.orders).toHaveLength(6);
  });

  it('refuses CSV bytes, a damaged zip, and a workbook without a report', async () => {
    const { opts } = collector();
    expect(await importXlsx(fixture('jd-orders.csv'), opts)).toMatchObject({
      ok: false,
      code: 'xlsx-unreadable',
    });
    const damaged = Uint8Array.of(0x50, 0x4b, 0x03, 0x04, ...new Array<number>(60).fill(7));
    const bad = await importXlsx(damaged, opts);
    expect(bad).toMatchObject({ ok: false, code: 'xlsx-unreadable' });
    expect(!bad.ok && bad.message.zh_CN).toMatch(/^无法打开这个 xlsx 文件/);
    const stock = await makeXlsx([
      ['产品名称', '库存'],
      ['测试商品', 3],
    ]);
    expect(await importXlsx(stock, opts)).toMatchObject({ ok: false, code: 'not-a-report' });
    expect(await importXlsx(new Uint8Array(0), opts)).toMatchObject({ ok: false, code: 'empty' });
    // And the CSV reader sends an xlsx back.
    expect(await importCsv(await makeXlsx(ROWS), opts)).toMatchObject({ code: 'xlsx-as-csv' });
  });

  it('imports a large sheet in batches with progress ending at 1', async () => {
    const rows: unknown[][] = [QN_HEADER];
    for (let i = 0; i < 1200; i++)
      rows.push(
        qnRow({
          id: `33061836372200${String(i).padStart(5, '0')}`, paid: '1.00', total: '1.00',
          status: '交易成功', address: '', created: '2024-07-01 09:00:00', title: '测试', kinds: 1,
          qty: 1,
        }),
      ); // prettier-ignore
    const { opts, got } = collector({ batchSize: 500 });
    const report = await importXlsx(await makeXlsx(rows), opts);
    expect(report).toMatchObject({ ok: true, ordersOk: 1200, rowsSkipped: 0 });
    expect(got.batches.map((b) => b.batch.kind === 'orders' && b.batch.orders.length)).toEqual([
      500, 500, 200,
    ]);
    const fractions = got.batches.map((b) => b.progress.fraction);
    expect(fractions.at(-1)).toBe(1);
    for (let i = 1; i < fractions.length; i++)
      expect(fractions[i]!).toBeGreaterThan(fractions[i - 1]!);
  });
});

describe('cellText', () => {
  it('writes cells the way the CSV export would', () => {
    expect(cellText(null)).toBe('');
    expect(cellText(12.5)).toBe('12.5');
    expect(cellText(123456789012)).toBe('123456789012');
    // A 19-digit id stored as a number: not the made-up digits String() would print.
    expect(cellText(Number('3306183637220019003'))).toBe('3.30618363722002e+18');
    expect(cellText(true)).toBe('TRUE');
    expect(cellText(new Date(Date.UTC(2024, 0, 2, 3, 4, 5)))).toBe('2024-01-02 03:04:05');
    expect(cellText({ formula: 'A1*2', result: 4 })).toBe('4');
    expect(cellText({ text: '链接', hyperlink: 'https://example.com' })).toBe('链接');
    expect(cellText({ error: '#N/A' } as never)).toBe('#N/A');
  });
});
