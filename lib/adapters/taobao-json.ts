/**
 * The JSON that both Taobao order pages (old list page and 千牛) load their list from:
 * `POST https://trade.taobao.com/trade/itemlist/asyncSold.htm?event_submit_do_query=1`.
 * We read the page's own response (handed over by the interceptor), never replay the request.
 * Shape and quirks (19-digit ids, rgv587 rate limits, masked nicks): test/fixtures/taobao-old/.
 */
import type { OrderInput, OrderStatus } from '../schemas';
import { checkOrder, jsonResult, normaliseStatus, parseChinaTime, yuanToFen } from './parse';
import {
  itemIdFromUrl,
  platformBuyerId,
  skuPart,
  TAOBAO_ORDER_ID,
  taobaoBuyer,
} from './taobao-common';
import type { AdapterContext, AdapterResult } from './types';

/** Request URLs whose response is the sold-orders list. */
// Anchored to origin and path: `https://elsewhere/x/trade.taobao.com/…` is not this endpoint.
export const ASYNC_SOLD_ENDPOINT =
  /^https:\/\/trade\.taobao\.com\/trade\/itemlist\/asyncSold\.htm(?:[?#]|$)/;

/**
 * Taobao trade enums that normaliseStatus does not know (TOP API trade status values). The
 * shared table already covers WAIT_BUYER_PAY, WAIT_SELLER_SEND_GOODS, WAIT_BUYER_CONFIRM_GOODS,
 * SELLER_CONSIGNED_PART, TRADE_FINISHED, TRADE_CLOSED and TRADE_CLOSED_BY_TAOBAO.
 */
const TAOBAO_ENUMS: Record<string, OrderStatus> = {
  TRADE_NO_CREATE_PAY: 'unpaid',
  WAIT_PRE_AUTH_CONFIRM: 'unpaid',
  PAY_PENDING: 'unpaid',
  PAID_FORBID_CONSIGN: 'paid',
  TRADE_BUYER_SIGNED: 'completed',
};

type Obj = Record<string, unknown>;

const isObj = (v: unknown): v is Obj => typeof v === 'object' && v !== null && !Array.isArray(v);
const obj = (v: unknown): Obj => (isObj(v) ? v : {});
const str = (v: unknown): string => (typeof v === 'string' ? v : '');

/**
 * Status of a main order: the status text first (it alone says 订单部分退款中), the trade enum in
 * `extra.tradeStatus` when the text is missing or unknown.
 */
export function taobaoStatus(text: unknown, tradeStatus: unknown): OrderStatus | undefined {
  const fromText = normaliseStatus(text);
  if (fromText) return fromText;
  const e = str(tradeStatus).trim().toUpperCase();
  return TAOBAO_ENUMS[e] ?? normaliseStatus(e);
}

/**
 * A main order's id as a string. A numeric id is only trusted while it is a safe integer: JSON
 * numbers above 2^53 have already lost digits by the time JSON.parse returns them.
 */
function orderIdOf(main: Obj): string | undefined {
  for (const v of [main.id, obj(main.orderInfo).id]) {
    if (typeof v === 'string' && TAOBAO_ORDER_ID.test(v.trim())) return v.trim();
    if (typeof v === 'number' && Number.isSafeInteger(v) && TAOBAO_ORDER_ID.test(String(v)))
      return String(v);
  }
  return undefined;
}

/** The buyer id, wherever this version of the JSON keeps it. */
function buyerIdOf(main: Obj): string | undefined {
  const buyer = obj(main.buyer);
  const extra = obj(main.extra);
  for (const v of [buyer.id, buyer.userId, buyer.buyerId, extra.buyerId]) {
    const id = platformBuyerId(v);
    if (id) return id;
  }
  return undefined;
}

/** Sub-orders -> items. `subOrders[].id` is a number that lost digits; we only need item data. */
function itemsOf(
  main: Obj,
): { ok: true; items: OrderInput['items'] } | { ok: false; reason: string } {
  const subs = main.subOrders;
  if (!Array.isArray(subs) || subs.length === 0) return { ok: false, reason: '缺少 subOrders' };
  const items: OrderInput['items'] = [];
  for (const raw of subs) {
    const sub = obj(raw);
    const info = obj(sub.itemInfo);
    const title = str(info.title).trim();
    const quantity = Number(typeof sub.quantity === 'number' ? sub.quantity : str(sub.quantity));
    if (!title) return { ok: false, reason: '子订单缺少商品标题' };
    if (!Number.isInteger(quantity) || quantity < 1) return { ok: false, reason: '子订单数量无效' };
    const sku = (Array.isArray(info.skuText) ? info.skuText : [])
      .map((p) => skuPart(str(obj(p).name), str(obj(p).value)))
      .filter(Boolean)
      .join('；');
    const price = obj(sub.priceInfo);
    items.push({
      title,
      quantity,
      ...(sku ? { sku } : {}),
      ...optional('unitPrice', yuanToFen(price.realTotal) ?? yuanToFen(price.original)),
      ...optional('itemId', itemIdFromUrl(str(info.itemUrl))),
    });
  }
  return { ok: true, items };
}

/** `{key: value}` when value is defined, else `{}` (exactOptionalPropertyTypes-friendly). */
function optional<K extends string, V>(key: K, value: V | undefined): Partial<Record<K, V>> {
  return value === undefined ? {} : ({ [key]: value } as Record<K, V>);
}

/** One main order -> a validated OrderInput, or the reason it was skipped. */
export function parseMainOrder(
  raw: unknown,
  ctx: AdapterContext,
): { ok: true; order: OrderInput } | { ok: false; reason: string } {
  const main = obj(raw);
  const orderId = orderIdOf(main);
  if (!orderId) return { ok: false, reason: '订单缺少可用的订单号' };
  const buyer = obj(main.buyer);
  const nick = (str(buyer.decodeNick) || str(buyer.nick)).trim();
  if (!nick) return { ok: false, reason: `订单 ${orderId}：缺少买家昵称` };
  const status = taobaoStatus(obj(main.statusInfo).text, obj(main.extra).tradeStatus);
  if (!status) return { ok: false, reason: `订单 ${orderId}：无法识别交易状态` };
  const createdAt = parseChinaTime(obj(main.orderInfo).createTime);
  if (createdAt === undefined) return { ok: false, reason: `订单 ${orderId}：缺少创建时间` };
  const amount = yuanToFen(obj(main.payInfo).actualFee);
  if (amount === undefined) return { ok: false, reason: `订单 ${orderId}：缺少实收款` };
  const items = itemsOf(main);
  if (!items.ok) return { ok: false, reason: `订单 ${orderId}：${items.reason}` };
  return checkOrder(
    {
      platform: 'taobao',
      shopId: ctx.shopId,
      orderId,
      ...taobaoBuyer(nick, orderId, buyerIdOf(main), str(buyer.encodeId)),
      buyerNick: nick,
      status,
      createdAt,
      amount,
      items: items.items,
      source: 'json',
    },
    orderId,
  );
}

/**
 * Parses one asyncSold.htm response (an object, or its text). Rate-limit answers (`rgv587_flag`),
 * error answers and a changed shape give `{ok:false}`; single orders that cannot be read go to
 * `skipped`. If orders were present and none could be read, the shape changed (jsonResult).
 */
export function parseAsyncSold(body: unknown, ctx: AdapterContext): AdapterResult<OrderInput> {
  let data: unknown = body;
  if (typeof body === 'string') {
    try {
      data = JSON.parse(body);
    } catch {
      return { ok: false, problem: '淘宝订单数据不是 JSON：页面返回格式已变化' };
    }
  }
  if (!isObj(data)) return { ok: false, problem: '淘宝订单数据结构已变化：不是对象' };
  if ('rgv587_flag' in data)
    // Taobao's anti-crawler answer ("punish" page with a slider); the seller has to solve it.
    return {
      ok: false,
      problem: 'rate limited：淘宝暂时限制了订单查询（rgv587 验证），请在页面上完成验证后刷新',
    };
  const mains = data.mainOrders;
  if (!Array.isArray(mains)) {
    const error = str(data.error).trim();
    if (error) return { ok: false, problem: `淘宝返回错误：${error}`.slice(0, 300) };
    return { ok: false, problem: '淘宝订单数据结构已变化：找不到 mainOrders' };
  }
  const items: OrderInput[] = [];
  const skipped: string[] = [];
  for (const raw of mains) {
    const r = parseMainOrder(raw, ctx);
    if (r.ok) items.push(r.order);
    else skipped.push(r.reason);
  }
  return jsonResult(items, skipped);
}

/*
 * Fixtures: test/fixtures/taobao-old/asyncSold.json (the response behind list_sold_items.htm),
 * asyncSold-masked.json (isHideNick=true), asyncSold-ratelimit.json (rgv587 answer).
 */
