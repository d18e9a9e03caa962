// @vitest-environment jsdom
import fc from 'fast-check';
import adapter, { SAMPLE_URLS, selectors } from '../../lib/adapters/pinduoduo';
import { OrderInput } from '../../lib/schemas';
import { contextFor, loadFixture, readFixtureJson } from '../support/fixtures';
import { describeAdapterPages } from '../support/adapter-pages';

const DIR = 'pinduoduo';
const URL_LIST = SAMPLE_URLS[0]!;
const SHOP = '100200300';
const { readPage, expected, parseBody, ordersOf, byId } = describeAdapterPages(adapter, {
  dir: DIR,
  url: URL_LIST,
  fixtures: ['orders.html', 'unpaid.html', 'drift.html'],
  expected: ['orders.html', 'unpaid.html'],
  selectors,
  shop: SHOP,
});

describe('pinduoduo: pages', () => {
  test('shop id comes from the 店铺ID in the header', () => {
    expect(readPage('orders.html').shopId).toBe(SHOP);
    expect(adapter.shopId(new URL(URL_LIST), document)).toBe('default');
  });

  test('list page: ids, times, amounts and statuses are exact', () => {
    const orders = ordersOf('orders.html');
    expect(orders).toHaveLength(7);
    for (const o of orders) {
      expect(typeof o.orderId).toBe('string');
      expect(o.orderId).toMatch(/^\d{6}-\d{15}$/);
      expect(OrderInput.parse(o)).toEqual(o);
    }
    const a = byId(orders, '261120-607198974342268');
    // 2026-11-20 09:12:33 in China is 01:12:33 UTC.
    expect(a.createdAt).toBe(Date.UTC(2026, 10, 20, 1, 12, 33));
    expect(a).toMatchObject({ status: 'paid', amount: 5990, buyerId: 'nick:测试买家乙' });
    // Three pieces at 19.90 with 5.00 off: the paid amount, not price x quantity.
    const multi = byId(orders, '261102-129930011223344');
    expect(multi.amount).toBe(5470);
    expect(multi.items).toEqual([
      { title: '儿童纯棉袜子 10双装', sku: '尺码:M(3-5岁)', quantity: 3, unitPrice: 1990 },
    ]);
    expect(orders.map((o) => o.status)).toEqual([
      'paid',
      'unpaid',
      'shipped',
      'completed',
      'closed',
      'refunding',
      'refunded',
    ]);
  });

  test('the DOM gives no receiver (it hides behind 查看)', () => {
    for (const o of ordersOf('orders.html')) {
      expect(o.receiverName).toBeUndefined();
      expect(o.receiverPhone).toBeUndefined();
    }
  });

  test('a masked nick stands alone as an uncertain customer', () => {
    const masked = byId(ordersOf('orders.html'), '261015-777000111222333');
    expect(masked).toMatchObject({
      buyerNick: '拼**',
      identity: 'none',
      buyerId: 'order:261015-777000111222333',
    });
  });

  test('unpaid page: every order unpaid, buyers partly repeat the list page', () => {
    const unpaid = ordersOf('unpaid.html');
    expect(unpaid.map((o) => o.status)).toEqual(['unpaid', 'unpaid', 'unpaid']);
    const earlier = new Set(ordersOf('orders.html').map((o) => o.buyerId));
    expect(unpaid.filter((o) => earlier.has(o.buyerId)).map((o) => o.buyerNick)).toEqual([
      'test_buyer_07',
      '测试买家乙',
    ]);
  });

  test('drift: renamed CSS modules give a problem, never an order', () => {
    const { result } = readPage('drift.html');
    expect(result).toEqual({ ok: false, problem: '页面结构已变化：找不到订单编号' });
  });

  test('a page without #order-content is not recognised', () => {
    const doc = document.implementation.createHTMLDocument('x');
    doc.body.innerHTML =
      '<table><tbody><tr><td>订单编号：261120-607198974342268</td></tr></tbody></table>';
    expect(adapter.readRows(doc, contextFor(URL_LIST, SHOP))).toEqual({
      ok: false,
      problem: '页面结构已变化：找不到订单列表',
    });
  });

  test('a row missing its amount is skipped with a reason, the others still count', () => {
    const doc = loadFixture(DIR, 'orders.html');
    doc.querySelector('[class*="order-item_payAmount"]')!.textContent = '';
    const result = adapter.readRows(doc, contextFor(URL_LIST, SHOP));
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.skipped).toEqual(['订单 261120-607198974342268：找不到实收金额']);
    expect(result.items[0]!.order).toBeUndefined();
    expect(result.items.filter((r) => r.order)).toHaveLength(6);
  });
});

