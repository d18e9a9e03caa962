/**
 * What the two Taobao adapters (old list page, 千牛 SPA) and the asyncSold JSON parser share:
 * shop ids from seller nicks, buyer identity rules, sku and quantity text. Pure functions.
 */
import { buyerIdFor, isMaskedNick } from '../keys';
import type { Identity } from '../schemas';

/** Taobao order ids: 19 digits today, 15-16 on old orders. Anything else is not an order id. */
export const TAOBAO_ORDER_ID = /^\d{12,20}$/;

/** The most characters of a shop id (the schema's Id allows 64). */
const SHOP_ID_MAX = 64;

/**
 * The shop id for a seller nick as the page header prints it.
 * Sub-accounts log in as `主账号:客服小王`; every member of staff must land in the same shop, so
 * only the part before the colon counts. The schema's Id is ASCII, so other characters are written
 * `~` + 4 base-36 digits (injective: `~` is never kept literally). Over-long results keep a prefix
 * and end in a hash. An empty nick gives `default`.
 */
export function taobaoShopId(nick: string): string {
  const main = (nick.split(/[:：]/)[0] ?? '').replace(/\s+/g, '');
  if (!main) return 'default';
  let out = '';
  for (const ch of main) {
    out += /^[A-Za-z0-9_.-]$/.test(ch)
      ? ch
      : '~' + (ch.codePointAt(0) ?? 0).toString(36).padStart(4, '0');
  }
  if (out.length <= SHOP_ID_MAX) return out;
  return `${out.slice(0, SHOP_ID_MAX - 10)}~~${fnv1a(main)}`;
}

/** FNV-1a 32-bit as 8 hex digits: a stable short hash, not a security measure. */
function fnv1a(s: string): string {
  let h = 0x811c9dc5;
  for (let i = 0; i < s.length; i++) {
    h ^= s.charCodeAt(i);
    h = Math.imul(h, 0x01000193) >>> 0;
  }
  return h.toString(16).padStart(8, '0');
}

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

/** "2", "×2", "x 2" -> 2. */
export function parseQuantity(text: string): number | undefined {
  const m = /^[x×X*]?\s*(\d{1,6})$/.exec(text.trim());
  return m ? Number(m[1]) : undefined;
}

/** A platform buyer id worth trusting: a digit string, safe integer or an open-uid-like token. */
export function platformBuyerId(value: unknown): string | undefined {
  if (typeof value === 'number')
    return Number.isSafeInteger(value) && value > 0 ? String(value) : undefined;
  if (typeof value !== 'string') return undefined;
  const s = value.trim();
  return /^[\w-]{1,64}$/.test(s) && !/^0+$/.test(s) ? s : undefined;
}
