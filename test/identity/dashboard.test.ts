/**
 * Uncertain buyers are not new buyers: on the dashboard they sit in their own bucket and stay
 * out of new/returning, tiers, RFM and the ladder. The oracle is counted by hand from the shop.
 */
import { computeDashboard } from '../../lib/dashboard/compute';
import { DEFAULT_SETTINGS } from '../../lib/settings';
import { buildCustomer, DAY, NOW } from '../support/make-customer';

const key = (b: string) => `taobao:shop1:${b}`;
const who = (buyerId: string, identity: 'nick' | 'token' | 'none' | 'name') => ({
  key: key(buyerId),
  buyerId,
  identity,
});

// Two account buyers (one returning), one token buyer who came back (proven), one token buyer
// seen once, two masked orders with no key.
const customers = [
  buildCustomer([{ at: NOW - 10 * DAY }, { at: NOW - 5 * DAY }], who('nick:a', 'nick')),
  buildCustomer([{ at: NOW - 8 * DAY, amount: 50_000 }], who('nick:b', 'nick')),
  buildCustomer([{ at: NOW - 9 * DAY }, { at: NOW - 2 * DAY }], who('tok:T1', 'token')),
  buildCustomer([{ at: NOW - 3 * DAY, amount: 99_900 }], who('tok:T2', 'token')),
  buildCustomer([{ at: NOW - 4 * DAY }], who('order:1', 'none')),
  buildCustomer([{ at: NOW - 4 * DAY }], who('order:2', 'none')),
];

const dash = (tokenVerdict?: 'yes' | 'unknown' | 'no') =>
  computeDashboard({
    shops: [
      { shopKey: 'taobao:shop1', customers, orders: [], ...(tokenVerdict ? { tokenVerdict } : {}) },
    ],
    contacts: [],
    settings: DEFAULT_SETTINGS,
    now: NOW,
    range: {},
  });

const tierKeys = (d: ReturnType<typeof dash>) => d.tiers.flatMap((t) => t.keys).sort();

test('while tokens are not proven, one-purchase token buyers and keyless orders are uncertain', () => {
  const d = dash();
  expect(d.uncertain).toEqual({ customers: 3, purchases: 3, spent: 99_900 + 2 * 10_000 });
  expect(d.customers).toBe(6);
  expect(tierKeys(d)).toEqual([key('nick:a'), key('nick:b'), key('tok:T1')].sort());
  // Ladder: a and T1 bought twice, b once; the uncertain three are not "bought once".
  expect(d.ladder.purchasing).toBe(3);
  expect(d.ladder.rungs[0]?.count).toBe(1);
  expect(d.rfm.flatMap((c) => c.keys)).not.toContain(key('order:1'));
});

test('once tokens are proven stable, a one-purchase token buyer is a new buyer', () => {
  const d = dash('yes');
  expect(d.uncertain.customers).toBe(2);
  expect(tierKeys(d)).toContain(key('tok:T2'));
  expect(d.ladder.rungs[0]?.count).toBe(2);
});

test('once tokens are proven unstable, every token buyer is uncertain', () => {
  const d = dash('no');
  expect(d.uncertain.customers).toBe(4);
  expect(tierKeys(d)).toEqual([key('nick:a'), key('nick:b')].sort());
});
