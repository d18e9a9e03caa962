// @vitest-environment jsdom
/**
 * Tolerant by field, not by page (issue 12): removing any one field other than the order id from
 * a fixture entry never loses that entry and never changes another field. The few fields the
 * order schema cannot do without (creation time, amount) may cost the JSON order, but then it is
 * reported in `skipped`, never dropped in silence; its DOM row stays either way.
 */
import fc from 'fast-check';
import { ADAPTERS } from '../../lib/adapters';
import { at } from '../../lib/adapters/fields';
import type { Adapter } from '../../lib/adapters/types';
import type { OrderInput } from '../../lib/schemas';
import { contextFor, readFixtureJson, readFixtureText } from '../support/fixtures';

const SEED = 20261206;
const adapter = (id: string): Adapter => ADAPTERS.find((a) => a.id === id)!;

interface Case {
  id: string;
  dir: string;
  file: string;
  url: string;
  /** Path of the entry list in the body. */
  list: string;
  /** Inside an entry: where the order itself sits ('' = the entry). */
  node: string;
  /** Leaf paths that hold the order id (never removed). */
  idPath: RegExp;
  /** Leaf paths the schema needs (time, amount): removing one may cost the order, reported. */
  required: RegExp;
  /** Leaf paths that feed the status: removing one may change it. */
  statusPath: RegExp;
}

const CASES: Case[] = [
  {
    id: 'taobao-old',
    dir: 'taobao-old',
    file: 'asyncSold.json',
    url: 'https://trade.taobao.com/trade/itemlist/list_sold_items.htm',
    list: 'mainOrders',
    node: '',
    idPath: /^(id|orderInfo\.id)$/,
    required: /^(orderInfo\.createTime|payInfo\.actualFee)$/,
    statusPath: /statusInfo|tradeStatus|operations/,
  },
  {
    id: 'taobao-qn',
    dir: 'taobao-qn',
    file: 'asyncSold-qn2025.json',
    url: 'https://myseller.taobao.com/home.htm/trade-platform/tp/sold',
    list: 'mainOrders',
    node: '',
    idPath: /^(id|orderInfo\.id)$/,
    required: /^(orderInfo\.createTime|payInfo\.actualFee)$/,
    statusPath: /statusInfo|tradeStatus|operations/,
  },
  ...['recentOrderList-2019.json', 'recentOrderList-2021.json', 'recentOrderList.json'].map(
    (file): Case => ({
      id: 'pinduoduo',
      dir: 'pinduoduo',
      file,
      url: 'https://mms.pinduoduo.com/orders/list',
      list: 'result.pageItems',
      node: '',
      idPath: /^order_sn$/,
      required: /^(created_at|order_time|order_amount)$/,
      statusPath: /status/,
    }),
  ),
  ...['queryOrderPage-bff.json', 'queryOrderPage.json'].map((file): Case => ({
    id: 'jd',
    dir: 'jd',
    file,
    url: 'https://shop.jd.com/jdm/trade/orders/order-list?tabType=allOrders',
    list: 'data.results',
    node: '',
    idPath: /^orderId$/,
    required: /^(orderCreateTime|orderPayment|orderPaymentInfo\.receivables|orderTotalPrice)$/,
    statusPath: /Status/,
  })),
  ...['searchlist-2025.json', 'searchlist.json'].map((file): Case => ({
    id: 'douyin',
    dir: 'douyin',
    file,
    url: 'https://fxg.jinritemai.com/ffa/morder/order/list',
    list: 'data',
    node: '',
    idPath: /^shop_order_id$/,
    required: /^(create_time|pay_amount|total_pay_amount)$/,
    statusPath: /status|after_sale/,
  })),
  {
    id: 'shopify',
    dir: 'shopify',
    file: 'orders-current.json',
    url: 'https://admin.shopify.com/store/kezhi-test-shop/orders',
    list: 'data.orders.edges',
    node: 'node',
    idPath: /^id$/,
    required: /^(createdAt|totalPriceSet\..*|currentTotalPriceSet\..*)$/,
    statusPath: /Status|closed/,
  },
];

/** Every leaf path of a JSON value ("a.b.0.c"), arrays included. */
function leaves(v: unknown, prefix = ''): string[] {
  if (typeof v !== 'object' || v === null) return prefix ? [prefix] : [];
  const keys = Array.isArray(v) ? v.map((_, i) => String(i)) : Object.keys(v);
  return keys.flatMap((k) =>
    leaves((v as Record<string, unknown>)[k], prefix ? `${prefix}.${k}` : k),
  );
}

/** A copy of `body` with one leaf removed (an array element is spliced out). */
function without(body: unknown, path: string): unknown {
  const copy = structuredClone(body);
  const keys = path.split('.');
  const last = keys.pop()!;
  const parent = keys.reduce<unknown>((o, k) => (o as Record<string, unknown>)[k], copy);
  if (Array.isArray(parent)) parent.splice(Number(last), 1);
  else delete (parent as Record<string, unknown>)[last];
  return copy;
}

/** Composed text (sku "颜色：白色；尺码：L", region "省 市 区") that lost a part: its parts ⊆ the truth's. */
const partsOf = (v: unknown) =>
  String(v)
    .split(/[：；\s]+/)
    .filter(Boolean);
const fewerParts = (after: unknown, before: unknown) =>
  partsOf(after).every((p) => partsOf(before).includes(p));

