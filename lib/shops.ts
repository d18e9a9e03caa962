/**
 * Shop ids and shop names: how a page's header becomes a shop id (the schema's Id is ASCII), and
 * how an id reads back as the name a seller knows. The one place for both.
 */
import { fnv1a } from './keys';
import { isId } from './order-check';

/**
 * A shop id from what a backend header shows: the numeric shop id if there is one (stable across
 * renames), else the shop name when it is a valid id (ASCII), else `default`. A Chinese name is
 * not an id (the Id schema is ASCII), and a hash would hide which shop it was.
 */
export function shopIdFrom(idText: string, nameText: string): string {
  const digits = /\d{3,20}/.exec(idText)?.[0];
  if (digits) return digits;
  const name = nameText.trim();
  return name && isId(name) ? name : 'default';
}

/**
 * A shop id as a seller reads it: ids made from a Chinese seller nick write each character as
 * `~` + 4 base-36 digits (see taobaoShopId); this turns them back. A hashed tail (`~~…`) stays.
 */
export function shopDisplayName(shopId: string): string {
  return shopId
    .replace(/~~[0-9a-f]{8}$/, '…')
    .replace(/~([0-9a-z]{4})/g, (_, code: string) => String.fromCodePoint(parseInt(code, 36)));
}

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
