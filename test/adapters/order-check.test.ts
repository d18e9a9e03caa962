import fc from 'fast-check';
import {
  checkOrderInput,
  IDENTITY_IDS,
  isId,
  ORDER_SOURCE_IDS,
  ORDER_STATUS_IDS,
  PLATFORM_IDS,
} from '../../lib/order-check';
import { Id, Identity, OrderInput, OrderSource, OrderStatus, Platform } from '../../lib/schemas';

const numRuns = Number(process.env.KEZHI_FUZZ_RUNS ?? 300);

const valid = {
  platform: 'taobao',
  shopId: 'kzbench',
  orderId: '4261118112000000105',
  buyerId: 'nick:tb_demo',
  buyerNick: 'tb_demo',
  identity: 'known',
  status: 'unpaid',
  createdAt: 1_764_000_000_000,
  amount: 16900,
  items: [{ title: '羊毛围巾', quantity: 1, unitPrice: 16900 }],
  source: 'dom',
};

/** zod's verdict in the shape checkOrderInput gives. */
function zodVerdict(candidate: unknown) {
  const r = OrderInput.safeParse(candidate);
  if (r.success) return { ok: true, order: r.data };
  return { ok: false, path: (r.error.issues[0]?.path ?? []).map(String) };
}
function ourVerdict(candidate: unknown) {
  const r = checkOrderInput(candidate);
  return r.ok ? { ok: true, order: r.order } : { ok: false, path: r.path };
}

/** Values a field may get: right ones, edge ones and wrong types. */
const anyValue = fc.oneof(
  fc.constantFrom(
    undefined,
    null,
    '',
    'x'.repeat(65),
    'x'.repeat(501),
    'a\uD800b',
    'taobao',
    'paid',
    'masked',
    'json',
    'id with space',
    0,
    -1,
    1.5,
    946684800000,
    946684799999,
    4102444800001,
    1e12,
    1e12 + 1,
    Number.NaN,
    Number.POSITIVE_INFINITY,
    [],
    {},
  ),
  fc.string({ maxLength: 80 }),
  fc.integer(),
  fc.double(),
);

const itemValue = fc.record(
  {
    title: anyValue,
    sku: anyValue,
    quantity: fc.oneof(anyValue, fc.integer({ min: 1, max: 100000 })),
    unitPrice: anyValue,
    itemId: anyValue,
    extra: anyValue,
  },
  { requiredKeys: [] },
);

describe('checkOrderInput: the zod-free twin of OrderInput', () => {
  test('its enums are the schema enums', () => {
    expect(PLATFORM_IDS).toEqual(Platform.options);
    expect(ORDER_STATUS_IDS).toEqual(OrderStatus.options);
    expect(IDENTITY_IDS).toEqual(Identity.options);
    expect(ORDER_SOURCE_IDS).toEqual(OrderSource.options);
  });

  test('accepts a valid order and drops unknown keys, as zod does', () => {
    const withExtra = { ...valid, extra: 1, items: [{ ...valid.items[0], junk: true }] };
    expect(ourVerdict(withExtra)).toEqual(zodVerdict(withExtra));
    expect(checkOrderInput(withExtra)).toMatchObject({ ok: true });
    const r = checkOrderInput(withExtra);
    expect(r.ok && 'extra' in r.order).toBe(false);
  });

  test.each<[string, unknown]>([
    ['orderId', 'has space'],
    ['buyerId', ''],
    ['createdAt', 946684799999],
    ['amount', 1.5],
    ['status', 'lost'],
    ['items', [{ title: 'x', quantity: 0 }]],
    ['receiverPhone', 'x'.repeat(41)],
    ['buyerNick', 'a\uD800'],
  ])('refuses a bad %s at the same path as zod', (key, value) => {
    const candidate = { ...valid, [key]: value };
    expect(ourVerdict(candidate)).toEqual(zodVerdict(candidate));
    expect(ourVerdict(candidate).ok).toBe(false);
  });

  test('same verdict and first path as zod for any mix of fields', () => {
    fc.assert(
      fc.property(
        fc.record(
          {
            platform: fc.oneof(fc.constantFrom(...PLATFORM_IDS), anyValue),
            shopId: fc.oneof(fc.constant('shop1'), anyValue),
            orderId: fc.oneof(fc.constant('123'), anyValue),
            buyerId: fc.oneof(fc.constant('nick:a'), anyValue),
            buyerNick: fc.oneof(fc.constant('a'), anyValue),
            identity: fc.oneof(fc.constantFrom(...IDENTITY_IDS), anyValue),
            status: fc.oneof(fc.constantFrom(...ORDER_STATUS_IDS), anyValue),
            createdAt: fc.oneof(fc.constant(valid.createdAt), anyValue),
            paidAt: anyValue,
            amount: fc.oneof(fc.integer({ min: 0, max: 1e6 }), anyValue),
            items: fc.oneof(fc.array(itemValue, { maxLength: 3 }), anyValue),
            receiverName: anyValue,
            receiverPhone: anyValue,
            region: anyValue,
            autoCloseAt: anyValue,
            source: fc.oneof(fc.constantFrom(...ORDER_SOURCE_IDS), anyValue),
          },
          { requiredKeys: [] },
        ),
        (candidate) => {
          expect(ourVerdict(candidate)).toEqual(zodVerdict(candidate));
        },
      ),
      { numRuns },
    );
  });

  test('isId agrees with the Id schema', () => {
    fc.assert(
      fc.property(fc.oneof(fc.string({ maxLength: 70 }), anyValue), (v) => {
        expect(isId(v)).toBe(Id.safeParse(v).success);
      }),
      { numRuns },
    );
  });
});
