/**
 * One report row (cells as text) to one validated OrderInput or item line. Pure and total: every
 * input gives either a value or a reason the seller can act on; nothing here throws.
 */
import type { z } from 'zod';
import { parseCellCount } from '../parse/quantity';
import { parseChinaTime } from '../parse/time';
import { yuanToFen } from '../parse/money';
import { Id, OrderInput, OrderItem, buyerIdFor, isMaskedNick, type Platform } from '../schemas';
import type { Detection, Field } from './formats';
import { clip, msg, type Message } from './messages';
import { afterSaleStatus, exportStatus } from './export-status';
import { regionOf } from './region';
import { itemsOf } from './report-items';

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

type Cells = ReturnType<typeof reader>;

/**
 * A reader of one kind of report row: the order id is read first (a row without a valid one is
 * no row), then `read` takes the row's cells from there.
 */
function rowReader<T>(
  read: (det: Detection, get: Cells, orderId: string, ctx: RowContext) => RowResult<T>,
) {
  return (det: Detection, cells: readonly string[], ctx: RowContext): RowResult<T> => {
    const get = reader(det, cells);
    const id = readOrderId(det, get('orderId'));
    return id.ok ? read(det, get, id.value, ctx) : id;
  };
}

/**
 * A reader for one kind of cell: a blank cell is no value, a cell `parse` accepts is its value,
 * anything else is a reason naming the column ("… is not a valid amount").
 */
function cellReader<T>(
  parse: (raw: string) => T | undefined,
  blank: (raw: string) => boolean,
  zh: string,
  en: string,
) {
  return (det: Detection, field: Field, raw: string): RowResult<T | undefined> => {
    if (blank(raw)) return { ok: true, value: undefined };
    const value = parse(raw);
    if (value !== undefined) return { ok: true, value };
    const name = fieldLabel(det, field);
    return fail(`${name}「${clip(raw, 40)}」${zh}`, `${name} "${clip(raw, 40)}" ${en}`);
  };
}

const isEmpty = (s: string): boolean => s === '';
const readTime = cellReader(
  parseChinaTime,
  isBlank,
  '不是可识别的时间',
  'is not a time we can read',
);
const readMoney = cellReader(yuanToFen, isEmpty, '不是有效的金额', 'is not a valid amount');
const readCount = cellReader(parseCellCount, isEmpty, '不是有效的数量', 'is not a valid quantity');

/** A required column left empty: "缺少实付金额" / "实付金额 (amount) is empty". */
function missing<T>(det: Detection, field: Field, what: string): RowResult<T> {
  const name = fieldLabel(det, field);
  return fail(`缺少${name}`, `${name} (${what}) is empty`);
}

/** A cell the row cannot do without: read by `read`, a blank one is missing. */
function required<T>(
  read: (det: Detection, field: Field, raw: string) => RowResult<T | undefined>,
  det: Detection,
  field: Field,
  raw: string,
  what: string,
): RowResult<T> {
  const r = read(det, field, raw);
  if (!r.ok) return r;
  return r.value === undefined ? missing(det, field, what) : { ok: true, value: r.value };
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

/** Item fields the schema may refuse, by the column they came from (anything else: the title). */
const ITEM_FIELD: Readonly<Record<string, Field>> = {
  sku: 'sku',
  itemId: 'itemId',
  unitPrice: 'unitPrice',
};

/** The first schema complaint, named by the column `fieldOf` says it came from. */
function schemaReason(
  det: Detection,
  issues: readonly { path: PropertyKey[]; message: string }[],
  fieldOf: (key: string) => Field | undefined,
): Message {
  const first = issues[0];
  const key = String(first?.path[0] ?? '');
  const field = fieldOf(key);
  const name = field ? fieldLabel(det, field) : key || '订单';
  return msg(
    `${name}：${first?.message ?? '不符合要求'}`,
    `${name}: ${first?.message ?? 'invalid'}`,
  );
}

/** The candidate as the schema takes it, or its first complaint named by its column. */
function checked<T>(
  schema: z.ZodType<T>,
  candidate: unknown,
  det: Detection,
  fieldOf: (key: string) => Field | undefined,
): RowResult<T> {
  const parsed = schema.safeParse(candidate);
  return parsed.success
    ? { ok: true, value: parsed.data }
    : { ok: false, reason: schemaReason(det, parsed.error.issues, fieldOf) };
}

/** One row of an orders report to a validated order. */
export const readOrderRow = rowReader<OrderInput>((det, get, orderId, ctx) => {
  const statusText = get('status');
  let status = exportStatus(statusText);
  const statusName = fieldLabel(det, 'status');
  if (!status)
    return statusText
      ? fail(
          `${statusName}「${clip(statusText, 40)}」无法识别`,
          `${statusName} "${clip(statusText, 40)}" is not a status we know`,
        )
      : missing(det, 'status', 'status');
  const after = det.columns.afterSale !== undefined ? afterSaleStatus(get('afterSale')) : undefined;
  if (after) status = after;

  const created = required(readTime, det, 'createdAt', get('createdAt'), 'created time');
  if (!created.ok) return created;
  const paid = readTime(det, 'paidAt', get('paidAt'));
  if (!paid.ok) return paid;
  // Pinduoduo's 成交时间 is the moment of payment: its exports list paid orders only.
  const paidAt =
    paid.value ??
    (det.format.id === 'pinduoduo' && status !== 'unpaid' ? created.value : undefined);

  const paidAmount = required(readMoney, det, 'amount', get('amount'), 'amount');
  if (!paidAmount.ok) return paidAmount;
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

  return checked(OrderInput, candidate, det, (key) => ZOD_FIELD[key]);
});

/** One row of an items report to one item line of an order. */
export const readItemRow = rowReader<OrderItemsPatch>((det, get, orderId, ctx) => {
  const title = get('title');
  if (!title) return missing(det, 'title', 'item title');
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
  const line = checked(OrderItem, item, det, (key) => ITEM_FIELD[key] ?? 'title');
  if (!line.ok) return line;
  return {
    ok: true,
    value: { platform: det.format.platform, shopId: ctx.shopId, orderId, items: [line.value] },
  };
});
