import { detectFormat, preview, FORMATS } from '../../lib/importers';
import { fixture, utf8 } from '../support/importers';

const QN_HEADER = [
  '订单编号', '支付单号', '买家应付货款', '买家应付邮费', '总金额', '买家实付金额', '订单状态',
  '收货地址', '运送方式', '订单创建时间', '商品标题', '宝贝种类', '物流单号', '物流公司', '备注标签',
  '商家备注', '宝贝总数量', '开票信息', '手机订单', '商品属性SKU', '发货时间',
]; // prettier-ignore

describe('detectFormat', () => {
  it('recognises every fixture by its header, whatever the file is called', () => {
    const cases: [string, string][] = [
      ['taobao-orders.csv', 'taobao-orders'],
      ['taobao-items.csv', 'taobao-items'],
      ['pinduoduo-orders.csv', 'pinduoduo'],
      ['jd-orders.csv', 'jd'],
    ];
    for (const [file, format] of cases) expect(preview(fixture(file), 0)).toMatchObject({ format });
  });

  it('maps fields to the header exactly as written, trailing spaces included', () => {
    const got = preview(fixture('taobao-orders.csv'), 0);
    expect(got.ok && got.mapping).toEqual({
      orderId: '订单编号',
      buyerNick: '买家会员名',
      status: '订单状态',
      createdAt: '订单创建时间',
      paidAt: '订单付款时间 ',
      amount: '买家实际支付金额',
      payable: '总金额',
      title: '宝贝标题 ',
      kinds: '宝贝种类 ',
      quantity: '宝贝总数量',
      receiverName: '收货人姓名',
      refunded: '退款金额',
      mobile: '联系手机',
      phone: '联系电话 ',
      address: '收货地址 ',
      shopId: '店铺Id',
      shopName: '店铺名称',
    });
  });

  it('recognises the 21-column 千牛 export, which has no buyer column', () => {
    const got = detectFormat(QN_HEADER);
    expect(got.ok && got.format.id).toBe('taobao-qn');
    expect(got.ok && got.mapping.buyerNick).toBeUndefined();
    expect(got.ok && got.columns.sku).toBe(19);
  });

  it('accepts the JD 账/帐 spelling and full-width parentheses', () => {
    const jd = detectFormat(['订单号', '商品名称', '下单时间', '应付金额', '订单状态', '下单账号']);
    expect(jd.ok && jd.mapping.buyerNick).toBe('下单账号');
    const pdd = detectFormat(['订单成交时间', '商品', '订单号', '订单状态', '用户实付金额（元）']);
    expect(pdd.ok && pdd.format.id).toBe('pinduoduo');
  });

  it('every format names its required columns among its columns', () => {
    for (const f of FORMATS) for (const r of f.required) expect(f.columns[r]).toBeDefined();
  });

  it('refuses a file that is not an order report, naming the missing columns', () => {
    const got = preview(fixture('not-an-order-report.csv'));
    expect(got).toMatchObject({ ok: false, code: 'not-a-report' });
    if (got.ok) return;
    expect(got.message.zh_CN).toMatch(/^这不是订单报表：缺少列 订单编号、/);
    expect(got.message.zh_CN).toContain('第一行是：产品名称、库存、仓库');
    expect(got.message.en).toMatch(/^This is not an order report: missing columns 订单编号, /);
  });

  it('names the nearest report when only some columns are missing', () => {
    const got = detectFormat(['订单编号', '买家会员名', '订单状态', '订单创建时间']);
    expect(got.ok).toBe(false);
    if (got.ok) return;
    expect(got.message.zh_CN).toBe(
      '这不是订单报表：缺少列 买家实际支付金额（最接近的是淘宝订单报表）。第一行是：订单编号、买家会员名、订单状态、订单创建时间',
    );
  });

  it('refuses a report from another platform than the chosen shop', () => {
    const got = preview(fixture('jd-orders.csv'), 5, { platform: 'taobao' });
    expect(got).toMatchObject({ ok: false, code: 'wrong-platform' });
    expect(!got.ok && got.message.zh_CN).toBe('这是京东订单导出，与所选店铺的平台不符。');
  });

  it('explains a header that was destroyed by a wrong-encoding save', () => {
    const got = detectFormat(['\uFFFD\uFFFD\uFFFD\uFFFD', '\uFFFD\uFFFD']);
    expect(got).toMatchObject({ ok: false, code: 'not-a-report' });
    expect(!got.ok && got.message.zh_CN).toMatch(/乱码/);
  });

  it('finds the header below a title line and a blank line, numbering lines from the top', () => {
    const text =
      '拼多多订单导出 2024-05\r\n\r\n' + new TextDecoder().decode(fixture('pinduoduo-orders.csv'));
    const got = preview(utf8(text.replace('\uFEFF', '')), 1);
    expect(got).toMatchObject({ ok: true, format: 'pinduoduo', headerLine: 3 });
    expect(got.ok && got.rows.map((r) => r.line)).toEqual([4]);
  });

  it('reads tab-separated and semicolon-separated re-saves', () => {
    const tsv =
      '订单号\t商品名称\t下单时间\t应付金额\t订单状态\r\n3001\t测试键盘\t2024-06-01 10:00:00\t1.00\t完成\r\n';
    const got = preview(utf8(tsv), 1);
    expect(got.ok && got.rows[0]?.order?.amount).toBe(100);
    const semi = tsv.replace(/\t/g, ';');
    expect(preview(utf8(semi), 1)).toMatchObject({ ok: true, format: 'jd' });
  });
});
