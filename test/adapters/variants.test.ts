// @vitest-environment jsdom
/**
 * The shapes platforms.md "Variants seen in public code" lists, one fixture each (sources in
 * test/fixtures/<platform>/EVIDENCE.md). Each parse equals its committed expected object, and the
 * facts the variant is about are asserted by hand, from the fixture, not from the adapter.
 */
import { ADAPTERS } from '../../lib/adapters';
import type { Adapter } from '../../lib/adapters/types';
import type { OrderInput } from '../../lib/schemas';
import { contextFor, readFixtureJson, readFixtureText } from '../support/fixtures';

const adapter = (id: string): Adapter => ADAPTERS.find((a) => a.id === id)!;
const expectedOf = (dir: string, file: string) =>
  readFixtureJson(dir, file.replace(/\.\w+$/, '.expected.json'));
function parse(id: string, dir: string, file: string, url: string) {
  const r = adapter(id).parseJson!(readFixtureJson(dir, file), contextFor(url, 'kezhi-test'));
  expect(r).toEqual(expectedOf(dir, file));
  if (!r.ok) throw new Error(r.problem);
  return new Map(r.items.map((o) => [o.orderId, o]));
}
const pick = (o: OrderInput | undefined, ...keys: (keyof OrderInput)[]) =>
  Object.fromEntries(keys.map((k) => [k, o?.[k]]));

describe('taobao: 千牛 2024-2026 asyncSold body', () => {
  const QN = 'https://myseller.taobao.com/home.htm/trade-platform/tp/sold';
  test('masked buyers, postType, snapshot links with itemInfo.id, per-item refunds', () => {
    const m = parse('taobao-qn', 'taobao-qn', 'asyncSold-qn2025.json', QN);
    expect(m.size).toBe(5);
    // Every buyer is masked (甲**, id 0): keyed by the encodeId token, or by the order without
    // one, never by the masked nick.
    for (const [id, o] of m)
      expect(o.buyerId === `order:${id}` || o.buyerId.startsWith('tok:')).toBe(true);
    // A snapshot link carries no id: itemInfo.id stands in; no link and no id: no itemId.
    expect(m.get('4261201000000000201')!.items[0]!.itemId).toBe('610000000201');
    expect(m.get('4261201000000000203')!.items[0]!.itemId).toBeUndefined();
    // realTotal without priceInfo.original is no unit price (it runs above actualFee).
    for (const o of m.values()) for (const i of o.items) expect(i.unitPrice).toBeUndefined();
    // One item 退款成功, the other not: partially refunded; an item 退款中: refunding.
    expect(m.get('4261201000000000202')!.status).toBe('partially_refunded');
    expect(m.get('4261201000000000203')!.status).toBe('refunding');
    expect(pick(m.get('4261201000000000205'), 'status', 'rawStatus')).toEqual({
      status: 'unknown',
      rawStatus: '订单异常',
    });
  });
});

describe('jd: bff list API and the card layout', () => {
  const PAGE = 'https://shop.jd.com/jdm/trade/orders/order-list?tabType=allOrders';
  const jd = adapter('jd');
  test('both list APIs are captured, anchored to sff.jd.com', () => {
    const hit = (u: string) => jd.jsonEndpoints.some((re) => re.test(u));
    expect(
      hit(
        'https://sff.jd.com/api?v=1.0&appId=X&api=dsm.order.bff.orderListBffService.queryOrderPage',
      ),
    ).toBe(true);
    expect(hit('https://sff.jd.com/api?api=dsm.order.manage.orderlist.queryOrderPage')).toBe(true);
    expect(hit('https://sff.jd.com/api?api=dsm.order.bff.orderListBffService.queryOrderTabs')).toBe(
      false,
    );
    expect(
      hit(
        'https://evil.example/?u=https://sff.jd.com/api?api=dsm.order.bff.orderListBffService.queryOrderPage',
      ),
    ).toBe(false);
  });

  test('millisecond times, num, orderStatusInfo names, receivables', () => {
    const m = parse('jd', 'jd', 'queryOrderPage-bff.json', PAGE);
    // 2026-11-22 09:30:05 China time is 01:30:05 UTC.
    expect(m.get('312345678901')).toMatchObject({
      status: 'shipped',
      createdAt: Date.UTC(2026, 10, 22, 1, 30, 5),
      paidAt: Date.UTC(2026, 10, 22, 1, 31, 0),
      amount: 14800,
      buyerId: 'id:test_buyer_41',
    });
    expect(m.get('312345678901')!.items).toEqual([
      { title: '客知测试 玻璃密封罐 三只装', quantity: 2, unitPrice: 7900, itemId: '100023456701' },
    ]);
    expect(m.get('312345678902')!.status).toBe('completed');
    expect(m.get('312345678903')).toMatchObject({
      status: 'closed',
      buyerId: 'order:312345678903',
    });
    expect(m.get('312345678904')!.status).toBe('paid');
    expect(pick(m.get('312345678905'), 'status', 'rawStatus')).toEqual({
      status: 'unknown',
      rawStatus: '暂停',
    });
  });

  test('the card page gives every order, agreeing with the bff body', () => {
    const doc = new DOMParser().parseFromString(readFixtureText('jd', 'cards.html'), 'text/html');
    const url = new URL(PAGE);
    const r = jd.readRows(doc, contextFor(PAGE, jd.shopId(url, doc)));
    if (!r.ok) throw new Error(r.problem);
    expect(r.items.map((x) => x.orderId)).toEqual([
      '312345678901',
      '312345678902',
      '312345678903',
      '312345678904',
      '312345678905',
    ]);
    const json = parse('jd', 'jd', 'queryOrderPage-bff.json', PAGE);
    const core = (o?: OrderInput) => [o?.buyerId, o?.status, o?.createdAt, o?.amount];
    for (const row of r.items) expect(core(row.order)).toEqual(core(json.get(row.orderId)));
  });
});

