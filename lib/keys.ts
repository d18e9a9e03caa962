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
  /**
   * For name-only buyers: the receiver as shown (name, masked phone), so that two orders under one
   * display name join only when the receiver agrees too.
   */
  receiver?: string;
  orderId: string;
}

/** Longest key text kept as is; longer ones end in a hash (buyerId allows 220 characters). */
const KEY_TEXT_MAX = 180;

/** FNV-1a 32-bit as 8 hex digits: a stable short hash for over-long ids, not a security measure. */
export function fnv1a(s: string): string {
  let h = 0x811c9dc5;
  for (let i = 0; i < s.length; i++) {
    h ^= s.charCodeAt(i);
    h = Math.imul(h, 0x01000193) >>> 0;
  }
  return h.toString(16).padStart(8, '0');
}

/** Key text, bounded deterministically (teammates derive the same key from the same page). */
const keyText = (s: string): string =>
  s.length <= KEY_TEXT_MAX ? s : `${s.slice(0, KEY_TEXT_MAX - 10)}~~${fnv1a(s)}`;

/** A plausible e-mail address, lower-cased; anything else is not an identity. */
export function normalEmail(email: string | undefined): string | undefined {
  const e = email?.trim().toLowerCase();
  return e && /^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(e) && !isMaskedNick(e) ? e : undefined;
}

/**
 * The buyer id for an order, from the strongest evidence the page gives, and the kind of key it is:
 * - `platform` (`id:`): the platform's own account id;
 * - `email` (`mail:`): an e-mail address (Shopify, WooCommerce);
 * - `nick` (`nick:`): an unmasked account nick (Taobao, JD) that names one account;
 * - `token` (`tok:`): an opaque token for a masked buyer (千牛 encodeId). Whether the platform
 *   keeps it stable is measured per shop (lib/identity), not assumed;
 * - `name` (`name:`): a display name anyone may share. Two orders under one name are one customer
 *   only when the receiver agrees too, so the receiver (or, without one, the order) is in the key;
 * - `none` (`order:`): nothing identifies the buyer; the order stands alone.
 * Deterministic: every desk derives the same key from the same evidence.
 */
export function buyerIdFor(opts: BuyerEvidence): {
  buyerId: string;
  identity: Identity;
} {
  const nick = opts.nick.trim();
  const masked = isMaskedNick(nick) || nick === '';
  const platformId = opts.platformBuyerId?.trim();
  if (platformId) return { buyerId: `id:${keyText(platformId)}`, identity: 'platform' };
  const email = normalEmail(opts.email);
  if (email) return { buyerId: `mail:${keyText(email)}`, identity: 'email' };
  if (!masked && !opts.nameOnly) return { buyerId: `nick:${keyText(nick)}`, identity: 'nick' };
  const token = opts.token?.trim();
  if (token) return { buyerId: `tok:${keyText(token)}`, identity: 'token' };
  if (!masked) {
    const receiver = opts.receiver?.replace(/\s+/g, ' ').trim();
    const agree = receiver ? `r:${receiver}` : `order:${opts.orderId}`;
    return { buyerId: `name:${keyText(`${nick}|${agree}`)}`, identity: 'name' };
  }
  return { buyerId: `order:${opts.orderId}`, identity: 'none' };
}
