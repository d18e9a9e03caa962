// @vitest-environment jsdom
import fc from 'fast-check';
import adapter, { SAMPLE_URLS, selectors } from '../../lib/adapters/jd';
import { normaliseStatus } from '../../lib/parse/status';
import { OrderInput } from '../../lib/schemas';
import { contextFor, loadFixture, readFixtureJson } from '../support/fixtures';
import { describeAdapterPages } from '../support/adapter-pages';

const DIR = 'jd';
const URL_LIST = SAMPLE_URLS[1]!;
const SHOP = '10086001';
const { readPage, expected, parseBody, ordersOf, byId } = describeAdapterPages(adapter, {
  dir: DIR,
  url: URL_LIST,
  fixtures: ['cards.html', 'orders.html', 'unpaid.html', 'drift.html'],
  expected: ['orders.html', 'unpaid.html'],
  selectors,
  shop: SHOP,
});

describe('jd: pages (inferred Ant Design table)', () => {
  test('list page: ids, times, amounts, statuses and buyers are exact', () => {
    const orders = ordersOf('orders.html');
    expect(orders).toHaveLength(7);
    for (const o of orders) {
      expect(typeof o.orderId).toBe('string');
      expect(OrderInput.parse(o)).toEqual(o);
    }
    expect(orders.map((o) => o.status)).toEqual([
      'unpaid',
      'paid',
      'shipped',
      'completed',
      'closed',
      'refunding',
      'paid',
    ]);
    const multi = byId(orders, '301234567891');
    expect(multi.amount).toBe(25700);
    expect(multi.items.map((i) => [i.itemId, i.quantity, i.unitPrice])).toEqual([
      ['100012345602', 2, 7900],
      ['100012345603', 1, 9900],
    ]);
    // "¥2,499.00": thousands separators do not shrink the amount.
    expect(byId(orders, '301234567895').amount).toBe(249900);
    // 2026-11-23 10:02:45 in China is 02:02:45 UTC.
    expect(multi.createdAt).toBe(Date.UTC(2026, 10, 23, 2, 2, 45));
    // userPin is JD's own account id: the same pin is the same buyer.
    expect(multi.buyerId).toBe('id:测试买家乙');
    expect(byId(orders, '301234567893').buyerId).toBe('id:测试买家乙');
  });

  test('a masked pin is no id: the order stands alone', () => {
    expect(byId(ordersOf('orders.html'), '301234567894')).toMatchObject({
      buyerNick: 'jd_****9f2a',
      buyerId: 'order:301234567894',
      identity: 'none',
    });
  });

  test('unpaid page: every order unpaid, buyers partly repeat the list page', () => {
    const unpaid = ordersOf('unpaid.html');
    expect(unpaid.every((o) => o.status === 'unpaid')).toBe(true);
    const earlier = new Set(ordersOf('orders.html').map((o) => o.buyerId));
    expect(unpaid.filter((o) => earlier.has(o.buyerId)).map((o) => o.buyerId)).toEqual([
      'id:test_buyer_07',
      'id:测试买家丙',
    ]);
  });

  test('drift: rows without keys and without the amount column give a problem, never an order', () => {
    expect(readPage('drift.html').result).toEqual({
      ok: false,
      problem: '页面结构已变化：找不到订单行',
    });
  });

  test('an empty tab (Ant placeholder) is an empty list, not drift', () => {
    const doc = document.implementation.createHTMLDocument('x');
    doc.body.innerHTML =
      '<table><tbody class="ant-table-tbody"><tr aria-hidden="true" class="ant-table-measure-row"><td></td></tr>' +
      '<tr class="ant-table-placeholder"><td>暂无数据</td></tr></tbody></table>';
    expect(adapter.readRows(doc, contextFor(URL_LIST, SHOP))).toEqual({
      ok: true,
      items: [],
      skipped: [],
    });
  });

  test('a row whose shown number disagrees with its key is not read as that order', () => {
    const doc = loadFixture(DIR, 'orders.html');
    doc.querySelector('tr[data-row-key]')!.setAttribute('data-row-key', '309999999999');
    const result = adapter.readRows(doc, contextFor(URL_LIST, SHOP));
    expect(result.ok && result.items.map((r) => r.orderId)).not.toContain('309999999999');
    expect(result.ok && result.skipped).toEqual(['找不到订单号']);
  });
});

