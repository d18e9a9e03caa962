// @vitest-environment jsdom
import fc from 'fast-check';
import adapter, { SAMPLE_URLS, selectors } from '../../lib/adapters/douyin';
import { normaliseStatus } from '../../lib/parse/status';
import { OrderInput } from '../../lib/schemas';
import { readFixtureJson, readFixtureText } from '../support/fixtures';
import { describeAdapterPages } from '../support/adapter-pages';

const DIR = 'douyin';
const URL_LIST = SAMPLE_URLS[0]!;
const SHOP = '88123456';
const NOW = Date.UTC(2026, 10, 25, 4);
const { readPage, expected, parseBody, ordersOf, byId } = describeAdapterPages(adapter, {
  dir: DIR,
  url: URL_LIST,
  fixtures: ['table.html', 'orders.html', 'unpaid.html', 'drift.html'],
  expected: ['orders.html', 'unpaid.html'],
  selectors,
  shop: SHOP,
  now: NOW,
});

describe('douyin: pages', () => {
  test('list page: 19-digit ids stay strings; times, amounts and statuses are exact', () => {
    const orders = ordersOf('orders.html');
    expect(orders).toHaveLength(7);
    for (const o of orders) {
      expect(o.orderId).toMatch(/^\d{19}$/);
      expect(OrderInput.parse(o)).toEqual(o);
    }
    expect(orders.map((o) => o.status)).toEqual([
      'unpaid',
      'paid',
      'shipped',
      'completed',
      'closed',
      'refunding',
      'completed',
    ]);
    const multi = byId(orders, '6930012345678901235');
    expect(multi.amount).toBe(23600);
    expect(multi.items.map((i) => [i.title, i.quantity, i.unitPrice])).toEqual([
      ['客知测试 加绒卫衣', 1, 11800],
      ['客知测试 加绒卫裤', 2, 5900],
    ]);
    // "2026/11/22 20:18:09" in China is 12:18:09 UTC.
    expect(multi.createdAt).toBe(Date.UTC(2026, 10, 22, 12, 18, 9));
    expect(byId(orders, '6930012345678901240').amount).toBe(109900);
  });

  test('an unpaid card with a countdown gets its auto-close time from now', () => {
    const { result } = readPage('orders.html');
    if (!result.ok) throw new Error(result.problem);
    const row = result.items.find((r) => r.orderId === '6930012345678901234')!;
    const in14m47s = NOW + (14 * 60 + 47) * 1000;
    expect(row.autoCloseAt).toBe(in14m47s);
    expect(row.order!.autoCloseAt).toBe(in14m47s);
    // Paid orders carry no countdown.
    expect(result.items[1]!.autoCloseAt).toBeUndefined();
  });

  test('a masked nick stands alone as an uncertain customer', () => {
    expect(byId(ordersOf('orders.html'), '6930012345678901236')).toMatchObject({
      buyerNick: '抖音用户**',
      buyerId: 'order:6930012345678901236',
      identity: 'none',
    });
  });

  test('unpaid page: every order unpaid, buyers partly repeat the list page', () => {
    const unpaid = ordersOf('unpaid.html');
    expect(unpaid.every((o) => o.status === 'unpaid' && o.autoCloseAt !== undefined)).toBe(true);
    // Display names only: the names repeat, the keys do not (same names stay apart, issue 15).
    const earlierKeys = new Set(ordersOf('orders.html').map((o) => o.buyerId));
    expect(unpaid.filter((o) => earlierKeys.has(o.buyerId))).toEqual([]);
    const earlier = new Set(ordersOf('orders.html').map((o) => o.buyerNick));
    expect(unpaid.filter((o) => earlier.has(o.buyerNick)).map((o) => o.buyerNick)).toEqual([
      '测试买家乙',
      'test_buyer_15',
      '抖音用户**',
    ]);
    // Two 抖音用户** are not the same person.
    expect(new Set(unpaid.map((o) => o.buyerId)).size).toBe(3);
  });

  test('drift: renamed card modules give a problem, never an order', () => {
    expect(readPage('drift.html').result).toEqual({
      ok: false,
      problem: '页面结构已变化：找不到订单卡片',
    });
  });
});

