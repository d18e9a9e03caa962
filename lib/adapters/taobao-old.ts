/**
 * Taobao / Tmall 已卖出的宝贝, the old page: https://trade.taobao.com/trade/itemlist/list_sold_items.htm
 * React with CSS-module classes whose hash suffix changes between releases, so every class is
 * matched on its stable prefix. The page's own JSON (asyncSold.htm) is preferred when captured;
 * the DOM gives the anchors and a fallback.
 */
import type { OrderInput } from '../schemas';
import {
  checkOrder,
  normaliseStatus,
  parseChinaTime,
  queryAlternatives,
  queryFirst,
  rowsResult,
  textOf,
  yuanToFen,
} from './parse';
import {
  itemIdFromUrl,
  parseQuantity,
  skuFromText,
  TAOBAO_ORDER_ID,
  taobaoBuyer,
  taobaoShopId,
} from './taobao-common';
import { ASYNC_SOLD_ENDPOINT, parseAsyncSold } from './taobao-json';
import type { Adapter, AdapterContext, AdapterResult, PageRow } from './types';

/** Every selector this adapter uses. Alternatives are tried in order; the first that matches wins. */
export const selectors = {
  order: [
    // 2017+ React page: CSS-module class with a hash suffix that changes between releases.
    '[class*="item-mod__trade-order___"]',
    // The same block's global class, kept next to the hashed one on every capture so far.
    'div.trade-order-main',
  ],
  orderIdInput: [
    // The row checkbox carries the id: <input name="orderid" value="...">.
    'input[name="orderid"]',
  ],
  createTime: [
    // React page: span.item-mod__create-time___XXXX inside the checkbox label.
    '[class*="item-mod__create-time"]',
  ],
  subOrder: [
    // React page: one tr.suborder-mod__item___XXXX per item.
    'tr[class*="suborder-mod__item"]',
  ],
  itemTitle: [
    // React page: the title link inside the production cell.
    '[class*="production-mod__production"] p a[href*="item.htm"]',
  ],
  skuItem: [
    // React page: one span.production-mod__sku-item___XXXX per property.
    '[class*="production-mod__sku-item"]',
  ],
  price: [
    // React page: unit price (2nd cell) and the order amount (after the buyer) share this block.
    '[class*="price-mod__price"]',
  ],
  buyer: [
    // React page: div.buyer-mod__buyer___XXXX, the cell the overlay anchors to.
    'div[class*="buyer-mod__buyer"]',
  ],
  buyerName: [
    // React page: a.buyer-mod__name___XXXX; a masked nick still sits in this element.
    '[class*="buyer-mod__name"]',
  ],
  sellerNick: [
    // Taobao's global site-nav (2019+), present on trade.taobao.com: "店铺:子账号".
    '.site-nav-user a.site-nav-login-info-nick',
    // Seller-centre header variant.
    '[class*="seller-nick"]',
    // Older site-nav without the nick class.
    '.site-nav-user a',
  ],
  emptyState: [
    // React page: the list's empty block ("没有符合条件的宝贝").
    '[class*="list-mod__empty"]',
  ],
} as const;

/** Texts the page prints that say as much as a class would. */
const labels = {
  /** Header fallback when the checkbox is missing: "订单号: 4261124210500000101". */
  orderId: /订单号\s*[:：]?\s*(\d{12,20})/,
  /** The list's empty state. */
  empty: /没有符合条件的宝贝/,
} as const;

/** Order-list URLs this adapter serves (the meta-test's URL matrix reads them). */
export const SAMPLE_URLS: string[] = [
  'https://trade.taobao.com/trade/itemlist/list_sold_items.htm',
  'https://trade.taobao.com/trade/itemlist/list_sold_items.htm?action=itemlist/SoldQueryAction&event_submit_do_query=1&tabCode=waitBuyerPay',
];

const HOST = 'trade.taobao.com';
const PATH = '/trade/itemlist/list_sold_items.htm';

