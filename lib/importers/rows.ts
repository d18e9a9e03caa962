/**
 * One report row (cells as text) to one validated OrderInput or item line. Pure and total: every
 * input gives either a value or a reason the seller can act on; nothing here throws.
 */
import type { z } from '../zod';
import { parseCellCount } from '../parse/quantity';
import { parseChinaTime } from '../parse/time';
import { yuanToFen } from '../parse/money';
import { Id, OrderInput, OrderItem, buyerIdFor, isMaskedNick, type Platform } from '../schemas';
import type { Detection, Field } from './formats';
import { say, type ImporterKey, type SayVars } from '../i18n/importer';
import { clip, type Message } from './messages';
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

type After<K, P extends string> = K extends `${P}${infer Rest}` ? Rest : never;
/** Fields whose empty cell has its own sentence (the English one says what the column holds). */
type RequiredField = Extract<Field, After<ImporterKey, 'row.missing.'>>;

const fail = <T>(key: Extract<ImporterKey, `row.${string}`>, vars?: SayVars): RowResult<T> => ({
  ok: false,
  reason: say(key, vars),
});

/** A cell the row cannot use, quoted and named by its column: 实付金额「abc」不是有效的金额. */
const badCell = <T>(
  det: Detection,
  field: Field,
  raw: string,
  key: Extract<ImporterKey, `row.bad.${string}`>,
): RowResult<T> => fail(key, { name: fieldLabel(det, field), value: clip(raw, 40) });

/** A required column left empty: "缺少实付金额" / "实付金额 (amount) is empty". */
const missing = <T>(det: Detection, field: RequiredField): RowResult<T> =>
  fail(`row.missing.${field}`, { name: fieldLabel(det, field) });

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
  const id = raw.replace(/^'/, '').trim();
  if (!id) return missing(det, 'orderId');
  if (SCIENTIFIC.test(id))
    return fail('row.scientificId', { name: fieldLabel(det, 'orderId'), id });
  if (!Id.safeParse(id).success) return badCell(det, 'orderId', id, 'row.bad.orderId');
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
  bad: Extract<ImporterKey, `row.bad.${string}`>,
) {
  return (det: Detection, field: Field, raw: string): RowResult<T | undefined> => {
    if (blank(raw)) return { ok: true, value: undefined };
    const value = parse(raw);
    return value === undefined ? badCell(det, field, raw, bad) : { ok: true, value };
  };
}

const isEmpty = (s: string): boolean => s === '';
const readTime = cellReader(parseChinaTime, isBlank, 'row.bad.time');
const readMoney = cellReader(yuanToFen, isEmpty, 'row.bad.amount');
const readCount = cellReader(parseCellCount, isEmpty, 'row.bad.quantity');

/** A cell the row cannot do without: read by `read`, a blank one is missing. */
function required<T>(
  read: (det: Detection, field: Field, raw: string) => RowResult<T | undefined>,
  det: Detection,
  field: RequiredField,
  raw: string,
): RowResult<T> {
  const r = read(det, field, raw);
  if (!r.ok) return r;
  return r.value === undefined ? missing(det, field) : { ok: true, value: r.value };
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
  return say('row.schema', { name, problem: first?.message ?? say('row.invalid') });
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
  if (!status)
    return statusText
      ? badCell(det, 'status', statusText, 'row.bad.status')
      : missing(det, 'status');
  const after = det.columns.afterSale !== undefined ? afterSaleStatus(get('afterSale')) : undefined;
  if (after) status = after;

  const created = required(readTime, det, 'createdAt', get('createdAt'));
  if (!created.ok) return created;
  const paid = readTime(det, 'paidAt', get('paidAt'));
  if (!paid.ok) return paid;
  // Pinduoduo's 成交时间 is the moment of payment: its exports list paid orders only.
  const paidAt =
    paid.value ??
    (det.format.id === 'pinduoduo' && status !== 'unpaid' ? created.value : undefined);

  const paidAmount = required(readMoney, det, 'amount', get('amount'));
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
  if (!title) return missing(det, 'title');
  const quantity = readCount(det, 'quantity', get('quantity'));
  if (!quantity.ok) return quantity;
  if (!quantity.value) return fail('row.noQuantity', { name: fieldLabel(det, 'quantity') });
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
