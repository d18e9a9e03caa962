// @vitest-environment jsdom
/**
 * Adapters under hostile page data. Every platform's fixture pages get hostile text put into
 * random text nodes and title attributes, and every JSON fixture gets hostile values put into
 * random leaves: the adapter never throws, and everything it hands on passes OrderInput. On the
 * Taobao old page the buyer nick, item title, amount and creation time are targeted one at a time,
 * so we know what must come out: the literal text (as text, never reinterpreted), or the row
 * skipped with a reason. Never an invented amount or date.
 */
import fc from 'fast-check';
import { ADAPTERS } from '../../lib/adapters';
import taobaoOld from '../../lib/adapters/taobao-old';
import type { Adapter } from '../../lib/adapters/types';
import { OrderInput } from '../../lib/schemas';
import { contextFor, readFixtureJson, readFixtureText } from '../support/fixtures';
import {
  BAD_FEN,
  TIMEOUT,
  NOT_AN_AMOUNT,
  RUNS,
  count,
  hostileString,
  runs,
  tally,
} from '../support/hostile';

const byId = (id: string): Adapter => ADAPTERS.find((a) => a.id === id)!;

const HTML: { adapter: string; dir: string; files: string[]; url: string }[] = [
  {
    adapter: 'taobao-old',
    dir: 'taobao-old',
    files: ['list_sold_items.html', 'unpaid.html'],
    url: 'https://trade.taobao.com/trade/itemlist/list_sold_items.htm',
  },
  {
    adapter: 'taobao-qn',
    dir: 'taobao-qn',
    files: ['sold.html'],
    url: 'https://myseller.taobao.com/home.htm/trade-platform/tp/sold',
  },
  {
    adapter: 'pinduoduo',
    dir: 'pinduoduo',
    files: ['orders.html', 'unpaid.html'],
    url: 'https://mms.pinduoduo.com/orders/list',
  },
  {
    adapter: 'jd',
    dir: 'jd',
    files: ['orders.html', 'unpaid.html'],
    url: 'https://shop.jd.com/jdm/trade/orders/order-list?tabType=allOrders',
  },
  {
    adapter: 'douyin',
    dir: 'douyin',
    files: ['orders.html', 'unpaid.html'],
    url: 'https://fxg.jinritemai.com/ffa/morder/order/list',
  },
  {
    adapter: 'shopify',
    dir: 'shopify',
    files: ['orders.html', 'unpaid.html'],
    url: 'https://admin.shopify.com/store/kezhi-test-shop/orders',
  },
  {
    adapter: 'woocommerce',
    dir: 'woocommerce',
    files: ['orders.html', 'euro.html'],
    url: 'https://shop.example.com/wp-admin/edit.php?post_type=shop_order',
  },
];

const JSON_BODIES: { adapter: string; dir: string; file: string; url: string }[] = [
  {
    adapter: 'taobao-old',
    dir: 'taobao-old',
    file: 'asyncSold.json',
    url: 'https://trade.taobao.com/trade/itemlist/list_sold_items.htm',
  },
  {
    adapter: 'pinduoduo',
    dir: 'pinduoduo',
    file: 'recentOrderList.json',
    url: 'https://mms.pinduoduo.com/orders/list',
  },
  {
    adapter: 'jd',
    dir: 'jd',
    file: 'queryOrderPage.json',
    url: 'https://shop.jd.com/jdm/trade/orders/order-list?tabType=allOrders',
  },
  {
    adapter: 'douyin',
    dir: 'douyin',
    file: 'searchlist.json',
    url: 'https://fxg.jinritemai.com/ffa/morder/order/list',
  },
  {
    adapter: 'shopify',
    dir: 'shopify',
    file: 'orders-graphql.json',
    url: 'https://admin.shopify.com/store/kezhi-test-shop/orders',
  },
];

const parse = (html: string): Document => new DOMParser().parseFromString(html, 'text/html');

/** Everything an adapter produced is a valid order; a problem is a bounded sentence. */
function expectSound(
  result: ReturnType<Adapter['readRows']> | ReturnType<NonNullable<Adapter['parseJson']>>,
): void {
  if (!result.ok) {
    expect(typeof result.problem).toBe('string');
    expect(result.problem.length).toBeLessThanOrEqual(300);
    return;
  }
  for (const item of result.items) {
    const order = 'row' in item ? item.order : item;
    if (order) expect(OrderInput.safeParse(order).success).toBe(true);
    if ('row' in item) expect(typeof item.orderId).toBe('string');
  }
}

afterAll(() => console.info('fuzz/adapters tally', Object.fromEntries(tally)));

