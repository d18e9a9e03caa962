/**
 * Taobao / Tmall 已卖出的宝贝 in the new 千牛 workbench: a single-page app that routes inside
 * `https://myseller.taobao.com/home.htm/...` (also `qn.taobao.com`). `matches` takes the whole
 * app so an in-app route change keeps the adapter; `isOrderPage` is true on the sold route only.
 * One Fusion `next-table` per parent order: the first row is the order header (order id,
 * 创建时间, buyer nick, often masked), the rest are sub-orders. Fusion's own `next-*` classes are
 * stable; the page's column classes below are (inferred) and kept to prefixes.
 */
import type { OrderInput, OrderStatus } from '../schemas';
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
  taobaoBuyer,
  taobaoShopId,
} from './taobao-common';
import { ASYNC_SOLD_ENDPOINT, parseAsyncSold } from './taobao-json';
import type { Adapter, AdapterContext, AdapterResult, PageRow } from './types';

/** Every selector this adapter uses. Alternatives are tried in order; the first that matches wins. */
export const selectors = {
  orderTable: [
    // 千牛 trade-platform (2021+): Fusion next-table, one per parent order.
    'div.next-table div.next-table-body > table',
  ],
  tableRow: [
    // Fusion renders rows straight under tbody; the first is the order header.
    ':scope > tbody > tr',
  ],
  buyerNick: [
    // 千牛 order header: the buyer nick element (title holds the untruncated nick).
    '[class*="buyer-nick"]',
    // The 旺旺 widget next to it carries the same nick in data-nick.
    '[data-nick]',
  ],
  itemTitle: [
    // 千牛 sub-order row: the item title link.
    '[class*="item-title"]',
  ],
  skuItem: [
    // 千牛 sub-order row: one span per sku property.
    '[class*="item-sku"] > span',
  ],
  status: [
    // 千牛 first sub-order row: status text, then a 详情 link.
    '[class*="order-status"]',
  ],
  amount: [
    // 千牛 first sub-order row: "￥198.00" in a strong, then "(含运费：￥0.00)".
    '[class*="order-pay"] strong',
    // Without the strong, the whole block (the bracket part is cut off when read).
    '[class*="order-pay"]',
  ],
  sellerNick: [
    // 千牛 workbench header (2023+): "店铺:子账号".
    '[class*="user-nick"]',
    // Older 千牛 header.
    '[class*="seller-nick"]',
  ],
  emptyState: [
    // Fusion's empty table body.
    '.next-table-empty',
  ],
} as const;

/** Texts in the order header; the 千牛 page labels its fields rather than classing them. */
const labels = {
  orderId: /订单号\s*[:：]?\s*(\d{12,20})/,
  createTime: /创建时间\s*[:：]?\s*(\d{4}-\d{1,2}-\d{1,2}\s+\d{1,2}:\d{2}(?::\d{2})?)/,
  empty: /没有符合条件|暂无数据|没有数据/,
} as const;

/** Order-list URLs this adapter serves (the meta-test's URL matrix reads them). */
export const SAMPLE_URLS: string[] = [
  'https://myseller.taobao.com/home.htm/trade-platform/tp/sold',
  'https://qn.taobao.com/home.htm/trade-platform/tp/sold',
  'https://myseller.taobao.com/home.htm/trade-platform/tp/sold?tabCode=waitBuyerPay',
];

const HOSTS = new Set(['myseller.taobao.com', 'qn.taobao.com']);
const SOLD_ROUTE = /^\/home\.htm\/trade-platform\/tp\/sold(?:\/|$)/;

const cellsOf = (tr: Element): Element[] =>
  Array.from(tr.children).filter((c) => c.tagName === 'TD');

/** The status: the first line of the status block that reads as one. */
function statusFrom(el: Element | null): OrderStatus | undefined {
  if (!el) return undefined;
  const lines = [...Array.from(el.children).map((c) => textOf(c)), textOf(el)];
  for (const line of lines) {
    const s = normaliseStatus(line);
    if (s) return s;
  }
  return undefined;
}

