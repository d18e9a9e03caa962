/**
 * The zod boundary under hostile input: validateOrders and ingestOrders get batches where some
 * orders are valid-but-strange (HTML payloads, RTL and zero-width marks, emoji as nicks and
 * titles) and some are invalid by construction (NaN/Infinity/negative/fractional amounts, amounts
 * as strings with commas and currency signs, dates after 2100 or before 2000, lone surrogates,
 * 1 MB nicks, ids with markup). The rejected count equals the invalid inputs, each with a reason;
 * the valid ones pass unchanged (stored as literal text, never "sanitised" into something else);
 * and nothing invalid reaches the database.
 */
import fc from 'fast-check';
import { openDb } from '../../lib/db';
import { recomputeCustomer } from '../../lib/db/aggregate';
import { ingestOrders, validateOrders } from '../../lib/db/ingest';
import { Customer, Order, PLATFORMS, type OrderInput } from '../../lib/schemas';
import {
  BAD_FEN,
  BAD_TIMES,
  DB_RUNS,
  TIMEOUT,
  LONE_SURROGATES,
  ONE_MB,
  RUNS,
  count,
  hostileNick,
  hostileString,
  runs,
  tally,
} from '../support/hostile';

const MIN_T = 946684800000;
const MAX_T = 4102444800000;

/** A valid order whose text fields are hostile but well-formed and within bounds. */
const validOrder = (orderId: string): fc.Arbitrary<OrderInput> =>
  fc
    .record({
      platform: fc.constantFrom(...PLATFORMS),
      nick: hostileNick,
      status: fc.constantFrom(
        'unpaid',
        'paid',
        'shipped',
        'completed',
        'closed',
        'refunding',
        'refunded',
      ),
      createdAt: fc.integer({ min: MIN_T, max: MAX_T }),
      amount: fc.integer({ min: 0, max: 1e12 }),
      titles: fc.array(
        hostileString.filter((s) => s.length <= 500 && s.isWellFormed()),
        {
          minLength: 1,
          maxLength: 3,
        },
      ),
      quantity: fc.integer({ min: 1, max: 100000 }),
      region: fc.option(hostileNick, { nil: undefined }),
    })
    .map((r) => ({
      platform: r.platform,
      shopId: 'shop1',
      orderId,
      buyerId: `nick:${r.nick}`,
      buyerNick: r.nick,
      identity: 'known' as const,
      status: r.status,
      createdAt: r.createdAt,
      amount: r.amount,
      items: r.titles.map((title) => ({ title, quantity: r.quantity })),
      ...(r.region !== undefined ? { region: r.region } : {}),
      source: 'dom' as const,
    }));

/** One way to make an order invalid, certain by construction (not by asking zod). */
const breakOrder: fc.Arbitrary<(o: OrderInput) => unknown> = fc.oneof(
  fc.constantFrom(...BAD_FEN).map((v) => (o: OrderInput) => ({ ...o, amount: v })),
  fc.constantFrom(...BAD_TIMES).map((v) => (o: OrderInput) => ({ ...o, createdAt: v })),
  fc.constantFrom(...BAD_TIMES).map((v) => (o: OrderInput) => ({ ...o, paidAt: v })),
  fc
    .constantFrom(...LONE_SURROGATES, ONE_MB, 'x'.repeat(201))
    .map((v) => (o: OrderInput) => ({ ...o, buyerNick: v })),
  fc
    .constantFrom(...LONE_SURROGATES, 'y'.repeat(501))
    .map((v) => (o: OrderInput) => ({ ...o, items: [{ title: v, quantity: 1 }, ...o.items] })),
  fc
    .constantFrom(0, -1, 1.5, Number.NaN, '2')
    .map((v) => (o: OrderInput) => ({ ...o, items: [{ title: 't', quantity: v }] })),
  fc
    .constantFrom('<script>', 'javascript:alert(1)', '"><img>', '', 'a b', '1'.repeat(65))
    .map((v) => (o: OrderInput) => ({ ...o, orderId: v })),
  fc.constantFrom('evil', '', null).map((v) => (o: OrderInput) => ({ ...o, platform: v })),
  fc.constant((o: OrderInput) => ({ ...o, buyerId: '' })),
  fc.constant(() => null),
  fc.constant(() => '<img src=x onerror=alert(1)>'),
  fc.constant(() => [1, 2, 3]),
  fc.constant(
    (o: OrderInput): unknown =>
      JSON.parse(`{"__proto__": {"amount": 1}, "orderId": "${o.orderId}"}`) as unknown,
  ),
);

