import Dexie, { type EntityTable } from 'dexie';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  LOOKUP_LIMIT,
  planQuery,
  searchCustomers,
  searchTermsFor,
  type SearchTermsInput,
} from '@/lib/search';
import { MemoryIndex, type IndexAnswer } from '@/lib/search/memory-index';
import { numRuns } from '../support/search';

interface Row extends SearchTermsInput {
  key: string;
  lastOrderAt: number;
  searchTerms: string[];
}

const row = (key: string, over: Partial<Omit<Row, 'key' | 'searchTerms'>>): Row => {
  const input = { nick: '', receiverNames: [], phoneTails: [], orderIds: [], ...over };
  return { key, lastOrderAt: 0, ...input, searchTerms: searchTermsFor(input) };
};

let opened = 0;
async function tableOf(rows: readonly Row[]) {
  const db = new Dexie(`memory-index-${opened++}`) as Dexie & {
    customers: EntityTable<Row, 'key'>;
  };
  db.version(1).stores({ customers: 'key, *searchTerms' });
  await db.customers.bulkPut([...rows]);
  return db;
}

/** What the popup's database search answers today, in the index's answer shape. */
async function naive(table: EntityTable<Row, 'key'>, q: string, limit: number) {
  const ranked = await searchCustomers<Row>(table, q, limit);
  return ranked.map(({ customer, score, match }): IndexAnswer => ({
    key: customer.key,
    score,
    match,
  }));
}

// Few values, so that customers share nicks, tails, ids and recency (ties) and queries hit.
const NICKS = [
  'tb_cat88',
  'tb_cat8',
  'cat',
  'moon_cat',
  '张三',
  '张三丰',
  '张小明',
  'z**8',
  '王*',
  '8847',
];
const NAMES = ['张三', '李四', '王小明', '单曾', '陈'];
const customer = fc.record({
  key: fc.constantFrom(...Array.from({ length: 24 }, (_, i) => `taobao:s1:c${i}`)),
  nick: fc.oneof(fc.constantFrom(...NICKS), fc.string({ maxLength: 6 })),
  receiverNames: fc.array(fc.constantFrom(...NAMES), { maxLength: 3 }),
  phoneTails: fc.array(fc.constantFrom('0427', '8847', '1234'), { maxLength: 2 }),
  orderIds: fc.array(fc.constantFrom('3921748856128070123', '1008847', '5128070123'), {
    maxLength: 3,
  }),
  lastOrderAt: fc.integer({ min: 0, max: 4 }),
});
const QUERIES = ['cat', 'tb', 'tb_cat8', '张', '张三', 'zs', 'zhangsan', 'xm', 'shan', '8847'];
const query = fc.oneof(fc.constantFrom(...QUERIES, '0427', '8070123', '', '**', 'c'), fc.string());
// Queries between writes: a read sorts and splits parts of the index that later writes change.
const step = fc.oneof(
  customer.map((c) => ({ put: row(c.key, c) })),
  fc.integer({ min: 0, max: 23 }).map((i) => ({ delete: `taobao:s1:c${i}` })),
  query.map((q) => ({ query: q })),
  // Some steps of the build's sorting ahead of queries, interleaved with writes and reads.
  fc.integer({ min: 1, max: 40 }).map((n) => ({ prepare: n })),
);

