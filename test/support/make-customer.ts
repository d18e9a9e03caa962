/** Test helpers: valid Customer aggregates from a list of purchases, and China-time instants. */
import { Customer } from '../../lib/schemas';
import { DEFAULT_SETTINGS, type Settings } from '../../lib/settings';

export const DAY = 86_400_000;

/** An instant given as China wall-clock time (UTC+8). */
export function cn(y: number, mo: number, d: number, h = 12, mi = 0): number {
  return Date.UTC(y, mo - 1, d, h, mi) - 8 * 3_600_000;
}

/** "Now" for most tests: 2025-06-01 12:00 China time. */
export const NOW = cn(2025, 6, 1);

export type TestPurchase = { at: number; amount?: number; orderId?: string };

/** The aggregate as ingest would keep it; unvalidated, for shops of thousands. */
export function buildCustomer(
  purchases: readonly TestPurchase[],
  overrides: Partial<Customer> = {},
): Customer {
  const sorted = [...purchases].sort((a, b) => a.at - b.at);
  const amounts = sorted.map((p) => p.amount ?? 10_000);
  const ids = sorted.map((p, i) => p.orderId ?? `o${i + 1}`);
  const first = sorted[0]?.at ?? NOW;
  const last = sorted[sorted.length - 1]?.at;
  return {
    key: 'taobao:shop1:nick:buyer',
    platform: 'taobao',
    shopId: 'shop1',
    buyerId: 'nick:buyer',
    nick: 'buyer',
    identity: 'known',
    orderCount: sorted.length,
    firstOrderAt: first,
    lastOrderAt: last ?? first,
    purchaseAt: sorted.map((p) => p.at),
    purchaseAmount: amounts,
    purchaseOrderIds: ids,
    purchaseCount: sorted.length,
    totalSpent: amounts.reduce((a, b) => a + b, 0),
    itemsBought: sorted.length,
    ...(last === undefined ? {} : { lastPurchaseAt: last }),
    orderIds: [...ids].reverse(),
    orderTimes: sorted.map((p) => p.at).reverse(),
    searchTerms: ['buyer'],
    receiverNames: [],
    phoneTails: [],
    ...overrides,
  };
}

/** A Customer validated by the shared schema, so tests cannot drift from the contract. */
export function makeCustomer(
  purchases: readonly TestPurchase[],
  overrides: Partial<Customer> = {},
): Customer {
  return Customer.parse(buildCustomer(purchases, overrides));
}

/** A customer whose purchases are `daysAgo` before NOW (one each), all for `amount` fen. */
export function customerWith(daysAgo: readonly number[], amount = 10_000): Customer {
  return makeCustomer(daysAgo.map((d) => ({ at: NOW - d * DAY, amount })));
}

/** Default settings with a few fields changed. */
export function settingsWith(patch: Partial<Settings>): Settings {
  return { ...DEFAULT_SETTINGS, ...patch };
}

export const fuzzRuns = Number(process.env.KEZHI_FUZZ_RUNS ?? 200);