describe('douyin: searchlist JSON', () => {
  const body = readFixtureJson(DIR, 'searchlist.json');

  test('parses to its expected object', () => {
    expect(parseBody(body)).toEqual(expected('searchlist.json'));
  });

  test('rows without a buyer stand alone as masked; a merged nick_name is used', () => {
    const result = parseBody(body);
    if (!result.ok) throw new Error(result.problem);
    expect(byId(result.items, '6930012345678901234')).toMatchObject({
      buyerNick: '',
      buyerId: 'order:6930012345678901234',
      identity: 'none',
    });
    expect(byId(result.items, '6930012345678901235')).toMatchObject({
      buyerNick: '测试买家乙',
      identity: 'name',
    });
  });

  test('fen stay fen; sku reads as the page writes it; codes map to statuses', () => {
    const result = parseBody(body);
    if (!result.ok) throw new Error(result.problem);
    const multi = byId(result.items, '6930012345678901235');
    expect(multi.amount).toBe(23600);
    expect(multi.paidAt).toBe(Date.UTC(2026, 10, 22, 12, 18, 30));
    expect(multi.items[1]).toEqual({
      title: '客知测试 加绒卫裤',
      sku: '颜色：黑色；尺码：L',
      quantity: 2,
      itemId: '3612345678901234569',
    });
    expect(result.items.map((o) => o.status)).toEqual([
      'unpaid',
      'paid',
      'shipped',
      'completed',
      'closed',
    ]);
  });

  test('a 19-digit id sent as a JSON number has lost digits: skipped, not stored wrong', () => {
    // The fixture holds it as a bare number; JSON.parse rounds it.
    expect(readFixtureText(DIR, 'searchlist.json')).toContain(
      '"shop_order_id": 6930012345678901999,',
    );
    const result = parseBody(body);
    expect(result.ok && result.skipped).toEqual(['订单编号是超出精度的数字，已无法还原']);
    expect(result.ok && result.items.map((o) => o.orderId)).not.toContain('6930012345678902000');
  });

  test('DOM and JSON agree on ids, statuses, times and amounts', () => {
    const dom = ordersOf('orders.html');
    const result = parseBody(body);
    if (!result.ok) throw new Error(result.problem);
    const pick = (o: OrderInput) => [o.status, o.createdAt, o.amount];
    for (const j of result.items) expect(pick(j)).toEqual(pick(byId(dom, j.orderId)));
  });

  test('Douyin status words normalise', () => {
    expect(
      [
        '待支付',
        '已支付',
        '备货中',
        '待发货',
        '部分发货',
        '已发货',
        '已完成',
        '已关闭',
        '售后中',
      ].map(normaliseStatus),
    ).toEqual([
      'unpaid',
      'paid',
      'paid',
      'paid',
      'shipped',
      'shipped',
      'completed',
      'closed',
      'refunding',
    ]);
  });

  test('an error answer is a problem; never throws whatever the body', () => {
    expect(parseBody({ code: 10008, msg: '登录已过期' })).toEqual({
      ok: false,
      problem: '抖店接口返回错误：登录已过期',
    });
    fc.assert(
      fc.property(fc.anything(), (anything) => {
        const r = parseBody({ code: 0, data: [anything] });
        if (r.ok) for (const o of r.items) OrderInput.parse(o);
        parseBody(anything);
      }),
      { numRuns: 300 },
    );
  });
});

describe('douyin: URLs', () => {
  test('accepts its pages and endpoint, not look-alikes', () => {
    for (const u of SAMPLE_URLS) {
      expect(adapter.matches(new URL(u))).toBe(true);
      expect(adapter.isOrderPage(new URL(u))).toBe(true);
    }
    expect(adapter.matches(new URL('https://fxg.jinritemai.com/ffa/mshop/homepage/index'))).toBe(
      false,
    );
    expect(
      adapter.jsonEndpoints.some((re) =>
        re.test('https://fxg.jinritemai.com/api/order/searchlist?page=0&pageSize=20'),
      ),
    ).toBe(true);
    expect(
      adapter.jsonEndpoints.some((re) =>
        re.test('https://fxg.jinritemai.com/api/order/receiveinfo?order_id=1'),
      ),
    ).toBe(false);
  });
});
