/** Test helpers for the dashboard: customers with their own keys, shops and contacts. */
import type { ContactEntry, Customer } from '../../lib/schemas';
import { buildCustomer, type TestPurchase } from './make-customer';

export { DAY, NOW, cn, buildCustomer, settingsWith } from './make-customer';

/** A customer of `shopId` (taobao) named `nick`, with the given purchases. */
export function buyer(
  nick: string,
  purchases: readonly TestPurchase[],
  opts: { shopId?: string; extra?: Partial<Customer> } = {},
): Customer {
  const shopId = opts.shopId ?? 'shop1';
  return buildCustomer(purchases, {
    key: `taobao:${shopId}:nick:${nick}`,
    shopId,
    buyerId: `nick:${nick}`,
    nick,
    searchTerms: [nick],
    ...opts.extra,
  });
}

/** A customer with orders but no purchase (an unpaid order `at`). */
export function unpaidOnly(nick: string, at: number, shopId = 'shop1'): Customer {
  return buyer(nick, [], {
    shopId,
    extra: { orderCount: 1, firstOrderAt: at, lastOrderAt: at, orderIds: ['u1'], orderTimes: [at] },
  });
}

let contactId = 0;

/** A contact-log entry (a 催付 by chat unless told otherwise). */
export function contact(
  p: Partial<ContactEntry> & { customerKey: string; at: number },
): ContactEntry {
  return {
    id: `c${++contactId}`,
    channel: 'chat',
    template: 'remind.new.chat.polite',
    staff: '',
    purpose: 'remind',
    ...p,
  };
}
