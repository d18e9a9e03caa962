import { describe, expect, it } from 'vitest';
import { openDb } from '@/lib/db';
import { useSearchIndex } from '@/lib/db/search-index';
import { contract } from '@/lib/messaging';
import type { Customer } from '@/lib/schemas';
import { searchCustomers, searchTermsFor } from '@/lib/search';
import { searchViaBackground, type AskBackground } from '@/lib/search/client';
import { buildCustomer } from '../support/make-customer';

let opened = 0;

function customer(key: string, nick: string, lastOrderAt: number): Customer {
  const terms = searchTermsFor({ nick, receiverNames: [], phoneTails: [], orderIds: [] });
  return buildCustomer([{ at: lastOrderAt }], { key, nick, searchTerms: terms });
}

async function setUp() {
  const db = openDb(`search-client-${opened++}`);
  await db.customers.bulkPut([
    customer('a', 'tb_cat', 1),
    customer('b', 'catherine', 2),
    customer('c', 'moon', 3),
  ]);
  return db;
}

const answering =
  (value: unknown): AskBackground =>
  () =>
    Promise.resolve({ ok: true, value });

describe('searchViaBackground', () => {
  it('reads the records of the keys the background ranked, in its order', async () => {
    const db = await setUp();
    const ask = answering({
      status: 'ready',
      results: [
        { key: 'b', score: 80, match: 'prefix' },
        { key: 'gone', score: 70, match: 'prefix' },
        { key: 'a', score: 50, match: 'substring' },
      ],
    });
    const found = await searchViaBackground<Customer>(db.customers, 'cat', { ask });
    expect(found.map((r) => [r.customer.key, r.score, r.match])).toEqual([
      ['b', 80, 'prefix'],
      ['a', 50, 'substring'],
    ]);
    expect(found[0]?.customer).toEqual(await db.customers.get('b'));
    db.close();
  });

  it('gives what the database search gives when the background answers from its index', async () => {
    const db = await setUp();
    const index = useSearchIndex(db);
    await index.ready();
    const ask: AskBackground = (input) =>
      Promise.resolve({
        ok: true,
        value: { status: 'ready', results: index.search(input.q, input.limit) },
      });
    for (const q of ['cat', 'moon', 'tb', 'x', ''])
      expect(await searchViaBackground<Customer>(db.customers, q, { ask, limit: 2 }), q).toEqual(
        await searchCustomers<Customer>(db.customers, q, 2),
      );
    db.close();
  });

  it.each([
    ['the index is still building', answering({ status: 'building' })],
    ['the background answers an error', () => Promise.resolve({ ok: false, error: 'x' })],
    ['the answer is not an answer', answering({ status: 'ready', results: [{ key: 1 }] })],
    ['sending throws', () => Promise.reject(new Error('no receiver'))],
    ['the worker does not answer', () => new Promise<never>(() => undefined)],
  ] as [string, AskBackground][])('searches the database when %s', async (_, ask) => {
    const db = await setUp();
    expect(
      await searchViaBackground<Customer>(db.customers, 'cat', { ask, timeoutMs: 20 }),
    ).toEqual(await searchCustomers<Customer>(db.customers, 'cat'));
    db.close();
  });

  it('asks even for an empty query, so that opening the popup starts the index build', async () => {
    const db = await setUp();
    const asked: string[] = [];
    const ask: AskBackground = (input) => {
      asked.push(input.q);
      return Promise.resolve({ ok: true, value: { status: 'building' } });
    };
    expect(await searchViaBackground<Customer>(db.customers, '', { ask })).toEqual([]);
    expect(asked).toEqual(['']);
    db.close();
  });

  it('sends at most what search reads of a query, and the contract refuses more', async () => {
    const db = await setUp();
    let sent = '';
    const ask: AskBackground = (input) => {
      sent = input.q;
      return Promise.resolve({ ok: true, value: { status: 'ready', results: [] } });
    };
    await searchViaBackground<Customer>(db.customers, 'c'.repeat(2000), { ask });
    expect(contract.search.input.safeParse({ q: sent, limit: 20 }).success).toBe(true);
    expect(contract.search.input.safeParse({ q: 'c'.repeat(2000), limit: 20 }).success).toBe(false);
    db.close();
  });
});
