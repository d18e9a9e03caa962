/**
 * Pinduoduo merchant backend (拼多多商家后台, mms.pinduoduo.com): the order list.
 * The page loads its rows from recentOrderList; we read that JSON when the interceptor hands it
 * over, and the rendered rows (one <tbody> per order in #order-content) otherwise.
 * PDD gives no buyer id on either: a customer is the buyer's nickname (masked ones stand alone).
 */
import type { OrderInput } from '../schemas';
import { buyerIdFor } from '../keys';
import type { Adapter, AdapterContext, AdapterResult, PageRow } from './types';
import {
  checkOrder,
  fenFromJson,
  jsonResult,
  normaliseStatus,
  parseChinaTime,
  queryAlternatives,
  queryFirst,
  rowsResult,
  shopIdFrom,
  textOf,
  unixSecondsToMs,
  yuanToFen,
} from './parse';

/**
 * mms renders with CSS modules: `order-item_goodsName__Xy12z`. The hash suffix changes between
 * releases, so everything but the ids is matched on the module prefix.
 */
export const selectors = {
  /** The list container, stable id on every mms version seen. */
  container: ['#order-content'],
  /** One <tbody> per order (2025-2026 mms). */
  order: ['tbody'],
  orderSn: ['[class*="order-item_orderSn"]'],
  createTime: ['[class*="order-item_createTime"]'],
  /** One row per goods line; PDD orders hold one goods line, the class stays a list anyway. */
  goodsRow: ['tr[class*="order-item_goodsRow"]'],
  goodsName: ['[class*="order-item_goodsName"]'],
  goodsSpec: ['[class*="order-item_goodsSpec"]'],
  goodsPrice: ['[class*="order-item_goodsPrice"]'],
  goodsNum: ['[class*="order-item_goodsNum"]'],
  /** Buyer cell; the receiver inside it stays hidden behind 查看, so the DOM gives no receiver. */
  buyer: ['[class*="order-item_buyer"]'],
  buyerNick: ['[class*="order-item_buyerNick"]'],
  payAmount: ['[class*="order-item_payAmount"]'],
  orderStatus: ['[class*="order-item_orderStatus"]'],
  /** 售后 column: 退款中 / 退款成功 overrides the order status. */
  afterSales: ['[class*="order-item_afterSales"]'],
  /** Header: 店铺ID (2026 header) and the mall name. */
  mallId: ['[class*="mall-info_mallId"]'],
  mallName: ['[class*="mall-info_mallName"]'],
} as const;

const HOST = 'mms.pinduoduo.com';
const ORDER_SN = /\d{6}-\d{10,20}/;

/** URLs this adapter must accept (the meta test checks every other adapter rejects them). */
export const SAMPLE_URLS: string[] = [
  'https://mms.pinduoduo.com/orders/list',
  'https://mms.pinduoduo.com/orders/list?type=0&msfrom=mms_sidenav',
];

/**
 * after_sales_status codes as PDD's open API documents them (pdd.order.information.get); we
 * assume mms uses the same codes. Unknown codes leave the order status alone.
 */
const AFTER_SALES: Record<number, string> = {
  2: '退款中',
  3: '退款中',
  4: '退款中',
  5: '退款中',
  6: '退款中',
  7: '退款中',
  8: '退款中',
  10: '退款成功',
};

/** The refund state, if the after-sales text says the order is being or was refunded. */
function refundStatus(afterSalesText: string): 'refunding' | 'refunded' | undefined {
  const s = normaliseStatus(afterSalesText);
  return s === 'refunding' || s === 'refunded' ? s : undefined;
}

/** "x3", "×3", "3" -> 3. */
function quantityOf(text: string): number | undefined {
  const m = /^[x×*]?\s*(\d{1,6})$/i.exec(text.trim());
  return m ? Number(m[1]) : undefined;
}

