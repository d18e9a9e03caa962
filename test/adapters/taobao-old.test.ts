// @vitest-environment jsdom
import fc from 'fast-check';
import adapter, { readRows, SAMPLE_URLS, selectors } from '../../lib/adapters/taobao-old';
import { parseAsyncSold, taobaoStatus } from '../../lib/adapters/taobao-json';
import { OrderInput } from '../../lib/schemas';
import type { PageRow } from '../../lib/adapters/types';
import { contextFor, loadFixture, plainRows, readFixtureJson } from '../support/fixtures';
import { describeAdapterPages } from '../support/adapter-pages';

const DIR = 'taobao-old';
const URL_LIST = SAMPLE_URLS[0]!;
/** 客知测试店, written in the Id alphabet (see taobaoShopId). */
const SHOP = '~0i3m~0nol~0ll7~0rmd~0ion';
const { readPage, expected } = describeAdapterPages(adapter, {
  dir: DIR,
  url: URL_LIST,
  fixtures: ['list_sold_items.html', 'unpaid.html', 'drift.html', 'empty.html', 'variants.html'],
  expected: ['list_sold_items.html', 'unpaid.html', 'empty.html', 'variants.html'],
  selectors,
});
const json = (file: string) => readFixtureJson(DIR, file);
const ctx = contextFor(URL_LIST, SHOP);
const orderOf = (r: ReturnType<typeof readPage>['result'], id: string) =>
  r.ok ? r.items.find((row) => row.orderId === id)?.order : undefined;

