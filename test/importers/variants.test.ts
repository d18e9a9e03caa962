/**
 * Order reports as real sellers' files have them (platforms.md "Variants", "Exports"): 支付单号 for
 * 支付交易号, 确认收货时间 and 退款金额 columns, trailing spaces on more headers, times re-saved by
 * Excel (`2020/2/21 0:00`) and `0` for `0.0`; and published, cut-down reports (no 买家会员名 or
 * 订单状态) refused by the names of the missing columns.
 */
import { importCsv } from '../../lib/importers';
import { cn, collector, utf8 } from '../support/importers';

const HEADER = [
  '订单编号',
  '买家会员名',
  '支付单号',
  '买家应付货款',
  '买家应付邮费',
  '总金额',
  '买家实际支付金额',
  '订单状态',
  '买家留言',
  '收货人姓名',
  '收货地址 ',
  '联系手机',
  '订单创建时间',
  '订单付款时间 ',
  '确认收货时间',
  '宝贝标题 ',
  '宝贝种类 ',
  '物流单号 ',
  '退款金额',
  '宝贝总数量',
];

const csv = (rows: string[][]) => utf8(rows.map((r) => r.join(',')).join('\r\n') + '\r\n');

describe('Taobao order report: real-world headers and Excel re-saves', () => {
  test('支付单号, 确认收货时间, 退款金额, trailing spaces and Excel times all read', async () => {
    const { opts, got } = collector();
    const report = await importCsv(
      csv([
        HEADER,
        // Excel re-save: 2020/2/21 0:00 times, 0 for 0.00, the id no longer ="…".
        [
          '1234567890123456781',
          'tb_test_a',
          '2020022122001400001',
          '59',
          '0',
          '59',
          '59',
          '交易成功',
          '',
          '测试收件人',
          '浙江省 杭州市',
          '138****0000',
          '2020/2/21 0:00',
          '2020/2/21 0:01',
          '2020/2/25 9:30',
          '测试杯子',
          '1',
          'SF000000001',
          '0',
          '1',
        ],
        // 20.00 of 80.00 refunded on a completed order: partially refunded, amount kept.
        [
          '1234567890123456782',
          'tb_test_b',
          '2020022122001400002',
          '80.00',
          '0.00',
          '80.00',
          '80.00',
          '交易成功',
          '',
          '测试收件人',
          '浙江省 杭州市',
          '138****0001',
          '2020-02-22 10:00:00',
          '2020-02-22 10:01:00',
          '',
          '测试盘子',
          '2',
          '',
          '20.00',
          '2',
        ],
      ]),
      opts,
    );
    expect(report).toMatchObject({ ok: true });
    expect(got.orders.map((o) => [o.orderId, o.status, o.amount, o.refundedAmount])).toEqual([
      ['1234567890123456781', 'completed', 5900, undefined],
      ['1234567890123456782', 'partially_refunded', 8000, 2000],
    ]);
    expect(got.orders[0]).toMatchObject({
      createdAt: cn('2020-02-21 00:00:00'),
      paidAt: cn('2020-02-21 00:01:00'),
      items: [{ title: '测试杯子', quantity: 1 }],
    });
  });

  test.each([
    ['买家会员名', HEADER.filter((h) => h !== '买家会员名')],
    ['订单状态', HEADER.filter((h) => h !== '订单状态')],
  ])('a cut-down report without %s is refused, naming it', async (missing, header) => {
    const { opts, got } = collector();
    const report = await importCsv(csv([header, header.map(() => '1')]), opts);
    expect(report.ok).toBe(false);
    expect(JSON.stringify(report)).toContain(missing);
    expect(got.orders).toEqual([]);
  });
});
