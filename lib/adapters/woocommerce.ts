/**
 * WooCommerce admin order list, on whatever host the seller runs it (the extension only injects
 * on hosts the seller granted). Both list screens: HPOS (admin.php?page=wc-orders) and legacy
 * posts (edit.php?post_type=shop_order). WordPress renders the list on the server, so there is no
 * JSON to read; the markup comes from WooCommerce's own list-table source and is stable.
 */
import { buyerIdFor } from '../keys';
import { parseMoney } from '../parse/money';
import { normaliseStatus } from '../parse/status';
import { parseIsoTime } from '../parse/time';
import type { OrderInput } from '../schemas';
import { collectRows } from './result';
import { lacking, orderHead, rowWithOrder, type RowRead } from './candidate';
import { queryAlternatives, queryFirst, textOf } from './dom';
import { statusOf } from './status';
import type { Adapter, AdapterContext, AdapterResult, PageRow } from './types';

/** From WooCommerce's list tables (class-wc-admin-list-table-orders.php and its HPOS twin). */
export const selectors = {
  /** WP list tables put rows in tbody#the-list (both screens). */
  container: ['#the-list'],
  order: [
    // HPOS screen (WooCommerce 8+ default): <tr id="order-1042">
    'tr[id^="order-"]',
    // Legacy posts screen (edit.php?post_type=shop_order): <tr id="post-1042">
    'tr[id^="post-"]',
    // WooCommerce 7.1-7.7's first HPOS list: a bare <tr> with no id or status class
    // (platforms.md "Variants"); the id comes from the preview link or the checkbox.
    'tr',
  ],
  /** Where a bare row keeps its id: the preview link, else the bulk-action checkbox. */
  previewId: ['a.order-preview[data-order-id]'],
  checkbox: [
    // 7.1-7.7 HPOS list
    'input[name="order[]"]',
    // 8+ HPOS list and the legacy posts list
    'input[name="id[]"]',
  ],
  /** Order number cell: the overlay anchors here. */
  numberCell: ['td.column-order_number'],
  /** "#1042 Jane Doe": the order number, then the billing name (empty for some guests). */
  orderView: ['a.order-view strong'],
  date: ['td.column-order_date time[datetime]'],
  status: ['td.column-order_status mark.order-status'],
  total: [
    // After a partial refund WooCommerce prints <del>old</del> <ins>net</ins>: the old total
    // is the purchase, the difference the refund (domain.md: partially refunded).
    'td.column-order_total del .woocommerce-Price-amount',
    'td.column-order_total .woocommerce-Price-amount',
  ],
  /** The net total after a partial refund. */
  netTotal: ['td.column-order_total ins .woocommerce-Price-amount'],
} as const;

/** URLs this adapter must accept (the meta test checks every other adapter rejects them). */
export const SAMPLE_URLS: string[] = [
  'https://shop.example.test/wp-admin/admin.php?page=wc-orders',
  'https://shop.example.test/wp-admin/admin.php?page=wc-orders&status=wc-pending',
  'http://localhost:8080/wp-admin/edit.php?post_type=shop_order',
  'https://example.test/store/wp-admin/edit.php?post_type=shop_order&post_status=wc-processing',
];

/** Is this one of the two order screens (list or single order) of a WordPress admin? */
function isOrderScreen(url: URL): boolean {
  if (url.protocol !== 'https:' && url.protocol !== 'http:') return false;
  const p = url.pathname;
  const q = url.searchParams;
  return (
    (p.endsWith('/wp-admin/admin.php') && q.get('page') === 'wc-orders') ||
    (p.endsWith('/wp-admin/edit.php') && q.get('post_type') === 'shop_order')
  );
}

/** `status-processing` on the mark -> "processing". */
function statusSlug(mark: Element | null): string {
  const cls = Array.from(mark?.classList ?? []).find((c) => c.startsWith('status-'));
  return cls ? cls.slice('status-'.length) : '';
}