describe('jd: queryOrderPage JSON', () => {
  const body = readFixtureJson(DIR, 'queryOrderPage.json');

  test('parses to its expected object', () => {
    expect(parseBody(body)).toEqual(expected('queryOrderPage.json'));
  });

  test('yuan strings become exact fen; numeric ids become strings; unknown status is kept', () => {
    const result = parseBody(body);
    if (!result.ok) throw new Error(result.problem);
    expect(result.skipped).toEqual([]);
    expect(byId(result.items, '301234567899')).toMatchObject({
      status: 'unknown',
      rawStatus: 'LOCKED',
    });
    expect(result.coverage).toBe('6 of 6 rows; 1 without status: LOCKED');
    // The fixture sends this id as a JSON number.
    expect(byId(result.items, '301234567892').orderId).toBe('301234567892');
    expect(byId(result.items, '301234567893')).toMatchObject({
      amount: 129900,
      status: 'completed',
      paidAt: Date.UTC(2026, 9, 2, 1, 0, 31),
    });
    // "0000-00-00 00:00:00" is no payment time.
    expect(byId(result.items, '301234567894').paidAt).toBeUndefined();
    expect(byId(result.items, '301234567890').paidAt).toBeUndefined();
  });

  test('an id that a JSON number has already rounded is refused', () => {
    const r = parseBody({
      data: { results: [{ orderId: 2 ** 53 + 1, orderStatus: 'NOT_PAY', userPin: 'x' }] },
    });
    expect(r.ok).toBe(false);
  });

  test('JSON and DOM agree on the orders both show', () => {
    const dom = ordersOf('orders.html');
    const result = parseBody(body);
    if (!result.ok) throw new Error(result.problem);
    const pick = (o: OrderInput) => [o.buyerId, o.identity, o.status, o.createdAt, o.amount];
    const shown = result.items.filter((j) => dom.some((d) => d.orderId === j.orderId));
    expect(shown.length).toBeGreaterThan(0);
    for (const j of shown) expect(pick(j)).toEqual(pick(byId(dom, j.orderId)));
  });

  test('JD POP status enums normalise', () => {
    expect(
      [
        'NOT_PAY',
        'WAIT_SELLER_STOCK_OUT',
        'WAIT_GOODS_RECEIVE_CONFIRM',
        'FINISHED_L',
        'TRADE_CANCELED',
      ].map(normaliseStatus),
    ).toEqual(['unpaid', 'paid', 'shipped', 'completed', 'closed']);
    expect(['等待付款', '等待出库', '等待确认收货', '完成', '已取消'].map(normaliseStatus)).toEqual(
      ['unpaid', 'paid', 'shipped', 'completed', 'closed'],
    );
  });

  test('an error answer is a problem in words', () => {
    expect(parseBody({ code: 1, message: '签名校验失败' })).toEqual({
      ok: false,
      problem: '京东接口返回错误：签名校验失败',
    });
  });

  test('never throws and never yields an invalid order, whatever the body', () => {
    fc.assert(
      fc.property(fc.anything(), (anything) => {
        const r = parseBody({ data: { results: [anything] } });
        if (r.ok) for (const o of r.items) OrderInput.parse(o);
        parseBody(anything);
      }),
      { numRuns: 300 },
    );
  });
});

describe('jd: URLs', () => {
  test('accepts its pages and endpoint, not look-alikes', () => {
    for (const u of SAMPLE_URLS) {
      expect(adapter.matches(new URL(u))).toBe(true);
      expect(adapter.isOrderPage(new URL(u))).toBe(true);
    }
    expect(adapter.matches(new URL('https://shop.jd.com/jdm/home'))).toBe(false);
    const api =
      'https://sff.jd.com/api?v=1.0&appId=ABCDEF&api=dsm.order.manage.orderlist.queryOrderPage&functionId=x';
    expect(adapter.jsonEndpoints.some((re) => re.test(api))).toBe(true);
    expect(
      adapter.jsonEndpoints.some((re) =>
        re.test('https://sff.jd.com/api?api=dsm.order.manage.orderlist.queryOrderPageCount'),
      ),
    ).toBe(false);
  });
});
