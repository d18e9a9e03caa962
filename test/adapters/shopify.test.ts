// @vitest-environment jsdom
import fc from 'fast-check';
import adapter, { SAMPLE_URLS, selectors, shopifyStatus } from '../../lib/adapters/shopify';
import { normaliseStatus } from '../../lib/parse/status';
import { OrderInput } from '../../lib/schemas';
import { contextFor, loadFixture, plainRows, readFixtureJson } from '../support/fixtures';
import { describeAdapterPages } from '../support/adapter-pages';

const DIR = 'shopify';
const URL_LIST = SAMPLE_URLS[0]!;
const SHOP = 'kezhi-test-shop';
const { readPage, expected, parseBody, ordersOf, byId } = describeAdapterPages(adapter, {
  dir: DIR,
  url: URL_LIST,
  fixtures: ['orders.html', 'unpaid.html', 'drift.html'],
  expected: ['orders.html', 'unpaid.html'],
  selectors,
  shop: SHOP,
});

describe('shopify: status', () => {
  test.each([
    ['PENDING', 'UNFULFILLED', false, 'unpaid'],
    ['PARTIALLY_PAID', 'UNFULFILLED', false, 'unpaid'],
    ['AUTHORIZED', 'UNFULFILLED', false, 'paid'],
    ['PAID', 'UNFULFILLED', false, 'paid'],
    ['PAID', 'PARTIALLY_FULFILLED', false, 'paid'],
    ['PAID', 'FULFILLED', false, 'shipped'],
    ['PAID', 'FULFILLED', true, 'completed'],
    ['PARTIALLY_REFUNDED', 'FULFILLED', false, 'partially_refunded'],
    ['REFUNDED', 'UNFULFILLED', false, 'refunded'],
    ['VOIDED', 'UNFULFILLED', false, 'closed'],
    ['EXPIRED', 'UNFULFILLED', false, 'closed'],
    ['SOMETHING_NEW', 'FULFILLED', false, undefined],
  ] as const)('%s + %s (archived %s) -> %s', (fin, ful, archived, status) =>
    expect(shopifyStatus(fin, ful, archived)).toBe(status),
  );

  test('PARTIALLY_REFUNDED is partially refunded, not refunded (domain.md: still a purchase)', () => {
    expect(normaliseStatus('PARTIALLY_REFUNDED')).toBe('partially_refunded');
    expect(normaliseStatus('REFUNDED')).toBe('refunded');
  });
});

describe('shopify: pages (stable attributes only)', () => {
  test('list page: ids from the order links, exact amounts, statuses from the badges', () => {
    const orders = ordersOf('orders.html');
    expect(orders).toHaveLength(7);
    for (const o of orders) {
      expect(o.orderId).toMatch(/^\d{13}$/);
      expect(o.shopId).toBe(SHOP);
      expect(OrderInput.parse(o)).toEqual(o);
    }
    expect(orders.map((o) => o.status)).toEqual([
      'unpaid',
      'paid',
      'shipped',
      'completed',
      'closed',
      'partially_refunded',
      'refunded',
    ]);
    const a = byId(orders, '5678901234001');
    expect(a).toMatchObject({ amount: 123450, buyerNick: 'Test Buyer 07' });
    // 21:40:05 at -05:00 is 02:40:05 UTC the next day.
    expect(a.createdAt).toBe(Date.UTC(2026, 10, 25, 2, 40, 5));
  });

  test('"No customer" stands alone as an uncertain customer', () => {
    expect(byId(ordersOf('orders.html'), '5678901234005')).toMatchObject({
      buyerNick: '',
      buyerId: 'order:5678901234005',
      identity: 'none',
    });
  });

  test('columns are found by their labels, whatever order the seller put them in', () => {
    const doc = loadFixture(DIR, 'orders.html');
    // Move the Total column to the end, header and cells alike.
    for (const tr of Array.from(doc.querySelectorAll('tr'))) {
      const cells = Array.from(tr.children);
      tr.appendChild(cells[6]!);
    }
    const result = adapter.readRows(doc, contextFor(URL_LIST, SHOP));
    expect(plainRows(result)).toEqual(plainRows(readPage('orders.html').result));
  });

  test('unpaid page (older admin with Polaris class names): buyers partly repeat', () => {
    const unpaid = ordersOf('unpaid.html');
    expect(unpaid.map((o) => [o.status, o.amount])).toEqual([
      ['unpaid', 6400],
      ['unpaid', 204800],
      ['unpaid', 1825],
    ]);
    // Display names only: the names repeat, the keys do not (same names stay apart, issue 15).
    const earlierKeys = new Set(ordersOf('orders.html').map((o) => o.buyerId));
    expect(unpaid.filter((o) => earlierKeys.has(o.buyerId))).toEqual([]);
    const earlier = new Set(ordersOf('orders.html').map((o) => o.buyerNick));
    expect(unpaid.filter((o) => earlier.has(o.buyerNick)).map((o) => o.buyerNick)).toEqual([
      'Test Buyer 07',
      'Alex Tester',
    ]);
  });

  test('drift: no Total column gives a problem, never an order', () => {
    expect(readPage('drift.html').result).toEqual({
      ok: false,
      problem: '页面结构已变化：找不到订单表格（订单/总计/付款状态列）',
    });
  });

  test('a row without its machine time is skipped, not guessed from "Yesterday at 9:40 pm"', () => {
    const doc = loadFixture(DIR, 'orders.html');
    const time = doc.querySelector('time')!;
    time.replaceWith(doc.createTextNode(time.textContent ?? ''));
    const result = adapter.readRows(doc, contextFor(URL_LIST, SHOP));
    expect(result.ok && result.skipped).toEqual(['订单 5678901234001：找不到下单时间']);
  });
});