/** One list row -> a PageRow (with its order when every field is there), and why not. */
function readOrderRow(tr: Element, ctx: AdapterContext): RowRead {
  const orderId =
    /^(?:order|post)-(\d{1,20})$/.exec(tr.id)?.[1] ??
    /^\d{1,20}$/.exec(
      queryFirst(tr, selectors.previewId)?.getAttribute('data-order-id') ?? '',
    )?.[0] ??
    /^\d{1,20}$/.exec(queryFirst(tr, selectors.checkbox)?.getAttribute('value') ?? '')?.[0];
  if (!orderId) return { reason: '找不到订单号' };
  const cell = queryFirst(tr, selectors.numberCell);
  const row: PageRow = { orderId, row: tr, anchor: cell ?? tr };

  // "#1042 Jane Doe" or a custom number "#DE-2026-0042 Jane Doe"; without it, no name.
  const heading = textOf(queryFirst(tr, selectors.orderView));
  const nick = /^#\S+\s*(.*)$/.exec(heading)?.[1] ?? '';
  const createdAt = parseIsoTime(queryFirst(tr, selectors.date)?.getAttribute('datetime'));
  if (createdAt === undefined) return { row, reason: lacking(orderId, '下单时间') };
  const mark = queryFirst(tr, selectors.status);
  const slug = statusSlug(mark) || textOf(mark);
  const amount = parseMoney(textOf(queryFirst(tr, selectors.total)));
  if (amount === undefined) return { row, reason: lacking(orderId, '订单金额') };
  const net = parseMoney(textOf(queryFirst(tr, selectors.netTotal)));
  const refunded = net !== undefined && net < amount ? amount - net : undefined;
  const status = statusOf(normaliseStatus(slug), slug);

  // No customer id on the list: a billing name is a display name; guests without one stand alone.
  const buyer = buyerIdFor({ nick, orderId, nameOnly: true });
  return rowWithOrder(row, {
    ...orderHead('woocommerce', ctx, orderId, nick, buyer),
    ...(refunded && ['paid', 'shipped', 'completed'].includes(status.status)
      ? { status: 'partially_refunded' as const }
      : status),
    createdAt,
    amount,
    ...(refunded ? { refundedAmount: refunded } : {}),
    // The list shows no line items (they load in the preview modal on demand).
    items: [],
    source: 'dom',
  } satisfies OrderInput);
}

/** Reads the order list table. */
function readRows(root: ParentNode, ctx: AdapterContext): AdapterResult<PageRow> {
  const container = queryFirst(root, selectors.container);
  if (!container) return { ok: false, problem: '页面结构已变化：找不到订单列表' };
  const rows = queryAlternatives(container, selectors.order).filter(
    (tr) => tr.parentElement === container && !tr.classList.contains('no-items'),
  );
  // An empty list shows one `tr.no-items`; other rows that are not orders mean drift.
  const strangers = Array.from(container.children).filter(
    (tr) => tr.tagName === 'TR' && !tr.classList.contains('no-items') && !rows.includes(tr),
  );
  if (rows.length === 0 && strangers.length > 0)
    return { ok: false, problem: '页面结构已变化：找不到订单行' };
  return collectRows(rows, (tr) => readOrderRow(tr, ctx));
}

/** The WooCommerce order-list adapter (any host the seller granted). */
const woocommerce: Adapter = {
  id: 'woocommerce',
  platform: 'woocommerce',
  label: 'WooCommerce',
  matches: isOrderScreen,
  isOrderPage: (url) => {
    const action = url.searchParams.get('action');
    return isOrderScreen(url) && action !== 'edit' && action !== 'new';
  },
  // One WordPress install is one shop: its host (with port) names it.
  shopId: (url) => url.host || 'default',
  rowsHint: '#the-list tr',
  readRows,
  jsonEndpoints: [],
};

export default woocommerce;

/*
 * Fixtures: (test/fixtures/woocommerce/) Markup as WooCommerce 9 prints it.
 * - orders.html: https://shop.example.test/wp-admin/admin.php?page=wc-orders (HPOS), 7 orders:
 *   pending, processing, on-hold, completed (one partially refunded), cancelled, refunded, failed;
 *   "$1,234.50" style totals; one guest without a name (masked). The list shows no line items.
 * - unpaid.html: https://shop.example.test/wp-admin/edit.php?post_type=shop_order&post_status=wc-pending
 *   (legacy screen, tr#post-*, "1.234,50 €" and "¥" totals), buyers partly repeat.
 * - drift.html: the HPOS list with the total column removed by a plugin (must give no order).
 * Expected parses: *.expected.json next to each.
 */
