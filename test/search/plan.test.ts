import fc from 'fast-check';
import { planQuery } from '../../lib/search';
import { hostileString, kindsFinding, numRuns } from '../support/search';

describe('planQuery', () => {
  it('plans nothing for an empty or unsearchable query', () => {
    expect(planQuery('')).toEqual([]);
    expect(planQuery('   ')).toEqual([]);
    expect(planQuery('😀\u200b')).toEqual([]);
  });

  it('looks up digits as a reversed order-id tail, a phone tail when four, and a nick', () => {
    expect(planQuery(' 8070 ')).toEqual([
      { kind: 'order', prefix: 'o:0708' },
      { kind: 'phone', prefix: 'p:8070' },
      { kind: 'nick', prefix: 'n:8070' },
    ]);
    expect(planQuery('123456')).toEqual([
      { kind: 'order', prefix: 'o:654321' },
      { kind: 'nick', prefix: 'n:123456' },
    ]);
  });

  it('looks up Latin letters as nick substring and pinyin', () => {
    expect(planQuery('ZS')).toEqual([
      { kind: 'nick', prefix: 'n:zs' },
      { kind: 'pinyin', prefix: 'y:zs' },
    ]);
  });

  it('looks up an id-like mix of letters and digits as an order id too', () => {
    expect(planQuery('SO-1001')).toEqual([
      { kind: 'nick', prefix: 'n:so1001' },
      { kind: 'pinyin', prefix: 'y:so1001' },
      { kind: 'order', prefix: 'o:1001os' },
    ]);
  });

  it('looks up Han text as a nick substring, and its pinyin when mixed with Latin', () => {
    expect(planQuery('张三')).toEqual([{ kind: 'nick', prefix: 'n:张三' }]);
    expect(planQuery('张s')).toEqual([
      { kind: 'nick', prefix: 'n:张s' },
      { kind: 'pinyin', prefix: 'y:zhangs' },
    ]);
  });

  it('finds 张三 by zs, zhangsan, zhang, 三 and 张s', () => {
    for (const q of ['zs', 'zhangsan', 'ZhangSan', 'zhang', '三', '张s']) {
      expect(kindsFinding(q, { receiverNames: ['张三'] }), q).not.toEqual([]);
    }
    expect(kindsFinding('ls', { receiverNames: ['张三'] })).toEqual([]);
  });

  it('finds a nick by prefix and by substring', () => {
    expect(kindsFinding('Happy', { nick: 'happy_cat_2024' })).toEqual(['nick']);
    expect(kindsFinding('cat20', { nick: 'happy_cat_2024' })).toEqual(['nick']);
    expect(kindsFinding('dog', { nick: 'happy_cat_2024' })).toEqual([]);
  });

  it('finds an order by its tail and its full id, and a phone by its tail', () => {
    const input = { orderIds: ['3921748856128070'], phoneTails: ['5566'] };
    expect(kindsFinding('8070', input)).toEqual(['order']);
    expect(kindsFinding('3921748856128070', input)).toEqual(['order']);
    expect(kindsFinding('5566', input)).toEqual(['phone']);
    expect(kindsFinding('9999', input)).toEqual([]);
  });

  it('never throws and plans at most one lookup per kind, each tagged by its kind (property)', () => {
    const tag = { nick: 'n:', pinyin: 'y:', order: 'o:', phone: 'p:' } as const;
    fc.assert(
      fc.property(hostileString, (q) => {
        const plan = planQuery(q);
        expect(new Set(plan.map((p) => p.kind)).size).toBe(plan.length);
        for (const { kind, prefix } of plan) {
          expect(prefix.startsWith(tag[kind])).toBe(true);
          expect(prefix.length).toBeGreaterThan(2);
          expect(prefix.isWellFormed()).toBe(true);
        }
      }),
      { numRuns },
    );
  });
});