describe('taobao-old: pages', () => {
  test('list page: ids, times and amounts are exact', () => {
    const { result } = readPage('list_sold_items.html');
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.items).toHaveLength(8);
    for (const row of result.items) expect(row.orderId).toMatch(/^\d{19}$/);
    const a = orderOf(result, '4261124210500000101')!;
    // 2026-11-24 21:05:33 in China is 13:05:33 UTC.
    expect(a.createdAt).toBe(Date.UTC(2026, 10, 24, 13, 5, 33));
    expect(a).toMatchObject({ status: 'unpaid', amount: 19800, buyerId: 'nick:tb_test_buyer01' });
    expect(a.items).toEqual([
      expect.objectContaining({ quantity: 2, unitPrice: 9900, sku: '颜色分类：白色；尺码：L' }),
    ]);
    const multi = orderOf(result, '4261120150000000104')!;
    expect(multi.items.map((i) => [i.quantity, i.unitPrice, i.itemId])).toEqual([
      [1, 8900, '600000000004'],
      [2, 990, '600000000005'],
      [1, 1500, '600000000006'],
    ]);
    expect(multi.amount).toBe(11880);
    // Shipping is part of what the buyer paid: 3 x 39.90 + 6.00.
    expect(orderOf(result, '4261123090000000103')!.amount).toBe(12570);
  });

  test('a closed block nested in a trade-order block is read once, as the outer order', () => {
    const doc = loadFixture(DIR, 'list_sold_items.html');
    const outer = doc.querySelector('[class*="item-mod__trade-order___"]')!;
    const inner = doc.createElement('div');
    inner.className = 'item-mod__trade-order-mainClose___3cW1x';
    inner.innerHTML = outer.innerHTML;
    outer.append(inner);
    const result = readRows(doc, ctx);
    expect(result.ok && result.items).toHaveLength(8);
    if (!result.ok) return;
    expect(result.items.filter((r) => r.row === inner)).toHaveLength(0);
    expect(result.items.filter((r) => r.row === outer)).toHaveLength(1);
  });

  test('variants: plain-text and snapshot titles, a closed block, an unknown status, Tmall nick', () => {
    const { shopId, result } = readPage('variants.html');
    expect(shopId).toBe(SHOP);
    expect(result.ok && result.items).toHaveLength(8);
    // Plain-text title: title kept, no item id; snapshot links: no item id either.
    expect(orderOf(result, '4261124210500000101')!.items).toEqual([
      {
        title: '纯棉短袖T恤 男女同款 宽松圆领 夏季新款',
        quantity: 2,
        sku: '颜色分类：白色；尺码：L',
        unitPrice: 9900,
      },
    ]);
    expect(orderOf(result, '4261120150000000104')!.items.every((i) => !i.itemId)).toBe(true);
    expect(orderOf(result, '4261118112000000105')!.status).toBe('closed');
    expect(orderOf(result, '4261124183000000102')).toMatchObject({
      status: 'unknown',
      rawStatus: '订单异常',
    });
    expect(result.ok && result.coverage).toBe('8 of 8 rows; 1 without status: 订单异常');
  });

  test('list page covers every status the brief asks for', () => {
    const { result } = readPage('list_sold_items.html');
    const statuses = new Set(result.ok ? result.items.map((r) => r.order!.status) : []);
    expect([...statuses].sort()).toEqual([
      'closed',
      'completed',
      'paid',
      'refunding',
      'shipped',
      'unpaid',
    ]);
  });

  test('a masked nick stands alone as a masked identity keyed by its order', () => {
    const { result } = readPage('list_sold_items.html');
    expect(orderOf(result, '4261123090000000103')).toMatchObject({
      buyerNick: '牛**',
      buyerId: 'order:4261123090000000103',
      identity: 'none',
    });
  });

  test('the anchor is the buyer cell inside its order block', () => {
    const { doc, result } = readPage('list_sold_items.html');
    expect(result.ok && result.items.length).toBe(8);
    for (const row of result.ok ? result.items : []) {
      expect(row.anchor.tagName).toBe('DIV');
      expect(row.anchor.className).toMatch(/^buyer-mod__buyer___/);
      expect(row.row.contains(row.anchor)).toBe(true);
      expect(row.row.matches(adapter.rowsHint)).toBe(true);
    }
    expect(doc.querySelectorAll(adapter.rowsHint)).toHaveLength(8);
  });

  test('sub-accounts and header variants give the same shop; buyers recur across pages', () => {
    const list = readPage('list_sold_items.html');
    const unpaid = readPage('unpaid.html');
    expect(list.shopId).toBe(SHOP);
    expect(unpaid.shopId).toBe(SHOP);
    expect(readPage('empty.html').shopId).toBe(SHOP);
    const buyers = (r: typeof list.result) =>
      new Set(r.ok ? r.items.map((x) => x.order!.buyerId) : []);
    const both = [...buyers(unpaid.result)].filter((b) => buyers(list.result).has(b));
    expect(both.sort()).toEqual([
      'nick:tb_test_buyer01',
      'nick:tb_test_buyer02',
      'nick:测试买家甲',
    ]);
    expect(unpaid.result.ok && unpaid.result.items.every((r) => r.order!.status === 'unpaid')).toBe(
      true,
    );
  });

  test('a page without a shop nick falls back to `default`', () => {
    const doc = loadFixture(DIR, 'list_sold_items.html');
    doc.querySelector('.site-nav-user')!.remove();
    expect(adapter.shopId(new URL(URL_LIST), doc)).toBe('default');
  });

  test('drift: renamed buyer/price classes keep the rows (badges from JSON), never orders', () => {
    const { result } = readPage('drift.html');
    expect(plainRows(result)).toEqual(expected('drift.html'));
    expect(result.ok && result.items.length).toBeGreaterThan(0);
    expect(result.ok && result.items.filter((r) => r.order)).toEqual([]);
    expect(result.ok && result.coverage).toMatch(/^0 of \d+ rows/);
  });

  test('no order container and no empty state: the page changed', () => {
    const doc = loadFixture(DIR, 'empty.html');
    doc.querySelector('[class*="list-mod__empty"]')!.remove();
    expect(readRows(doc, ctx)).toEqual({ ok: false, problem: '页面结构已变化：找不到订单行' });
  });

  test('one unreadable block is skipped with a reason; the rest still parse', () => {
    const doc = loadFixture(DIR, 'list_sold_items.html');
    const block = doc
      .querySelector('input[value="4261118112000000105"]')!
      .closest('.trade-order-main')!;
    block.querySelector('[class*="item-mod__create-time"]')!.textContent = '2026-02-31 10:00:00';
    const result = readRows(doc, ctx);
    // The row stays (its badges come from the stored order); only its DOM order is missing.
    expect(result.ok && result.items).toHaveLength(8);
    expect(orderOf(result, '4261118112000000105')).toBeUndefined();
    expect(result.ok && result.skipped).toEqual(['订单 4261118112000000105：找不到创建时间']);
    expect(result.ok && result.coverage).toBe('7 of 8 rows');
  });

  test('an order the schema refuses is skipped, never emitted', () => {
    const doc = loadFixture(DIR, 'list_sold_items.html');
    const block = doc
      .querySelector('input[value="4261118112000000105"]')!
      .closest('.trade-order-main')!;
    const nick = block.querySelector('[class*="buyer-mod__name"]')!;
    nick.textContent = 'x'.repeat(201);
    nick.setAttribute('title', nick.textContent);
    const result = readRows(doc, ctx);
    expect(result.ok && result.items.map((r) => r.orderId)).toContain('4261118112000000105');
    expect(orderOf(result, '4261118112000000105')).toBeUndefined();
    expect(result.ok && result.skipped[0]).toMatch(
      /^订单 4261118112000000105：数据不合法（buyerNick/,
    );
  });

  test('the order id falls back to the header text when the checkbox is gone', () => {
    const doc = loadFixture(DIR, 'list_sold_items.html');
    doc.querySelectorAll('input[name="orderid"]').forEach((el) => el.remove());
    expect(plainRows(readRows(doc, ctx))).toEqual(
      plainRows(readPage('list_sold_items.html').result),
    );
  });

  test(
    'removing any one element never loses the row nor produces a wrong field',
    {
      timeout: 30_000,
    },
    () => {
      const doc = loadFixture(DIR, 'list_sold_items.html');
      const truth = new Map(
        (readRows(doc, ctx) as { items: PageRow[] }).items.map((r) => [r.orderId, r.order!]),
      );
      // The masked, the multi-item and the refunding order alone, one descendant removed at a
      // time: the row stays (unless the element held the id); each field is its true value,
      // absent, or (status) unknown; the buyer is the true one or, without a nick, the order.
      for (const id of ['4261123090000000103', '4261120150000000104', '4261115203000000106']) {
        const block = doc.querySelector(`input[value="${id}"]`)!.closest('.trade-order-main')!;
        const t = truth.get(id)!;
        const count = block.querySelectorAll('*').length;
        for (let i = 0; i < count; i++) {
          const holder = doc.createElement('div');
          const clone = holder.appendChild(block.cloneNode(true)) as Element;
          const removed = clone.querySelectorAll('*')[i]!;
          const heldId = removed.textContent?.includes(id) && !removed.matches('input');
          removed.remove();
          const result = readRows(holder, ctx);
          const row = result.ok ? result.items.find((r) => r.orderId === id) : undefined;
          if (!heldId) expect({ i, found: row !== undefined }).toEqual({ i, found: true });
          const o = row?.order;
          if (!o) continue;
          expect(OrderInput.safeParse(o).success).toBe(true);
          expect([t.status, 'unknown']).toContain(o.status);
          expect([t.buyerId, `order:${id}`]).toContain(o.buyerId);
          expect([o.createdAt, o.amount]).toEqual([t.createdAt, t.amount]);
          for (const item of o.items)
            expect(t.items).toContainEqual(expect.objectContaining({ quantity: item.quantity }));
        }
      }
    },
  );
});