describe('shopify: GraphQL JSON', () => {
  const body = readFixtureJson(DIR, 'orders-graphql.json');

  test('parses to its expected object', () => {
    expect(parseBody(body)).toEqual(expected('orders-graphql.json'));
  });

  test('decimal strings become exact cents; gids become plain ids; unknown status kept', () => {
    const result = parseBody(body);
    if (!result.ok) throw new Error(result.problem);
    expect(result.skipped).toEqual([]);
    expect(byId(result.items, '5678901234099')).toMatchObject({
      status: 'unknown',
      rawStatus: 'SOMETHING_NEW',
    });
    const a = byId(result.items, '5678901234001');
    expect(a.amount).toBe(123450);
    expect(a.items).toEqual([
      {
        title: 'Kezhi Test Wool Blanket',
        sku: 'Grey / Queen',
        quantity: 3,
        unitPrice: 41150,
        itemId: '9001',
      },
    ]);
    expect(byId(result.items, '5678901234003').items).toHaveLength(2);
    expect(byId(result.items, '5678901234005').identity).toBe('none');
  });

  test('DOM and JSON agree on the orders both show', () => {
    const dom = ordersOf('orders.html');
    const result = parseBody(body);
    if (!result.ok) throw new Error(result.problem);
    // The buyer key differs by design: the JSON carries the customer id, the list only a name
    // (joining the two is the identity rules' work, lib/keys.ts).
    const pick = (o: OrderInput) => [o.buyerNick, o.status, o.createdAt, o.amount];
    const shown = result.items.filter((j) => dom.some((d) => d.orderId === j.orderId));
    expect(shown.length).toBeGreaterThan(0);
    for (const j of shown) expect(pick(j)).toEqual(pick(byId(dom, j.orderId)));
  });

  test('a body without data.orders is a problem; never throws whatever the body', () => {
    expect(parseBody({ errors: [{ message: 'Throttled' }] }).ok).toBe(false);
    fc.assert(
      fc.property(fc.anything(), (anything) => {
        const r = parseBody({ data: { orders: { nodes: [anything] } } });
        if (r.ok) for (const o of r.items) OrderInput.parse(o);
        parseBody(anything);
      }),
      { numRuns: 300 },
    );
  });
});

describe('shopify: URLs', () => {
  test('accepts its store order pages; the handle is the shop', () => {
    for (const u of SAMPLE_URLS) {
      expect(adapter.matches(new URL(u))).toBe(true);
      expect(adapter.isOrderPage(new URL(u))).toBe(true);
      expect(adapter.shopId(new URL(u), document)).toBe(SHOP);
    }
    const detail = new URL('https://admin.shopify.com/store/kezhi-test-shop/orders/5678901234001');
    expect(adapter.matches(detail)).toBe(true);
    expect(adapter.isOrderPage(detail)).toBe(false);
    expect(
      adapter.matches(new URL('https://admin.shopify.com/store/kezhi-test-shop/products')),
    ).toBe(false);
    expect(
      adapter.jsonEndpoints.some((re) =>
        re.test(
          'https://admin.shopify.com/api/shopify/kezhi-test-shop?operation=OrderListData&type=query',
        ),
      ),
    ).toBe(true);
  });
});