describe('pinduoduo: recentOrderList JSON', () => {
  const body = readFixtureJson(DIR, 'recentOrderList.json');

  test('parses to its expected object', () => {
    expect(parseBody(body)).toEqual(expected('recentOrderList.json'));
  });

  test('fen stay fen, times are unix seconds, the broken item is skipped', () => {
    const result = parseBody(body);
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.skipped).toEqual(['订单 261111-999999999999999：找不到实收金额']);
    const a = byId(result.items, '261120-607198974342268');
    expect(a).toMatchObject({ amount: 5990, status: 'paid', source: 'json', shopId: SHOP });
    expect(a.createdAt).toBe(Date.UTC(2026, 10, 20, 1, 12, 33));
    expect(a.paidAt).toBe(Date.UTC(2026, 10, 20, 1, 12, 41));
    expect(a.region).toBe('广东省 深圳市 南山区');
    expect(byId(result.items, '261102-129930011223344').items[0]).toEqual({
      title: '儿童纯棉袜子 10双装',
      sku: '尺码:M(3-5岁)',
      quantity: 3,
      itemId: '512340003',
    });
    // Unpaid: confirm_time is 0, so no paid time.
    expect(byId(result.items, '261124-338120045567701').paidAt).toBeUndefined();
    // after_sales_status 4 (商家同意退款，退款中) overrides 待发货.
    expect(byId(result.items, '261110-888999000111222').status).toBe('refunding');
    expect(byId(result.items, '261015-777000111222333').identity).toBe('none');
  });

  test('JSON and DOM agree on the orders both show', () => {
    const dom = ordersOf('orders.html');
    const result = parseBody(body);
    if (!result.ok) throw new Error(result.problem);
    for (const j of result.items) {
      const d = byId(dom, j.orderId);
      const pick = (o: OrderInput) => [o.buyerId, o.identity, o.status, o.createdAt, o.amount];
      expect(pick(j)).toEqual(pick(d));
    }
  });

  test('an error answer and a wrong shape are problems, not orders', () => {
    expect(parseBody({ success: false, error_code: 54001, error_msg: '操作太频繁' })).toEqual({
      ok: false,
      problem: '拼多多接口返回错误：操作太频繁',
    });
    expect(parseBody({ success: true, result: { list: [] } }).ok).toBe(false);
    expect(parseBody({ success: true, result: { pageItems: [{ order_sn: 123 }] } }).ok).toBe(false);
  });

  test('never throws and never yields an invalid order, whatever the body', () => {
    fc.assert(
      fc.property(fc.anything(), (anything) => {
        const r = parseBody(anything);
        if (r.ok) for (const o of r.items) OrderInput.parse(o);
      }),
      { numRuns: 300 },
    );
  });
});

describe('pinduoduo: URLs', () => {
  test('accepts its own pages and order endpoint', () => {
    for (const u of SAMPLE_URLS) {
      expect(adapter.matches(new URL(u))).toBe(true);
      expect(adapter.isOrderPage(new URL(u))).toBe(true);
    }
    expect(adapter.isOrderPage(new URL('https://mms.pinduoduo.com/goods/goods_list'))).toBe(false);
    expect(adapter.matches(new URL('https://mms.pinduoduo.com.evil.test/orders/list'))).toBe(false);
    expect(
      adapter.jsonEndpoints.some((re) =>
        re.test('https://mms.pinduoduo.com/mangkhut/mms/recentOrderList'),
      ),
    ).toBe(true);
    expect(
      adapter.jsonEndpoints.some((re) =>
        re.test('https://mms.pinduoduo.com/mangkhut/mms/recentOrderListX'),
      ),
    ).toBe(false);
  });
});