/** An item of `after` is the truth's item at most losing fields (title may go empty). */
const itemFits = (a: OrderInput['items'][number], truth: OrderInput['items'], leaf: string) =>
  truth.some((t) =>
    Object.entries(a).every(
      ([k, v]) =>
        (k === 'title' && v === '') ||
        // A removed price falls back to the next price source (paid, then list price).
        (k === 'unitPrice' && /price/i.test(leaf)) ||
        (k === 'sku' && fewerParts(v, t.sku)) ||
        t[k as keyof typeof t] === v,
    ),
  );

describe.each(CASES)('$id $file: one field removed', (c) => {
  const body = readFixtureJson(c.dir, c.file);
  const ctx = contextFor(c.url, 'kezhi-test');
  const parse = (b: unknown) => adapter(c.id).parseJson!(b, ctx);
  const truthResult = parse(body);
  if (!truthResult.ok) throw new Error(truthResult.problem);
  const truth = new Map(truthResult.items.map((o) => [o.orderId, o]));
  const entries = at(body, c.list) as unknown[];
  // Every (entry, leaf) pair of the entries that parse, the id leaves left alone.
  const pairs = entries.flatMap((entry, i) => {
    const node = c.node ? at(entry, c.node) : entry;
    return leaves(node)
      .filter((leaf) => !c.idPath.test(leaf))
      .map((leaf) => ({
        i,
        leaf,
        path: [c.list, String(i), c.node, leaf].filter(Boolean).join('.'),
      }));
  });
  const idOf = (i: number) =>
    [...truth.keys()].find((id) => JSON.stringify(entries[i]).includes(id));

  test('the entry stays (or is reported), and no other field changes', () => {
    fc.assert(
      fc.property(fc.constantFrom(...pairs), ({ i, leaf, path }) => {
        const id = idOf(i);
        if (!id) return; // an entry the fixture means to be skipped
        const r = parse(without(body, path));
        expect(r.ok).toBe(true);
        if (!r.ok) return;
        const got = new Map(r.items.map((o) => [o.orderId, o]));
        // Every other order is untouched.
        for (const [other, o] of truth) if (other !== id) expect(got.get(other)).toEqual(o);
        const o = got.get(id);
        if (!o) {
          expect({ leaf, required: c.required.test(leaf) }).toEqual({ leaf, required: true });
          expect(r.skipped.some((s) => s.includes(id))).toBe(true);
          return;
        }
        const t = truth.get(id)!;
        for (const key of Object.keys({ ...t, ...o }) as (keyof OrderInput)[]) {
          if (key === 'items') {
            for (const item of o.items) expect(itemFits(item, t.items, leaf)).toBe(true);
          } else if (key === 'status' || key === 'rawStatus') {
            if (!c.statusPath.test(leaf)) expect([t.status, 'unknown']).toContain(o.status);
          } else if (key === 'buyerId' || key === 'identity') {
            // A weaker key is allowed (the id gone: the nick; the nick gone: the order), never
            // another buyer's.
            if (key === 'identity')
              expect([t.identity, 'email', 'nick', 'token', 'name', 'none']).toContain(o.identity);
            else
              expect(
                o.buyerId === t.buyerId ||
                  o.buyerId === `nick:${t.buyerNick}` ||
                  o.buyerId.startsWith('mail:') ||
                  o.buyerId.endsWith(`order:${id}`),
              ).toBe(true);
          } else if (key === 'region') {
            expect(o.region === undefined || fewerParts(o.region, t.region)).toBe(true);
          } else if (key === 'buyerNick') {
            // A composed name (firstName lastName) may lose a part.
            expect(o.buyerNick === '' || fewerParts(o.buyerNick, t.buyerNick)).toBe(true);
          } else if (o[key] !== t[key]) {
            // Only the field the removed leaf fed may go (or fall back to its next source).
            expect({ key, leaf, gone: o[key] === undefined || c.required.test(leaf) }).toEqual({
              key,
              leaf,
              gone: true,
            });
          }
        }
      }),
      { seed: SEED, numRuns: Math.min(300, pairs.length * 2) },
    );
  });
});

describe('woocommerce 7.x bare rows: one cell removed', () => {
  test('never loses a row; other rows unchanged', () => {
    const PAGE = 'https://shop.example.de/wp-admin/admin.php?page=wc-orders';
    const html = readFixtureText('woocommerce', 'hpos-7x.html');
    const read = (doc: Document) => {
      const r = adapter('woocommerce').readRows(doc, contextFor(PAGE, 'shop.example.de'));
      if (!r.ok) throw new Error(r.problem);
      return new Map(r.items.map((x) => [x.orderId, x.order]));
    };
    const truth = read(new DOMParser().parseFromString(html, 'text/html'));
    const cells = [1, 2, 3, 4].flatMap((row) => [2, 3, 4].map((cell) => ({ row, cell })));
    fc.assert(
      fc.property(fc.constantFrom(...cells), ({ row, cell }) => {
        const doc = new DOMParser().parseFromString(html, 'text/html');
        const tr = doc.querySelectorAll('#the-list > tr')[row - 1]!;
        tr.children[cell]!.remove();
        const got = read(doc);
        expect([...got.keys()]).toEqual([...truth.keys()]);
        const id = [...truth.keys()][row - 1]!;
        for (const [other, o] of truth) if (other !== id) expect(got.get(other)).toEqual(o);
      }),
      { seed: SEED, numRuns: cells.length },
    );
  });
});
