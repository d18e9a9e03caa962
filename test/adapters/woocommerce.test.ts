// @vitest-environment jsdom
import fc from 'fast-check';
import adapter, { SAMPLE_URLS, selectors } from '../../lib/adapters/woocommerce';
import { normaliseStatus } from '../../lib/parse/status';
import { parseMoney } from '../../lib/parse/money';
import { OrderInput } from '../../lib/schemas';
import { contextFor, loadFixture } from '../support/fixtures';
import { describeAdapterPages } from '../support/adapter-pages';

const DIR = 'woocommerce';
const HPOS = 'https://shop.example.test/wp-admin/admin.php?page=wc-orders';
const LEGACY =
  'https://shop.example.test/wp-admin/edit.php?post_type=shop_order&post_status=wc-pending';
/** Each fixture with the URL it stands for (the host is the shop). */
const PAGES: Record<string, string> = {
  'orders.html': HPOS,
  'unpaid.html': LEGACY,
  'euro.html': 'https://shop.example.de/wp-admin/edit.php?post_type=shop_order',
  'yen.html': 'https://shop.example.jp/wp-admin/admin.php?page=wc-orders',
  'drift.html': HPOS,
  'hpos-7x.html': 'https://shop.example.de/wp-admin/admin.php?page=wc-orders',
};

const { readPage, ordersOf, byId } = describeAdapterPages(adapter, {
  dir: DIR,
  url: (file) => PAGES[file]!,
  fixtures: Object.keys(PAGES),
  expected: ['orders.html', 'unpaid.html', 'euro.html', 'yen.html'],
  selectors,
});

