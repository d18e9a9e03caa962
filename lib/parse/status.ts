/**
 * Order statuses as the platforms, their APIs and their exports write them, to our seven.
 * Shared by the adapters and the report importers.
 */
import type { OrderStatus } from '../schemas';

/** Chinese and English status texts and platform enums -> our seven statuses. */
const STATUS_PATTERNS: [RegExp, OrderStatus][] = [
  // Platform enums the general patterns below miss or misread; first, because order matters:
  // Shopify's PARTIALLY_REFUNDED would otherwise hit REFUNDED, and JD's FINISHED_L, TRADE_CANCELED,
  // WAIT_SELLER_STOCK_OUT / WAIT_GOODS_RECEIVE_CONFIRM (POP enums) and Douyin's 备货中 / 部分发货
  // would match nothing.
  [/PARTIALLY_REFUNDED|部分退款(?!中)/i, 'partially_refunded'],
  [/TRADE_CANCELED/i, 'closed'],
  [/PARTIALLY_PAID|^NOT_PAY$/i, 'unpaid'],
  [/FINISHED_L/i, 'completed'],
  [/WAIT_GOODS_RECEIVE_CONFIRM|等待确认收货|部分发货/i, 'shipped'],
  [/WAIT_SELLER_STOCK_OUT|WAIT_SELLER_DELIVERY|备货中|^已支付$/i, 'paid'],
  [/退款成功|已退款|REFUNDED|^refunded$/i, 'refunded'],
  [/退款中|售后中|售后|REFUNDING|PARTIALLY_REFUNDED/i, 'refunding'],
  [/交易关闭|已关闭|已取消|取消|TRADE_CLOSED|^cancell?ed$|^failed$|EXPIRED|VOIDED/i, 'closed'],
  [/等待买家付款|待付款|待支付|未付款|WAIT_BUYER_PAY|^pending$|PENDING|^on-hold$/i, 'unpaid'],
  [/交易成功|已完成|已签收|完成|TRADE_FINISHED|^completed$/i, 'completed'],
  [
    /已发货|待收货|等待买家确认|WAIT_BUYER_CONFIRM_GOODS|SELLER_CONSIGNED|FULFILLED|^shipped$/i,
    'shipped',
  ],
  [/已付款|待发货|待出库|WAIT_SELLER_SEND_GOODS|^processing$|^PAID$|AUTHORIZED/i, 'paid'],
];

/** A status text or platform enum -> our status, or undefined when no pattern knows it. */
export function normaliseStatus(input: unknown): OrderStatus | undefined {
  if (typeof input !== 'string') return undefined;
  const s = input.trim();
  if (!s) return undefined;
  for (const [re, status] of STATUS_PATTERNS) if (re.test(s)) return status;
  return undefined;
}
