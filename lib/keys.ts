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

/** A nick the platform masked: 牛** , a***b, 张*. */
export const isMaskedNick = (nick: string): boolean => /\*{1,}/.test(nick);

/**
 * The buyer id for an order: the platform's own id when the data has one; otherwise the nick;
 * for a masked nick without an id, the order's own id, because two masked nicks that look the
 * same are not the same buyer.
 */
export function buyerIdFor(opts: { platformBuyerId?: string; nick: string; orderId: string }): {
  buyerId: string;
  identity: Identity;
} {
  if (opts.platformBuyerId) return { buyerId: `id:${opts.platformBuyerId}`, identity: 'known' };
  if (isMaskedNick(opts.nick) || opts.nick.trim() === '')
    return { buyerId: `order:${opts.orderId}`, identity: 'masked' };
  return { buyerId: `nick:${opts.nick}`, identity: 'known' };
}
