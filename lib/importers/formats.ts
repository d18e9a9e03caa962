/**
 * The order reports we know, recognised by their header row (never by file name: sellers rename
 * files, and the browser may hand us "download (3).csv"). Columns as in platforms.md, "Order
 * export files".
 */
import type { Platform } from '../schemas';
import { listOf, say } from '../i18n/importer';
import { refuse, type Message, type Refusal } from './messages';

/** Our name for a column, whatever the platform calls it. */
export type Field =
  | 'orderId'
  | 'buyerNick'
  | 'status'
  | 'createdAt'
  | 'paidAt'
  /** Amount actually paid. */
  | 'amount'
  /** Total payable; stands in for `amount` while an order is unpaid. */
  | 'payable'
  | 'title'
  /** Number of distinct items (宝贝种类). */
  | 'kinds'
  | 'quantity'
  | 'sku'
  | 'package'
  /** The platform's own item id (schemas.ts), never a seller's code: keys repurchase cycles. */
  | 'itemId'
  | 'unitPrice'
  | 'receiverName'
  | 'mobile'
  | 'phone'
  | 'address'
  | 'shopId'
  | 'shopName'
  | 'afterSale'
  /** Refunded amount (退款金额, real Taobao reports): a partial refund keeps the order a purchase. */
  | 'refunded';

export type FormatId = 'taobao-orders' | 'taobao-items' | 'taobao-qn' | 'pinduoduo' | 'jd';

/** What a report's rows become: whole orders, or item lines to merge into orders. */
export type FormatKind = 'orders' | 'items';

export interface FormatSpec {
  id: FormatId;
  platform: Platform;
  kind: FormatKind;
  label: Message;
  /** JD writes one row per SKU: adjacent rows with the same order id are one order. */
  rowsPerOrder: 'one' | 'many';
  /** Header text per field; the first alias present wins. */
  columns: Partial<Record<Field, readonly string[]>>;
  required: readonly Field[];
}

/** Every format we read, in the order detection prefers them on a tie. */
export const FORMATS: readonly FormatSpec[] = [
  {
    id: 'taobao-orders',
    platform: 'taobao',
    kind: 'orders',
    label: say('format.taobao-orders'),
    rowsPerOrder: 'one',
    columns: {
      orderId: ['订单编号'],
      buyerNick: ['买家会员名'],
      status: ['订单状态'],
      createdAt: ['订单创建时间'],
      paidAt: ['订单付款时间'],
      amount: ['买家实际支付金额'],
      refunded: ['退款金额'],
      payable: ['总金额'],
      title: ['宝贝标题'],
      kinds: ['宝贝种类'],
      quantity: ['宝贝总数量'],
      receiverName: ['收货人姓名'],
      mobile: ['联系手机'],
      phone: ['联系电话'],
      address: ['收货地址'],
      shopId: ['店铺Id'],
      shopName: ['店铺名称'],
    },
    required: ['orderId', 'buyerNick', 'status', 'createdAt', 'amount'],
  },
  {
    id: 'taobao-items',
    platform: 'taobao',
    kind: 'items',
    label: say('format.taobao-items'),
    rowsPerOrder: 'many',
    columns: {
      orderId: ['订单编号'],
      title: ['标题'],
      unitPrice: ['价格'],
      quantity: ['购买数量'],
      sku: ['商品属性'],
      package: ['套餐信息'],
      // No itemId: 商家编码 and 外部系统编号 are the seller's codes, not Taobao's item id, and
      // the live adapter keys items by the item id from the item URL.
      status: ['订单状态'],
    },
    required: ['orderId', 'title', 'unitPrice', 'quantity'],
  },
  {
    id: 'taobao-qn',
    platform: 'taobao',
    kind: 'orders',
    label: say('format.taobao-qn'),
    rowsPerOrder: 'one',
    columns: {
      orderId: ['订单编号'],
      status: ['订单状态'],
      createdAt: ['订单创建时间'],
      amount: ['买家实付金额'],
      payable: ['总金额'],
      title: ['商品标题'],
      kinds: ['宝贝种类'],
      quantity: ['宝贝总数量'],
      sku: ['商品属性SKU'],
      address: ['收货地址'],
    },
    required: ['orderId', 'status', 'createdAt', 'amount', 'title'],
  },
  {
    id: 'pinduoduo',
    platform: 'pinduoduo',
    kind: 'orders',
    label: say('format.pinduoduo'),
    rowsPerOrder: 'one',
    columns: {
      orderId: ['订单号'],
      status: ['订单状态'],
      createdAt: ['订单成交时间'],
      amount: ['用户实付金额(元)'],
      payable: ['商品总价(元)'],
      title: ['商品'],
      quantity: ['商品数量(件)'],
      sku: ['商品规格'],
      itemId: ['商品id'],
      afterSale: ['售后状态'],
    },
    required: ['orderId', 'status', 'createdAt', 'amount', 'title'],
  },
  {
    id: 'jd',
    platform: 'jd',
    kind: 'orders',
    label: say('format.jd'),
    rowsPerOrder: 'many',
    columns: {
      orderId: ['订单号'],
      buyerNick: ['下单帐号', '下单账号'],
      status: ['订单状态'],
      createdAt: ['下单时间'],
      paidAt: ['付款确认时间'],
      amount: ['应付金额', '订单金额'],
      title: ['商品名称'],
      quantity: ['订购数量'],
      itemId: ['商品ID'],
      unitPrice: ['京东价'],
      receiverName: ['客户姓名'],
      phone: ['联系电话'],
      address: ['客户地址'],
    },
    required: ['orderId', 'status', 'createdAt', 'amount', 'title'],
  },
];

