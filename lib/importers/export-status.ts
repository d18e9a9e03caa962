/**
 * Order statuses as the platforms' order reports write them: the shared table first, then what
 * only the exports say.
 */
import { normaliseStatus } from '../parse/status';
import type { OrderStatus } from '../schemas';

/**
 * Export statuses that normaliseStatus (lib/parse/status.ts) does not know yet, as the exports
 * write them. Consulted only after normaliseStatus, so a fix there wins.
 */
export const EXPORT_STATUSES: Readonly<Record<string, OrderStatus>> = {
  // Taobao: "等待卖家发货" has 待 and 发货 apart, so /待发货/ misses it.
  等待卖家发货: 'paid',
  卖家部分发货: 'shipped',
  交易自动关闭: 'closed',
  // JD: 等待确认收货 is JD's "shipped, awaiting receipt"; 锁定 holds an order while a cancel or
  // after-sale request is handled; (删除)锁定 is a locked order the buyer deleted.
  等待确认收货: 'shipped',
  锁定: 'refunding',
  '(删除)锁定': 'closed',
  // Pinduoduo: a paid group-buy order whose group is not yet full.
  拼团中: 'paid',
};

/** A status text from an export, or undefined when nobody knows it. */
export function exportStatus(text: string): OrderStatus | undefined {
  const s = text.trim().replace(/（/g, '(').replace(/）/g, ')');
  return normaliseStatus(s) ?? EXPORT_STATUSES[s];
}

/** Pinduoduo's 售后状态 overrides the order status once money went back (or is going back). */
export function afterSaleStatus(text: string): OrderStatus | undefined {
  if (/退款成功/.test(text)) return 'refunded';
  if (/退款中|处理中|待商家处理|待买家/.test(text)) return 'refunding';
  return undefined;
}
