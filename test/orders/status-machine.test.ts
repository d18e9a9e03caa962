import fc from 'fast-check';
import { openDb, type KezhiDb } from '../../lib/db';
import { ingestOrders } from '../../lib/db/ingest';
import { nextStatus } from '../../lib/orders/status-machine';
import { OrderStatus, isPurchase } from '../../lib/schemas';
import { NOW, order } from '../support/make-order';
import { refApply, type RefState } from '../support/order-reference';

const ALL = OrderStatus.options;
const KEY = 'taobao:shop1:42';

/**
 * Written by hand from the platforms' flows: the stored status after ONE sighting, for a stored
 * order with no refund history and no platform timestamps. Columns in this order:
 */
const COLS = [
  'unpaid',
  'paid',
  'shipped',
  'completed',
  'closed',
  'refunding',
  'refunded',
  'partially_refunded',
  'unknown',
] as const;
const u = 'unpaid',
  p = 'paid',
  s = 'shipped',
  c = 'completed',
  x = 'closed',
  r = 'refunding',
  f = 'refunded',
  pr = 'partially_refunded',
  k = 'unknown';
// prettier-ignore
const AFTER_ONE: Record<OrderStatus, readonly OrderStatus[]> = {
  //                  u   p   s   c   x   r   f   pr  k
  unpaid:             [u,  p,  s,  c,  x,  r,  f,  pr, u],
  paid:               [p,  p,  s,  c,  x,  r,  f,  pr, p],
  shipped:            [s,  s,  s,  c,  x,  r,  f,  pr, s],
  completed:          [c,  c,  c,  c,  x,  r,  f,  pr, c],
  closed:             [x,  x,  x,  x,  x,  x,  x,  x,  x],
  // a refund ending without refund: the page shows a normal status again
  refunding:          [r,  p,  s,  c,  x,  r,  f,  pr, r],
  refunded:           [f,  f,  f,  f,  f,  f,  f,  f,  f],
  partially_refunded: [pr, p,  s,  c,  x,  r,  f,  pr, pr],
  unknown:            [u,  p,  s,  c,  x,  r,  f,  pr, k],
};

let db: KezhiDb;
beforeEach(async () => {
  db = openDb(`sm-${Math.random()}`);
  await db.open();
});
afterEach(() => db.close());

/** Ingests the sightings of order 42 one after another (a minute apart); returns the stored order. */
async function sight(
  ...seq: { status: OrderStatus; refundedAmount?: number; statusAt?: number }[]
) {
  let t = NOW;
  for (const o of seq) await ingestOrders(db, [order({ orderId: '42', ...o })], (t += 60_000));
  return (await db.orders.get(KEY))!;
}

describe('the status table, one sighting from each status', () => {
  for (const from of ALL)
    for (const to of ALL)
      test(`${from} seen as ${to} → ${AFTER_ONE[from][COLS.indexOf(to)]}`, () => {
        const out = nextStatus({ status: from, seenAt: NOW }, { status: to, seenAt: NOW + 1 });
        expect(out.status).toBe(AFTER_ONE[from][COLS.indexOf(to)]);
      });
});

describe('refunds through ingest', () => {
  test('completed → 退款中 → 交易成功 (refund refused) is completed again, and a purchase', async () => {
    const o = await sight(
      { status: 'completed' },
      { status: 'refunding' },
      { status: 'completed' },
    );
    expect(o.status).toBe('completed');
    const cust = (await db.customers.get(o.customerKey))!;
    expect(cust.purchaseCount).toBe(1);
    expect(cust.totalSpent).toBe(10000);
  });

  test('a withdrawn refund returns to the pre-refund status even when the page shows an earlier step', async () => {
    const o = await sight({ status: 'completed' }, { status: 'refunding' }, { status: 'paid' });
    expect(o.status).toBe('completed');
    expect(o.preRefundStatus).toBeUndefined();
  });

  test('while refunding the order remembers where it was', async () => {
    const o = await sight({ status: 'shipped' }, { status: 'refunding' });
    expect(o.status).toBe('refunding');
    expect(o.preRefundStatus).toBe('shipped');
    expect((await db.customers.get(o.customerKey))!.purchaseCount).toBe(0);
  });

  test('a partial refund stays a purchase, less the refunded amount', async () => {
    const o = await sight(
      { status: 'completed' },
      { status: 'partially_refunded', refundedAmount: 2500 },
    );
    expect(o.status).toBe('partially_refunded');
    const cust = (await db.customers.get(o.customerKey))!;
    expect(cust.purchaseCount).toBe(1);
    expect(cust.purchaseAmount).toEqual([7500]);
    expect(cust.totalSpent).toBe(7500);
  });

  test('a partial refund whose amount the page does not say keeps the whole amount', async () => {
    const o = await sight({ status: 'completed' }, { status: 'partially_refunded' });
    expect((await db.customers.get(o.customerKey))!.totalSpent).toBe(10000);
  });

  test('a fully refunded order is final: a later completed sighting without a platform time is stale', async () => {
    const o = await sight({ status: 'completed' }, { status: 'refunded' }, { status: 'completed' });
    expect(o.status).toBe('refunded');
    expect((await db.customers.get(o.customerKey))!.purchaseCount).toBe(0);
  });

  test('closed moves only for a sighting whose platform time is later than what we know', async () => {
    const closedAt = NOW - 3_600_000;
    let o = await sight(
      { status: 'closed', statusAt: closedAt },
      { status: 'paid', statusAt: closedAt - 1 },
    );
    expect(o.status).toBe('closed');
    await ingestOrders(
      db,
      [order({ orderId: '42', status: 'paid', statusAt: closedAt + 1 })],
      NOW + 1e6,
    );
    o = (await db.orders.get(KEY))!;
    expect(o.status).toBe('paid');
  });

  test('unknown never overrides a known status, and a known one replaces unknown', async () => {
    expect((await sight({ status: 'paid' }, { status: 'unknown' })).status).toBe('paid');
    await db.orders.clear();
    expect((await sight({ status: 'unknown' }, { status: 'shipped' })).status).toBe('shipped');
  });
});

test('any sequence of sightings ends where the reference rules say, and purchases agree', async () => {
  await fc.assert(
    fc.asyncProperty(
      fc.array(fc.constantFrom(...ALL), { minLength: 1, maxLength: 8 }),
      async (seq) => {
        const local = openDb(`sm-prop-${Math.random()}`);
        await local.open();
        try {
          let ref: RefState | undefined;
          let t = NOW;
          for (const status of seq) {
            await ingestOrders(local, [order({ orderId: '42', status })], (t += 1000));
            ref = refApply(ref, status);
            const stored = (await local.orders.get(KEY))!;
            expect(stored.status).toBe(ref.status);
            const cust = (await local.customers.get(stored.customerKey))!;
            expect(cust.purchaseCount).toBe(isPurchase(ref.status) ? 1 : 0);
          }
        } finally {
          local.close();
        }
      },
    ),
    { numRuns: Number(process.env.KEZHI_FUZZ_RUNS ?? 60) },
  );
});