describe('pinduoduo: 2019 and 2021 bodies, historyOrderList', () => {
  const PAGE = 'https://mms.pinduoduo.com/orders/list';
  test('2019: numeric statuses only, errorCode envelope, null nickname and spec', () => {
    const m = parse('pinduoduo', 'pinduoduo', 'recentOrderList-2019.json', PAGE);
    const status = (id: string) => m.get(id)?.status;
    // order_status 1/2/3 = 待发货/已发货待签收/已签收; after_sales_status 3 = 退款中; pay_status 0.
    expect(
      [
        '190823-300000000000001',
        '190822-300000000000002',
        '190820-300000000000003',
        '190819-300000000000004',
        '190818-300000000000005',
      ].map(status),
    ).toEqual(['paid', 'shipped', 'completed', 'refunding', 'unpaid']);
    // A null nickname is a buyer we cannot name: keyed by the order, the order kept.
    expect(m.get('190822-300000000000002')!.buyerId).toBe('order:190822-300000000000002');
    expect(m.get('190822-300000000000002')!.items[0]!.sku).toBeUndefined();
    // An order_status code nobody documented: kept, unknown, the codes reported.
    expect(pick(m.get('190817-300000000000006'), 'status', 'rawStatus')).toEqual({
      status: 'unknown',
      rawStatus: 'order_status=5 pay_status=1',
    });
    // pay_time stands for confirm_time: 2019-08-23 10:06 China time.
    expect(m.get('190823-300000000000001')!.paidAt).toBe(Date.UTC(2019, 7, 23, 2, 6));
  });

  test('2021: order_status_str texts, string codes', () => {
    const m = parse('pinduoduo', 'pinduoduo', 'recentOrderList-2021.json', PAGE);
    expect([...m.values()].map((o) => o.status)).toEqual([
      'unpaid',
      'shipped',
      'refunded',
      'closed',
    ]);
    expect(m.get('210511-400000000000002')!.items[0]!.itemId).toBe('21002');
  });

  test('historyOrderList is captured and read like recentOrderList', () => {
    const hit = (u: string) => adapter('pinduoduo').jsonEndpoints.some((re) => re.test(u));
    expect(hit('https://mms.pinduoduo.com/mangkhut/mms/historyOrderList')).toBe(true);
    expect(hit('https://mms.pinduoduo.com.evil.example/mangkhut/mms/historyOrderList')).toBe(false);
    const m = parse('pinduoduo', 'pinduoduo', 'historyOrderList.json', PAGE);
    expect(m.get('250301-500000000000001')).toMatchObject({ status: 'completed', amount: 12900 });
  });
});

