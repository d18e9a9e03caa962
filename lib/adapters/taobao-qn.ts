/**
 * Taobao / Tmall 已卖出的宝贝 in the new 千牛 workbench: a single-page app that routes inside
 * `https://myseller.taobao.com/home.htm/...` (also `qn.taobao.com`). `matches` takes the whole
 * app so an in-app route change keeps the adapter; `isOrderPage` is true on the sold route only.
 * One Fusion `next-table` per parent order: the first row is the order header (order id,
 * 创建时间, buyer nick, often masked), the rest are sub-orders. Fusion's own `next-*` classes are
 * stable; the page's column classes below are (inferred) and kept to prefixes.
 */
import { yuanToFen } from '../parse/money';
import { normaliseStatus } from '../parse/status';
import { parseChinaTime } from '../parse/time';
import type { OrderStatus } from '../schemas';
import { collectRows } from './result';
import { type RowRead } from './candidate';
import { queryAlternatives, queryFirst, textOf } from './dom';
import { statusFromText } from './status';
import { ORDER_ID_LABEL, shopIdFromNick, taobaoItems, taobaoRow } from './taobao-common';
import { ASYNC_SOLD_ENDPOINT, parseAsyncSold } from './taobao-json';
import { onHttpsPage, onPage } from './url';
import type { Adapter, AdapterContext, AdapterResult, PageRow } from './types';

/** Every selector this adapter uses. Alternatives are tried in order; the first that matches wins. */
export const selectors = {
  orderTable: [
    // 千牛 trade-platform (2021+): Fusion next-table, one per parent order.
    'div.next-table div.next-table-body > table',
    // 千牛 2024-2026: each order its own table.next-table-row (platforms.md "Variants").
    'table.next-table-row',
  ],
  headerRow: [
    // 2024-2026: the order header is a Fusion group header row.
    'tr.next-table-group-header',
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
    // 2024-2026 sold_* page: the 旺旺 box holds the (masked) nick.
    '[class*="sold_ww-box"]',
  ],
  itemTitle: [
    // 千牛 sub-order row: the item title link.
    '[class*="item-title"]',
  ],
  skuItem: [
    // 千牛 sub-order row: one span per sku property.
    '[class*="item-sku"] > span',
    // 2024-2026 sold_* page: the sku line.
    '[class*="sold_sku-desc"]',
  ],
  status: [
    // 千牛 first sub-order row: status text, then a 详情 link.
    '[class*="order-status"]',
    // 2024-2026 sold_* page.
    '[class*="sold_status-item-box"]',
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

/** The status: the first line of the status block that reads as one, else its first line. */
function statusFrom(el: Element | null): { status: OrderStatus; rawStatus?: string } {
  if (!el) return { status: 'unknown' };
  const lines = [...Array.from(el.children).map((c) => textOf(c)), textOf(el)];
  const known = lines.find((line) => normaliseStatus(line) !== undefined);
  return statusFromText(known ?? lines[0] ?? '');
}

/** The unit price cell may strike the original price through before the price paid. */
function unitPriceFrom(cell: Element | undefined): number | undefined {
  const lines = cell ? Array.from(cell.querySelectorAll('p, span, del')) : [];
  return yuanToFen(textOf(lines[lines.length - 1] ?? cell));
}

/** "号码保护订单" can stand where the nick normally is (platforms.md "Variants"): no nick. */
const NOT_A_NICK = /号码保护订单/;

/** One order table -> its row and why it has no order, the reason it was skipped, or nothing for
 * Fusion's empty table. */
export function readOrder(table: Element, ctx: AdapterContext): RowRead {
  const rows = queryAlternatives(table, selectors.tableRow);
  const header = queryFirst(table, selectors.headerRow) ?? rows[0];
  const subRows = rows.filter((r) => r !== header);
  const headerText = textOf(header);
  const orderId = ORDER_ID_LABEL.exec(headerText)?.[1];
  if (!header || !orderId) {
    const empty = queryFirst(table, selectors.emptyState);
    if (empty && labels.empty.test(textOf(empty))) return {};
    return { reason: '订单表头找不到订单号' };
  }
  const nickEl = queryFirst(header, selectors.buyerNick);
  const anchor = nickEl?.closest('td') ?? header;
  // The whole Fusion table is the order; the SPA swaps tables on paging, which the observer sees.
  const rowEl = table.closest('div.next-table') ?? table;
  const row: PageRow = { orderId, row: rowEl, anchor };
  const shown =
    nickEl?.getAttribute('title')?.trim() ||
    nickEl?.getAttribute('data-nick')?.trim() ||
    textOf(nickEl);
  const nick = NOT_A_NICK.test(shown) ? '' : shown;
  const amountText = textOf(queryFirst(table, selectors.amount)).split(/[（(]/)[0];
  return taobaoRow(row, ctx, {
    nick,
    createdAt: parseChinaTime(labels.createTime.exec(headerText)?.[1]),
    amount: yuanToFen(amountText),
    status: statusFrom(queryFirst(table, selectors.status)),
    items: taobaoItems(subRows, selectors, unitPriceFrom),
  });
}

/**
 * All order rows on the sold route. No order table: an empty state is an empty list, anything
 * else means the page changed. Tables that cannot be read go to `skipped`; when none can be read
 * the page is unrecognised (ok:false) rather than half-read.
 */
export function readRows(root: ParentNode, ctx: AdapterContext): AdapterResult<PageRow> {
  const tables = queryAlternatives(root, selectors.orderTable);
  // 千牛 may print the empty state as a bare text child, with no element of its own.
  const emptyPage = (): boolean =>
    labels.empty.test(textOf(queryFirst(root, selectors.emptyState))) ||
    labels.empty.test(textOf(queryFirst(root, ['body']) ?? null));
  if (tables.length === 0)
    return emptyPage()
      ? { ok: true, items: [], skipped: [] }
      : { ok: false, problem: '页面结构已变化：找不到订单行' };
  return collectRows(tables, (table) => readOrder(table, ctx));
}

const adapter: Adapter = {
  id: 'taobao-qn',
  platform: 'taobao',
  label: '淘宝 千牛 已卖出的宝贝',
  matches: (url) =>
    onHttpsPage(url, HOSTS, (path) => path === '/home.htm' || path.startsWith('/home.htm/')),
  isOrderPage: (url) => onPage(url, HOSTS, SOLD_ROUTE),
  shopId: (_url, root) => shopIdFromNick(root, selectors.sellerNick),
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