describe('every adapter, hostile text in random places of its pages', () => {
  for (const h of HTML) {
    for (const file of h.files) {
      it(
        `${h.adapter} ${file}: never throws, hands on only valid orders (${RUNS} runs)`,
        () => {
          const adapter = byId(h.adapter);
          const doc = parse(readFixtureText(h.dir, file));
          const url = new URL(h.url);
          const texts: Text[] = [];
          const w = doc.createTreeWalker(doc.body, NodeFilter.SHOW_TEXT);
          while (w.nextNode()) texts.push(w.currentNode as Text);
          fc.assert(
            fc.property(
              fc.array(fc.tuple(fc.nat(texts.length - 1), hostileString, fc.boolean()), {
                minLength: 1,
                maxLength: 6,
              }),
              (edits) => {
                // Edit in place and put everything back afterwards: cloning a whole page per case
                // would make 10,000 runs take an hour.
                const undo: (() => void)[] = [];
                try {
                  for (const [at, value, asTitle] of edits) {
                    const node = texts[at]!;
                    const el = node.parentElement;
                    // The page's own text, set as text (that is how a page shows a nick), or the
                    // title attribute beside it (adapters read nicks from title too).
                    if (asTitle && el) {
                      const had = el.getAttribute('title');
                      el.setAttribute('title', value);
                      undo.push(() =>
                        had === null ? el.removeAttribute('title') : el.setAttribute('title', had),
                      );
                    } else {
                      const had = node.data;
                      node.data = value;
                      undo.push(() => (node.data = had));
                    }
                  }
                  count(`dom.${h.adapter}`);
                  const shopId = adapter.shopId(url, doc);
                  expect(typeof shopId).toBe('string');
                  expectSound(adapter.readRows(doc, contextFor(h.url, shopId)));
                } finally {
                  undo.reverse().forEach((f) => f());
                }
              },
            ),
            runs(),
          );
        },
        TIMEOUT,
      );
    }
  }
});

describe('every adapter, hostile values in random leaves of its JSON', () => {
  /** Paths to every leaf of a JSON value. */
  const leaves = (v: unknown, path: (string | number)[] = []): (string | number)[][] =>
    v && typeof v === 'object'
      ? Object.entries(v).flatMap(([k, c]) =>
          leaves(c, [...path, Array.isArray(v) ? Number(k) : k]),
        )
      : [path];
  const setAt = (root: unknown, path: (string | number)[], value: unknown): void => {
    let o = root as Record<string | number, unknown>;
    for (const k of path.slice(0, -1)) o = o[k] as Record<string | number, unknown>;
    o[path[path.length - 1]!] = value;
  };
  const hostileLeaf = fc.oneof(
    hostileString,
    fc.constantFrom(...BAD_FEN),
    fc.constantFrom(...NOT_AN_AMOUNT),
    fc.constantFrom(Date.UTC(2150, 0, 1) / 1000, Date.UTC(1990, 0, 1) / 1000, -1, 1e308),
    fc.constantFrom('2150-01-01 10:00:00', '1999-12-31 23:59:59', '2024-02-30 10:00:00'),
    fc.constantFrom(undefined, true, [], {}),
  );

  for (const j of JSON_BODIES) {
    it(
      `${j.adapter} ${j.file}: never throws, hands on only valid orders (${RUNS} runs)`,
      () => {
        const adapter = byId(j.adapter);
        const text = JSON.stringify(readFixtureJson(j.dir, j.file));
        const paths = leaves(JSON.parse(text));
        const ctx = contextFor(j.url, 'shop1');
        fc.assert(
          fc.property(
            fc.array(fc.tuple(fc.nat(paths.length - 1), hostileLeaf), {
              minLength: 1,
              maxLength: 8,
            }),
            (edits) => {
              const body = JSON.parse(text) as unknown;
              for (const [at, value] of edits) setAt(body, paths[at]!, value);
              count(`json.${j.adapter}`);
              expectSound(adapter.parseJson!(body, ctx));
            },
          ),
          runs(),
        );
      },
      TIMEOUT,
    );
  }

  it(
    `any JSON value at all: every adapter answers, never throws (${RUNS} runs)`,
    () => {
      const parsers = ADAPTERS.filter((a) => a.parseJson);
      fc.assert(
        fc.property(fc.jsonValue(), fc.anything(), (json, anything) => {
          count('json.random');
          for (const a of parsers) {
            expectSound(a.parseJson!(json, contextFor('https://example.com/', 'shop1')));
            expectSound(a.parseJson!(anything, contextFor('https://example.com/', 'shop1')));
          }
        }),
        runs(),
      );
    },
    TIMEOUT,
  );
});

