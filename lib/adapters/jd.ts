/**
 * JD merchant backend (京麦, shop.jd.com): the order list. The page loads its rows from
 * dsm.order.manage.orderlist.queryOrderPage on sff.jd.com; we read that JSON when the interceptor
 * hands it over, and the rendered Ant Design table otherwise. The buyer is the JD account (userPin),
 * a real id, so repeat buyers are known exactly unless JD masks the pin.
 */
import type { OrderInput } from '../schemas';
import { buyerIdFor, isMaskedNick } from '../keys';
import type { Adapter, AdapterContext, AdapterResult, PageRow } from './types';
import {
  checkOrder,
  jsonResult,
  normaliseStatus,
  parseChinaTime,
  queryAlternatives,
  queryFirst,
  rowsResult,
  shopIdFrom,
  textOf,
  yuanToFen,
} from './parse';

/**
 * The DOM below is inferred (nobody here has a capture of the 京麦 list): an Ant Design table,
 * one `tr.ant-table-row` per order keyed by `data-row-key`, with CSS-module class prefixes for
 * the cells. Ant's own class names and data-row-key are the stable parts.
 */
export const selectors = {
  /** Ant Design 4/5 table body (京麦 2024+ web). */
  container: ['.ant-table-tbody'],
  /** One row per order; data-row-key is the order id (Ant's rowKey). */
  order: ['tr.ant-table-row[data-row-key]'],
  orderId: ['[class*="order-list_orderId"]'],
  createTime: ['[class*="order-list_createTime"]'],
  skuItem: ['[class*="order-list_skuItem"]'],
  skuName: ['[class*="order-list_skuName"]'],
  skuId: ['[class*="order-list_skuId"]'],
  skuPrice: ['[class*="order-list_skuPrice"]'],
  skuNum: ['[class*="order-list_skuNum"]'],
  /** 买家账号 cell: the userPin as text. */
  buyer: ['[class*="order-list_buyer"]'],
  buyerPin: ['[class*="order-list_buyerPin"]'],
  /** 应付金额 / 实付金额. */
  amount: ['[class*="order-list_payAmount"]'],
  status: ['[class*="order-list_status"]'],
  /** Header: 商家编号 (venderId) and the shop name. */
  venderId: ['[class*="shop-info_venderId"]'],
  shopName: ['[class*="shop-info_shopName"]'],
} as const;

const HOST = 'shop.jd.com';
/** JD order ids are 10-14 digits today; allow growth but not junk. */
const ORDER_ID = /^\d{8,20}$/;

/** URLs this adapter must accept (the meta test checks every other adapter rejects them). */
export const SAMPLE_URLS: string[] = [
  'https://shop.jd.com/jdm/trade/orders/order-list?tabType=waitOut',
  'https://shop.jd.com/jdm/trade/orders/order-list?tabType=allOrders',
  'https://shop.jd.com/jdm/trade/orders/order-list?tabType=notPay',
];

/** "×2", "x2", "2" -> 2. */
function quantityOf(text: string): number | undefined {
  const m = /^[x×*]?\s*(\d{1,6})$/i.exec(text.trim());
  return m ? Number(m[1]) : undefined;
}

/** A pin the platform masked is no id: two `jd_****a1` may be two people. */
function buyerOf(pin: string, orderId: string) {
  return buyerIdFor({ platformBuyerId: isMaskedNick(pin) ? undefined : pin, nick: pin, orderId });
}

/** Text after a label such as "订单号：" or "下单时间：". */
const afterLabel = (s: string): string => s.replace(/^[^：:]*[：:]\s*/, '');

