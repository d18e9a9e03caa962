import fc from 'fast-check';
import { MAX_ORDER_IDS, MAX_TERMS, normalizeText, searchTermsFor } from '../../lib/search';
import { customerInput, hostileString, kindsFinding, numRuns } from '../support/search';

describe('searchTermsFor', () => {
  it('indexes a Han name by substring, full pinyin and initials', () => {
    const terms = searchTermsFor(customerInput({ nick: '张三' }));
    expect(terms).toEqual(expect.arrayContaining(['n:张三', 'n:三', 'y:zhangsan', 'y:zs']));
  });

  it('keeps Latin text lower-case in the pinyin of mixed names', () => {
    const terms = searchTermsFor(customerInput({ nick: '张三ABC' }));
    expect(terms).toEqual(
      expect.arrayContaining(['y:zhangsanabc', 'y:zsabc', 'n:张三abc', 'n:bc']),
    );
  });

  it('skips one-letter Latin suffixes but keeps one-character Han suffixes', () => {
    const terms = searchTermsFor(customerInput({ nick: 'Alice', receiverNames: ['李四'] }));
    expect(terms).toContain('n:ce');
    expect(terms).not.toContain('n:e');
    expect(terms).toContain('n:四');
  });

  it('has no pinyin keys for names without Han characters', () => {
    const terms = searchTermsFor(customerInput({ nick: 'bob_smith' }));
    expect(terms.filter((t) => t.startsWith('y:'))).toEqual([]);
    expect(terms).toContain('n:bobsmith');
  });

  it('indexes both readings of a polyphonic surname', () => {
    const terms = searchTermsFor(customerInput({ receiverNames: ['单田芳', '曾小贤'] }));
    expect(terms).toEqual(
      expect.arrayContaining(['y:shantianfang', 'y:zengxiaoxian', 'y:zxx', 'y:cengxiaoxian']),
    );
  });

  it('indexes the given name of a three-character name', () => {
    const terms = searchTermsFor(customerInput({ receiverNames: ['王小明'] }));
    expect(terms).toEqual(
      expect.arrayContaining(['y:wangxiaoming', 'y:wxm', 'y:xiaoming', 'y:xm']),
    );
  });

  it('spells ü as v, as pinyin keyboards do', () => {
    expect(searchTermsFor(customerInput({ nick: '吕布' }))).toContain('y:lvbu');
  });

  it('reverses order ids so a tail is a prefix, and caps them at the newest 50', () => {
    const ids = Array.from({ length: 60 }, (_, i) => `20240101${String(i).padStart(4, '0')}8070`);
    const terms = searchTermsFor(customerInput({ orderIds: ids }));
    const orderTerms = terms.filter((t) => t.startsWith('o:'));
    expect(orderTerms).toHaveLength(MAX_ORDER_IDS);
    expect(orderTerms[0]).toBe('o:07080000' + '10104202');
    expect(terms).not.toContain('o:0708' + '9500' + '10104202');
  });

  it('keeps the last four digits of phone tails, masked or not', () => {
    const terms = searchTermsFor(customerInput({ phoneTails: ['5678', '138****1234', '12'] }));
    expect(terms.filter((t) => t.startsWith('p:'))).toEqual(['p:5678', 'p:1234']);
  });

  it('strips zero-width characters, bidi marks and emoji, and folds full-width letters', () => {
    const terms = searchTermsFor(customerInput({ nick: '\u200bＡｌｉ\u202e😀ce\ufeff' }));
    expect(terms).toContain('n:alice');
    expect(terms.every((t) => /^[a-z]:[a-z0-9\p{Script=Han}]*$/u.test(t))).toBe(true);
  });

  it('deduplicates keys', () => {
    const terms = searchTermsFor(
      customerInput({ nick: 'abab', receiverNames: ['abab', 'ABAB'], orderIds: ['1', '1'] }),
    );
    expect(new Set(terms).size).toBe(terms.length);
    expect(terms.filter((t) => t === 'n:ab')).toHaveLength(1);
  });

  it('drops lone surrogates instead of storing malformed keys', () => {
    const terms = searchTermsFor(
      customerInput({ nick: '\ud800ab\udc00c\ud83d', orderIds: ['\udfff12'] }),
    );
    expect(terms).toEqual(['n:abc', 'n:bc', 'o:21']);
  });

  it('bounds the keys of a 10,000-character nick', () => {
    const terms = searchTermsFor(customerInput({ nick: 'x'.repeat(10_000) + '张'.repeat(10_000) }));
    expect(terms.length).toBeLessThanOrEqual(MAX_TERMS);
    expect(terms.every((t) => [...t].length <= 66)).toBe(true);
  });

  const hostile = hostileString;
  const hostileArray = fc.array(hostileString, { maxLength: 80 });

  it('never throws and stays bounded on hostile input (property)', () => {
    fc.assert(
      fc.property(hostile, hostileArray, hostileArray, hostileArray, (nick, names, phones, ids) => {
        const terms = searchTermsFor({
          nick,
          receiverNames: names,
          phoneTails: phones,
          orderIds: ids,
        });
        expect(terms.length).toBeLessThanOrEqual(MAX_TERMS);
        expect(new Set(terms).size).toBe(terms.length);
        for (const t of terms) {
          expect(t).toMatch(/^[nyop]:./u);
          expect(t.isWellFormed()).toBe(true);
          expect([...t].length).toBeLessThanOrEqual(66);
          expect(t).not.toMatch(/[\p{Cf}\p{Zs}\p{Cc}]/u);
          expect(normalizeText(t.slice(2))).toBe(t.slice(2));
        }
      }),
      { numRuns },
    );
  });

  it('finds a nick by any substring of two or more characters starting in its first 24 (property)', () => {
    const nickChar = fc.constantFrom(...'abcxyz0123张三李四王五_- '.split(''));
    fc.assert(
      fc.property(
        fc.array(nickChar, { minLength: 2, maxLength: 40 }).map((cs) => cs.join('')),
        fc.nat(),
        fc.nat(),
        (nick, a, b) => {
          const norm = [...normalizeText(nick)];
          fc.pre(norm.length >= 2);
          const start = a % Math.min(norm.length - 1, 24);
          const end = start + 2 + (b % (norm.length - start - 1));
          const q = norm.slice(start, end).join('');
          expect(kindsFinding(q, { nick })).toContain('nick');
        },
      ),
      { numRuns },
    );
  });

  it('finds an order by its full id and by any tail of it (property)', () => {
    fc.assert(
      fc.property(
        fc.array(fc.stringMatching(/^[0-9]{6,19}$/), { minLength: 1, maxLength: 5 }),
        fc.nat(),
        fc.nat(),
        (ids, which, cut) => {
          const id = ids[which % ids.length]!;
          const tail = id.slice(cut % id.length);
          expect(kindsFinding(id, { orderIds: ids })).toContain('order');
          expect(kindsFinding(tail, { orderIds: ids })).toContain('order');
        },
      ),
      { numRuns },
    );
  });
});