/** The sub-order rows -> items, or why they cannot be read. */
function readItems(
  rows: Element[],
): { ok: true; items: OrderInput['items'] } | { ok: false; reason: string } {
  const items: OrderInput['items'] = [];
  for (const tr of rows) {
    // Item, unit price, quantity, 售后 are the first four cells of every sub-order row.
    const cells = cellsOf(tr);
    const titleEl = queryFirst(tr, selectors.itemTitle);
    const title = textOf(titleEl);
    if (!titleEl || !title) return { ok: false, reason: '找不到商品标题' };
    const quantity = parseQuantity(textOf(cells[2]));
    if (quantity === undefined) return { ok: false, reason: '商品数量无法识别' };
    // The unit price cell may strike the original price through before the price paid.
    const priceLines = cells[1] ? Array.from(cells[1].querySelectorAll('p, span, del')) : [];
    const lastPrice = priceLines[priceLines.length - 1];
    const unitPrice = yuanToFen(textOf(lastPrice ?? cells[1]));
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
  return items.length > 0 ? { ok: true, items } : { ok: false, reason: '找不到子订单行' };
}

/** One order table -> its row, `empty` for Fusion's empty table, or the reason it was skipped. */
export function readOrder(
  table: Element,
  ctx: AdapterContext,
): { ok: true; row: PageRow } | { ok: false; reason: string } | { ok: 'empty' } {
  const [header, ...subRows] = queryAlternatives(table, selectors.tableRow);
  const headerText = textOf(header);
  const orderId = labels.orderId.exec(headerText)?.[1];
  if (!header || !orderId) {
    const empty = queryFirst(table, selectors.emptyState);
    if (empty && labels.empty.test(textOf(empty))) return { ok: 'empty' };
    return { ok: false, reason: '订单表头找不到订单号' };
  }
  const nickEl = queryFirst(header, selectors.buyerNick);
  const anchor = nickEl?.closest('td');
  if (!nickEl || !anchor) return { ok: false, reason: `订单 ${orderId}：找不到买家栏` };
  const nick =
    nickEl.getAttribute('title')?.trim() ||
    nickEl.getAttribute('data-nick')?.trim() ||
    textOf(nickEl);
  if (!nick) return { ok: false, reason: `订单 ${orderId}：找不到买家昵称` };
  const createdAt = parseChinaTime(labels.createTime.exec(headerText)?.[1]);
  if (createdAt === undefined) return { ok: false, reason: `订单 ${orderId}：找不到创建时间` };
  const status = statusFrom(queryFirst(table, selectors.status));
  if (!status) return { ok: false, reason: `订单 ${orderId}：无法识别交易状态` };
  const amountText = textOf(queryFirst(table, selectors.amount)).split(/[（(]/)[0];
  const amount = yuanToFen(amountText);
  if (amount === undefined) return { ok: false, reason: `订单 ${orderId}：找不到实收款` };
  const items = readItems(subRows);
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
  // The whole Fusion table is the order; the SPA swaps tables on paging, which the observer sees.
  const row = table.closest('div.next-table') ?? table;
  return { ok: true, row: { orderId, row, anchor, order: checked.order } };
}

/**
 * All order rows on the sold route. No order table: an empty state is an empty list, anything
 * else means the page changed. Tables that cannot be read go to `skipped`; when none can be read
 * the page is unrecognised (ok:false) rather than half-read.
 */
export function readRows(root: ParentNode, ctx: AdapterContext): AdapterResult<PageRow> {
  const tables = queryAlternatives(root, selectors.orderTable);
  const emptyPage = (): boolean =>
    labels.empty.test(textOf(queryFirst(root, selectors.emptyState)));
  if (tables.length === 0)
    return emptyPage()
      ? { ok: true, items: [], skipped: [] }
      : { ok: false, problem: '页面结构已变化：找不到订单行' };
  const items: PageRow[] = [];
  const skipped: string[] = [];
  for (const table of tables) {
    const r = readOrder(table, ctx);
    if (r.ok === 'empty') continue;
    if (r.ok) items.push(r.row);
    else skipped.push(r.reason);
  }
  return rowsResult(items, skipped);
}

const adapter: Adapter = {
  id: 'taobao-qn',
  platform: 'taobao',
  label: '淘宝 千牛 已卖出的宝贝',
  matches: (url) =>
    url.protocol === 'https:' &&
    HOSTS.has(url.hostname) &&
    (url.pathname === '/home.htm' || url.pathname.startsWith('/home.htm/')),
  isOrderPage: (url) => HOSTS.has(url.hostname) && SOLD_ROUTE.test(url.pathname),
  shopId: (_url, root) => taobaoShopId(textOf(queryFirst(root, selectors.sellerNick))),
  rowsHint: selectors.orderTable.join(', '),
  readRows,
  jsonEndpoints: [ASYNC_SOLD_ENDPOINT],
  parseJson: parseAsyncSold,
};

export default adapter;

/*
 * Fixtures: test/fixtures/taobao-qn/
 *   sold.html   myseller.taobao.com/home.htm/trade-platform/tp/sold (masked nicks, 号码保护订单)
 *   drift.html  the same route after a redesign: nick class and 创建时间 label renamed
 *   empty.html  the sold route showing an empty Fusion table (没有符合条件的宝贝)
 * The JSON behind both Taobao pages is tested with test/fixtures/taobao-old/asyncSold*.json.
 */
