/**
 * The JSON that both Taobao order pages (old list page and 千牛) load their list from:
 * `POST https://trade.taobao.com/trade/itemlist/asyncSold.htm?event_submit_do_query=1`.
 * We read the page's own response (handed over by the interceptor), never replay the request.
 * Shape and quirks (19-digit ids, rgv587 rate limits, masked nicks): test/fixtures/taobao-old/.
 */
import type { OrderInput, OrderStatus } from '../schemas';
import { as, at, optional, pick } from './fields';
import { itemRefund, statusOf, withItemRefunds } from './status';
import { orderHead, orderOrReason } from './candidate';
import { collectOrders } from './result';
import { normaliseStatus } from '../parse/status';
import { parseChinaTime } from '../parse/time';
import { yuanToFen } from '../parse/money';
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

/** 千牛 bodies' opaque per-buyer token (buyer.encodeId); its stability is not known. */
function tokenOf(main: Obj): string | undefined {
  const t = str(obj(main.buyer).encodeId).trim();
  return t && t.length <= 120 ? t : undefined;
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

/**
 * Where each field lives, per version of the body (platforms.md "Taobao"; largesky/shoperp's
 * TaobaoQueryOrdersResponseOrder*.cs; the 千牛 2024-2026 bodies of platforms.md "Variants").
 */
const fields = {
  nick: ['buyer.decodeNick', 'buyer.nick', 'buyer.encodeNick'],
  createdAt: ['orderInfo.createTime'],
  amount: ['payInfo.actualFee'],
  statusText: ['statusInfo.text'],
  tradeStatus: ['extra.tradeStatus'],
  title: ['itemInfo.title'],
  quantity: ['quantity'],
  /**
   * Paid unit price, then list price. Only trusted beside `priceInfo.original`: 千牛 2024-2026
   * bodies have no `original`, and their realTotal runs far above actualFee (not a unit price).
   */
  unitPrice: ['priceInfo.realTotal', 'priceInfo.original'],
  /** item.htm?id= links, else itemInfo.id (snapshot links carry no item id). */
  itemUrl: ['itemInfo.itemUrl'],
  itemId: ['itemInfo.id', 'itemInfo.itemId'],
  /** Item-level refunds: operations texts (退款成功 / 退款中), platforms.md "Variants". */
  operations: ['operations'],
} as const;

/** A quantity "1" or 1. */
const quantityOf = (v: unknown): number | undefined => as.count(v);

/** The refund state one sub-order's operations or status text says. */
function subRefund(sub: Obj): 'refunding' | 'refunded' | undefined {
  const ops = pick(sub, fields.operations, as.list) ?? [];
  for (const op of ops) {
    const r = itemRefund(str(obj(op).text));
    if (r) return r;
  }
  return undefined;
}

/** Sub-orders -> items; a sub-order without a quantity is left out, other gaps cost the field. */
function itemsOf(main: Obj): {
  items: OrderInput['items'];
  refunds: ('refunding' | 'refunded' | undefined)[];
} {
  const subs = Array.isArray(main.subOrders) ? (main.subOrders as unknown[]) : [];
  const items: OrderInput['items'] = [];
  const refunds: ('refunding' | 'refunded' | undefined)[] = [];
  for (const raw of subs) {
    const sub = obj(raw);
    const quantity = pick(sub, fields.quantity, quantityOf);
    refunds.push(subRefund(sub));
    if (quantity === undefined) continue;
    const info = obj(sub.itemInfo);
    const sku = (Array.isArray(info.skuText) ? info.skuText : [])
      .map((p) => skuPart(str(obj(p).name), str(obj(p).value)))
      .filter(Boolean)
      .join('；');
    const itemId =
      itemIdFromUrl(pick(sub, fields.itemUrl, as.text)) ?? pick(sub, fields.itemId, as.id);
    items.push({
      title: pick(sub, fields.title, as.text) ?? '',
      quantity,
      ...optional('sku', sku),
      ...optional(
        'unitPrice',
        at(sub, 'priceInfo.original') === undefined
          ? undefined
          : pick(sub, fields.unitPrice, yuanToFen),
      ),
      ...optional('itemId', itemId),
    });
  }
  return { items, refunds };
}

/** One main order -> a validated OrderInput, or the reason it was skipped. */
export function parseMainOrder(raw: unknown, ctx: AdapterContext): OrderInput | string {
  const main = obj(raw);
  const orderId = orderIdOf(main);
  if (!orderId) return '订单缺少可用的订单号';
  const nick = pick(main, fields.nick, as.text) ?? '';
  const text = pick(main, fields.statusText, as.text) ?? '';
  const trade = pick(main, fields.tradeStatus, as.text) ?? '';
  const { items, refunds } = itemsOf(main);
  const status = withItemRefunds(statusOf(taobaoStatus(text, trade), text || trade), refunds);
  const createdAt = pick(main, fields.createdAt, parseChinaTime);
  if (createdAt === undefined) return `订单 ${orderId}：缺少创建时间`;
  const amount = pick(main, fields.amount, yuanToFen);
  if (amount === undefined) return `订单 ${orderId}：缺少实收款`;
  const buyer = taobaoBuyer(nick, orderId, buyerIdOf(main), tokenOf(main));
  return orderOrReason(
    {
      ...orderHead('taobao', ctx, orderId, nick, buyer),
      ...status,
      createdAt,
      amount,
      items,
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
  return collectOrders(mains, (raw) => parseMainOrder(raw, ctx));
}

/*
 * Fixtures: test/fixtures/taobao-old/asyncSold.json (the response behind list_sold_items.htm),
 * asyncSold-masked.json (isHideNick=true), asyncSold-ratelimit.json (rgv587 answer).
 */
