/**
 * Douyin shop backend (抖店, fxg.jinritemai.com): the order list. The page loads its rows from
 * /api/order/searchlist; we read that JSON when the interceptor hands it over, and the rendered
 * order cards otherwise. Douyin has no buyer id in the list, and the buyer's nick comes from a
 * separate /api/order/receiveinfo call: a list entry without one stands alone as a masked
 * (uncertain) customer instead of being merged with strangers.
 */
import { buyerIdFor } from '../keys';
import { fenFromJson, yuanToFen } from '../parse/money';
import { normaliseStatus } from '../parse/status';
import { parseChinaTime, unixSecondsToMs } from '../parse/time';
import type { OrderInput } from '../schemas';
import { collectOrders, collectRows } from './result';
import { bodyOrder, orderHead, rowOrder, type RowRead } from './candidate';
import { headerShopId, queryAlternatives, queryFirst, textOf } from './dom';
import { as, isObject, pick, str } from './fields';
import { itemRefund, statusFromText, statusOf, withItemRefunds } from './status';
import { itemsFromDom, itemsFromJson } from './items';
import { onHttpsPage, onPage } from './url';
import type { Adapter, AdapterContext, AdapterResult, PageRow } from './types';

/**
 * 抖店 builds on its Auxo component library (`auxo-*` classes, stable) with CSS-module classes
 * for its own parts (`index_orderCard__3kLm2`, hash changes per release: match the prefix).
 */
export const selectors = {
  /** The list of order cards (2025-2026 morder). */
  container: ['[class*="index_orderList"]'],
  order: ['[class*="index_orderCard"]'],
  orderId: ['[class*="index_orderId"]'],
  createTime: ['[class*="index_createTime"]'],
  /** Buyer cell in the card header; masked nicks show as 抖音用户** or similar. */
  buyer: ['[class*="index_buyer"]'],
  buyerNick: ['[class*="index_buyerNick"]'],
  /** Goods rows of the Auxo table inside a card. */
  product: ['tr.auxo-table-row'],
  productName: ['[class*="index_productName"]'],
  skuSpec: ['[class*="index_skuSpec"]'],
  price: ['[class*="index_price"]'],
  count: ['[class*="index_count"]'],
  payAmount: ['[class*="index_payAmount"]'],
  status: ['[class*="index_status"]'],
  /** 待支付 cards show "剩余 hh:mm:ss 自动关闭". */
  countdown: ['[class*="index_countdown"]'],
  /**
   * Table layout (platforms.md "Variants"): `tbody tr[data-row-key]` per order, its items in
   * the rows after it keyed `child<item id>`. Row keys are from public scripts that read the page;
   * the cell classes are the card's (index_*), inferred.
   */
  tableRow: ['tbody tr[data-row-key]'],
  afterSale: ['[class*="index_afterSale"]'],
  /** Header: 店铺ID and shop name. */
  shopIdText: ['[class*="shop-info_shopId"]'],
  shopName: ['[class*="shop-info_shopName"]'],
} as const;

const HOST = 'fxg.jinritemai.com';
/** shop_order_id: 19 digits today. */
const ORDER_ID = /^\d{16,20}$/;
/** What the list calls the two fields an order needs. */
const NAMES = { createdAt: '下单时间', amount: '实付金额' };

/** URLs this adapter must accept (the meta test checks every other adapter rejects them). */
export const SAMPLE_URLS: string[] = [
  'https://fxg.jinritemai.com/ffa/morder/order/list',
  'https://fxg.jinritemai.com/ffa/morder/order/list?tab=stock_up',
];

/**
 * order_status codes as Douyin's open platform documents them, as the words the page shows,
 * so one status table (normaliseStatus) decides for both the JSON and the DOM.
 */
const ORDER_STATUS: Record<number, string> = {
  1: '待支付',
  105: '已支付',
  2: '备货中',
  101: '部分发货',
  3: '已发货',
  4: '已取消',
  5: '已完成',
};

/** "剩余 00:25:13 自动关闭" -> now + 25 min 13 s. */
function autoCloseFrom(text: string, now: number): number | undefined {
  const m = /(\d{1,3}):(\d{2}):(\d{2})/.exec(text);
  if (!m) return undefined;
  return now + ((Number(m[1]) * 60 + Number(m[2])) * 60 + Number(m[3])) * 1000;
}

/** Text after a label such as "订单编号" or "下单时间：". */
const afterLabel = (s: string): string => s.replace(/^[^\d]*/, '');

/** Where a card's goods row or a table order's child row keeps its item. */
const ITEM = {
  title: selectors.productName,
  quantity: selectors.count,
  sku: selectors.skuSpec,
  unitPrice: selectors.price,
  // The child key is the item's sub-order id, not the product id: no itemId from it.
};