describe('MemoryIndex against the database search', () => {
  // The global fast-check seed (test/setup.ts) makes every run the same.
  it('answers what searchCustomers answers, through puts, deletes, reads and preparing', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.array(customer, { maxLength: 20 }),
        fc.array(step, { maxLength: 24 }),
        fc.array(query, { minLength: 1, maxLength: 4 }),
        fc.integer({ min: 0, max: 25 }),
        fc.constantFrom(1, 2, 3, 1024),
        async (initial, steps, queries, limit, leafSize) => {
          const rows = initial.map((c) => row(c.key, c));
          const db = await tableOf(rows);
          const index = MemoryIndex.build(rows, leafSize);
          const agree = async (q: string) => {
            expect(index.search(q, limit), q).toEqual(await naive(db.customers, q, limit));
            // Ranking hides the order of a lookup unless it is cut: compare a cut lookup too.
            for (const { prefix } of planQuery(q)) {
              const read = db.customers.where('searchTerms').startsWith(prefix).limit(limit);
              const [terms, keys] = [await read.keys(), await read.primaryKeys()];
              expect(
                index.lookup(prefix, limit).map((e) => [e.term, e.owner.key]),
                prefix,
              ).toEqual(terms.map((t, i) => [t, keys[i]]));
            }
          };
          let preparing: Generator<void, void, undefined> | undefined;
          for (const s of steps) {
            if ('prepare' in s)
              for (let i = 0; i < s.prepare; i++) {
                preparing ??= index.prepare();
                if (preparing.next().done) preparing = undefined;
              }
            else if ('query' in s) await agree(s.query);
            else if ('put' in s) {
              await db.customers.put(s.put);
              index.put(s.put);
            } else {
              await db.customers.delete(s.delete);
              index.delete(s.delete);
            }
          }
          for (const q of queries) await agree(q);
          db.close();
        },
      ),
      { numRuns: Math.min(numRuns, 150) },
    );
  });

  it('reads no further than the database search when a prefix has more than the lookup limit', async () => {
    const rows = Array.from({ length: LOOKUP_LIMIT + 60 }, (_, i) =>
      row(`k${String(i).padStart(4, '0')}`, { nick: `cat${i}`, lastOrderAt: i }),
    );
    const db = await tableOf(rows);
    const index = MemoryIndex.build(rows, 16);
    expect(index.search('cat', 20)).toEqual(await naive(db.customers, 'cat', 20));
    // Some of them rewritten after the index was read (and so sorted and split).
    for (const r of rows.slice(100, 130)) {
      const again = row(r.key, { nick: `cat${r.lastOrderAt}x`, lastOrderAt: r.lastOrderAt });
      await db.customers.put(again);
      index.put(again);
    }
    expect(index.lookup('n:cat')).toHaveLength(LOOKUP_LIMIT);
    for (const q of ['cat', 'cat1', 'at2'])
      expect(index.search(q, 20), q).toEqual(await naive(db.customers, q, 20));
    db.close();
  });
});

describe('MemoryIndex ranking', () => {
  const index = MemoryIndex.build([
    row('b', { nick: 'tb_cat', lastOrderAt: 5 }),
    row('a', { nick: 'tb_cat', lastOrderAt: 5 }),
    row('c', { nick: 'tb_cat', lastOrderAt: 9 }),
    row('d', { nick: 'tb_catherine', lastOrderAt: 99 }),
    row('m', { nick: 't**8', receiverNames: ['张三'], lastOrderAt: 7 }),
  ]);

  it('puts the exact name first, then recency, then the key for a tie', () => {
    expect(index.search('tb_cat').map((a) => [a.key, a.match])).toEqual([
      ['c', 'exact'],
      ['a', 'exact'],
      ['b', 'exact'],
      ['d', 'prefix'],
    ]);
  });

  it('finds a masked nick by what is left of it and by its receiver name', () => {
    expect(index.search('t8')).toEqual([{ key: 'm', score: 100, match: 'exact' }]);
    expect(index.search('zs').map((a) => a.key)).toEqual(['m']);
  });

  it('answers nothing for an empty or unsearchable query', () => {
    expect(index.search('')).toEqual([]);
    expect(index.search('  **  ')).toEqual([]);
    expect(index.search('😀')).toEqual([]);
  });

  it('keeps to the limit', () => {
    expect(index.search('cat', 2).map((a) => a.key)).toEqual(['d', 'c']);
    expect(index.search('cat', 0)).toEqual([]);
  });

  it('files a write after a read in index order', () => {
    const live = MemoryIndex.build([row('m', { nick: 'cat' }), row('z', { nick: 'cat' })]);
    expect(live.lookup('n:cat').map((e) => e.owner.key)).toEqual(['m', 'z']);
    live.put(row('a', { nick: 'cat' }));
    live.put(row('n', { nick: 'cat' }));
    expect(live.lookup('n:cat').map((e) => e.owner.key)).toEqual(['a', 'm', 'n', 'z']);
  });

  it('forgets a deleted customer and finds a rewritten one under its new name only', () => {
    const live = MemoryIndex.build([row('x', { nick: 'alpha' }), row('y', { nick: 'beta' })]);
    live.delete('x');
    live.put(row('y', { nick: 'gamma' }));
    expect(live.search('alpha')).toEqual([]);
    expect(live.search('beta')).toEqual([]);
    expect(live.search('gamma').map((a) => a.key)).toEqual(['y']);
    live.put(row('y', { nick: 'gamma ray' }));
    expect(live.search('gamma').map((a) => [a.key, a.match])).toEqual([['y', 'prefix']]);
  });
});