describe('douyin: order_status_info, per-item refunds, the table layout', () => {
  const PAGE = 'https://fxg.jinritemai.com/ffa/morder/order/list';
  const expectedStatuses = {
    '6930000000000000101': 'refunding', // its only item 退款中
    '6930000000000000102': 'partially_refunded', // one item 退款成功, the other not
    '6930000000000000103': 'completed',
    '6930000000000000104': 'unpaid',
    '6930000000000000105': 'unknown', // 风控审核中: no table entry
  };
  test('searchlist 2025: status texts and after_sale_info per item', () => {
    const m = parse('douyin', 'douyin', 'searchlist-2025.json', PAGE);
    expect(Object.fromEntries([...m].map(([id, o]) => [id, o.status]))).toEqual(expectedStatuses);
    expect(m.get('6930000000000000105')!.rawStatus).toBe('风控审核中');
    // No buyer in the list: every order stands alone.
    for (const [id, o] of m) expect(o.buyerId).toBe(`order:${id}`);
  });

  test('the table layout reads every order with its child rows, agreeing with the JSON', () => {
    const doc = new DOMParser().parseFromString(
      readFixtureText('douyin', 'table.html'),
      'text/html',
    );
    const dy = adapter('douyin');
    const r = dy.readRows(doc, contextFor(PAGE, dy.shopId(new URL(PAGE), doc)));
    if (!r.ok) throw new Error(r.problem);
    expect(Object.fromEntries(r.items.map((x) => [x.orderId, x.order?.status]))).toEqual(
      expectedStatuses,
    );
    const json = parse('douyin', 'douyin', 'searchlist-2025.json', PAGE);
    const core = (o?: OrderInput) => [o?.createdAt, o?.amount, o?.items.map((i) => i.title)];
    for (const row of r.items) expect(core(row.order)).toEqual(core(json.get(row.orderId)));
    expect(r.items.find((x) => x.orderId === '6930000000000000102')!.order!.items).toHaveLength(2);
  });
});

describe('shopify: current order nodes', () => {
  const PAGE = 'https://admin.shopify.com/store/kezhi-test-shop/orders';
  test('edges, currentTotalPriceSet, line item name, firstName/lastName, custom names', () => {
    const m = parse('shopify', 'shopify', 'orders-current.json', PAGE);
    // The id comes from the gid, whatever the seller's order name (S-1918, #DE-2026-0042).
    expect([...m.keys()]).toEqual([
      '6100000000001',
      '6100000000002',
      '6100000000003',
      '6100000000004',
    ]);
    expect(m.get('6100000000001')).toMatchObject({
      amount: 3980,
      buyerNick: 'Testa Example',
      buyerId: 'id:8101',
      status: 'shipped',
    });
    expect(m.get('6100000000001')!.items).toEqual([
      { title: 'Kezhi Test Mug - Blue', quantity: 2, itemId: '9101' },
    ]);
    // Original total 70.00, 25.00 refunded: a purchase less the refund, not a refund.
    expect(pick(m.get('6100000000002'), 'status', 'amount', 'refundedAmount')).toEqual({
      status: 'partially_refunded',
      amount: 7000,
      refundedAmount: 2500,
    });
    // The same customer id on two orders is one buyer.
    expect(m.get('6100000000004')!.buyerId).toBe(m.get('6100000000001')!.buyerId);
    expect(m.get('6100000000003')!.status).toBe('unpaid');
  });
});

describe('woocommerce: 7.1-7.7 bare rows, locale prices, custom numbers, del/ins', () => {
  test('every bare row is read by its preview link or checkbox', () => {
    const PAGE = 'https://shop.example.de/wp-admin/admin.php?page=wc-orders';
    const doc = new DOMParser().parseFromString(
      readFixtureText('woocommerce', 'hpos-7x.html'),
      'text/html',
    );
    const woo = adapter('woocommerce');
    const r = woo.readRows(doc, contextFor(PAGE, woo.shopId(new URL(PAGE), doc)));
    if (!r.ok) throw new Error(r.problem);
    const m = new Map(r.items.map((x) => [x.orderId, x.order]));
    // 2103 has no preview link: its id comes from the order[] checkbox.
    expect([...m.keys()]).toEqual(['2101', '2102', '2103', '2104']);
    // "1.234,56 €" with "(inkl. 197,12 € MwSt.)" after it: the total, not the tax.
    expect(m.get('2101')).toMatchObject({ amount: 123456, buyerNick: 'Testa Beispiel' });
    // <del>80,00 €</del> <ins>55,00 €</ins>: an 80.00 purchase with 25.00 refunded.
    expect(pick(m.get('2102'), 'status', 'amount', 'refundedAmount')).toEqual({
      status: 'partially_refunded',
      amount: 8000,
      refundedAmount: 2500,
    });
    // A custom number with no name: a guest who stands alone.
    expect(m.get('2103')).toMatchObject({ status: 'unpaid', buyerId: 'order:2103' });
    expect(pick(m.get('2104'), 'status', 'rawStatus')).toEqual({
      status: 'unknown',
      rawStatus: 'awaiting-shipment',
    });
  });
});
