import fc from 'fast-check';
import {
  needsSpeller,
  planLookups,
  planQuery,
  planQueryLazily,
  searchCustomers,
  spellPinyin,
  type SearchableTable,
} from '../../lib/search';
import { hostileString, numRuns } from '../support/search';

/** Queries as staff type them: Han, Latin, digits and their mixes, with some noise. */
const query = fc.oneof(
  hostileString,
  fc
    .array(fc.constantFrom(...'张三单曾李zsZS0123 _-·'), { minLength: 1, maxLength: 8 })
    .map((cs) => cs.join('')),
);

describe('planning without pinyin-pro loaded', () => {
  it('gives the plan planQuery gives, whatever the query (property)', () => {
    fc.assert(
      fc.property(query, (q) => {
        expect(planLookups(q, spellPinyin)).toEqual(planQuery(q));
      }),
      { numRuns },
    );
  });

  it('needs the speller exactly when the query mixes Han and Latin (property)', () => {
    fc.assert(
      fc.property(query, (q) => {
        if (needsSpeller(q)) expect(() => planLookups(q)).toThrow(/speller/);
        else expect(planLookups(q)).toEqual(planQuery(q));
      }),
      { numRuns },
    );
    expect(needsSpeller('张s')).toBe(true);
    expect(needsSpeller('张三')).toBe(false);
    expect(needsSpeller('zs')).toBe(false);
  });

  it('loads the speller on demand for 张s, and plans as planQuery does', async () => {
    for (const q of ['张s', 'ZS', '张三', '8070', 'tb_lucky88', ''])
      expect(await planQueryLazily(q)).toEqual(planQuery(q));
  });
});

describe('searchCustomers’ settle hook', () => {
  const row = {
    key: 'k1',
    nick: '张三',
    lastOrderAt: 1,
    receiverNames: [],
    searchTerms: ['n:张三', 'n:三', 'y:zhangsan', 'y:zs'],
  };
  const table: SearchableTable<typeof row> = {
    where: () => ({
      startsWith: (prefix) => ({
        limit: () => ({
          toArray: () =>
            Promise.resolve(row.searchTerms.some((t) => t.startsWith(prefix)) ? [row] : []),
        }),
      }),
    }),
  };

  it('passes the on-demand work through settle and finds the same customers', async () => {
    const settled: unknown[] = [];
    const found = await searchCustomers(table, '张s', 20, (p) => {
      settled.push(p);
      return p;
    });
    expect(settled.length).toBeGreaterThan(0);
    expect(found).toEqual(await searchCustomers(table, '张s'));
    expect(found.map((r) => [r.customer.key, r.match])).toEqual([['k1', 'pinyin']]);
  });
});
