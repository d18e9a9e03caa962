import fc from 'fast-check';
import { rankResults, SCORES, searchTermsFor, type MatchKind } from '../../lib/search';
import { customerInput, numRuns } from '../support/search';

interface Row {
  key: string;
  nick: string;
  lastOrderAt: number;
  receiverNames: string[];
  searchTerms: string[];
}

const row = (
  key: string,
  nick: string,
  lastOrderAt: number,
  more: { receiverNames?: string[]; orderIds?: string[]; phoneTails?: string[] } = {},
): Row => ({
  key,
  nick,
  lastOrderAt,
  receiverNames: more.receiverNames ?? [],
  searchTerms: searchTermsFor(customerInput({ nick, ...more })),
});

const keysOf = (rs: { customer: { key: string } }[]): string[] => rs.map((r) => r.customer.key);

describe('rankResults', () => {
  it('puts exact before prefix before substring before pinyin, whatever the recency', () => {
    const exact = row('exact', 'Ann', 1);
    const prefix = row('prefix', 'anna_k', 2);
    const substring = row('substring', 'joanne', 3);
    const viaPinyin = row('pinyin', '安娜', 4);
    const ranked = rankResults('ann', [
      { customer: viaPinyin, via: 'pinyin' },
      { customer: substring, via: 'nick' },
      { customer: prefix, via: 'nick' },
      { customer: exact, via: 'nick' },
    ]);
    expect(keysOf(ranked)).toEqual(['exact', 'prefix', 'substring', 'pinyin']);
    expect(ranked.map((r) => r.match)).toEqual(['exact', 'prefix', 'substring', 'pinyin']);
    expect(ranked.map((r) => r.score)).toEqual([
      SCORES.exact,
      SCORES.prefix,
      SCORES.substring,
      SCORES.pinyinPrefix,
    ]);
  });

  it('breaks ties by the most recent order, then by key', () => {
    const hits = [
      row('b', 'mia_old', 100),
      row('c', 'mia_new', 300),
      row('a', 'mia_mid', 200),
      row('d', 'mia_mid2', 200),
    ].map((customer) => ({ customer, via: 'nick' as const }));
    expect(keysOf(rankResults('mia', hits))).toEqual(['c', 'a', 'd', 'b']);
  });

  it('counts an exact receiver name as exact', () => {
    const ranked = rankResults('张三', [
      { customer: row('nick-prefix', '张三丰', 9), via: 'nick' },
      { customer: row('receiver', 'buyer77', 1, { receiverNames: ['张三'] }), via: 'nick' },
    ]);
    expect(keysOf(ranked)).toEqual(['receiver', 'nick-prefix']);
    expect(ranked[0]!.match).toBe('exact');
  });

  it('lists a customer found by several lookups once, with the best match', () => {
    const c = row('c', 'zs_shop', 5, { receiverNames: ['张三'] });
    const ranked = rankResults('zs', [
      { customer: c, via: 'pinyin' },
      { customer: c, via: 'nick' },
      { customer: c, via: 'pinyin' },
    ]);
    expect(ranked).toEqual([{ customer: c, score: SCORES.prefix, match: 'prefix' }]);
  });

  it('ranks a whole-name pinyin above a pinyin prefix, with or without stored terms', () => {
    const whole = row('whole', '张三', 1);
    const longer = row('longer', '张三丰', 2);
    const bare = ({ searchTerms: _terms, ...rest }: Row) => rest;
    for (const strip of [false, true]) {
      const hits = [longer, whole].map((c) => ({
        customer: strip ? bare(c) : c,
        via: 'pinyin' as const,
      }));
      const ranked = rankResults('zhangsan', hits);
      expect(keysOf(ranked)).toEqual(['whole', 'longer']);
      expect(ranked.map((r) => r.score)).toEqual([SCORES.pinyinWhole, SCORES.pinyinPrefix]);
    }
  });

  it('ranks a full order id with exact names, and a tail below a name prefix', () => {
    const owner = row('owner', 'x1', 1, { orderIds: ['3921748856128070'] });
    const tailOnly = row('tail', 'x2', 9, { orderIds: ['1113921748856128070'] });
    const name = row('name', '3921748856128070', 5);
    const full = rankResults('3921748856128070', [
      { customer: tailOnly, via: 'order' },
      { customer: owner, via: 'order' },
      { customer: name, via: 'nick' },
    ]);
    // owner and name tie on the exact score; the more recent wins.
    expect(keysOf(full)).toEqual(['name', 'owner', 'tail']);
    expect(full.map((r) => [r.match, r.score])).toEqual([
      ['exact', SCORES.exact],
      ['order', SCORES.fullOrderId],
      ['order', SCORES.orderIdTail],
    ]);

    const tail = rankResults('8070', [
      { customer: row('sub', 'ab8070cd', 9), via: 'nick' },
      { customer: owner, via: 'order' },
      { customer: row('pre', '8070ab', 0), via: 'nick' },
    ]);
    expect(keysOf(tail)).toEqual(['pre', 'owner', 'sub']);
  });

  it('ranks a phone tail above a name prefix and an order tail', () => {
    const phone = row('phone', 'p', 1, { phoneTails: ['5566'] });
    const order = row('order', 'o', 9, { orderIds: ['995566'] });
    const prefix = row('prefix', '5566go', 9);
    const ranked = rankResults('5566', [
      { customer: order, via: 'order' },
      { customer: prefix, via: 'nick' },
      { customer: phone, via: 'phone' },
    ]);
    expect(keysOf(ranked)).toEqual(['phone', 'prefix', 'order']);
    expect(ranked[0]!.match).toBe('phone');
  });

  it('honours the limit and returns nothing for an unsearchable query', () => {
    const hits = Array.from({ length: 30 }, (_, i) => ({
      customer: row(`k${i}`, `lee${i}`, i),
      via: 'nick' as const,
    }));
    expect(rankResults('lee', hits)).toHaveLength(20);
    expect(keysOf(rankResults('lee', hits, 3))).toEqual(['k29', 'k28', 'k27']);
    expect(rankResults(' \u200b', hits)).toEqual([]);
  });

  it('returns unique customers from the hits, best first, within the limit (property)', () => {
    const kinds: MatchKind[] = ['nick', 'pinyin', 'order', 'phone'];
    const hit = fc.record({
      key: fc.constantFrom('a', 'b', 'c', 'd', 'e'),
      nick: fc.constantFrom('ann', 'anna', 'joanne', '安娜', '8070', ''),
      lastOrderAt: fc.integer({ min: 0, max: 5 }),
      via: fc.constantFrom(...kinds),
    });
    fc.assert(
      fc.property(
        fc.constantFrom('ann', 'an', '8070', '安', 'zz'),
        fc.array(hit, { maxLength: 20 }),
        fc.integer({ min: 0, max: 6 }),
        (q, raw, limit) => {
          const hits = raw.map(({ via, ...c }) => ({
            customer: { ...c, receiverNames: [], searchTerms: searchTermsFor(customerInput(c)) },
            via,
          }));
          const ranked = rankResults(q, hits, limit);
          const keys = keysOf(ranked);
          expect(new Set(keys).size).toBe(keys.length);
          expect(ranked.length).toBe(Math.min(limit, new Set(raw.map((h) => h.key)).size));
          for (const r of ranked) expect(hits.some((h) => h.customer === r.customer)).toBe(true);
          for (let i = 1; i < ranked.length; i++) {
            const [a, b] = [ranked[i - 1]!, ranked[i]!];
            expect(
              a.score > b.score ||
                (a.score === b.score && a.customer.lastOrderAt >= b.customer.lastOrderAt),
            ).toBe(true);
          }
        },
      ),
      { numRuns },
    );
  });
});
