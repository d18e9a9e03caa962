/** Test helpers for the database tests: a valid order input with defaults, and fixed instants. */
import type { OrderInput } from '../../lib/schemas';

export const T0 = Date.UTC(2026, 0, 1);
export const NOW = Date.UTC(2026, 10, 25);

/** A paid Taobao order of buyer1 in shop1 at T0, with `p` on top. */
export function order(p: Partial<OrderInput> & { orderId: string }): OrderInput {
  return {
    platform: 'taobao',
    shopId: 'shop1',
    buyerId: 'nick:buyer1',
    buyerNick: 'buyer1',
    identity: 'known',
    status: 'paid',
    createdAt: T0,
    amount: 10000,
    items: [{ title: '测试商品', quantity: 1 }],
    source: 'dom',
    ...p,
  };
}
