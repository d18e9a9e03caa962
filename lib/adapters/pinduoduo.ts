/**
 * Pinduoduo merchant backend (拼多多商家后台, mms.pinduoduo.com): the order list.
 * The page loads its rows from recentOrderList; we read that JSON when the interceptor hands it
 * over, and the rendered rows (one <tbody> per order in #order-content) otherwise.
 * PDD gives no buyer id on either: a customer is the buyer's nickname (masked ones stand alone).
 */
import { buyerIdFor } from '../keys';
import { fenFromJson, yuanToFen } from '../parse/money';
import { parseChinaTime, unixSecondsToMs } from '../parse/time';
import type { OrderInput, OrderStatus } from '../schemas';
import { collectOrders, collectRows } from './result';
import { bodyOrder, orderHead, rowOrder, type RowRead } from './candidate';
import { headerShopId, queryAlternatives, queryFirst, textOf } from './dom';
import { as, isObject, optional, pick, str, type Json } from './fields';
import { itemRefund, statusFromText, statusOf, withItemRefunds } from './status';
import { itemsFromDom, itemsFromJson } from './items';
import { onHttpsPage, onPage } from './url';
import type { Adapter, AdapterContext, AdapterResult, PageRow } from './types';

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

/** Where a goods row keeps its item. */
const GOODS = {
  title: selectors.goodsName,
  quantity: selectors.goodsNum,
  sku: selectors.goodsSpec,
  unitPrice: selectors.goodsPrice,
};

const HOST = 'mms.pinduoduo.com';
const ORDER_SN = /\d{6}-\d{10,20}/;
/** What the list calls the two fields an order needs. */
const NAMES = { createdAt: '下单时间', amount: '实收金额' };

/** URLs this adapter must accept (the meta test checks every other adapter rejects them). */
export const SAMPLE_URLS: string[] = [
  'https://mms.pinduoduo.com/orders/list',
  'https://mms.pinduoduo.com/orders/list?type=0&msfrom=mms_sidenav',
];

/**
 * after_sales_status codes as PDD's open API documents them (pdd.order.information.get); we
 * assume mms uses the same codes. Unknown codes leave the order status alone.
 */
const REFUNDING = new Set([2, 3, 4, 5, 6, 7, 8]);
const REFUNDED = 10;

/** The refund an after_sales_status code says, if any. */
const afterSalesRefund = (code: number | undefined): 'refunding' | 'refunded' | undefined =>
  code === REFUNDED
    ? 'refunded'
    : code !== undefined && REFUNDING.has(code)
      ? 'refunding'
      : undefined;

/** One <tbody> -> a PageRow (with its order when every required field is there), or a reason. */
function readOrderBody(body: Element, ctx: AdapterContext): RowRead {
  const orderId = ORDER_SN.exec(textOf(queryFirst(body, selectors.orderSn)))?.[0];
  if (!orderId) return { reason: '找不到订单编号' };
  const buyerCell = queryFirst(body, selectors.buyer);
  const row: PageRow = { orderId, row: body, anchor: buyerCell ?? body };

  const nick = textOf(queryFirst(body, selectors.buyerNick));
  const statusText = textOf(queryFirst(body, selectors.orderStatus));
  return rowOrder(
    row,
    {
      head: orderHead('pinduoduo', ctx, orderId, nick, buyerIdFor({ nick, orderId })),
      status: withItemRefunds(statusFromText(statusText), [
        itemRefund(textOf(queryFirst(body, selectors.afterSales))),
      ]),
      createdAt: parseChinaTime(
        textOf(queryFirst(body, selectors.createTime)).replace(/^[^\d]*/, ''),
      ),
      amount: yuanToFen(textOf(queryFirst(body, selectors.payAmount))),
      items: itemsFromDom(queryAlternatives(body, selectors.goodsRow), GOODS),
    },
    NAMES,
  );
}

/** Reads the rendered order list. */
function readRows(root: ParentNode, ctx: AdapterContext): AdapterResult<PageRow> {
  const container = queryFirst(root, selectors.container);
  if (!container) return { ok: false, problem: '页面结构已变化：找不到订单列表' };
  // An empty <tbody> (spacer between orders) is neither an order nor drift.
  const bodies = queryAlternatives(container, selectors.order).filter((b) => b.querySelector('td'));
  return collectRows(bodies, (body) => readOrderBody(body, ctx));
}

/**
 * Where each field lives in a pageItems entry: 2025-2026 bodies (platforms.md), 2021 bodies
 * (order_status_str present, goods_id and after_sales_status as strings) and 2019 bodies (numbers
 * only, nulls for nickname/spec), platforms.md "Variants"; test/fixtures/pinduoduo/EVIDENCE.md.
 */
