/**
 * One report row (cells as text) to one validated OrderInput or item line. Pure and total: every
 * input gives either a value or a reason the seller can act on; nothing here throws.
 */
import { parseCellCount } from '../parse/quantity';
import { normaliseStatus } from '../parse/status';
import { parseChinaTime } from '../parse/time';
import { yuanToFen } from '../parse/money';
import {
  Id,
  OrderInput,
  OrderItem,
  buyerIdFor,
  isMaskedNick,
  type OrderStatus,
  type Platform,
} from '../schemas';
import type { Detection, Field } from './formats';
import { msg, type Message } from './messages';

export type RowResult<T> = { ok: true; value: T } | { ok: false; reason: Message };

/** Item lines of one order from an items report, to merge into an order already stored. */
export interface OrderItemsPatch {
  platform: Platform;
  shopId: string;
  orderId: string;
  /** Every item line of the order seen in the file: replaces the order's items. */
  items: OrderItem[];
}

/** What a row needs besides its cells. */
export interface RowContext {
  shopId: string;
  /** Items from an items report, by order id: they replace the titles-only items of an order. */
  itemsByOrder?: ReadonlyMap<string, readonly OrderItem[]>;
}

/**
 * Export statuses that normaliseStatus (lib/parse/status.ts) does not know yet, as the exports
 * write them. Consulted only after normaliseStatus, so a fix there wins.
 */
export const EXPORT_STATUSES: Readonly<Record<string, OrderStatus>> = {
  // Taobao: "等待卖家发货" has 待 and 发货 apart, so /待发货/ misses it.
  等待卖家发货: 'paid',
  卖家部分发货: 'shipped',
  交易自动关闭: 'closed',
  // JD: 等待确认收货 is JD's "shipped, awaiting receipt"; 锁定 holds an order while a cancel or
  // after-sale request is handled; (删除)锁定 is a locked order the buyer deleted.
  等待确认收货: 'shipped',
  锁定: 'refunding',
  '(删除)锁定': 'closed',
  // Pinduoduo: a paid group-buy order whose group is not yet full.
  拼团中: 'paid',
};

/** A status text from an export, or undefined when nobody knows it. */
export function exportStatus(text: string): OrderStatus | undefined {
  const s = text.trim().replace(/（/g, '(').replace(/）/g, ')');
  return normaliseStatus(s) ?? EXPORT_STATUSES[s];
}

/**
 * A cell as the seller meant it: Taobao writes ids as `="3306183637220018070"` and spreadsheets
 * keep long numbers as text with a leading `'` or tab; none of that is part of the value.
 */
export function cleanCell(cell: string | undefined): string {
  if (cell === undefined) return '';
  let s = cell.trim();
  const formula = /^="(.*)"$/s.exec(s);
  if (formula) s = (formula[1] ?? '').trim();
  return s;
}

/** A value that only says "nothing here". */
const isBlank = (s: string): boolean => /^(|-|--|null|NULL|无|0000-00-00( 00:00(:00)?)?)$/.test(s);

const clip = (s: string, max: number): string => (s.length > max ? s.slice(0, max - 1) + '…' : s);

const fieldLabel = (det: Detection, field: Field): string =>
  (det.mapping[field] ?? det.format.columns[field]?.[0] ?? field).trim();

const fail = <T>(zh: string, en: string): RowResult<T> => ({ ok: false, reason: msg(zh, en) });

/** Cells of one row, read by field. */
function reader(det: Detection, cells: readonly string[]) {
  return (field: Field): string => {
    const at = det.columns[field];
    return at === undefined ? '' : cleanCell(cells[at]);
  };
}

/** Ids that a spreadsheet turned into 3.30618363722002E+18: the digits are gone for good. */
const SCIENTIFIC = /^\d+(\.\d+)?e\+?\d+$/i;

