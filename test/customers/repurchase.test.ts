import { itemKeyOf, repurchaseCycles, type CycleOrder } from '../../lib/customers';
import type { OrderStatus } from '../../lib/schemas';
import { cn } from '../support/make-customer';

function order(
  customerKey: string,
  createdAt: number,
  items: CycleOrder['items'],
  status: OrderStatus = 'completed',
): CycleOrder {
  return { customerKey, createdAt, status, items };
}

const A = { title: '洗发水 500ml', itemId: '1001' };
const B = { title: '护发素' };

describe('repurchase cycles per item', () => {
  it('takes the median of days between consecutive purchases by the same customer', () => {
    const orders = [
      // alice buys A every 45 days; bob twice 57 days apart; carol once
      order('alice', cn(2025, 1, 1), [A]),
      order('alice', cn(2025, 2, 15), [A, B]),
      order('alice', cn(2025, 4, 1), [A]),
      order('bob', cn(2025, 1, 10), [A]),
      order('bob', cn(2025, 3, 8), [A]),
      order('carol', cn(2025, 3, 1), [A]),
    ];
    const cycles = repurchaseCycles(orders);
    // gaps 45, 45, 57 -> median 45
    expect(cycles.get('id:1001')).toEqual({ medianDays: 45, samples: 3, title: '洗发水 500ml' });
    // B bought once only: no cycle
    expect(cycles.has('title:护发素')).toBe(false);
  });

  it('counts purchases only: unpaid, closed and refunded orders are not purchases', () => {
    const statuses: OrderStatus[] = ['unpaid', 'closed', 'refunding', 'refunded'];
    const orders = [
      order('a', cn(2025, 1, 1), [B], 'paid'),
      ...statuses.map((s, i) => order('a', cn(2025, 1, 5 + i), [B], s)),
      order('a', cn(2025, 3, 2), [B], 'shipped'),
    ];
    expect(repurchaseCycles(orders).get('title:护发素')).toEqual({
      medianDays: 60,
      samples: 1,
      title: '护发素',
    });
  });

  it('does not mix customers, and counts a same-day repeat once', () => {
    const orders = [
      order('a', cn(2025, 1, 1), [B]),
      order('b', cn(2025, 1, 3), [B]),
      order('a', cn(2025, 1, 1, 20), [B]),
      order('a', cn(2025, 1, 31), [B]),
      order('b', cn(2025, 1, 23), [B]),
    ];
    // a: 30 days, b: 20 days -> median 25
    expect(repurchaseCycles(orders).get('title:护发素')).toEqual({
      medianDays: 25,
      samples: 2,
      title: '护发素',
    });
  });

  it('keys by item id when there is one, else by title', () => {
    expect(itemKeyOf(A)).toBe('id:1001');
    expect(itemKeyOf({ title: ' 护发素 ' })).toBe('title:护发素');
    expect(itemKeyOf({ title: '  ' })).toBeUndefined();
    // a renamed item keeps its cycle, shown under its newest title
    const renamed = [
      order('a', cn(2025, 1, 1), [{ title: '旧名', itemId: '7' }]),
      order('a', cn(2025, 2, 1), [{ title: '新名', itemId: '7' }]),
    ];
    expect(repurchaseCycles(renamed).get('id:7')).toEqual({
      medianDays: 31,
      samples: 1,
      title: '新名',
    });
  });

  it('is empty without repeat purchases', () => {
    expect(repurchaseCycles([]).size).toBe(0);
  });
});