/** The start of a DOM order: its head (searchlist shows no buyer id: the nick is a name). */
const headOf = (ctx: AdapterContext, orderId: string, nick: string) =>
  orderHead('douyin', ctx, orderId, nick, buyerIdFor({ nick, orderId, nameOnly: true }));

/** One order card -> a PageRow (with its order when every field is there), and why not. */
function readCard(card: Element, ctx: AdapterContext): RowRead {
  const orderId = afterLabel(textOf(queryFirst(card, selectors.orderId)));
  if (!ORDER_ID.test(orderId)) return { reason: '找不到订单编号' };
  const buyerCell = queryFirst(card, selectors.buyer);
  const countdown = queryFirst(card, selectors.countdown);
  const autoCloseAt = countdown ? autoCloseFrom(textOf(countdown), ctx.now) : undefined;
  const row: PageRow = {
    orderId,
    row: card,
    anchor: buyerCell ?? card,
    ...(autoCloseAt !== undefined ? { autoCloseAt } : {}),
  };

  const status = statusFromText(textOf(queryFirst(card, selectors.status)));
  return rowOrder(
    row,
    {
      head: headOf(ctx, orderId, textOf(queryFirst(card, selectors.buyerNick))),
      status,
      createdAt: parseChinaTime(afterLabel(textOf(queryFirst(card, selectors.createTime)))),
      amount: yuanToFen(textOf(queryFirst(card, selectors.payAmount))),
      items: itemsFromDom(queryAlternatives(card, selectors.product), ITEM),
    },
    NAMES,
    status.status === 'unpaid' && autoCloseAt !== undefined ? { autoCloseAt } : {},
  );
}

/** The first element any of `els` holds for a selector list (a table order spans rows). */
function firstIn(els: Element[], sels: readonly string[]): Element | null {
  for (const el of els) {
    const found = el.matches(sels.join(',')) ? el : queryFirst(el, sels);
    if (found) return found;
  }
  return null;
}

/** One order of the table layout: its key row and its `child…` item rows. */
function readTableOrder(tr: Element, children: Element[], ctx: AdapterContext): RowRead {
  const orderId = tr.getAttribute('data-row-key') ?? '';
  if (!ORDER_ID.test(orderId)) return { reason: '找不到订单编号' };
  const all = [tr, ...children];
  const row: PageRow = { orderId, row: tr, anchor: firstIn(all, selectors.buyer) ?? tr };
  const refunds = children.map((c) => itemRefund(textOf(queryFirst(c, selectors.afterSale))));
  return rowOrder(
    row,
    {
      head: headOf(ctx, orderId, textOf(firstIn(all, selectors.buyerNick))),
      status: withItemRefunds(statusFromText(textOf(firstIn(all, selectors.status))), refunds),
      createdAt: parseChinaTime(afterLabel(textOf(firstIn(all, selectors.createTime)))),
      amount: yuanToFen(textOf(firstIn(all, selectors.payAmount))),
      items: itemsFromDom(children, ITEM),
    },
    NAMES,
  );
}

/** The keyed order rows of the table layout, each with the `child…` rows that follow it. */
function tableOrders(rows: Element[]): [Element, Element[]][] {
  const isChild = (tr: Element) => (tr.getAttribute('data-row-key') ?? '').startsWith('child');
  return rows.flatMap((tr): [Element, Element[]][] => {
    if (isChild(tr)) return [];
    const children: Element[] = [];
    for (let n = tr.nextElementSibling; n && isChild(n); n = n.nextElementSibling) children.push(n);
    return [[tr, children]];
  });
}

/** Reads the rendered order list: cards, or the table layout. */
function readRows(root: ParentNode, ctx: AdapterContext): AdapterResult<PageRow> {
  if (!queryFirst(root, selectors.container)) {
    const rows = queryAlternatives(root, selectors.tableRow);
    if (rows.length > 0)
      return collectRows(tableOrders(rows), ([tr, children]) => readTableOrder(tr, children, ctx));
  }
  const container = queryFirst(root, selectors.container);
  if (!container) return { ok: false, problem: '页面结构已变化：找不到订单列表' };
  const result = collectRows(queryAlternatives(container, selectors.order), (card) =>
    readCard(card, ctx),
  );
  // Cards renamed away while the list still holds content: drift, not an empty tab.
  const none = result.ok && result.items.length === 0 && result.skipped.length === 0;
  if (none && container.querySelector('tr, table'))
    return { ok: false, problem: '页面结构已变化：找不到订单卡片' };
  return result;
}

/**
 * Where each field lives in a searchlist data[] entry: platforms.md's shape and its "Variants"
 * (order_status_info, item_order_id, after_sale_info per item); test/fixtures/douyin/EVIDENCE.md.
 */
