/**
 * What the two Taobao adapters (old list page, 千牛 SPA) and the asyncSold JSON parser share:
 * buyer identity rules, sku text and item ids. Pure functions (shop ids live in lib/shops.ts).
 */
import { buyerIdFor, isMaskedNick } from '../keys';
import type { Identity } from '../schemas';

/** Taobao order ids: 19 digits today, 15-16 on old orders. Anything else is not an order id. */
export const TAOBAO_ORDER_ID = /^\d{12,20}$/;

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
