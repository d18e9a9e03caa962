/** Shared test data for the popup's component tests: a described customer and its orders. */
import { computeShopStats, describeCustomer } from '../../lib/customers';
import type { Order } from '../../lib/schemas';
import { DEFAULT_SETTINGS } from '../../lib/settings';
import { cn, makeCustomer } from './make-customer';

export const NOW = cn(2025, 6, 1);

export const customer = makeCustomer(
  [
    { at: cn(2025, 1, 10), amount: 12_000, orderId: '1001' },
    { at: cn(2025, 3, 5), amount: 8_000, orderId: '1002' },
    { at: cn(2025, 5, 20), amount: 20_000, orderId: '1003' },
  ],
  { key: 'taobao:shop1:nick:小明', nick: '小明' },
);

export const view = describeCustomer(customer, {
  stats: computeShopStats([customer], DEFAULT_SETTINGS, NOW),
  settings: DEFAULT_SETTINGS,
  now: NOW,
});

/** Orders given out of order on purpose: the card must sort them. */
export const orders: Order[] = [
  ['1002', cn(2025, 3, 5), 'completed', '羊毛围巾'],
  ['1003', cn(2025, 5, 20), 'shipped', '龙井茶 250g'],
  ['1001', cn(2025, 1, 10), 'completed', '羊毛围巾'],
].map(([orderId, createdAt, status, title]) => ({
  platform: 'taobao',
  shopId: 'shop1',
  orderId: orderId as string,
  key: `taobao:shop1:${orderId as string}`,
  customerKey: customer.key,
  buyerId: 'nick:小明',
  buyerNick: '小明',
  identity: 'known',
  status: status as Order['status'],
  createdAt: createdAt as number,
  amount: 10_000,
  items: [{ title: title as string, quantity: 1 }],
  receiverName: '王小明',
  receiverPhone: '13812345678',
  region: '浙江省杭州市西湖区文三路 100 号',
  source: 'dom',
  seenAt: NOW,
}));