/**
 * Header text as compared: no BOM, no whitespace (Taobao pads `收货地址 `), ASCII parentheses,
 * lower case (店铺Id / 店铺ID, 商品id / 商品ID).
 */
export function normaliseHeader(h: string): string {
  return h
    .replace(/\uFEFF/g, '')
    .replace(/\s+/g, '')
    .replace(/（/g, '(')
    .replace(/）/g, ')')
    .toLowerCase();
}

/** A recognised header row. */
export interface Detection {
  ok: true;
  format: FormatSpec;
  /** Column index per field. */
  columns: Partial<Record<Field, number>>;
  /** Field -> the header exactly as the file writes it, for the preview. */
  mapping: Partial<Record<Field, string>>;
}

function locate(
  spec: FormatSpec,
  index: ReadonlyMap<string, number>,
): Partial<Record<Field, number>> {
  const found: Partial<Record<Field, number>> = {};
  for (const [field, aliases] of Object.entries(spec.columns) as [Field, readonly string[]][]) {
    for (const alias of aliases) {
      const at = index.get(normaliseHeader(alias));
      if (at !== undefined) {
        found[field] = at;
        break;
      }
    }
  }
  return found;
}

const headerName = (spec: FormatSpec, field: Field): string => spec.columns[field]?.[0] ?? field;

/**
 * Which report a header row belongs to, with the column of every field we read; or a refusal that
 * names the columns the nearest known report would need. `only` limits the candidates to one
 * platform (the seller said which shop the file is from).
 */
export function detectFormat(header: readonly string[], only?: Platform): Detection | Refusal {
  const index = new Map<string, number>();
  header.forEach((h, i) => {
    const key = normaliseHeader(h);
    if (key && !index.has(key)) index.set(key, i);
  });
  const scored = FORMATS.map((spec) => {
    const columns = locate(spec, index);
    const missing = spec.required.filter((f) => columns[f] === undefined);
    return { spec, columns, missing, found: Object.keys(columns).length };
  });
  const complete = scored.filter((s) => s.missing.length === 0).sort((a, b) => b.found - a.found);
  const best = complete[0];
  if (best) {
    if (only && best.spec.platform !== only)
      return refuse('wrong-platform', 'refuse.wrongPlatform', { format: best.spec.label });
    const mapping: Partial<Record<Field, string>> = {};
    for (const [field, at] of Object.entries(best.columns) as [Field, number][])
      mapping[field] = header[at] ?? '';
    return { ok: true, format: best.spec, columns: best.columns, mapping };
  }
  if (header.some((h) => h.includes('\uFFFD')))
    return refuse('not-a-report', 'refuse.garbledHeader');
  const candidates = only ? scored.filter((s) => s.spec.platform === only) : scored;
  const nearest = [...candidates].sort(
    (a, b) => a.missing.length - b.missing.length || b.found - a.found,
  )[0];
  const missing = nearest ? nearest.missing.map((f) => headerName(nearest.spec, f)) : [];
  const firstCells = header
    .filter((h) => h.trim())
    .slice(0, 5)
    .map((h) => h.trim().slice(0, 20));
  return refuse('not-a-report', 'refuse.notAReport', {
    missing: listOf(missing),
    nearest: nearest?.spec.label ?? say('format.any'),
    seen: firstCells.length ? listOf(firstCells) : say('list.empty'),
  });
}