describe('taobao-old: URLs', () => {
  test.each(SAMPLE_URLS)('serves %s', (url) => {
    expect(adapter.matches(new URL(url))).toBe(true);
    expect(adapter.isOrderPage(new URL(url))).toBe(true);
  });

  test.each([
    'https://trade.taobao.com/trade/itemlist/list_bought_items.htm', // the buyer's own purchases
    'https://trade.taobao.com/trade/detail/trade_item_detail.htm?bizOrderId=4261124210500000101',
    'http://trade.taobao.com/trade/itemlist/list_sold_items.htm',
    'https://trade.taobao.com.evil.example/trade/itemlist/list_sold_items.htm',
    'https://myseller.taobao.com/home.htm/trade-platform/tp/sold',
  ])('rejects %s', (url) => {
    expect(adapter.matches(new URL(url))).toBe(false);
  });

  test('listens to asyncSold.htm only', () => {
    const hit = (u: string) => adapter.jsonEndpoints.some((re) => re.test(u));
    expect(
      hit(
        'https://trade.taobao.com/trade/itemlist/asyncSold.htm?event_submit_do_query=1&_input_charset=utf8',
      ),
    ).toBe(true);
    expect(hit('https://trade.taobao.com/trade/itemlist/asyncBought.htm')).toBe(false);
  });
});