const fields = {
  orderId: ['order_sn'],
  statusText: ['order_status_str'],
  orderStatus: ['order_status'],
  payStatus: ['pay_status'],
  afterSales: ['after_sales_status'],
  createdAt: ['created_at', 'order_time'],
  /** 成交时间 (payment confirmed): confirm_time, or pay_time in 2019 bodies; 0 when unpaid. */
  paidAt: ['confirm_time', 'pay_time'],
  amount: ['order_amount'],
  title: ['goods_name'],
  quantity: ['goods_number'],
  sku: ['spec'],
  itemId: ['goods_id'],
  unitPrice: ['goods_price'],
  buyer: ['nickname', 'nick_name'],
  buyerId: ['buyer_id', 'uid'],
  receiverName: ['receive_name'],
} as const;

/**
 * order_status codes without a text (2019 bodies): PDD's open API pdd.order.information.get
 * (1 待发货, 2 已发货待签收, 3 已签收; lywzx/pdd-node-sdk), the same numbers the mms list's
 * orderType filter uses (hjxh-opendata/hjxh-js-v2). pay_status 0 = unpaid is inferred.
 */
const ORDER_STATUS: Record<number, OrderStatus> = { 1: 'paid', 2: 'shipped', 3: 'completed' };

/** The status of one entry: the text if there is one, else the codes; unmapped stays unknown. */
function pddStatus(item: Json): { status: OrderStatus; rawStatus?: string } {
  const text = pick(item, fields.statusText, as.text);
  const afterSales = pick(item, fields.afterSales, as.code);
  const refund = afterSalesRefund(afterSales);
  if (refund) return { status: refund };
  if (text) return statusFromText(text);
  const code = pick(item, fields.orderStatus, as.code);
  const pay = pick(item, fields.payStatus, as.code);
  const mapped = pay === 0 ? 'unpaid' : code === undefined ? undefined : ORDER_STATUS[code];
  return statusOf(mapped, `order_status=${code ?? '?'} pay_status=${pay ?? '?'}`);
}

/** One pageItems entry -> a validated order, or why not. */
function readJsonItem(item: unknown, ctx: AdapterContext): OrderInput | string {
  if (!isObject(item)) return '订单数据不是对象';
  const orderId = pick(item, fields.orderId, as.text) ?? '';
  if (!ORDER_SN.test(orderId)) return `订单编号格式不对「${orderId.slice(0, 40)}」`;
  const nick = pick(item, fields.buyer, as.text) ?? '';
  const buyerId = pick(item, fields.buyerId, as.id);
  const region = [item.province_name, item.city_name, item.district_name]
    .map(str)
    .filter(Boolean)
    .join(' ');
  return bodyOrder(
    {
      head: orderHead(
        'pinduoduo',
        ctx,
        orderId,
        nick,
        buyerIdFor({ nick, orderId, ...optional('platformBuyerId', buyerId) }),
      ),
      status: pddStatus(item),
      createdAt: pick(item, fields.createdAt, unixSecondsToMs),
      paidAt: pick(item, fields.paidAt, unixSecondsToMs),
      amount: pick(item, fields.amount, fenFromJson),
      // goods_number is a plain non-negative integer, like the fen fields: the same reader fits.
      items: itemsFromJson([item], fields, { unitPrice: fenFromJson }),
    },
    NAMES,
    {
      ...optional('receiverName', pick(item, fields.receiverName, as.text)),
      ...optional('region', region),
    },
  );
}

/** Parses a recentOrderList or historyOrderList body (2019 envelopes say errorCode/errorMsg). */
function parseJson(body: unknown, ctx: AdapterContext): AdapterResult<OrderInput> {
  if (!isObject(body)) return { ok: false, problem: '接口数据已变化：返回的不是 JSON 对象' };
  if (body.success === false)
    return {
      ok: false,
      problem: `拼多多接口返回错误：${str(body.error_msg) || str(body.errorMsg) || '未知错误'}`,
    };
  const pageItems = isObject(body.result) ? body.result.pageItems : undefined;
  if (!Array.isArray(pageItems)) return { ok: false, problem: '接口数据已变化：找不到订单列表' };
  return collectOrders(pageItems, (item) => readJsonItem(item, ctx));
}

/** The Pinduoduo order-list adapter. */
const pinduoduo: Adapter = {
  id: 'pinduoduo',
  platform: 'pinduoduo',
  label: '拼多多商家后台',
  matches: (url) => onHttpsPage(url, HOST),
  isOrderPage: (url) => onPage(url, HOST, /^\/orders\/list\/?$/),
  shopId: (_url, root) => headerShopId(root, selectors.mallId, selectors.mallName),
  rowsHint: '#order-content tbody',
  readRows,
  jsonEndpoints: [
    /^https:\/\/mms\.pinduoduo\.com\/mangkhut\/mms\/recentOrderList(?:[?#]|$)/,
    // Older orders load from historyOrderList, same item shape (platforms.md "Variants").
    /^https:\/\/mms\.pinduoduo\.com\/mangkhut\/mms\/historyOrderList(?:[?#]|$)/,
  ],
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