/** One <tbody> -> a PageRow (with its order when every required field is there), or a reason. */
function readOrderBody(body: Element, ctx: AdapterContext): { row?: PageRow; reason?: string } {
  const orderId = ORDER_SN.exec(textOf(queryFirst(body, selectors.orderSn)))?.[0];
  if (!orderId) return { reason: '找不到订单编号' };
  const buyerCell = queryFirst(body, selectors.buyer);
  const row: PageRow = { orderId, row: body, anchor: buyerCell ?? body };

  const createdAt = parseChinaTime(
    textOf(queryFirst(body, selectors.createTime)).replace(/^[^\d]*/, ''),
  );
  const amount = yuanToFen(textOf(queryFirst(body, selectors.payAmount)));
  const statusText = textOf(queryFirst(body, selectors.orderStatus));
  const status =
    refundStatus(textOf(queryFirst(body, selectors.afterSales))) ?? normaliseStatus(statusText);
  if (createdAt === undefined) return { row, reason: `订单 ${orderId}：找不到下单时间` };
  if (amount === undefined) return { row, reason: `订单 ${orderId}：找不到实收金额` };
  if (status === undefined)
    return { row, reason: `订单 ${orderId}：无法识别订单状态「${statusText}」` };

  const items: OrderInput['items'] = [];
  for (const goods of queryAlternatives(body, selectors.goodsRow)) {
    const title = textOf(queryFirst(goods, selectors.goodsName));
    const quantity = quantityOf(textOf(queryFirst(goods, selectors.goodsNum)));
    if (!title || quantity === undefined) return { row, reason: `订单 ${orderId}：商品信息不完整` };
    const sku = textOf(queryFirst(goods, selectors.goodsSpec));
    const unitPrice = yuanToFen(textOf(queryFirst(goods, selectors.goodsPrice)));
    items.push({
      title,
      quantity,
      ...(sku ? { sku } : {}),
      ...(unitPrice !== undefined ? { unitPrice } : {}),
    });
  }
  if (items.length === 0) return { row, reason: `订单 ${orderId}：找不到商品` };

  const nick = textOf(queryFirst(body, selectors.buyerNick));
  const checked = checkOrder(
    {
      platform: 'pinduoduo',
      shopId: ctx.shopId,
      orderId,
      ...buyerIdFor({ nick, orderId }),
      buyerNick: nick,
      status,
      createdAt,
      amount,
      items,
      source: 'dom',
    },
    orderId,
  );
  return checked.ok ? { row: { ...row, order: checked.order } } : { row, reason: checked.reason };
}

/** Reads the rendered order list. */
function readRows(root: ParentNode, ctx: AdapterContext): AdapterResult<PageRow> {
  const container = queryFirst(root, selectors.container);
  if (!container) return { ok: false, problem: '页面结构已变化：找不到订单列表' };
  const items: PageRow[] = [];
  const skipped: string[] = [];
  for (const body of queryAlternatives(container, selectors.order)) {
    // An empty <tbody> (spacer between orders) is neither an order nor drift.
    if (!body.querySelector('td')) continue;
    const { row, reason } = readOrderBody(body, ctx);
    if (row) items.push(row);
    if (reason) skipped.push(reason);
  }
  return rowsResult(items, skipped);
}

type Json = Record<string, unknown>;
const isObject = (v: unknown): v is Json => typeof v === 'object' && v !== null;
const str = (v: unknown): string => (typeof v === 'string' ? v.trim() : '');

