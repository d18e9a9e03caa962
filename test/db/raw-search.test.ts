import { liveQuery } from 'dexie';
import fc from 'fast-check';
import { openDb, type KezhiDb } from '../../lib/db';
import { observeSearchTerms, rawSearchTable } from '../../lib/db/raw-search';
import { searchCustomers, searchTermsFor } from '../../lib/search';
import type { Customer } from '../../lib/schemas';
import { makeCustomer } from '../support/make-customer';
import { numRuns } from '../support/search';

const NICKS = [
  'tb_cat01',
  'tb_cat12',
  'cat_moon',
  '张三丰',
  '张珊',
  'lucky88',
  'tb_lucky8',
  '李娜',
];

const customer = (i: number, nick: string, lastOrderAt: number): Customer => {
  const base = makeCustomer([]);
  const receiverNames = i % 3 === 0 ? ['张三'] : [];
  const phoneTails = [String(1000 + (i % 7))];
  const orderIds = [`39${String(i).padStart(6, '0')}123`];
  return {
    ...base,
    key: `taobao:shop1:nick:${nick}${i}`,
    nick,
    lastOrderAt,
    receiverNames,
    phoneTails,
    orderIds,
    orderTimes: [lastOrderAt],
    searchTerms: searchTermsFor({ nick, receiverNames, phoneTails, orderIds }),
  };
};

const customerArb = fc
  .tuple(fc.nat(10_000), fc.constantFrom(...NICKS), fc.integer({ min: 1, max: 1_000 }))
  .map(([i, nick, day]) => customer(i, nick, day * 86_400_000));

let db: KezhiDb;
let opened = 0;
beforeEach(async () => {
  db = openDb(`raw-search-${opened++}`);
  await db.open();
});
afterEach(() => db.close());

describe('rawSearchTable', () => {
  it('answers every query as the Dexie table does', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.array(customerArb, { maxLength: 60 }),
        fc.constantFrom('cat', 'tbc', 'zs', 'zhang', '张', '1003', '123', '3900', 'lucky', 'l'),
        fc.integer({ min: 1, max: 30 }),
        async (customers, q, limit) => {
          await db.customers.clear();
          await db.customers.bulkPut(customers);
          const viaDexie = await searchCustomers<Customer>(db.customers, q, limit);
          const viaRaw = await db.transaction('r', db.customers, () =>
            searchCustomers<Customer>(rawSearchTable(db), q, limit),
          );
          expect(viaRaw).toEqual(viaDexie);
        },
      ),
      { numRuns: Math.min(numRuns, 60) },
    );
  });

  it('reads a prefix and a limit as Dexie does: the same records in the same order', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.array(customerArb, { maxLength: 60 }),
        fc.constantFrom('n:', 'n:tb', 'n:cat', 'y:z', 'y:zhang', 'p:100', 'o:321', 'o:', 'x:'),
        fc.integer({ min: 1, max: 40 }),
        async (customers, prefix, limit) => {
          await db.customers.clear();
          await db.customers.bulkPut(customers);
          const viaDexie = await db.customers
            .where('searchTerms')
            .startsWith(prefix)
            .limit(limit)
            .toArray();
          const viaRaw = await db.transaction('r', db.customers, () =>
            rawSearchTable<Customer>(db)
              .where('searchTerms')
              .startsWith(prefix)
              .limit(limit)
              .toArray(),
          );
          expect(viaRaw).toEqual(viaDexie);
        },
      ),
      { numRuns: Math.min(numRuns, 60) },
    );
  });

  it('refuses to read outside a transaction', () => {
    expect(() => rawSearchTable(db)).toThrow(/inside a transaction/);
  });
});

describe('observeSearchTerms', () => {
  it('re-runs a liveQuery whose records came from the raw table when a customer is written', async () => {
    await db.customers.put(customer(1, 'tb_cat01', 86_400_000));
    const seen: string[][] = [];
    const sub = liveQuery(() =>
      db.transaction('r', db.customers, async () => {
        const [found] = await Promise.all([
          searchCustomers<Customer>(rawSearchTable(db), 'cat'),
          observeSearchTerms(db),
        ]);
        return found.map((r) => r.customer.nick);
      }),
    ).subscribe({ next: (v) => seen.push(v) });
    await vi.waitFor(() => expect(seen).toEqual([['tb_cat01']]));
    await db.customers.put(customer(2, 'cat_moon', 2 * 86_400_000));
    await vi.waitFor(() => expect(seen.at(-1)).toEqual(['cat_moon', 'tb_cat01']));
    sub.unsubscribe();
  });
});