describe('woocommerce: pages', () => {
  test('HPOS list: ids, buyers, times, amounts and every WooCommerce status', () => {
    const orders = ordersOf('orders.html');
    expect(orders).toHaveLength(8);
    for (const o of orders) {
      expect(typeof o.orderId).toBe('string');
      expect(o.shopId).toBe('shop.example.test');
      expect(OrderInput.parse(o)).toEqual(o);
    }
    expect(orders.map((o) => [o.orderId, o.status])).toEqual([
      ['1048', 'unpaid'], // pending
      ['1047', 'paid'], // processing
      ['1046', 'unpaid'], // on-hold
      ['1045', 'completed'],
      ['1044', 'completed'],
      ['1043', 'closed'], // cancelled
      ['1042', 'refunded'],
      ['1041', 'closed'], // failed
    ]);
    const a = byId(orders, '1048');
    expect(a).toMatchObject({
      amount: 123450,
      buyerNick: 'Test Buyer 07',
    });
    expect(a.createdAt).toBe(Date.UTC(2026, 10, 24, 22, 41, 5));
    // Partially refunded: the <ins> net total counts, not the struck-through original.
    expect(byId(orders, '1045').amount).toBe(9550);
    expect(byId(orders, '1041').amount).toBe(99);
  });

  test('a guest order without a name stands alone as an uncertain customer', () => {
    expect(byId(ordersOf('orders.html'), '1044')).toMatchObject({
      buyerNick: '',
      buyerId: 'order:1044',
      identity: 'none',
    });
  });

  test('legacy screen (tr#post-*) reads the same; buyers partly repeat', () => {
    const unpaid = ordersOf('unpaid.html');
    expect(unpaid.map((o) => [o.orderId, o.status, o.amount])).toEqual([
      ['1052', 'unpaid', 6400],
      ['1051', 'unpaid', 204800],
      ['1050', 'unpaid', 1825],
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

  test('euro and yen stores: "1.234,50 €", "12,50 €", "¥12,800" are exact', () => {
    const euro = ordersOf('euro.html');
    expect(euro.map((o) => o.amount)).toEqual([123450, 1250, 99]);
    expect(euro[0]!.shopId).toBe('shop.example.de');
    // 10:00 at +01:00 is 09:00 UTC.
    expect(euro[0]!.createdAt).toBe(Date.UTC(2026, 10, 20, 9));
    expect(ordersOf('yen.html').map((o) => o.amount)).toEqual([1280000, 98000]);
  });

  test('drift: a list without the total column keeps its rows (badges from stored orders), no order', () => {
    const { result } = readPage('drift.html');
    expect(result.ok && result.items.length).toBeGreaterThan(0);
    expect(result.ok && result.items.filter((r) => r.order)).toEqual([]);
    expect(result.ok && result.skipped[0]).toBe('订单 1048：找不到订单金额');
  });

  test('an empty list ("No orders found.") is empty, not drift; foreign rows are drift', () => {
    const doc = document.implementation.createHTMLDocument('x');
    doc.body.innerHTML =
      '<table><tbody id="the-list"><tr class="no-items"><td colspan="9">No orders found.</td></tr></tbody></table>';
    const ctx = contextFor(HPOS, 'shop.example.test');
    expect(adapter.readRows(doc, ctx)).toEqual({ ok: true, items: [], skipped: [] });
    doc.querySelector('tr')!.className = 'dataviews-row';
    expect(adapter.readRows(doc, ctx)).toEqual({
      ok: false,
      problem: '页面结构已变化：找不到订单号',
    });
    expect(adapter.readRows(document.implementation.createHTMLDocument('y'), ctx).ok).toBe(false);
  });

  test('an unknown (plugin) status is kept as unknown, the slug reported', () => {
    const doc = loadFixture(DIR, 'orders.html');
    const mark = doc.querySelector('#order-1047 mark.order-status')!;
    mark.classList.replace('status-processing', 'status-awaiting-shipment');
    const result = adapter.readRows(doc, contextFor(HPOS, 'shop.example.test'));
    expect(result.ok && result.skipped).toEqual([]);
    expect(result.ok && result.items.find((r) => r.orderId === '1047')!.order).toMatchObject({
      status: 'unknown',
      rawStatus: 'awaiting-shipment',
    });
    expect(result.ok && result.coverage).toMatch(/1 without status: awaiting-shipment$/);
  });

  test('WooCommerce status slugs normalise', () => {
    expect(
      ['pending', 'processing', 'on-hold', 'completed', 'cancelled', 'refunded', 'failed'].map(
        normaliseStatus,
      ),
    ).toEqual(['unpaid', 'paid', 'unpaid', 'completed', 'closed', 'refunded', 'closed']);
  });
});

describe('woocommerce: money', () => {
  test.each([
    ['$1,234.50', 123450],
    ['1.234,50\u00a0€', 123450],
    ['€12,50', 1250],
    ['¥1,234', 123400],
    ['¥0.5', 50],
    ["CHF 1'234.50", 123450],
    ['£1,234,567.89', 123456789],
    ['1.234.567,8 €', 123456780],
    ['$12', 1200],
  ])('%s -> %i', (text, cents) => expect(parseMoney(text)).toBe(cents));

  test.each(['', 'abc', '-$5.00', '1,23.4,5', '1234,567'])('%s -> undefined', (text) =>
    expect(parseMoney(text)).toBeUndefined(),
  );

  test('any amount printed in any of the stores formats reads back exactly', () => {
    const group = (digits: string, mark: string) => digits.replace(/\B(?=(\d{3})+(?!\d))/g, mark);
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 99_999_999_99 }), fc.nat(3), (cents, style) => {
        const whole = String(Math.floor(cents / 100));
        const frac = String(cents % 100).padStart(2, '0');
        const text = [
          `$${group(whole, ',')}.${frac}`,
          `${group(whole, '.')},${frac}\u00a0€`,
          `€${whole},${frac}`,
          `¥${group(whole, ',')}.${frac}`,
        ][style]!;
        expect(parseMoney(text)).toBe(cents);
      }),
    );
  });
});

describe('woocommerce: URLs', () => {
  test('accepts both order screens on any host; the list only for isOrderPage', () => {
    for (const u of SAMPLE_URLS) {
      expect(adapter.matches(new URL(u))).toBe(true);
      expect(adapter.isOrderPage(new URL(u))).toBe(true);
    }
    const edit = new URL(
      'https://shop.example.test/wp-admin/admin.php?page=wc-orders&action=edit&id=1048',
    );
    expect(adapter.matches(edit)).toBe(true);
    expect(adapter.isOrderPage(edit)).toBe(false);
    for (const other of [
      'https://shop.example.test/wp-admin/admin.php?page=wc-settings',
      'https://shop.example.test/wp-admin/edit.php?post_type=product',
      'https://shop.example.test/checkout/order-received/1048/',
      'ftp://shop.example.test/wp-admin/admin.php?page=wc-orders',
    ])
      expect(adapter.matches(new URL(other)), other).toBe(false);
    expect(adapter.shopId(new URL('http://localhost:8080/wp-admin/edit.php'), document)).toBe(
      'localhost:8080',
    );
    expect(adapter.jsonEndpoints).toEqual([]);
  });
});