/** The order amount: "￥" "198.00" "(含快递:￥0.00)" -> the part before the bracket. */
function amountFrom(el: Element): number | undefined {
  const text = textOf(el).split(/[（(]/)[0] ?? '';
  return yuanToFen(text);
}

/** The unit price cell shows the original price struck out, then the price paid. */
function unitPriceFrom(el: Element): number | undefined {
  const lines = Array.from(el.querySelectorAll('p'));
  const last = lines[lines.length - 1];
  return yuanToFen(textOf(last ?? el));
}

/** The items of one order, or why they cannot be read. */
function readItems(
  rows: Element[],
): { ok: true; items: OrderInput['items'] } | { ok: false; reason: string } {
  const items: OrderInput['items'] = [];
  for (const tr of rows) {
    // The first four cells of every item row are item, unit price, quantity, 售后 (the cells
    // after them span all rows and exist only on the first).
    const cells = Array.from(tr.children).filter((c) => c.tagName === 'TD');
    const titleEl = queryFirst(tr, selectors.itemTitle);
    const title = textOf(titleEl);
    if (!titleEl || !title) return { ok: false, reason: '找不到商品标题' };
    const quantity = parseQuantity(textOf(cells[2]));
    if (quantity === undefined) return { ok: false, reason: `商品数量无法识别` };
    const priceEl = cells[1] ? queryFirst(cells[1], selectors.price) : null;
    const unitPrice = priceEl ? unitPriceFrom(priceEl) : undefined;
    const sku = queryAlternatives(tr, selectors.skuItem)
      .map((s) => skuFromText(textOf(s)))
      .filter(Boolean)
      .join('；');
    const itemId = itemIdFromUrl(titleEl.getAttribute('href'));
    items.push({
      title,
      quantity,
      ...(sku ? { sku } : {}),
      ...(unitPrice !== undefined ? { unitPrice } : {}),
      ...(itemId ? { itemId } : {}),
    });
  }
  return items.length > 0 ? { ok: true, items } : { ok: false, reason: '找不到商品行' };
}

/** Reads one order block; returns the row or the reason it was skipped. */
export function readOrder(
  block: Element,
  ctx: AdapterContext,
): { ok: true; row: PageRow } | { ok: false; reason: string } {
  const input = queryFirst(block, selectors.orderIdInput);
  const fromInput = input?.getAttribute('value')?.trim() ?? '';
  const orderId = TAOBAO_ORDER_ID.test(fromInput)
    ? fromInput
    : (labels.orderId.exec(textOf(block))?.[1] ?? '');
  if (!orderId) return { ok: false, reason: '找不到订单号' };
  const anchor = queryFirst(block, selectors.buyer);
  if (!anchor) return { ok: false, reason: `订单 ${orderId}：找不到买家栏` };
  const nickEl = queryFirst(anchor, selectors.buyerName);
  const nick = nickEl?.getAttribute('title')?.trim() || textOf(nickEl);
  if (!nick) return { ok: false, reason: `订单 ${orderId}：找不到买家昵称` };
  const createdAt = parseChinaTime(textOf(queryFirst(block, selectors.createTime)));
  if (createdAt === undefined) return { ok: false, reason: `订单 ${orderId}：找不到创建时间` };

  const buyerCell = anchor.closest('td');
  if (!buyerCell) return { ok: false, reason: `订单 ${orderId}：买家栏不在表格里` };
  // Status and amount sit in the cells after the buyer, on the first item row.
  const after: Element[] = [];
  for (let c = buyerCell.nextElementSibling; c; c = c.nextElementSibling) after.push(c);
  const statusLine = after
    .flatMap((c) => Array.from(c.querySelectorAll('p, span')))
    .map((el) => textOf(el))
    .find((t) => normaliseStatus(t) !== undefined);
  const status = normaliseStatus(statusLine);
  if (!status) return { ok: false, reason: `订单 ${orderId}：无法识别交易状态` };
  const amountEl = after.map((c) => queryFirst(c, selectors.price)).find((el) => el !== null);
  const amount = amountEl ? amountFrom(amountEl) : undefined;
  if (amount === undefined) return { ok: false, reason: `订单 ${orderId}：找不到实收款` };

  const items = readItems(queryAlternatives(block, selectors.subOrder));
  if (!items.ok) return { ok: false, reason: `订单 ${orderId}：${items.reason}` };

  const checked = checkOrder(
    {
      platform: 'taobao',
      shopId: ctx.shopId,
      orderId,
      ...taobaoBuyer(nick, orderId),
      buyerNick: nick,
      status,
      createdAt,
      amount,
      items: items.items,
      source: 'dom',
    },
    orderId,
  );
  if (!checked.ok) return checked;
  return { ok: true, row: { orderId, row: block, anchor, order: checked.order } };
}

/**
 * All order rows on the page. No order block at all: the empty state is an empty list, anything
 * else means the page changed. Blocks that cannot be read go to `skipped`; when none can be read
 * the page is unrecognised (ok:false) rather than half-read.
 */
export function readRows(root: ParentNode, ctx: AdapterContext): AdapterResult<PageRow> {
  const blocks = queryAlternatives(root, selectors.order);
  if (blocks.length === 0) {
    const empty = queryFirst(root, selectors.emptyState);
    if (empty && labels.empty.test(textOf(empty))) return { ok: true, items: [], skipped: [] };
    return { ok: false, problem: '页面结构已变化：找不到订单行' };
  }
  const items: PageRow[] = [];
  const skipped: string[] = [];
  for (const block of blocks) {
    const r = readOrder(block, ctx);
    if (r.ok) items.push(r.row);
    else skipped.push(r.reason);
  }
  return rowsResult(items, skipped);
}

const adapter: Adapter = {
  id: 'taobao-old',
  platform: 'taobao',
  label: '淘宝 已卖出的宝贝（旧版）',
  matches: (url) => url.protocol === 'https:' && url.hostname === HOST && url.pathname === PATH,
  isOrderPage: (url) => url.hostname === HOST && url.pathname === PATH,
  shopId: (_url, root) => taobaoShopId(textOf(queryFirst(root, selectors.sellerNick))),
  rowsHint: selectors.order.join(', '),
  readRows,
  jsonEndpoints: [ASYNC_SOLD_ENDPOINT],
  parseJson: parseAsyncSold,
};

export default adapter;

/*
 * Fixtures: test/fixtures/taobao-old/
 *   list_sold_items.html  list_sold_items.htm, 近三个月订单 tab (8 orders, every status)
 *   unpaid.html           list_sold_items.htm?tabCode=waitBuyerPay (another capture's hashes)
 *   drift.html            list_sold_items.htm with buyer-mod/price-mod renamed (must not parse)
 *   empty.html            list_sold_items.htm showing 没有符合条件的宝贝
 *   asyncSold*.json       trade.taobao.com/trade/itemlist/asyncSold.htm answers (see taobao-json)
 */