/** One pageItems entry -> a validated order, or why not. */
function readJsonItem(item: unknown, ctx: AdapterContext): OrderInput | string {
  if (!isObject(item)) return '订单数据不是对象';
  const orderId = str(item.order_sn);
  if (!ORDER_SN.test(orderId)) return `订单编号格式不对「${orderId.slice(0, 40)}」`;
  const statusText = str(item.order_status_str);
  const afterSales =
    typeof item.after_sales_status === 'number' ? AFTER_SALES[item.after_sales_status] : undefined;
  const status = refundStatus(afterSales ?? '') ?? normaliseStatus(statusText);
  if (status === undefined) return `订单 ${orderId}：无法识别订单状态「${statusText}」`;
  const createdAt = unixSecondsToMs(item.created_at) ?? unixSecondsToMs(item.order_time);
  if (createdAt === undefined) return `订单 ${orderId}：找不到下单时间`;
  const amount = fenFromJson(item.order_amount);
  if (amount === undefined) return `订单 ${orderId}：找不到实收金额`;
  // confirm_time is PDD's 成交时间 (payment confirmed); 0 on unpaid orders.
  const paidAt = status === 'unpaid' ? undefined : unixSecondsToMs(item.confirm_time);
  // goods_number is a plain non-negative integer, like the fen fields: the same reader fits.
  const quantity = fenFromJson(item.goods_number);
  const title = str(item.goods_name);
  if (!title || quantity === undefined) return `订单 ${orderId}：商品信息不完整`;
  const sku = str(item.spec);
  const goodsId = typeof item.goods_id === 'number' ? String(item.goods_id) : str(item.goods_id);
  const nick = str(item.nickname);
  const receiverName = str(item.receive_name);
  const region = [item.province_name, item.city_name, item.district_name]
    .map(str)
    .filter(Boolean)
    .join(' ');
  const checked = checkOrder(
    {
      platform: 'pinduoduo',
      shopId: ctx.shopId,
      orderId,
      ...buyerIdFor({ nick, orderId }),
      buyerNick: nick,
      status,
      createdAt,
      ...(paidAt !== undefined ? { paidAt } : {}),
      amount,
      items: [
        {
          title,
          quantity,
          ...(sku ? { sku } : {}),
          ...(goodsId ? { itemId: goodsId } : {}),
        },
      ],
      ...(receiverName ? { receiverName } : {}),
      ...(region ? { region } : {}),
      source: 'json',
    },
    orderId,
  );
  return checked.ok ? checked.order : checked.reason;
}

/** Parses a recentOrderList response body. */
function parseJson(body: unknown, ctx: AdapterContext): AdapterResult<OrderInput> {
  if (!isObject(body)) return { ok: false, problem: '接口数据已变化：返回的不是 JSON 对象' };
  if (body.success === false)
    return { ok: false, problem: `拼多多接口返回错误：${str(body.error_msg) || '未知错误'}` };
  const pageItems = isObject(body.result) ? body.result.pageItems : undefined;
  if (!Array.isArray(pageItems)) return { ok: false, problem: '接口数据已变化：找不到订单列表' };
  const orders: OrderInput[] = [];
  const skipped: string[] = [];
  for (const item of pageItems) {
    const r = readJsonItem(item, ctx);
    if (typeof r === 'string') skipped.push(r);
    else orders.push(r);
  }
  return jsonResult(orders, skipped);
}

/** The Pinduoduo order-list adapter. */
const pinduoduo: Adapter = {
  id: 'pinduoduo',
  platform: 'pinduoduo',
  label: '拼多多商家后台',
  matches: (url) => url.protocol === 'https:' && url.hostname === HOST,
  isOrderPage: (url) => url.hostname === HOST && /^\/orders\/list\/?$/.test(url.pathname),
  shopId: (_url, root) =>
    shopIdFrom(
      textOf(queryFirst(root, selectors.mallId)),
      textOf(queryFirst(root, selectors.mallName)),
    ),
  rowsHint: '#order-content tbody',
  readRows,
  jsonEndpoints: [/^https:\/\/mms\.pinduoduo\.com\/mangkhut\/mms\/recentOrderList(?:[?#]|$)/],
  parseJson,
};

export default pinduoduo;

/*
 * Fixtures: (test/fixtures/pinduoduo/)
 * - orders.html: https://mms.pinduoduo.com/orders/list, all tabs, 7 orders (unpaid, paid,
 *   shipped, completed, closed, refunding, a 3-piece order, one masked nick).
 * - unpaid.html: https://mms.pinduoduo.com/orders/list?type=1 (待支付 tab), buyers partly repeat.
 * - recentOrderList.json: a body of POST https://mms.pinduoduo.com/mangkhut/mms/recentOrderList.
 * - drift.html: the same page after a redesign renamed the CSS modules (must give no order).
 * Expected parses: *.expected.json next to each.
 */
