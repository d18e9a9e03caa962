/**
 * Taobao / Tmall 已卖出的宝贝, the old page: https://trade.taobao.com/trade/itemlist/list_sold_items.htm
 * React with CSS-module classes whose hash suffix changes between releases, so every class is
 * matched on its stable prefix. The page's own JSON (asyncSold.htm) is preferred when captured;
 * the DOM gives the anchors and a fallback.
 */
import { yuanToFen } from '../parse/money';
import { normaliseStatus } from '../parse/status';
import { parseChinaTime } from '../parse/time';
import { collectRows } from './result';
import { type RowRead } from './candidate';
import { queryAlternatives, queryFirst, textOf } from './dom';
import { statusFromText } from './status';
import {
  ORDER_ID_LABEL,
  shopIdFromNick,
  TAOBAO_ORDER_ID,
  taobaoItems,
  taobaoRow,
} from './taobao-common';
import { ASYNC_SOLD_ENDPOINT, parseAsyncSold } from './taobao-json';
import { onHttpsPage, onPage } from './url';
import type { Adapter, AdapterContext, AdapterResult, PageRow } from './types';

/** Every selector this adapter uses. Alternatives are tried in order; the first that matches wins. */
export const selectors = {
  order: [
    // 2017+ React page: CSS-module class with a hash suffix that changes between releases;
    // closed orders use item-mod__trade-order-mainClose___ and may lack trade-order-main
    // (platforms.md "Variants"), so both blocks are one alternative.
    '[class*="item-mod__trade-order___"], [class*="item-mod__trade-order-mainClose"]',
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
    // The same link pointing at the trade snapshot (tradeSnap.htm?tradeID=…): no item id.
    '[class*="production-mod__production"] p a[href*="tradeSnap"]',
    // Title as plain text, no link (platforms.md "Variants"): the first line of the cell.
    '[class*="production-mod__production"] p',
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
    // Header nick on Taobao and on Tmall (platforms.md "Variants").
    '.user-nick',
    '.j_UserNick.sn-user-nick',
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
function unitPriceFrom(cell: Element | undefined): number | undefined {
  const el = cell ? queryFirst(cell, selectors.price) : null;
  if (!el) return undefined;
  const lines = Array.from(el.querySelectorAll('p'));
  const last = lines[lines.length - 1];
  return yuanToFen(textOf(last ?? el));
}

/**
 * The first line (p or span) of `cells` that reads as a status, else their first line, else ''.
 * Stops at the status: the cells after it (buttons, logistics) are not read.
 */
function firstStatusLine(cells: readonly Element[]): string {
  let first: string | undefined;
  for (const c of cells)
    for (const el of c.querySelectorAll('p, span')) {
      const line = textOf(el);
      if (normaliseStatus(line) !== undefined) return line;
      first ??= line;
    }
  return first ?? '';
}

/** Reads one order block; returns the row or the reason it was skipped. */
export function readOrder(block: Element, ctx: AdapterContext): RowRead {
  const input = queryFirst(block, selectors.orderIdInput);
  const fromInput = input?.getAttribute('value')?.trim() ?? '';
  const orderId = TAOBAO_ORDER_ID.test(fromInput)
    ? fromInput
    : (ORDER_ID_LABEL.exec(textOf(block))?.[1] ?? '');
  if (!orderId) return { reason: '找不到订单号' };
  // The overlay sits after the buyer cell; without one, at the end of the block.
  const anchor = queryFirst(block, selectors.buyer);
  const row: PageRow = { orderId, row: block, anchor: anchor ?? block };
  const nickEl = anchor ? queryFirst(anchor, selectors.buyerName) : null;
  const nick = nickEl?.getAttribute('title')?.trim() || textOf(nickEl);
  const createdAt = parseChinaTime(textOf(queryFirst(block, selectors.createTime)));
  // Status and amount sit in the cells after the buyer, on the first item row.
  const after: Element[] = [];
  for (let c = anchor?.closest('td')?.nextElementSibling; c; c = c.nextElementSibling)
    after.push(c);
  const statusLine = firstStatusLine(after);
  let amountEl: Element | null = null;
  for (const c of after) if ((amountEl = queryFirst(c, selectors.price))) break;
  const amount = amountEl ? amountFrom(amountEl) : undefined;
  return taobaoRow(row, ctx, {
    nick,
    createdAt,
    amount,
    status: statusFromText(statusLine),
    items: taobaoItems(queryAlternatives(block, selectors.subOrder), selectors, unitPriceFrom),
  });
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
  // A closed block nested in a trade-order block is the same order: read the outer one (a walk
  // up each block's ancestors, not every block against every other).
  const found = new Set(blocks);
  const outer = blocks.filter((block) => {
    for (let p = block.parentElement; p; p = p.parentElement) if (found.has(p)) return false;
    return true;
  });
  return collectRows(outer, (block) => readOrder(block, ctx));
}

const adapter: Adapter = {
  id: 'taobao-old',
  platform: 'taobao',
  label: '淘宝 已卖出的宝贝（旧版）',
  matches: (url) => onHttpsPage(url, HOST, (path) => path === PATH),
  isOrderPage: (url) => onPage(url, HOST, (path) => path === PATH),
  shopId: (_url, root) => shopIdFromNick(root, selectors.sellerNick),
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
