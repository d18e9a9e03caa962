/**
 * Douyin shop backend (抖店, fxg.jinritemai.com): the order list. The page loads its rows from
 * /api/order/searchlist; we read that JSON when the interceptor hands it over, and the rendered
 * order cards otherwise. Douyin has no buyer id in the list, and the buyer's nick comes from a
 * separate /api/order/receiveinfo call: a list entry without one stands alone as a masked
 * (uncertain) customer instead of being merged with strangers.
 */
import type { OrderInput } from '../schemas';
import { buyerIdFor } from '../keys';
import type { Adapter, AdapterContext, AdapterResult, PageRow } from './types';
import { checkOrder, jsonResult, rowsResult } from './result';
import { fenFromJson, yuanToFen } from '../parse/money';
import { normaliseStatus } from '../parse/status';
import { parseChinaTime, unixSecondsToMs } from '../parse/time';
import { queryAlternatives, queryFirst, textOf } from './dom';
import { shopIdFrom } from '../shops';
import {
  as,
  itemRefund,
  optional,
  pick,
  statusFromText,
  statusOf,
  withItemRefunds,
} from './fields';

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

/** "x2", "×2", "2" -> 2. */
function quantityOf(text: string): number | undefined {
  const m = /^[x×*]?\s*(\d{1,6})$/i.exec(text.trim());
  return m ? Number(m[1]) : undefined;
}

/** "剩余 00:25:13 自动关闭" -> now + 25 min 13 s. */
function autoCloseFrom(text: string, now: number): number | undefined {
  const m = /(\d{1,3}):(\d{2}):(\d{2})/.exec(text);
  if (!m) return undefined;
  return now + ((Number(m[1]) * 60 + Number(m[2])) * 60 + Number(m[3])) * 1000;
}

/** Text after a label such as "订单编号" or "下单时间：". */
const afterLabel = (s: string): string => s.replace(/^[^\d]*/, '');

