import { describe, expect, it } from 'vitest';
import { search, startSearchIndex } from '@/entrypoints/background/search';
import { getDb } from '@/lib/db';
import { searchTermsFor } from '@/lib/search';
import { buildCustomer } from '../support/make-customer';

describe('the background search handler', () => {
  it('answers building until the index is built, then ranked keys', async () => {
    startSearchIndex();
    const terms = searchTermsFor({
      nick: 'tb_cat',
      receiverNames: [],
      phoneTails: [],
      orderIds: [],
    });
    await getDb().customers.put(
      buildCustomer([{ at: 1 }], { key: 'a', nick: 'tb_cat', searchTerms: terms }),
    );
    expect(await search({ q: 'cat', limit: 20 })).toEqual({ status: 'building' });
    await startSearchIndex().ready();
    expect(await search({ q: 'cat', limit: 20 })).toEqual({
      status: 'ready',
      results: [{ key: 'a', score: 50, match: 'substring' }],
    });
    getDb().close();
  });
});
