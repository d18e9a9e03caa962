/**
 * What the two Taobao adapters (old list page, 千牛 SPA) and the asyncSold JSON parser share:
 * buyer identity rules, sku text, item ids, and turning what either page shows into a row and
 * its order. Pure functions (shop ids live in lib/shops.ts).
 */
import { buyerIdFor, isMaskedNick } from '../keys';
import { parseQuantity } from '../parse/quantity';
import type { Identity, OrderItem, OrderStatus } from '../schemas';
import { lacking, orderHead, rowWithOrder, type RowRead } from './candidate';
import { taobaoShopId } from '../shops';
import { queryAlternatives, queryFirst, textOf } from './dom';
import { optional } from './fields';
import type { AdapterContext, PageRow } from './types';

/** Taobao order ids: 19 digits today, 15-16 on old orders. Anything else is not an order id. */
export const TAOBAO_ORDER_ID = /^\d{12,20}$/;

/** An order id as both sold lists print it in a header: "订单号: 4261124210500000101". */
export const ORDER_ID_LABEL = /订单号\s*[:：]?\s*(\d{12,20})/;

/** The shop a sold list belongs to: the seller nick in its header ("店铺:子账号"). */
export const shopIdFromNick = (root: ParentNode, sellerNick: readonly string[]): string =>
  taobaoShopId(textOf(queryFirst(root, sellerNick)));

/**
 * Buyer identity for a Taobao order. The platform's buyer id is used only when the nick is masked:
 * the DOM pages and the order-report CSV carry only the nick, so keying unmasked buyers by an id
 * that just the JSON has would split one buyer into two customers. The same goes for the 千牛 JSON's
 * opaque `encodeId` token: it keys only a masked buyer.
 */
export function taobaoBuyer(
  nick: string,
  orderId: string,
  platformBuyerId?: string,
  token?: string,
): { buyerId: string; identity: Identity } {
  const masked = isMaskedNick(nick) || nick.trim() === '';
  return buyerIdFor({
    nick: nick.trim(),
    orderId,
    platformBuyerId: masked ? platformBuyerId : '',
    token: masked ? token : '',
  });
}

/** One sku property as `名称：值`, so the DOM and the JSON write the same sku string. */
export function skuPart(name: string, value: string): string {
  const n = name.trim();
  const v = value.trim();
  return n ? `${n}：${v}` : v;
}

/** "颜色分类：白色" or "颜色分类 : 白色" as the DOM prints one sku span -> skuPart form. */
export function skuFromText(text: string): string {
  const m = /^([^:：]*)[:：](.*)$/.exec(text.trim());
  return m ? skuPart(m[1] ?? '', m[2] ?? '') : text.trim();
}

/** The item id from an item link (`//item.taobao.com/item.htm?id=600000000001`). */
export function itemIdFromUrl(href: string | null | undefined): string | undefined {
  const m = /[?&](?:id|itemId)=(\d{5,20})(?:&|#|$)/.exec(href ?? '');
  return m?.[1];
}

/** A platform buyer id worth trusting: a digit string, safe integer or an open-uid-like token. */
export function platformBuyerId(value: unknown): string | undefined {
  if (typeof value === 'number')
    return Number.isSafeInteger(value) && value > 0 ? String(value) : undefined;
  if (typeof value !== 'string') return undefined;
  const s = value.trim();
  return /^[\w-]{1,64}$/.test(s) && !/^0+$/.test(s) ? s : undefined;
}

/** Where a Taobao page's item row keeps its title link and its sku spans. */
export interface TaobaoItemSelectors {
  itemTitle: readonly string[];
  skuItem: readonly string[];
}

/**
 * Item rows -> items. The first four cells of every item row are item, unit price, quantity and
 * 售后; each page reads its own price cell. A missing title, link, price or sku costs that field;
 * an item whose quantity cannot be read is left out (a guessed quantity would be a wrong figure).
 */
export function taobaoItems(
  rows: readonly Element[],
  sels: TaobaoItemSelectors,
  unitPriceOf: (priceCell: Element | undefined) => number | undefined,
): OrderItem[] {
  return rows.flatMap((tr) => {
    const cells = Array.from(tr.children).filter((c) => c.tagName === 'TD');
    const quantity = parseQuantity(textOf(cells[2]));
    if (quantity === undefined) return [];
    const titleEl = queryFirst(tr, sels.itemTitle);
    const sku = queryAlternatives(tr, sels.skuItem)
      .map((el) => skuFromText(textOf(el)))
      .filter(Boolean)
      .join('；');
    return [
      {
        title: textOf(titleEl),
        quantity,
        ...optional('sku', sku),
        ...optional('unitPrice', unitPriceOf(cells[1])),
        ...optional('itemId', itemIdFromUrl(titleEl?.getAttribute('href'))),
      },
    ];
  });
}

/** What a Taobao order page shows of one order, read by the page's own selectors. */
export interface TaobaoShown {
  nick: string;
  createdAt: number | undefined;
  amount: number | undefined;
  status: { status: OrderStatus; rawStatus?: string };
  items: OrderItem[];
}

/** The row with its order; without time or amount, the row alone (its badges come from JSON). */
export function taobaoRow(row: PageRow, ctx: AdapterContext, shown: TaobaoShown): RowRead {
  const { orderId } = row;
  const { nick, createdAt, amount } = shown;
  if (createdAt === undefined) return { row, reason: lacking(orderId, '创建时间') };
  if (amount === undefined) return { row, reason: lacking(orderId, '实收款') };
  return rowWithOrder(row, {
    ...orderHead('taobao', ctx, orderId, nick, taobaoBuyer(nick, orderId)),
    ...shown.status,
    createdAt,
    amount,
    items: shown.items,
    source: 'dom',
  });
}