/** One order card -> a PageRow (with its order when every field is there), and why not. */
function readCard(card: Element, ctx: AdapterContext): { row?: PageRow; reason?: string } {
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

  const createdAt = parseChinaTime(afterLabel(textOf(queryFirst(card, selectors.createTime))));
  const amount = yuanToFen(textOf(queryFirst(card, selectors.payAmount)));
  const status = statusFromText(textOf(queryFirst(card, selectors.status)));
  if (createdAt === undefined) return { row, reason: `订单 ${orderId}：找不到下单时间` };
  if (amount === undefined) return { row, reason: `订单 ${orderId}：找不到实付金额` };

  const items: OrderInput['items'] = [];
  for (const product of queryAlternatives(card, selectors.product)) {
    const quantity = quantityOf(textOf(queryFirst(product, selectors.count)));
    if (quantity === undefined) continue;
    items.push({
      title: textOf(queryFirst(product, selectors.productName)),
      quantity,
      ...optional('sku', textOf(queryFirst(product, selectors.skuSpec))),
      ...optional('unitPrice', yuanToFen(textOf(queryFirst(product, selectors.price)))),
    });
  }

  const nick = textOf(queryFirst(card, selectors.buyerNick));
  const checked = checkOrder(
    {
      platform: 'douyin',
      shopId: ctx.shopId,
      orderId,
      ...buyerIdFor({ nick, orderId, nameOnly: true }),
      buyerNick: nick,
      ...status,
      createdAt,
      amount,
      items,
      ...(status.status === 'unpaid' && autoCloseAt !== undefined ? { autoCloseAt } : {}),
      source: 'dom',
    },
    orderId,
  );
  return checked.ok ? { row: { ...row, order: checked.order } } : { row, reason: checked.reason };
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
function readTableOrder(
  tr: Element,
  children: Element[],
  ctx: AdapterContext,
): { row?: PageRow; reason?: string } {
  const orderId = tr.getAttribute('data-row-key') ?? '';
  if (!ORDER_ID.test(orderId)) return { reason: '找不到订单编号' };
  const all = [tr, ...children];
  const buyerCell = firstIn(all, selectors.buyer);
  const row: PageRow = { orderId, row: tr, anchor: buyerCell ?? tr };
  const createdAt = parseChinaTime(afterLabel(textOf(firstIn(all, selectors.createTime))));
  const amount = yuanToFen(textOf(firstIn(all, selectors.payAmount)));
  if (createdAt === undefined) return { row, reason: `订单 ${orderId}：找不到下单时间` };
  if (amount === undefined) return { row, reason: `订单 ${orderId}：找不到实付金额` };
  const items: OrderInput['items'] = [];
  const refunds: ('refunding' | 'refunded' | undefined)[] = [];
  for (const child of children) {
    refunds.push(itemRefund(textOf(queryFirst(child, selectors.afterSale))));
    const quantity = quantityOf(textOf(queryFirst(child, selectors.count)));
    if (quantity === undefined) continue;
    items.push({
      title: textOf(queryFirst(child, selectors.productName)),
      quantity,
      ...optional('sku', textOf(queryFirst(child, selectors.skuSpec))),
      ...optional('unitPrice', yuanToFen(textOf(queryFirst(child, selectors.price)))),
      // The child key is the item's sub-order id, not the product id: no itemId from it.
    });
  }
  const nick = textOf(firstIn(all, selectors.buyerNick));
  const checked = checkOrder(
    {
      platform: 'douyin',
      shopId: ctx.shopId,
      orderId,
      ...buyerIdFor({ nick, orderId, nameOnly: true }),
      buyerNick: nick,
      ...withItemRefunds(statusFromText(textOf(firstIn(all, selectors.status))), refunds),
      createdAt,
      amount,
      items,
      source: 'dom',
    },
    orderId,
  );
  return checked.ok ? { row: { ...row, order: checked.order } } : { row, reason: checked.reason };
}

/** Reads the table layout: each keyed order row with the `child…` rows that follow it. */
function readTable(rows: Element[], ctx: AdapterContext): AdapterResult<PageRow> {
  const items: PageRow[] = [];
  const skipped: string[] = [];
  for (const tr of rows) {
    if ((tr.getAttribute('data-row-key') ?? '').startsWith('child')) continue;
    const children: Element[] = [];
    for (let n = tr.nextElementSibling; n; n = n.nextElementSibling) {
      if (!(n.getAttribute('data-row-key') ?? '').startsWith('child')) break;
      children.push(n);
    }
    const { row, reason } = readTableOrder(tr, children, ctx);
    if (row) items.push(row);
    if (reason) skipped.push(reason);
  }
  return rowsResult(items, skipped);
}

/** Reads the rendered order list: cards, or the table layout. */
function readRows(root: ParentNode, ctx: AdapterContext): AdapterResult<PageRow> {
  if (!queryFirst(root, selectors.container)) {
    const rows = queryAlternatives(root, selectors.tableRow);
    if (rows.length > 0) return readTable(rows, ctx);
  }
  const container = queryFirst(root, selectors.container);
  if (!container) return { ok: false, problem: '页面结构已变化：找不到订单列表' };
  const items: PageRow[] = [];
  const skipped: string[] = [];
  for (const card of queryAlternatives(container, selectors.order)) {
    const { row, reason } = readCard(card, ctx);
    if (row) items.push(row);
    if (reason) skipped.push(reason);
  }
  // Cards renamed away while the list still holds content: drift, not an empty tab.
  if (items.length === 0 && skipped.length === 0 && container.querySelector('tr, table'))
    return { ok: false, problem: '页面结构已变化：找不到订单卡片' };
  return rowsResult(items, skipped);
}

type Json = Record<string, unknown>;
const isObject = (v: unknown): v is Json => typeof v === 'object' && v !== null;
const str = (v: unknown): string => (typeof v === 'string' ? v.trim() : '');

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
  const createdAt = pick(o, fields.createdAt, unixSecondsToMs);
  if (createdAt === undefined) return `订单 ${orderId}：找不到下单时间`;
  const amount = pick(o, fields.amount, fenFromJson);
  if (amount === undefined) return `订单 ${orderId}：找不到实付金额`;
  const items: OrderInput['items'] = [];
  const refunds: ('refunding' | 'refunded' | undefined)[] = [];
  for (const p of pick(o, fields.products, as.list) ?? []) {
    refunds.push(itemRefund(pick(p, fields.itemRefund, as.text) ?? ''));
    const quantity = pick(p, fields.quantity, as.count);
    if (quantity === undefined) continue;
    // Written as the page writes it ("颜色：黑色；尺码：L") so DOM and JSON agree.
    const specs = isObject(p) && Array.isArray(p.sku_spec) ? p.sku_spec : [];
    const sku = specs
      .map((s) => (isObject(s) ? [str(s.name), str(s.value)].filter(Boolean).join('：') : ''))
      .filter(Boolean)
      .join('；');
    items.push({
      title: pick(p, fields.title, as.text) ?? '',
      quantity,
      ...optional('sku', sku),
      ...optional('itemId', pick(p, fields.itemId, as.id)),
    });
  }
  const status = withItemRefunds(base, refunds);
  const paidAt = status.status === 'unpaid' ? undefined : pick(o, fields.paidAt, unixSecondsToMs);
  const nick = pick(o, fields.buyer, as.text) ?? '';
  const checked = checkOrder(
    {
      platform: 'douyin',
      shopId: ctx.shopId,
      orderId,
      ...buyerIdFor({ nick, orderId, nameOnly: true }),
      buyerNick: nick,
      ...status,
      createdAt,
      ...optional('paidAt', paidAt),
      amount,
      items,
      source: 'json',
    },
    orderId,
  );
  return checked.ok ? checked.order : checked.reason;
}

/** Parses a /api/order/searchlist response body. */
function parseJson(body: unknown, ctx: AdapterContext): AdapterResult<OrderInput> {
  if (!isObject(body)) return { ok: false, problem: '接口数据已变化：返回的不是 JSON 对象' };
  if (body.code !== 0)
    return { ok: false, problem: `抖店接口返回错误：${str(body.msg) || String(body.code)}` };
  if (!Array.isArray(body.data)) return { ok: false, problem: '接口数据已变化：找不到订单列表' };
  const orders: OrderInput[] = [];
  const skipped: string[] = [];
  for (const o of body.data) {
    const r = readJsonOrder(o, ctx);
    if (typeof r === 'string') skipped.push(r);
    else orders.push(r);
  }
  return jsonResult(orders, skipped);
}

/** The Douyin (抖店) order-list adapter. */
const douyin: Adapter = {
  id: 'douyin',
  platform: 'douyin',
  label: '抖店',
  matches: (url) =>
    url.protocol === 'https:' && url.hostname === HOST && url.pathname.startsWith('/ffa/morder/'),
  isOrderPage: (url) =>
    url.hostname === HOST && /^\/ffa\/morder\/order\/list\/?$/.test(url.pathname),
  shopId: (_url, root) =>
    shopIdFrom(
      textOf(queryFirst(root, selectors.shopIdText)),
      textOf(queryFirst(root, selectors.shopName)),
    ),
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
