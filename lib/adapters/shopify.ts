/**
 * Shopify admin order list (admin.shopify.com/store/{shop}/orders). The admin is Polaris React
 * with obfuscated class names that change per release, so the DOM reader matches only stable
 * things: the table element, header labels (which column is which; sellers can reorder columns),
 * order links (`a[href*="/orders/"]`) and `time[datetime]`. The order JSON is the admin's
 * GraphQL (Order.displayFinancialStatus and friends).
 */
import { buyerIdFor } from '../keys';
import { parseMoney, yuanToFen } from '../parse/money';
import { normaliseStatus } from '../parse/status';
import { parseIsoTime } from '../parse/time';
import type { OrderInput, OrderStatus } from '../schemas';
import { collectOrders, collectRows } from './result';
import { lacking, orderHead, orderOrReason, rowWithOrder, type RowRead } from './candidate';
import { queryAlternatives, queryFirst, textOf } from './dom';
import { as, isObject, optional, pick, str, type Json } from './fields';
import { statusOf } from './status';
import { itemsFromJson } from './items';
import { onHttpsPage, onPage } from './url';
import type { Adapter, AdapterContext, AdapterResult, PageRow } from './types';

/** Only stable hooks; the inferred ones are marked. */
export const selectors = {
  table: [
    // Admin builds that still ship readable Polaris class names (Polaris <= v12).
    '.Polaris-IndexTable__Table',
    // Current admin: obfuscated classes, so any table; the header labels decide (below).
    'table',
  ],
  headerCell: ['thead th'],
  row: ['tbody tr'],
  /** The order name links to /store/{shop}/orders/{id}: the id is the stable key. */
  orderLink: ['a[href*="/orders/"]'],
  /** (inferred) The date cell says "Today at 9:12 am"; we need the machine time behind it. */
  time: ['time[datetime]'],
} as const;

/** Header labels per column (English and Chinese admin). */
const COLUMNS = {
  order: ['Order', '订单'],
  customer: ['Customer', '客户'],
  total: ['Total', '总计'],
  payment: ['Payment status', 'Payment', '付款状态'],
  fulfillment: ['Fulfillment status', 'Fulfillment', '发货状态'],
} as const;
type Column = keyof typeof COLUMNS;

/** Badge labels -> GraphQL enums, longest first so "Partially paid" is not read as "Paid". */
const PAYMENT_LABELS: [RegExp, string][] = [
  [/partially refunded|部分退款/i, 'PARTIALLY_REFUNDED'],
  [/partially paid|部分付款/i, 'PARTIALLY_PAID'],
  [/payment pending|pending|待付款|付款待处理/i, 'PENDING'],
  [/authori[sz]ed|已授权/i, 'AUTHORIZED'],
  [/refunded|已退款/i, 'REFUNDED'],
  [/voided|已作废/i, 'VOIDED'],
  [/expired|已过期/i, 'EXPIRED'],
  [/paid|已付款/i, 'PAID'],
];
const FULFILLMENT_LABELS: [RegExp, string][] = [
  [/unfulfilled|未发货/i, 'UNFULFILLED'],
  [/partially fulfilled|部分发货/i, 'PARTIALLY_FULFILLED'],
  [/fulfilled|已发货/i, 'FULFILLED'],
];

const HANDLE = /^\/store\/([a-z0-9][a-z0-9-]{0,62})\/orders(?:\/|$)/;

/** URLs this adapter must accept (the meta test checks every other adapter rejects them). */
export const SAMPLE_URLS: string[] = [
  'https://admin.shopify.com/store/kezhi-test-shop/orders',
  'https://admin.shopify.com/store/kezhi-test-shop/orders?inContextTimeframe=last_30_days',
];

/**
 * One status from the two Shopify axes. Money decides (through normaliseStatus); a paid order
 * whose goods all left is shipped, and one the seller also archived (`closed`) is completed.
 * Fulfillment is compared exactly: "UNFULFILLED" contains "FULFILLED".
 */
export function shopifyStatus(
  financial: string,
  fulfillment: string,
  archived: boolean,
): OrderStatus | undefined {
  const money = normaliseStatus(financial);
  if (money !== 'paid') return money;
  if (fulfillment !== 'FULFILLED') return 'paid';
  return archived ? 'completed' : 'shipped';
}

/** The enum for a badge text, or '' when the text is none of the known labels. */
function labelEnum(text: string, table: [RegExp, string][]): string {
  return table.find(([re]) => re.test(text))?.[1] ?? '';
}

/** Which cell index holds which column, from the header labels. */
function columnIndex(table: Element): Partial<Record<Column, number>> {
  const headers = queryAlternatives(table, selectors.headerCell).map(textOf);
  const index: Partial<Record<Column, number>> = {};
  for (const column of Object.keys(COLUMNS) as Column[]) {
    const labels: readonly string[] = COLUMNS[column];
    const i = headers.findIndex((h) => labels.includes(h));
    if (i >= 0) index[column] = i;
  }
  return index;
}

