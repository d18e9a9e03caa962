/**
 * Record keys and buyer identity rules, free of zod so the content script can use them without
 * carrying the schema library (lib/schemas.ts re-exports them for everyone else).
 */
import type { Identity, Platform } from './schemas';

export const orderKey = (platform: Platform, shopId: string, orderId: string): string =>
  `${platform}:${shopId}:${orderId}`;
export const customerKey = (platform: Platform, shopId: string, buyerId: string): string =>
  `${platform}:${shopId}:${buyerId}`;
export const shopKey = (platform: Platform, shopId: string): string => `${platform}:${shopId}`;

/**
 * A shop key back into its fields. Platform ids have no `:`, so everything after the first one is
 * the shop id, `:` and all (a WooCommerce shop on a port: `woocommerce:localhost:8080`). Order
 * and customer keys cannot be split this way (the shop id may itself hold `:`): match their
 * records' own platform and shopId fields instead.
 */
export function splitShopKey(key: string): { platform: string; shopId: string } | undefined {
  const at = key.indexOf(':');
  return at > 0 && at < key.length - 1
    ? { platform: key.slice(0, at), shopId: key.slice(at + 1) }
    : undefined;
}

/** A nick the platform masked: 牛** , a***b, 张*. */
export const isMaskedNick = (nick: string): boolean => /\*{1,}/.test(nick);

/**
 * Everything a page or body gives that may identify its buyer. Adapters fill what they can read;
 * buyerIdFor decides which is strongest (see the identity rules there).
 */
export interface BuyerEvidence {
  /** The platform's own account id (Taobao buyer.id > 0, JD userPin, Shopify/Woo customer id). */
  platformBuyerId?: string;
  /** An opaque per-buyer token whose stability is not promised (Taobao 千牛 buyer.encodeId). */
  token?: string;
  /** The buyer's e-mail (WooCommerce billing e-mail, Shopify customer e-mail). */
  email?: string;
  /** The nick or display name as shown (may be masked). */
  nick: string;
  /** The nick is a display name anyone may share (Shopify, Woo guests, Douyin), not an account nick. */
  nameOnly?: boolean;
  orderId: string;
}

/**
 * The buyer id for an order: the platform's own id when the data has one; otherwise the nick;
 * for a masked nick without an id, the order's own id, because two masked nicks that look the
 * same are not the same buyer.
 */
export function buyerIdFor(opts: BuyerEvidence): {
  buyerId: string;
  identity: Identity;
} {
  if (opts.platformBuyerId) return { buyerId: `id:${opts.platformBuyerId}`, identity: 'known' };
  if (isMaskedNick(opts.nick) || opts.nick.trim() === '')
    return { buyerId: `order:${opts.orderId}`, identity: 'masked' };
  return { buyerId: `nick:${opts.nick}`, identity: 'known' };
}