function readOrderId(det: Detection, raw: string): RowResult<string> {
  const name = fieldLabel(det, 'orderId');
  const id = raw.replace(/^'/, '').trim();
  if (!id) return fail(`缺少${name}`, `${name} (order id) is empty`);
  if (SCIENTIFIC.test(id))
    return fail(
      `${name}「${id}」被表格软件改成了科学计数法，原编号已丢失：请从平台重新导出，不要用 Excel 另存。`,
      `${name} "${id}" was turned into scientific notation by a spreadsheet; the id is lost. ` +
        'Export again from the platform without re-saving in Excel.',
    );
  const ok = Id.safeParse(id);
  if (!ok.success)
    return fail(
      `${name}「${clip(id, 40)}」不是有效的订单编号`,
      `${name} "${clip(id, 40)}" is not a valid order id`,
    );
  return { ok: true, value: id };
}

function readTime(det: Detection, field: Field, raw: string): RowResult<number | undefined> {
  if (isBlank(raw)) return { ok: true, value: undefined };
  const t = parseChinaTime(raw);
  if (t !== undefined) return { ok: true, value: t };
  const name = fieldLabel(det, field);
  return fail(
    `${name}「${clip(raw, 40)}」不是可识别的时间`,
    `${name} "${clip(raw, 40)}" is not a time we can read`,
  );
}

function readMoney(det: Detection, field: Field, raw: string): RowResult<number | undefined> {
  if (raw === '') return { ok: true, value: undefined };
  const fen = yuanToFen(raw);
  if (fen !== undefined) return { ok: true, value: fen };
  const name = fieldLabel(det, field);
  return fail(
    `${name}「${clip(raw, 40)}」不是有效的金额`,
    `${name} "${clip(raw, 40)}" is not a valid amount`,
  );
}

function readCount(det: Detection, field: Field, raw: string): RowResult<number | undefined> {
  if (raw === '') return { ok: true, value: undefined };
  const n = parseCellCount(raw);
  if (n !== undefined) return { ok: true, value: n };
  const name = fieldLabel(det, field);
  return fail(
    `${name}「${clip(raw, 40)}」不是有效的数量`,
    `${name} "${clip(raw, 40)}" is not a valid quantity`,
  );
}

/** Province-level divisions, short names; 黑龙江 and 内蒙古 before any 2-character prefix of theirs. */
const PROVINCES =
  '黑龙江|内蒙古|北京|天津|上海|重庆|河北|山西|辽宁|吉林|江苏|浙江|安徽|福建|江西|山东|河南|湖北|' +
  '湖南|广东|海南|四川|贵州|云南|陕西|甘肃|青海|台湾|广西|西藏|宁夏|新疆|香港|澳门';
const PROVINCE = new RegExp(
  `^(?:${PROVINCES})(?:省|市|壮族自治区|回族自治区|维吾尔自治区|自治区|特别行政区)?`,
);

/**
 * The province of an address, never the street: Taobao separates parts with spaces
 * ("浙江省 杭州市 西湖区 …"), JD may not ("北京朝阳区…"). The province is written as the file
 * writes it (浙江省, 北京). An address we cannot place gives no region rather than a street.
 */
export function regionOf(address: string): string | undefined {
  const s = address.trim();
  const province = PROVINCE.exec(s);
  if (province) return province[0];
  const first = s.split(/\s+/)[0] ?? '';
  // A short first part of a spaced address (a region we do not list, e.g. abroad) is kept.
  return first.length <= 8 && first !== s && !/\*/.test(first) ? first : undefined;
}

/** Splits "A，B" into titles only when the count agrees with 宝贝种类. */
function splitTitles(titles: string, kinds: number): string[] | undefined {
  for (const sep of ['；', ';', '，', ',', '|']) {
    const parts = titles
      .split(sep)
      .map((t) => t.trim())
      .filter(Boolean);
    if (parts.length === kinds) return parts;
  }
  return undefined;
}

/**
 * Items of a one-row-per-order report. Titles are split per item only when that is exact
 * (as many titles as 宝贝种类 and one piece each); otherwise one line carries all titles and the
 * total quantity, rather than inventing per-item quantities. The items report fills in detail.
 */
function itemsOf(
  title: string,
  kinds: number | undefined,
  quantity: number | undefined,
  extra: { sku?: string; itemId?: string; unitPrice?: number },
): OrderItem[] {
  if (!title) return [];
  if (kinds !== undefined && kinds > 1 && quantity === kinds) {
    const parts = splitTitles(title, kinds);
    if (parts) return parts.map((t) => ({ title: clip(t, 500), quantity: 1 }));
  }
  const item: OrderItem = { title: clip(title, 500), quantity: Math.max(1, quantity ?? 1) };
  if (extra.sku) item.sku = clip(extra.sku, 300);
  if (extra.itemId) item.itemId = extra.itemId;
  if (extra.unitPrice !== undefined) item.unitPrice = extra.unitPrice;
  return [item];
}

/** Pinduoduo's 售后状态 overrides the order status once money went back (or is going back). */
function afterSaleStatus(text: string): OrderStatus | undefined {
  if (/退款成功/.test(text)) return 'refunded';
  if (/退款中|处理中|待商家处理|待买家/.test(text)) return 'refunding';
  return undefined;
}

const ZOD_FIELD: Readonly<Record<string, Field>> = {
  orderId: 'orderId',
  buyerId: 'buyerNick',
  buyerNick: 'buyerNick',
  status: 'status',
  createdAt: 'createdAt',
  paidAt: 'paidAt',
  amount: 'amount',
  items: 'title',
  receiverName: 'receiverName',
  receiverPhone: 'mobile',
  region: 'address',
};

/** The first schema complaint, named by the column it came from. */
function schemaReason(det: Detection, issues: readonly { path: PropertyKey[]; message: string }[]) {
  const first = issues[0];
  const key = String(first?.path[0] ?? '');
  const field = ZOD_FIELD[key];
  const name = field ? fieldLabel(det, field) : key || '订单';
  return msg(
    `${name}：${first?.message ?? '不符合要求'}`,
    `${name}: ${first?.message ?? 'invalid'}`,
  );
}

/** One row of an orders report to a validated order. */
export function readOrderRow(
  det: Detection,
  cells: readonly string[],
  ctx: RowContext,
): RowResult<OrderInput> {
  const get = reader(det, cells);
  const id = readOrderId(det, get('orderId'));
  if (!id.ok) return id;
  const orderId = id.value;

  const statusText = get('status');
  let status = exportStatus(statusText);
  const statusName = fieldLabel(det, 'status');
  if (!status)
    return statusText
      ? fail(
          `${statusName}「${clip(statusText, 40)}」无法识别`,
          `${statusName} "${clip(statusText, 40)}" is not a status we know`,
        )
      : fail(`缺少${statusName}`, `${statusName} (status) is empty`);
  const after = det.columns.afterSale !== undefined ? afterSaleStatus(get('afterSale')) : undefined;
  if (after) status = after;

  const created = readTime(det, 'createdAt', get('createdAt'));
  if (!created.ok) return created;
  if (created.value === undefined) {
    const name = fieldLabel(det, 'createdAt');
    return fail(`缺少${name}`, `${name} (created time) is empty`);
  }
  const paid = readTime(det, 'paidAt', get('paidAt'));
  if (!paid.ok) return paid;
  // Pinduoduo's 成交时间 is the moment of payment: its exports list paid orders only.
  const paidAt =
    paid.value ??
    (det.format.id === 'pinduoduo' && status !== 'unpaid' ? created.value : undefined);

  const paidAmount = readMoney(det, 'amount', get('amount'));
  if (!paidAmount.ok) return paidAmount;
  if (paidAmount.value === undefined) {
    const name = fieldLabel(det, 'amount');
    return fail(`缺少${name}`, `${name} (amount) is empty`);
  }
  const payable = readMoney(det, 'payable', get('payable'));
  if (!payable.ok) return payable;
  // An unpaid order has paid nothing yet: its amount is what it will cost (schemas.ts).
  const amount =
    status === 'unpaid' && paidAmount.value === 0 && payable.value !== undefined
      ? payable.value
      : paidAmount.value;

  const refunded = readMoney(det, 'refunded', get('refunded'));
  if (!refunded.ok) return refunded;

  const kinds = readCount(det, 'kinds', get('kinds'));
  if (!kinds.ok) return kinds;
  const quantity = readCount(det, 'quantity', get('quantity'));
  if (!quantity.ok) return quantity;
  const unitPrice = readMoney(det, 'unitPrice', get('unitPrice'));
  if (!unitPrice.ok) return unitPrice;
  const joined = det.format.rowsPerOrder === 'one' ? ctx.itemsByOrder?.get(orderId) : undefined;
  const items = joined
    ? [...joined]
    : itemsOf(get('title'), kinds.value, quantity.value, {
        sku: get('sku') || undefined,
        itemId: get('itemId') || undefined,
        unitPrice: unitPrice.value,
      });

  const nick = get('buyerNick');
  // JD's 下单帐号 is the buyer's account (pin): an id when the export shows it unmasked.
  const platformBuyerId = det.format.platform === 'jd' && !isMaskedNick(nick) ? nick : undefined;
  const buyer = buyerIdFor({ platformBuyerId, nick, orderId });

  const phone = (get('mobile') || get('phone')).replace(/^'/, '');
  const receiverName = get('receiverName');
  const region = regionOf(get('address'));

  const candidate: OrderInput = {
    platform: det.format.platform,
    shopId: ctx.shopId,
    orderId,
    buyerId: buyer.buyerId,
    buyerNick: nick,
    identity: buyer.identity,
    status,
    createdAt: created.value,
    amount,
    items,
    source: 'import',
  };
  if (paidAt !== undefined) candidate.paidAt = paidAt;
  // 退款金额 below what was paid on a kept order: partially refunded (domain.md), amount kept.
  if (refunded.value) {
    candidate.refundedAmount = refunded.value;
    if (refunded.value < amount && ['paid', 'shipped', 'completed'].includes(status))
      candidate.status = 'partially_refunded';
  }
  if (receiverName) candidate.receiverName = receiverName;
  if (phone) candidate.receiverPhone = phone;
  if (region) candidate.region = region;

  const parsed = OrderInput.safeParse(candidate);
  return parsed.success
    ? { ok: true, value: parsed.data }
    : { ok: false, reason: schemaReason(det, parsed.error.issues) };
}

/** One row of an items report to one item line of an order. */
export function readItemRow(
  det: Detection,
  cells: readonly string[],
  ctx: RowContext,
): RowResult<OrderItemsPatch> {
  const get = reader(det, cells);
  const id = readOrderId(det, get('orderId'));
  if (!id.ok) return id;
  const title = get('title');
  if (!title) {
    const name = fieldLabel(det, 'title');
    return fail(`缺少${name}`, `${name} (item title) is empty`);
  }
  const quantity = readCount(det, 'quantity', get('quantity'));
  if (!quantity.ok) return quantity;
  if (!quantity.value) {
    const name = fieldLabel(det, 'quantity');
    return fail(`${name}为空或为 0`, `${name} (quantity) is empty or 0`);
  }
  const unitPrice = readMoney(det, 'unitPrice', get('unitPrice'));
  if (!unitPrice.ok) return unitPrice;
  const item: OrderItem = { title: clip(title, 500), quantity: quantity.value };
  const sku = [get('sku'), get('package')].filter(Boolean).join('；');
  if (sku) item.sku = clip(sku, 300);
  if (unitPrice.value !== undefined) item.unitPrice = unitPrice.value;
  const itemId = get('itemId').replace(/^'/, '');
  if (itemId) item.itemId = itemId;
  const parsed = OrderItem.safeParse(item);
  if (!parsed.success) {
    const first = parsed.error.issues[0];
    const key = String(first?.path[0] ?? '');
    const field: Field =
      key === 'sku'
        ? 'sku'
        : key === 'itemId'
          ? 'itemId'
          : key === 'unitPrice'
            ? 'unitPrice'
            : 'title';
    const name = fieldLabel(det, field);
    return fail(
      `${name}：${first?.message ?? '不符合要求'}`,
      `${name}: ${first?.message ?? 'invalid'}`,
    );
  }
  return {
    ok: true,
    value: {
      platform: det.format.platform,
      shopId: ctx.shopId,
      orderId: id.value,
      items: [parsed.data],
    },
  };
}