/** One table row -> a PageRow (with its order when every field is there), and why not. */
function readOrderRow(tr: Element, ctx: AdapterContext): { row?: PageRow; reason?: string } {
  const key = tr.getAttribute('data-row-key') ?? '';
  const shown = afterLabel(textOf(queryFirst(tr, selectors.orderId)));
  // The visible number must agree with Ant's row key: if they differ, the row is not ours.
  if (!ORDER_ID.test(key) || shown !== key) return { reason: '找不到订单号' };
  const orderId = key;
  const buyerCell = queryFirst(tr, selectors.buyer);
  const row: PageRow = { orderId, row: tr, anchor: buyerCell ?? tr };

  const createdAt = parseChinaTime(afterLabel(textOf(queryFirst(tr, selectors.createTime))));
  const amount = yuanToFen(textOf(queryFirst(tr, selectors.amount)));
  const statusText = textOf(queryFirst(tr, selectors.status));
  const status = normaliseStatus(statusText);
  const pin = textOf(queryFirst(tr, selectors.buyerPin));
  if (createdAt === undefined) return { row, reason: `订单 ${orderId}：找不到下单时间` };
  if (amount === undefined) return { row, reason: `订单 ${orderId}：找不到订单金额` };
  if (status === undefined)
    return { row, reason: `订单 ${orderId}：无法识别订单状态「${statusText}」` };
  if (!pin) return { row, reason: `订单 ${orderId}：找不到买家账号` };

  const items: OrderInput['items'] = [];
  for (const sku of queryAlternatives(tr, selectors.skuItem)) {
    const title = textOf(queryFirst(sku, selectors.skuName));
    const quantity = quantityOf(textOf(queryFirst(sku, selectors.skuNum)));
    if (!title || quantity === undefined) return { row, reason: `订单 ${orderId}：商品信息不完整` };
    const unitPrice = yuanToFen(textOf(queryFirst(sku, selectors.skuPrice)));
    const itemId = /\d{3,20}/.exec(textOf(queryFirst(sku, selectors.skuId)))?.[0];
    items.push({
      title,
      quantity,
      ...(unitPrice !== undefined ? { unitPrice } : {}),
      ...(itemId ? { itemId } : {}),
    });
  }
  if (items.length === 0) return { row, reason: `订单 ${orderId}：找不到商品` };

  const checked = checkOrder(
    {
      platform: 'jd',
      shopId: ctx.shopId,
      orderId,
      ...buyerOf(pin, orderId),
      buyerNick: pin,
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

/** Reads the rendered order table. */
function readRows(root: ParentNode, ctx: AdapterContext): AdapterResult<PageRow> {
  const container = queryFirst(root, selectors.container);
  if (!container) return { ok: false, problem: '页面结构已变化：找不到订单列表' };
  const rows = queryAlternatives(container, selectors.order);
  // Ant keeps the tbody and shows `.ant-table-placeholder` (plus a hidden measure row) when a
  // tab is empty; other rows without a key mean the rows changed shape.
  const unkeyed = Array.from(container.querySelectorAll('tr')).filter(
    (tr) => !tr.matches('[data-row-key], .ant-table-placeholder, .ant-table-measure-row'),
  );
  if (rows.length === 0 && unkeyed.length > 0)
    return { ok: false, problem: '页面结构已变化：找不到订单行' };
  const items: PageRow[] = [];
  const skipped: string[] = [];
  for (const tr of rows) {
    const { row, reason } = readOrderRow(tr, ctx);
    if (row) items.push(row);
    if (reason) skipped.push(reason);
  }
  return rowsResult(items, skipped);
}

type Json = Record<string, unknown>;
const isObject = (v: unknown): v is Json => typeof v === 'object' && v !== null;
const str = (v: unknown): string => (typeof v === 'string' ? v.trim() : '');

/** An id that may come as a string or a number; a number past 2^53 has lost digits: refuse it. */
function idString(v: unknown): string {
  if (typeof v === 'string') return v.trim();
  if (typeof v === 'number' && Number.isSafeInteger(v) && v > 0) return String(v);
  return '';
}

/** A positive integer from a number or a digit string (JD sends both). */
function count(v: unknown): number | undefined {
  const n = typeof v === 'string' && /^\d+$/.test(v) ? Number(v) : v;
  return typeof n === 'number' && Number.isSafeInteger(n) && n > 0 ? n : undefined;
}

/** One results[] entry -> a validated order, or why not. */
function readJsonOrder(o: unknown, ctx: AdapterContext): OrderInput | string {
  if (!isObject(o)) return '订单数据不是对象';
  const orderId = idString(o.orderId);
  if (!ORDER_ID.test(orderId)) return `订单号格式不对「${orderId.slice(0, 40)}」`;
  const statusText = str(o.orderStatus);
  const status = normaliseStatus(statusText);
  if (status === undefined) return `订单 ${orderId}：无法识别订单状态「${statusText}」`;
  const createdAt = parseChinaTime(o.orderCreateTime);
  if (createdAt === undefined) return `订单 ${orderId}：找不到下单时间`;
  // orderPayment is what the buyer pays (yuan string, as in JD's POP API); orderTotalPrice is
  // before discounts.
  const amount = yuanToFen(o.orderPayment);
  if (amount === undefined) return `订单 ${orderId}：找不到订单金额`;
  const pin = str(o.userPin);
  if (!pin) return `订单 ${orderId}：找不到买家账号`;
  // Unpaid orders carry an empty or zero-date paymentConfirmTime, which parses to undefined.
  const paidAt = status === 'unpaid' ? undefined : parseChinaTime(o.paymentConfirmTime);
  const rawItems = Array.isArray(o.orderItems) ? o.orderItems : [];
  const items: OrderInput['items'] = [];
  for (const it of rawItems) {
    if (!isObject(it)) return `订单 ${orderId}：商品信息不完整`;
    const title = str(it.skuName);
    const quantity = count(it.skuNum);
    if (!title || quantity === undefined) return `订单 ${orderId}：商品信息不完整`;
    const unitPrice = yuanToFen(it.jdPrice);
    const itemId = idString(it.skuId);
    items.push({
      title,
      quantity,
      ...(unitPrice !== undefined ? { unitPrice } : {}),
      ...(itemId ? { itemId } : {}),
    });
  }
  if (items.length === 0) return `订单 ${orderId}：找不到商品`;
  const checked = checkOrder(
    {
      platform: 'jd',
      shopId: ctx.shopId,
      orderId,
      ...buyerOf(pin, orderId),
      buyerNick: pin,
      status,
      createdAt,
      ...(paidAt !== undefined ? { paidAt } : {}),
      amount,
      items,
      source: 'json',
    },
    orderId,
  );
  return checked.ok ? checked.order : checked.reason;
}

/** Parses a queryOrderPage response body. */
function parseJson(body: unknown, ctx: AdapterContext): AdapterResult<OrderInput> {
  if (!isObject(body)) return { ok: false, problem: '接口数据已变化：返回的不是 JSON 对象' };
  const results = isObject(body.data) ? body.data.results : undefined;
  if (!Array.isArray(results)) {
    const msg = str(body.message) || str(body.msg);
    return {
      ok: false,
      problem: msg ? `京东接口返回错误：${msg}` : '接口数据已变化：找不到订单列表',
    };
  }
  const orders: OrderInput[] = [];
  const skipped: string[] = [];
  for (const o of results) {
    const r = readJsonOrder(o, ctx);
    if (typeof r === 'string') skipped.push(r);
    else orders.push(r);
  }
  return jsonResult(orders, skipped);
}

/** The JD (京麦) order-list adapter. */
const jd: Adapter = {
  id: 'jd',
  platform: 'jd',
  label: '京东京麦',
  matches: (url) =>
    url.protocol === 'https:' &&
    url.hostname === HOST &&
    url.pathname.startsWith('/jdm/trade/orders/'),
  isOrderPage: (url) => url.hostname === HOST && /\/orders\/order-list\/?$/.test(url.pathname),
  shopId: (_url, root) =>
    shopIdFrom(
      textOf(queryFirst(root, selectors.venderId)),
      textOf(queryFirst(root, selectors.shopName)),
    ),
  rowsHint: '.ant-table-tbody tr.ant-table-row',
  readRows,
  jsonEndpoints: [
    /^https:\/\/sff\.jd\.com\/api\?(?:[^#]*&)?api=dsm\.order\.manage\.orderlist\.queryOrderPage(?:[&#]|$)/,
  ],
  parseJson,
};

export default jd;

/*
 * Fixtures: (test/fixtures/jd/) The DOM is inferred, not captured: an Ant Design table as 京麦
 * builds its lists; the JSON follows the field names in platforms.md, with orderCreateTime,
 * orderPayment, skuName, skuNum and jdPrice borrowed from JD's POP order API (inferred).
 * - orders.html: https://shop.jd.com/jdm/trade/orders/order-list?tabType=allOrders, 7 orders
 *   (unpaid, paid, shipped, completed, closed, refunding, a 2-SKU order, one masked pin).
 * - unpaid.html: https://shop.jd.com/jdm/trade/orders/order-list?tabType=notPay, buyers repeat.
 * - queryOrderPage.json: a body from https://sff.jd.com/api?appid=jdm-trade&api=dsm.order.manage.orderlist.queryOrderPage
 * - drift.html: the list after a redesign (rows lost data-row-key, amount column gone).
 * Expected parses: *.expected.json next to each.
 */