describe('taobao-old: asyncSold.htm JSON', () => {
  test.each(['asyncSold.json', 'asyncSold-masked.json', 'asyncSold-ratelimit.json'])(
    '%s parses to its expected object',
    (file) => {
      expect(adapter.parseJson!(json(file), ctx)).toEqual(expected(file));
    },
  );

  test('the JSON and the DOM of the same page agree on every order field but the source', () => {
    const dom = readPage('list_sold_items.html').result;
    const fromJson = parseAsyncSold(json('asyncSold.json'), ctx);
    expect(dom.ok && fromJson.ok).toBe(true);
    if (!dom.ok || !fromJson.ok) return;
    expect(fromJson.items).toEqual(dom.items.map((r) => ({ ...r.order!, source: 'json' })));
  });

  test('ids stay exact: 19-digit strings, not numbers that lost digits', () => {
    const r = parseAsyncSold(json('asyncSold.json'), ctx);
    expect(r.ok && r.items.map((o) => o.orderId)).toContain('4261124210500000101');
    // The raw sub-order id has already been rounded by JSON.parse: proof we must not use it.
    const main = (json('asyncSold.json') as { mainOrders: { subOrders: { id: number }[] }[] })
      .mainOrders[0]!;
    expect(String(main.subOrders[0]!.id)).not.toBe('4261124210500000111');
  });

  test('masked nicks: distinct buyers per order unless the JSON carries a buyer id', () => {
    const r = parseAsyncSold(json('asyncSold-masked.json'), ctx);
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    const byId = new Map(r.items.map((o) => [o.orderId, o]));
    const a = byId.get('4261125101000000301')!;
    const b = byId.get('4261125075000000302')!;
    const c = byId.get('4261121082000000305')!;
    expect([a.buyerNick, b.buyerNick, c.buyerNick]).toEqual(['测**', '测**', '测**']);
    expect(new Set([a.buyerId, b.buyerId, c.buyerId]).size).toBe(3);
    expect(a).toMatchObject({ identity: 'none', buyerId: 'order:4261125101000000301' });
    expect(b).toMatchObject({ identity: 'platform', buyerId: 'id:2200000000002' }); // buyer.userId
    expect(byId.get('4261124120000000303')).toMatchObject({ buyerId: 'id:2200000000001' }); // extra.buyerId
  });

  test('an unmasked nick is the identity even when the JSON has a buyer id (DOM and CSV agree)', () => {
    const r = parseAsyncSold(json('asyncSold.json'), ctx);
    expect(r.ok && r.items[0]).toMatchObject({
      buyerId: 'nick:tb_test_buyer01',
      identity: 'nick',
    });
  });

  test('rate limiting is a problem, not an empty list', () => {
    const r = parseAsyncSold(json('asyncSold-ratelimit.json'), ctx);
    expect(r.ok).toBe(false);
    expect(!r.ok && r.problem).toMatch(/^rate limited/);
  });

  test('the body may arrive as text', () => {
    const text = JSON.stringify(json('asyncSold.json'));
    expect(parseAsyncSold(text, ctx)).toEqual(expected('asyncSold.json'));
    expect(parseAsyncSold('<html>登录</html>', ctx).ok).toBe(false);
  });

  test.each([
    ['no mainOrders', { page: {} }, '淘宝订单数据结构已变化：找不到 mainOrders'],
    ['mainOrders renamed', { orders: [] }, '淘宝订单数据结构已变化：找不到 mainOrders'],
    ['an error answer', { error: '系统繁忙' }, '淘宝返回错误：系统繁忙'],
    ['not an object', [1, 2], '淘宝订单数据结构已变化：不是对象'],
  ])('shape change: %s -> ok:false', (_name, body, problem) => {
    expect(parseAsyncSold(body, ctx)).toEqual({ ok: false, problem });
  });

  test('an empty list is a list', () => {
    expect(parseAsyncSold({ error: '', mainOrders: [] }, ctx)).toEqual({
      ok: true,
      items: [],
      skipped: [],
    });
  });

  test('orders that changed shape are skipped; all of them changed -> ok:false', () => {
    const body = json('asyncSold.json') as { mainOrders: Record<string, unknown>[] };
    body.mainOrders[1]!.payInfo = { totalFee: '129.00' };
    body.mainOrders[2]!.id = Number('4261123090000000103'); // a number that lost its last digits
    delete (body.mainOrders[2]!.orderInfo as Record<string, unknown>).id;
    const some = parseAsyncSold(body, ctx);
    expect(some.ok && some.items).toHaveLength(6);
    expect(some.ok && some.skipped).toEqual([
      '订单 4261124183000000102：缺少实收款',
      '订单缺少可用的订单号',
    ]);
    for (const m of body.mainOrders) m.orderInfo = {};
    const none = parseAsyncSold(body, ctx);
    expect(none.ok).toBe(false);
    expect(!none.ok && none.problem).toMatch(/^接口数据已变化：/);
  });

  test('status: the text first, the extra.tradeStatus enum when the text is missing', () => {
    const body = json('asyncSold.json') as {
      mainOrders: { statusInfo: { text: string }; extra: { tradeStatus: string } }[];
    };
    const main = body.mainOrders[1]!; // 买家已付款
    main.statusInfo.text = '';
    main.extra.tradeStatus = 'TRADE_NO_CREATE_PAY';
    const r = parseAsyncSold({ mainOrders: [main] }, ctx);
    expect(r.ok && r.items[0]!.status).toBe('unpaid');
    expect(taobaoStatus(undefined, 'WAIT_SELLER_SEND_GOODS')).toBe('paid');
    expect(taobaoStatus('', 'WAIT_BUYER_CONFIRM_GOODS')).toBe('shipped');
    expect(taobaoStatus('', 'TRADE_BUYER_SIGNED')).toBe('completed');
    expect(taobaoStatus(undefined, 'TRADE_CLOSED_BY_TAOBAO')).toBe('closed');
    expect(taobaoStatus('订单部分退款中', 'WAIT_SELLER_SEND_GOODS')).toBe('refunding');
    expect(taobaoStatus('???', 'SOMETHING_NEW')).toBeUndefined();
  });

  test('never throws, and whatever it emits is a valid order', () => {
    const base = json('asyncSold.json') as { mainOrders: unknown[] };
    fc.assert(
      fc.property(
        fc.jsonValue(),
        fc.nat(7),
        fc.constantFrom('payInfo', 'buyer', 'orderInfo', 'subOrders', 'statusInfo', 'id'),
        (junk, i, key) => {
          const body = structuredClone(base) as { mainOrders: Record<string, unknown>[] };
          body.mainOrders[i]![key] = junk;
          const r = parseAsyncSold(body, ctx);
          for (const o of r.ok ? r.items : []) expect(OrderInput.safeParse(o).success).toBe(true);
          expect(() => parseAsyncSold(junk, ctx)).not.toThrow();
        },
      ),
      { numRuns: 200 },
    );
  });
});