describe('taobao-old: each field, hostile, gives the literal text or a skipped row', () => {
  const URL_LIST = 'https://trade.taobao.com/trade/itemlist/list_sold_items.htm';
  const ID = '4261124210500000101';
  const page = parse(readFixtureText('taobao-old', 'list_sold_items.html'));
  /** The first order block (4261124210500000101: unpaid, ￥198.00), alone. */
  const original = page
    .querySelector(`input[name="orderid"][value="${ID}"]`)!
    .closest('[class*="item-mod__trade-order"]')!;

  /** A fresh copy of that block in a container of its own (cheap to clone per case). */
  function block() {
    const doc = page.createElement('div');
    const b = original.cloneNode(true) as Element;
    doc.append(b);
    return { doc, b };
  }
  const read = (doc: ParentNode) => {
    const r = taobaoOld.readRows(doc, contextFor(URL_LIST, 'shop1'));
    expectSound(r);
    return r.ok ? r.items.find((x) => x.orderId === ID)?.order : undefined;
  };
  const collapse = (s: string) => s.replace(/\s+/g, ' ').trim();

  it(
    `buyer nick (${RUNS} runs)`,
    () => {
      fc.assert(
        fc.property(hostileString, (nick) => {
          const { doc, b } = block();
          const a = b.querySelector('[class*="buyer-mod__name"]')!;
          a.setAttribute('title', nick);
          a.textContent = nick;
          count('taobao.nick');
          const order = read(doc);
          const want = nick.trim() || collapse(nick);
          if (want && want.length <= 200 && want.isWellFormed()) {
            expect(order?.buyerNick).toBe(want);
          } else if (!want) {
            // No nick costs the nick, not the row: the order stands alone (issue 12).
            expect(order).toMatchObject({ buyerNick: '', buyerId: `order:${ID}` });
          } else expect(order).toBeUndefined();
        }),
        runs(),
      );
    },
    TIMEOUT,
  );

  it(
    `item title (${RUNS} runs)`,
    () => {
      fc.assert(
        fc.property(hostileString, (title) => {
          const { doc, b } = block();
          b.querySelector(
            '[class*="production-mod__production"] p a[href*="item.htm"]',
          )!.textContent = title;
          count('taobao.title');
          const order = read(doc);
          const want = collapse(title);
          // No title costs the title, not the row (issue 12).
          if (want.length <= 500 && want.isWellFormed()) expect(order?.items[0]?.title).toBe(want);
          else expect(order).toBeUndefined();
        }),
        runs(),
      );
    },
    TIMEOUT,
  );

  it(
    `amount: commas and currency signs read right, anything else skips the row (${RUNS} runs)`,
    () => {
      const good = fc
        .tuple(
          fc.integer({ min: 0, max: 99_999_999 }),
          fc.integer({ min: 0, max: 99 }),
          fc.constantFrom('', '￥', '¥', ' ￥ ', 'RMB'),
          fc.boolean(),
        )
        .map(([yuan, fen, sign, grouped]) => ({
          text: `${sign}${grouped ? yuan.toLocaleString('en-US') : String(yuan)}.${String(fen).padStart(2, '0')}`,
          fen: yuan * 100 + fen,
        }));
      const bad = fc
        .oneof(
          fc.constantFrom(...NOT_AN_AMOUNT),
          hostileString.filter((s) => !/\d/.test(s)),
        )
        .map((text) => ({ text, fen: undefined }));
      fc.assert(
        fc.property(fc.oneof(good, bad), ({ text, fen }) => {
          const { doc, b } = block();
          const strong = b.querySelector('.amount strong')!;
          strong.textContent = text;
          count('taobao.amount');
          const order = read(doc);
          if (fen === undefined) expect(order).toBeUndefined();
          else expect(order?.amount).toBe(fen);
        }),
        runs(),
      );
    },
    TIMEOUT,
  );

  it(
    `creation time before 2000 or after 2100 skips the row (${RUNS} runs)`,
    () => {
      const MIN_T = 946684800000;
      const MAX_T = 4102444800000;
      fc.assert(
        fc.property(fc.integer({ min: Date.UTC(1900, 0, 1), max: Date.UTC(2999, 0, 1) }), (t) => {
          const s = Math.floor(t / 1000) * 1000;
          const d = new Date(s + 8 * 3600_000);
          const p = (n: number) => String(n).padStart(2, '0');
          const stamp = `${d.getUTCFullYear()}-${p(d.getUTCMonth() + 1)}-${p(d.getUTCDate())} ${p(d.getUTCHours())}:${p(d.getUTCMinutes())}:${p(d.getUTCSeconds())}`;
          const { doc, b } = block();
          b.querySelector('[class*="item-mod__create-time"]')!.textContent = stamp;
          count('taobao.date');
          const order = read(doc);
          if (s >= MIN_T && s <= MAX_T) expect(order?.createdAt).toBe(s);
          else expect(order).toBeUndefined();
        }),
        runs(),
      );
    },
    TIMEOUT,
  );
});