const fields = {
  orderId: ['shop_order_id'],
  statusText: ['order_status_info.order_status_text', 'order_status_desc'],
  statusCode: ['order_status'],
  createdAt: ['create_time'],
  paidAt: ['pay_time'],
  /** pay_amount: what the buyer pays, freight included, in fen. */
  amount: ['pay_amount', 'total_pay_amount'],
  products: ['product_item'],
  title: ['product_name'],
  quantity: ['combo_num', 'item_num'],
  itemId: ['product_id'],
  itemPrice: ['combo_amount'],
  itemRefund: ['after_sale_info.after_sale_text', 'after_sale_info.after_sale_status_desc'],
  /** searchlist carries no buyer; nick_name is there only when receiveinfo was merged in. */
  buyer: ['nick_name', 'user_nickname'],
} as const;

/** A product's sku_spec written as the page writes it ("颜色：黑色；尺码：L"), so DOM and JSON agree. */
function skuOf(p: unknown): string {
  const specs = isObject(p) && Array.isArray(p.sku_spec) ? p.sku_spec : [];
  return specs
    .map((s) => (isObject(s) ? [str(s.name), str(s.value)].filter(Boolean).join('：') : ''))
    .filter(Boolean)
    .join('；');
}

/** One data[] entry -> a validated order, or why not. */
function readJsonOrder(o: unknown, ctx: AdapterContext): OrderInput | string {
  if (!isObject(o)) return '订单数据不是对象';
  if (typeof o.shop_order_id === 'number' && !Number.isSafeInteger(o.shop_order_id))
    return '订单编号是超出精度的数字，已无法还原';
  const orderId = pick(o, fields.orderId, as.id) ?? '';
  if (!ORDER_ID.test(orderId)) return `订单编号格式不对「${orderId.slice(0, 40)}」`;
  const text = pick(o, fields.statusText, as.text);
  const code = pick(o, fields.statusCode, as.code);
  const fromCode = code === undefined ? undefined : ORDER_STATUS[code];
  const base = text
    ? statusFromText(text)
    : statusOf(normaliseStatus(fromCode ?? ''), code === undefined ? '' : `order_status=${code}`);
  const products = pick(o, fields.products, as.list) ?? [];
  const refunds = products.map((p) => itemRefund(pick(p, fields.itemRefund, as.text) ?? ''));
  return bodyOrder(
    {
      head: headOf(ctx, orderId, pick(o, fields.buyer, as.text) ?? ''),
      status: withItemRefunds(base, refunds),
      createdAt: pick(o, fields.createdAt, unixSecondsToMs),
      paidAt: pick(o, fields.paidAt, unixSecondsToMs),
      amount: pick(o, fields.amount, fenFromJson),
      items: itemsFromJson(products, fields, { sku: skuOf }),
    },
    NAMES,
  );
}

/** Parses a /api/order/searchlist response body. */
function parseJson(body: unknown, ctx: AdapterContext): AdapterResult<OrderInput> {
  if (!isObject(body)) return { ok: false, problem: '接口数据已变化：返回的不是 JSON 对象' };
  if (body.code !== 0)
    return { ok: false, problem: `抖店接口返回错误：${str(body.msg) || String(body.code)}` };
  if (!Array.isArray(body.data)) return { ok: false, problem: '接口数据已变化：找不到订单列表' };
  return collectOrders(body.data, (o) => readJsonOrder(o, ctx));
}

/** The Douyin (抖店) order-list adapter. */
const douyin: Adapter = {
  id: 'douyin',
  platform: 'douyin',
  label: '抖店',
  matches: (url) => onHttpsPage(url, HOST, '/ffa/morder/'),
  isOrderPage: (url) => onPage(url, HOST, /^\/ffa\/morder\/order\/list\/?$/),
  shopId: (_url, root) => headerShopId(root, selectors.shopIdText, selectors.shopName),
  rowsHint: '[class*="index_orderCard"], tbody tr[data-row-key]',
  readRows,
  jsonEndpoints: [/^https:\/\/fxg\.jinritemai\.com\/api\/order\/searchlist(?:[?#]|$)/],
  parseJson,
};

export default douyin;

/*
 * Fixtures: (test/fixtures/douyin/) Card markup and the header's 店铺ID are inferred from the
 * auxo-* design; JSON fields follow platforms.md, order_status codes Douyin's open platform.
 * - orders.html: https://fxg.jinritemai.com/ffa/morder/order/list, 7 orders (unpaid with a
 *   countdown, paid, shipped, completed, closed, refunding, a 2-product order, a masked nick).
 * - unpaid.html: https://fxg.jinritemai.com/ffa/morder/order/list?tab=unpaid, buyers repeat.
 * - searchlist.json: a body of GET https://fxg.jinritemai.com/api/order/searchlist?page=0&pageSize=20
 *   (no nick_name on most rows, as the real list: those orders come out masked).
 * - drift.html: the list after a redesign renamed the card modules (must give no order).
 * Expected parses: *.expected.json next to each.
 */
