import { describe, expect, it } from 'vitest';
import { openDb, type KezhiDb } from '@/lib/db';
import { useSearchIndex } from '@/lib/db/search-index';
import type { Customer } from '@/lib/schemas';
import { searchCustomers, searchTermsFor } from '@/lib/search';
import { buildCustomer } from '../support/make-customer';

let opened = 0;

function customer(key: string, nick: string, lastOrderAt = 1): Customer {
  const terms = searchTermsFor({ nick, receiverNames: [], phoneTails: [], orderIds: [] });
  return buildCustomer([{ at: lastOrderAt }], { key, nick, searchTerms: terms });
}

async function setUp(rows: Customer[] = []) {
  const db = openDb(`search-index-${opened++}`);
  const index = useSearchIndex(db);
  await db.customers.bulkPut(rows);
  return { db, index };
}

/** The database search's answer, keys and all, for comparing with the index's. */
async function fromDb(db: KezhiDb, q: string) {
  const ranked = await searchCustomers<Customer>(db.customers, q, 20);
  return ranked.map(({ customer: c, score, match }) => ({ key: c.key, score, match }));
}

describe('the background search index', () => {
  it('is built on the first query, which the database answers meanwhile', async () => {
    const { db, index } = await setUp([customer('a', 'tb_cat'), customer('b', 'moon')]);
    expect(index.search('cat', 20)).toBeNull();
    await index.ready();
    expect(index.search('cat', 20)).toEqual(await fromDb(db, 'cat'));
    db.close();
  });

  it('follows puts, updates, deletes and a bulk write after it is built', async () => {
    const { db, index } = await setUp([customer('a', 'tb_cat'), customer('b', 'moon')]);
    await index.ready();
    await db.customers.put(customer('c', 'catherine', 9));
    const renamed = customer('b', 'cat moon');
    await db.customers.update('b', { nick: renamed.nick, searchTerms: renamed.searchTerms });
    await db.customers.delete('a');
    await db.customers.bulkPut([customer('d', 'cat', 3), customer('e', '张三', 4)]);
    for (const q of ['cat', 'moon', 'zs', 'tb'])
      expect(index.search(q, 20), q).toEqual(await fromDb(db, q));
    db.close();
  });

  it('ignores the writes of a transaction that aborts', async () => {
    const { db, index } = await setUp([customer('a', 'tb_cat')]);
    await index.ready();
    await db
      .transaction('rw', db.customers, async () => {
        await db.customers.put(customer('z', 'cat'));
        throw new Error('abort');
      })
      .catch(() => undefined);
    expect(index.search('cat', 20)?.map((r) => r.key)).toEqual(['a']);
    db.close();
  });

  it('starts over after clear(), and replays writes that land while it builds', async () => {
    const { db, index } = await setUp([customer('a', 'tb_cat')]);
    await index.ready();
    await db.customers.clear();
    expect(index.search('cat', 20)).toBeNull();
    const built = index.ready();
    await db.customers.put(customer('b', 'cat'));
    await built;
    expect(index.search('cat', 20)?.map((r) => r.key)).toEqual(['b']);
    db.close();
  });

  it('reads the table in steps and indexes every customer', async () => {
    const rows = Array.from({ length: 5003 }, (_, i) => customer(`k${i}`, `nick${i}`, i));
    const { db, index } = await setUp(rows);
    await index.ready();
    expect(index.search('nick5002', 1)).toEqual([{ key: 'k5002', score: 100, match: 'exact' }]);
    expect(index.search('nick0', 1)).toEqual(await fromDb(db, 'nick0').then((r) => r.slice(0, 1)));
    db.close();
  });
});
