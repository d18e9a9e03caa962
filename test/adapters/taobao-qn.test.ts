// @vitest-environment jsdom
import adapter, { readRows, SAMPLE_URLS, selectors } from '../../lib/adapters/taobao-qn';
import old from '../../lib/adapters/taobao-old';
import { OrderInput } from '../../lib/schemas';
import type { PageRow } from '../../lib/adapters/types';
import { contextFor, loadFixture, plainRows, readFixtureJson } from '../support/fixtures';
import { describeAdapterPages } from '../support/adapter-pages';

const DIR = 'taobao-qn';
const URL_SOLD = SAMPLE_URLS[0]!;
/** 客知测试店, written in the Id alphabet (see taobaoShopId). */
const SHOP = '~0i3m~0nol~0ll7~0rmd~0ion';
const ctx = contextFor(URL_SOLD, SHOP);
const { readPage, expected } = describeAdapterPages(adapter, {
  dir: DIR,
  url: URL_SOLD,
  fixtures: ['sold.html', 'drift.html', 'empty.html', 'sold-2025.html', 'empty-2025.html'],
  expected: ['sold.html', 'empty.html'],
  selectors,
});
const byId = (rows: PageRow[]) => new Map(rows.map((r) => [r.orderId, r.order!]));

describe('taobao-qn: pages', () => {
  test('ids, times and amounts are exact', () => {
    const { result } = readPage('sold.html');
    if (!result.ok) throw new Error(result.problem);
    expect(result.items.map((r) => r.orderId)).toEqual([
      '4261125101000000301',
      '4261125075000000302',
      '4261124120000000303',
      '4261122193000000304',
      '4261121082000000305',
    ]);
    const orders = byId(result.items);
    // 2026-11-25 07:50:00 China time is 2026-11-24 23:50:00 UTC: the date changes.
    expect(orders.get('4261125075000000302')!.createdAt).toBe(Date.UTC(2026, 10, 24, 23, 50, 0));
    expect(orders.get('4261125075000000302')!.status).toBe('paid'); // 买家已付款，等待商家发货
    expect(orders.get('4261124120000000303')!.status).toBe('shipped'); // 商家已发货，等待买家确认
    // 2 x 9.90 + 15.00 + 10.00 shipping.
    const multi = orders.get('4261122193000000304')!;
    expect(multi.amount).toBe(4480);
    expect(multi.items.map((i) => [i.title.slice(0, 6), i.quantity, i.unitPrice])).toEqual([
      ['原创小猫钥匙', 2, 990],
      ['牛皮纸笔记本', 1, 1500],
    ]);
  });

  test('two orders with the same masked nick are two uncertain buyers', () => {
    const { result } = readPage('sold.html');
    const orders = byId(result.ok ? result.items : []);
    const a = orders.get('4261125101000000301')!;
    const b = orders.get('4261125075000000302')!;
    expect([a.buyerNick, b.buyerNick]).toEqual(['测**', '测**']);
    expect([a.identity, b.identity]).toEqual(['none', 'none']);
    expect(a.buyerId).toBe('order:4261125101000000301');
    expect(b.buyerId).toBe('order:4261125075000000302');
    expect(orders.get('4261124120000000303')!).toMatchObject({
      buyerId: 'nick:tb_test_buyer01',
      identity: 'nick',
    });
  });

  test('the anchor is the buyer cell of the header row', () => {
    const { doc, result } = readPage('sold.html');
    expect(result.ok && result.items).toHaveLength(5);
    for (const row of result.ok ? result.items : []) {
      expect(row.anchor.tagName).toBe('TD');
      expect(row.anchor.querySelector('[class*="buyer-nick"]')).not.toBeNull();
      expect(row.anchor.parentElement!.textContent).toContain(row.orderId);
      expect(row.row.contains(row.anchor)).toBe(true);
    }
    expect(doc.querySelectorAll(adapter.rowsHint)).toHaveLength(5);
    // The 号码保护订单 label is part of the page, not of the nick.
    expect(doc.body.textContent).toContain('号码保护订单');
  });

  test('the shop comes from the header, for every member of staff', () => {
    expect(readPage('sold.html').shopId).toBe(SHOP);
    expect(readPage('empty.html').shopId).toBe(SHOP); // older header, another sub-account
  });

  test('the same buyer is the same customer on the old page and in 千牛', () => {
    const { result } = readPage('sold.html');
    const qnOrder = byId(result.ok ? result.items : []).get('4261124120000000303')!;
    const listed = old.readRows(loadFixture('taobao-old', 'list_sold_items.html'), ctx);
    const oldBuyers = new Set(listed.ok ? listed.items.map((r) => r.order!.buyerId) : []);
    expect(qnOrder.buyerId).toBe('nick:tb_test_buyer01');
    expect(oldBuyers.has(qnOrder.buyerId)).toBe(true);
  });

  test('drift: a renamed nick class and 创建时间 label keep the rows (badges from JSON), never wrong orders', () => {
    const { result } = readPage('drift.html');
    expect(plainRows(result)).toEqual(expected('drift.html'));
    expect(result.ok && result.items.length).toBeGreaterThan(0);
  });

  test('2024-2026 sold_* page: every order row found by its id; masked and 号码保护订单 nicks', () => {
    const { shopId, result } = readPage('sold-2025.html');
    expect(shopId).toBe(SHOP);
    expect(result.ok && result.items.map((r) => r.orderId)).toEqual([
      '4261201000000000201',
      '4261201000000000202',
      '4261201000000000205',
    ]);
    // No amount cell is known on this page: no DOM order, the badges come from asyncSold.
    expect(result.ok && result.items.every((r) => r.order === undefined)).toBe(true);
    expect(result.ok && result.coverage).toBe('0 of 3 rows');
  });

  test('2024-2026 bare-text empty state is an empty list, not a changed page', () => {
    expect(readPage('empty-2025.html').result).toEqual({ ok: true, items: [], skipped: [] });
  });

  test('no order table and no empty state: the page changed', () => {
    const doc = loadFixture(DIR, 'sold.html');
    doc.querySelectorAll('.next-table').forEach((t) => t.remove());
    expect(readRows(doc, ctx)).toEqual({ ok: false, problem: '页面结构已变化：找不到订单行' });
  });

  test('an order the schema refuses is skipped, never emitted', () => {
    const doc = loadFixture(DIR, 'sold.html');
    const qty = doc.querySelectorAll('.next-table')[4]!.querySelectorAll('tr')[1]!.children[2]!;
    qty.textContent = 'x0';
    const result = readRows(doc, ctx);
    expect(result.ok && result.items.map((r) => r.orderId)).toContain('4261121082000000305');
    expect(
      result.ok && result.items.find((r) => r.orderId === '4261121082000000305')!.order,
    ).toBeUndefined();
    expect(result.ok && result.skipped).toEqual([
      expect.stringMatching(/^订单 4261121082000000305：数据不合法（items\.0\.quantity/),
    ]);
  });

  test(
    'removing any one element never loses the row nor produces a wrong field',
    {
      timeout: 30_000,
    },
    () => {
      const doc = loadFixture(DIR, 'sold.html');
      const truth = byId((readRows(doc, ctx) as { items: PageRow[] }).items);
      for (const index of [0, 3]) {
        const table = doc.querySelectorAll('div.next-table')[index]!;
        const count = table.querySelectorAll('*').length;
        for (let i = 0; i < count; i++) {
          const holder = doc.createElement('div');
          const clone = holder.appendChild(table.cloneNode(true)) as Element;
          const removed = clone.querySelectorAll('*')[i]!;
          const heldId = /订单号|\d{19}/.test(removed.textContent ?? '');
          removed.remove();
          const result = readRows(holder, ctx);
          const rows = result.ok ? result.items : [];
          if (!heldId) expect({ i, rows: rows.length }).toEqual({ i, rows: 1 });
          for (const row of rows) {
            const o = row.order;
            if (!o) continue;
            const t = truth.get(row.orderId)!;
            expect(OrderInput.safeParse(o).success).toBe(true);
            expect([t.status, 'unknown']).toContain(o.status);
            expect([t.buyerId, `order:${row.orderId}`]).toContain(o.buyerId);
            expect([o.createdAt, o.amount]).toEqual([t.createdAt, t.amount]);
          }
        }
      }
    },
  );
});