/** One table row -> a PageRow (with its order when every field is there), and why not. */
function readOrderRow(tr: Element, cols: Record<Column, number>, ctx: AdapterContext): RowRead {
  const cells = Array.from(tr.children);
  const cell = (c: Column): Element | undefined => cells[cols[c]];
  const link = queryFirst(cell('order') ?? tr, selectors.orderLink);
  const orderId = /\/orders\/(\d{1,20})(?:[/?#]|$)/.exec(link?.getAttribute('href') ?? '')?.[1];
  if (!orderId) return { reason: '找不到订单链接' };
  const customerCell = cell('customer');
  const row: PageRow = { orderId, row: tr, anchor: customerCell ?? tr };

  const createdAt = parseIsoTime(queryFirst(tr, selectors.time)?.getAttribute('datetime'));
  if (createdAt === undefined) return { row, reason: lacking(orderId, '下单时间') };
  const amount = parseMoney(textOf(cell('total')));
  if (amount === undefined) return { row, reason: lacking(orderId, '订单金额') };
  const paymentText = textOf(cell('payment'));
  const status = statusOf(
    shopifyStatus(
      labelEnum(paymentText, PAYMENT_LABELS),
      labelEnum(textOf(cell('fulfillment')), FULFILLMENT_LABELS),
      // (inferred) Archived orders carry an "Archived" badge next to the order name.
      /\bArchived\b|已归档/.test(textOf(cell('order'))),
    ),
    paymentText,
  );
  const shown = textOf(customerCell);
  const nick = /^(no customer|无客户)$/i.test(shown) ? '' : shown;

  return rowWithOrder(row, {
    // The list shows a name, not the customer id; JSON keys by the same name so the two agree.
    ...orderHead('shopify', ctx, orderId, nick, buyerIdFor({ nick, orderId, nameOnly: true })),
    ...status,
    createdAt,
    amount,
    // The list only says "2 items"; titles come with the JSON.
    items: [],
    source: 'dom',
  } satisfies OrderInput);
}

/** Reads the orders index table. */
function readRows(root: ParentNode, ctx: AdapterContext): AdapterResult<PageRow> {
  for (const table of queryAlternatives(root, selectors.table)) {
    const found = columnIndex(table);
    const { order, customer, total, payment, fulfillment } = found;
    if (order === undefined || total === undefined || payment === undefined) continue;
    // Customer and fulfillment columns can be hidden by the seller; point them at nothing.
    const cols = {
      order,
      total,
      payment,
      customer: customer ?? -1,
      fulfillment: fulfillment ?? -1,
    };
    return collectRows(queryAlternatives(table, selectors.row), (tr) =>
      readOrderRow(tr, cols, ctx),
    );
  }
  return { ok: false, problem: '页面结构已变化：找不到订单表格（订单/总计/付款状态列）' };
}

/** A GraphQL connection as either `{nodes: [...]}` or `{edges: [{node}]}`. */
function nodesOf(connection: unknown): unknown[] | undefined {
  if (!isObject(connection)) return undefined;
  const { nodes, edges } = connection;
  if (Array.isArray(nodes)) return nodes as unknown[];
  if (Array.isArray(edges))
    return (edges as unknown[]).map((e) => (isObject(e) ? e.node : undefined));
  return undefined;
}

/**
 * Where each field lives on an Order node: the admin's own GraphQL (platforms.md), and real
 * nodes from public code (currentTotalPriceSet without totalPriceSet, line items with `name`
 * and `currentQuantity`, customers with firstName/lastName; test/fixtures/shopify/EVIDENCE.md).
 */
const fields = {
  id: ['id'],
  financial: ['displayFinancialStatus'],
  fulfillment: ['displayFulfillmentStatus'],
  createdAt: ['createdAt', 'processedAt'],
  /** The original total first: a partial refund is reported apart (totalRefundedSet). */
  amount: ['totalPriceSet.shopMoney.amount'],
  /** Current total, after refunds and edits: the amount when no original total is there. */
  currentAmount: ['currentTotalPriceSet.shopMoney.amount'],
  refunded: ['totalRefundedSet.shopMoney.amount'],
  title: ['title', 'name'],
  quantity: ['quantity', 'currentQuantity'],
  sku: ['variantTitle', 'variant.title'],
  unitPrice: ['originalUnitPriceSet.shopMoney.amount'],
  productId: ['product.id'],
  customerId: ['customer.id'],
  email: ['customer.email', 'email'],
  displayName: ['customer.displayName'],
  firstName: ['customer.firstName'],
  lastName: ['customer.lastName'],
} as const;

/** The id at the end of a gid ("gid://shopify/Customer/123" -> "123"). */
const gidTail =
  (kind: string) =>
  (v: unknown): string | undefined =>
    new RegExp(`^gid://shopify/${kind}/(\\d{1,20})$`).exec(typeof v === 'string' ? v : '')?.[1];

/** One Order node -> a validated order, or why not. */
function readNode(node: unknown, ctx: AdapterContext): OrderInput | string {
  if (!isObject(node)) return '订单数据不是对象';
  const orderId = pick(node, fields.id, gidTail('Order'));
  if (!orderId) return `订单编号格式不对「${str(node.id).slice(0, 60)}」`;
  const financial = pick(node, fields.financial, as.text) ?? '';
  const status = statusOf(
    shopifyStatus(financial, pick(node, fields.fulfillment, as.text) ?? '', node.closed === true),
    financial,
  );
  const createdAt = pick(node, fields.createdAt, parseIsoTime);
  if (createdAt === undefined) return lacking(orderId, '下单时间');
  const original = pick(node, fields.amount, yuanToFen);
  const amount = original ?? pick(node, fields.currentAmount, yuanToFen);
  if (amount === undefined) return lacking(orderId, '订单金额');
  // Only beside the original total: the current total already has the refunds taken off.
  const refunded = original === undefined ? undefined : pick(node, fields.refunded, yuanToFen);
  const nick =
    pick(node, fields.displayName, as.text) ??
    [pick(node, fields.firstName, as.text), pick(node, fields.lastName, as.text)]
      .filter(Boolean)
      .join(' ');
  return orderOrReason(
    {
      ...orderHead('shopify', ctx, orderId, nick, buyerOf(node, nick, orderId)),
      ...status,
      createdAt,
      amount,
      items: itemsFromJson(
        nodesOf(node.lineItems) ?? [],
        { ...fields, itemId: fields.productId },
        { itemId: gidTail('Product') },
      ),
      ...optional('refundedAmount', refunded || undefined),
      source: 'json',
    },
    orderId,
  );
}

/** The buyer evidence a node carries: customer id and e-mail; the name is a display name. */
function buyerOf(node: Json, nick: string, orderId: string) {
  return buyerIdFor({
    nick,
    orderId,
    nameOnly: true,
    ...optional('platformBuyerId', pick(node, fields.customerId, gidTail('Customer'))),
    ...optional('email', pick(node, fields.email, as.text)),
  });
}

/** Parses an admin GraphQL response holding `data.orders`. */
function parseJson(body: unknown, ctx: AdapterContext): AdapterResult<OrderInput> {
  const data = isObject(body) ? body.data : undefined;
  const nodes = isObject(data) ? nodesOf(data.orders) : undefined;
  if (!nodes) return { ok: false, problem: '接口数据已变化：找不到订单列表' };
  return collectOrders(nodes, (node) => readNode(node, ctx));
}

/** The Shopify admin order-list adapter. */
const shopify: Adapter = {
  id: 'shopify',
  platform: 'shopify',
  label: 'Shopify',
  matches: (url) => onHttpsPage(url, 'admin.shopify.com', HANDLE),
  isOrderPage: (url) => onPage(url, 'admin.shopify.com', /^\/store\/[^/]+\/orders\/?$/),
  // The store handle is in every admin URL and never changes; the page need not be read.
  shopId: (url) => HANDLE.exec(url.pathname)?.[1] ?? 'default',
  rowsHint: 'tbody tr',
  readRows,
  // (inferred) The admin's own GraphQL proxy: /api/shopify/{shop}?operation=...Order...
  jsonEndpoints: [
    /^https:\/\/admin\.shopify\.com\/api\/shopify\/[a-z0-9-]+\?(?:[^#]*&)?operation=\w*Orders?\w*(?:[&#]|$)/,
  ],
  parseJson,
};

export default shopify;

/*
 * Fixtures: (test/fixtures/shopify/) Inferred, not captured: the <time datetime> in the date
 * cell, the "Archived" badge, and the GraphQL endpoint; column labels and statuses are Shopify's.
 * - orders.html: https://admin.shopify.com/store/kezhi-test-shop/orders, current admin with
 *   obfuscated classes: 7 orders (pending, authorized, paid+fulfilled, archived, voided,
 *   partially refunded, refunded), a "No customer" order (masked), columns in the seller's order.
 * - unpaid.html: https://admin.shopify.com/store/kezhi-test-shop/orders?status=open&financial_status=pending
 *   (older admin with Polaris class names), buyers partly repeat.
 * - orders-graphql.json: a body from https://admin.shopify.com/api/shopify/kezhi-test-shop?operation=OrderListData&type=query
 * - drift.html: the list with the Total column gone (must give no order).
 * Expected parses: *.expected.json next to each.
 */