/** A batch: each entry is a valid order or a broken one, and we know which. */
const batch = (prefix: string) =>
  fc.array(fc.tuple(fc.boolean(), breakOrder), { minLength: 1, maxLength: 12 }).chain((plan) =>
    fc.tuple(...plan.map(([,], i) => validOrder(`${prefix}${i}`))).map((orders) =>
      orders.map((o, i) => {
        const [valid, mutate] = plan[i]!;
        return valid ? { raw: o, valid: true } : { raw: mutate(o), valid: false };
      }),
    ),
  );

afterAll(() => {
  // Figures for SECURITY.md (printed, not asserted).
  console.info('fuzz/validate tally', Object.fromEntries(tally));
});

describe('validateOrders: the zod boundary', () => {
  it(
    `rejects exactly the invalid inputs, with a reason each, keeps the valid ones verbatim (${RUNS} runs)`,
    () => {
      fc.assert(
        fc.property(batch('4000'), (entries) => {
          const raw = entries.map((e) => e.raw);
          const { ok, rejected } = validateOrders(raw);
          const invalidAt = entries.flatMap((e, i) => (e.valid ? [] : [i]));
          count('validate.cases');
          count('validate.inputs', raw.length);
          count('validate.invalid', invalidAt.length);
          expect(rejected.map((r) => r.index)).toEqual(invalidAt);
          for (const r of rejected) {
            expect(r.reason.length).toBeGreaterThan(0);
            if (r.orderId !== undefined) expect(r.orderId.length).toBeLessThanOrEqual(64);
          }
          // Valid strange text is kept exactly: the boundary validates, it does not rewrite.
          expect(ok).toEqual(entries.filter((e) => e.valid).map((e) => e.raw));
        }),
        runs(),
      );
    },
    TIMEOUT,
  );

  it('a 1 MB nickname is refused without being copied into the reason', () => {
    const { rejected } = validateOrders([
      {
        platform: 'taobao',
        shopId: 'shop1',
        orderId: '1',
        buyerId: 'nick:x',
        buyerNick: ONE_MB,
        identity: 'known',
        status: 'paid',
        createdAt: MIN_T,
        amount: 1,
        items: [],
        source: 'dom',
      },
    ]);
    expect(rejected).toHaveLength(1);
    expect(rejected[0]!.reason.length).toBeLessThan(200);
  });
});

describe('ingestOrders: nothing invalid reaches the database', () => {
  let n = 0;
  it(
    `stores exactly the valid orders, aggregates equal a recompute (${DB_RUNS} runs)`,
    async () => {
      await fc.assert(
        fc.asyncProperty(batch('5000'), async (entries) => {
          const db = openDb(`fuzz-ingest-${n++}`);
          try {
            const raw = entries.map((e) => e.raw);
            const r = await ingestOrders(db, raw, Date.UTC(2026, 0, 1));
            const invalid = entries.filter((e) => !e.valid).length;
            count('ingest.cases');
            count('ingest.invalid', invalid);
            expect(r.rejected).toHaveLength(invalid);
            const stored = await db.orders.toArray();
            count('ingest.recordsChecked', stored.length);
            const want = entries.filter((e) => e.valid).map((e) => (e.raw as OrderInput).orderId);
            expect(stored.map((o) => o.orderId).sort()).toEqual([...want].sort());
            for (const o of stored) expect(Order.safeParse(o).success).toBe(true);
            const customers = await db.customers.toArray();
            for (const c of customers) {
              expect(Customer.safeParse(c).success).toBe(true);
              expect(c).toEqual(recomputeCustomer(stored.filter((o) => o.customerKey === c.key)));
            }
          } finally {
            db.close();
            await db.delete();
          }
        }),
        runs(DB_RUNS),
      );
    },
    TIMEOUT,
  );
});