describe('taobao-qn: URLs', () => {
  test.each(SAMPLE_URLS)('serves %s as an order page', (url) => {
    expect(adapter.matches(new URL(url))).toBe(true);
    expect(adapter.isOrderPage(new URL(url))).toBe(true);
  });

  test.each([
    'https://myseller.taobao.com/home.htm',
    'https://myseller.taobao.com/home.htm/QnworkbenchHome/',
    'https://qn.taobao.com/home.htm/trade-platform/tp/detail?bizOrderId=4261125101000000301',
    'https://myseller.taobao.com/home.htm/trade-platform/tp/soldout',
  ])('keeps the SPA at %s but it is no order page', (url) => {
    expect(adapter.matches(new URL(url))).toBe(true);
    expect(adapter.isOrderPage(new URL(url))).toBe(false);
  });

  test.each([
    'https://myseller.taobao.com/other.htm/trade-platform/tp/sold',
    'http://myseller.taobao.com/home.htm/trade-platform/tp/sold',
    'https://qn.taobao.com.evil.example/home.htm/trade-platform/tp/sold',
    'https://trade.taobao.com/trade/itemlist/list_sold_items.htm',
  ])('rejects %s', (url) => {
    expect(adapter.matches(new URL(url))).toBe(false);
  });

  test('reads the same asyncSold.htm JSON as the old page', () => {
    expect(
      adapter.jsonEndpoints.some((re) =>
        re.test('https://trade.taobao.com/trade/itemlist/asyncSold.htm?event_submit_do_query=1'),
      ),
    ).toBe(true);
    const body = readFixtureJson('taobao-old', 'asyncSold-masked.json');
    expect(adapter.parseJson!(body, ctx)).toEqual(
      readFixtureJson('taobao-old', 'asyncSold-masked.expected.json'),
    );
  });
});
