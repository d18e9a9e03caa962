import Dexie, { type EntityTable } from 'dexie';
import { IDBFactory, IDBKeyRange } from 'fake-indexeddb';
import {
  LOOKUP_LIMIT,
  planQuery,
  rankResults,
  SCORES,
  searchCustomers,
  searchTermsFor,
  type SearchableTable,
} from '../../lib/search';

interface Row {
  key: string;
  nick: string;
  lastOrderAt: number;
  receiverNames: string[];
  phoneTails: string[];
  orderIds: string[];
  searchTerms: string[];
}

/** Deterministic generator (mulberry32), so a failure reproduces. */
function rng(seed: number): () => number {
  let a = seed;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const SURNAMES = [...'王李赵刘陈杨黄周吴'];
const GIVEN = [...'伟芳娜敏静丽强磊军洋勇艳杰涛明超秀霞'];
const WORDS = ['happy', 'cat', 'moon', 'lucky', 'tiger', 'panda', 'star', 'cool', 'baby', 'lily'];

function generate(n: number): Row[] {
  const next = rng(2024);
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(next() * xs.length)]!;
  const digits = (len: number): string =>
    Array.from({ length: len }, () => Math.floor(next() * 10)).join('');
  return Array.from({ length: n }, (_, i) => {
    const name = pick(SURNAMES) + pick(GIVEN) + (next() < 0.6 ? pick(GIVEN) : '');
    const nick = next() < 0.5 ? `${pick(WORDS)}_${pick(WORDS)}${digits(2)}` : `${name}${digits(3)}`;
    return withTerms({
      key: `taobao:shop1:gen${i}`,
      nick,
      lastOrderAt: 1_700_000_000_000 + Math.floor(next() * 1e10),
      receiverNames: [name],
      phoneTails: [digits(4)],
      orderIds: Array.from({ length: 1 + Math.floor(next() * 4) }, () => '9' + digits(18)),
    });
  });
}

const withTerms = (r: Omit<Row, 'searchTerms'>): Row => ({ ...r, searchTerms: searchTermsFor(r) });

const ZHANG_SAN = withTerms({
  key: 'taobao:shop1:zhangsan',
  nick: 'tb_shopper88',
  lastOrderAt: 1_800_000_000_000,
  receiverNames: ['张三'],
  phoneTails: ['0427'],
  orderIds: ['3921748856128070123', '3921748856100000001'],
});

const rows = [...generate(2000), ZHANG_SAN];
let db: Dexie & { customers: EntityTable<Row, 'key'> };

beforeAll(async () => {
  // Our own factory: test/setup.ts swaps the global one before each test, and this database is
  // built once for the whole file.
  db = new Dexie('kezhi-search-test', { indexedDB: new IDBFactory(), IDBKeyRange }) as typeof db;
  db.version(1).stores({ customers: 'key, *searchTerms' });
  await db.customers.bulkPut(rows);
});
afterAll(() => db.close());

/** The customers a query should find, by reading every row: what the index must agree with. */
function bruteForce(q: string) {
  const hits = planQuery(q).flatMap(({ kind, prefix }) =>
    rows
      .filter((r) => r.searchTerms.some((t) => t.startsWith(prefix)))
      .map((customer) => ({ customer, via: kind })),
  );
  return hits;
}

/** Wraps the table to record every lookup and how many rows it returned. */
function counting(table: SearchableTable<Row>) {
  const reads: { prefix: string; rows: number }[] = [];
  const wrapped: SearchableTable<Row> = {
    where: (index) => ({
      startsWith: (prefix) => ({
        limit: (n) => ({
          toArray: async () => {
            const found = await table.where(index).startsWith(prefix).limit(n).toArray();
            reads.push({ prefix, rows: found.length });
            return found;
          },
        }),
      }),
    }),
  };
  return { wrapped, reads };
}

describe('searchCustomers over a Dexie table', () => {
  it('finds 张三 by zs and by zhangsan', async () => {
    for (const q of ['zs', 'zhangsan', 'ZhangS']) {
      const [top] = await searchCustomers<Row>(db.customers, q);
      expect(top?.customer.key, q).toBe(ZHANG_SAN.key);
      expect(top?.match).toBe('pinyin');
    }
  });

  it('finds a customer by nick prefix and by nick substring', async () => {
    const byPrefix = await searchCustomers<Row>(db.customers, 'tb_shop');
    expect(byPrefix[0]).toMatchObject({ customer: { key: ZHANG_SAN.key }, match: 'prefix' });
    const bySubstring = await searchCustomers<Row>(db.customers, 'opper8');
    expect(bySubstring[0]).toMatchObject({ customer: { key: ZHANG_SAN.key }, match: 'substring' });
  });

  it('finds an order by its full id first, and by its last digits', async () => {
    const full = await searchCustomers<Row>(db.customers, '3921748856128070123');
    expect(full[0]).toMatchObject({
      customer: { key: ZHANG_SAN.key },
      match: 'order',
      score: SCORES.fullOrderId,
    });
    const tail = await searchCustomers<Row>(db.customers, '8070123');
    expect(tail.map((r) => r.customer.key)).toContain(ZHANG_SAN.key);
    for (const r of tail.filter((x) => x.match === 'order')) {
      expect(r.customer.orderIds.some((id) => id.endsWith('8070123'))).toBe(true);
    }
  });

  it('finds a customer by phone tail, and only customers with that tail as phone matches', async () => {
    const found = await searchCustomers<Row>(db.customers, '0427', 100);
    const phoneMatches = found.filter((r) => r.match === 'phone');
    expect(phoneMatches.map((r) => r.customer.key)).toContain(ZHANG_SAN.key);
    for (const r of phoneMatches) expect(r.customer.phoneTails).toContain('0427');
    // A phone tail outranks the order-id tails and nick substrings that share the digits.
    expect(found.findIndex((r) => r.match !== 'phone')).not.toBeLessThan(phoneMatches.length);
  });

  it('agrees with reading every row, for queries under the lookup limit', async () => {
    for (const q of ['zs', 'zhang', 'wm', '王明', '李娜', 'lucky_cat', 'tiger', '张s', '0427']) {
      const expected = rankResults(q, bruteForce(q), Infinity);
      expect(planQuery(q).length).toBeGreaterThan(0);
      const got = await searchCustomers<Row>(db.customers, q, Infinity);
      expect(got.length, q).toBeGreaterThan(0);
      expect(
        got.map((r) => [r.customer.key, r.score]),
        q,
      ).toEqual(expected.map((r) => [r.customer.key, r.score]));
    }
  });

  it('reads only the planned prefixes, at most LOOKUP_LIMIT rows each, even for one letter', async () => {
    const { wrapped, reads } = counting(db.customers);
    const found = await searchCustomers(wrapped, 'a');
    expect(found).toHaveLength(20);
    expect(reads.map((r) => r.prefix).sort()).toEqual(['n:a', 'y:a']);
    for (const r of reads) expect(r.rows).toBeLessThanOrEqual(LOOKUP_LIMIT);
    expect(reads.some((r) => r.rows === LOOKUP_LIMIT)).toBe(true);
  });

  it('reads nothing for an empty query', async () => {
    const { wrapped, reads } = counting(db.customers);
    expect(await searchCustomers(wrapped, '  \u200b')).toEqual([]);
    expect(reads).toEqual([]);
  });
});
