import fc from 'fast-check';
import {
  itemIdFromUrl,
  platformBuyerId,
  skuFromText,
  skuPart,
  taobaoBuyer,
} from '../../lib/adapters/taobao-common';
import { parseQuantity } from '../../lib/parse/quantity';
import { taobaoShopId } from '../../lib/shops';
import { Id } from '../../lib/schemas';

describe('taobaoShopId', () => {
  test.each([
    ['客知测试店', '~0i3m~0nol~0ll7~0rmd~0ion'],
    ['客知测试店:客服小王', '~0i3m~0nol~0ll7~0rmd~0ion'], // sub-accounts share their shop
    ['客知测试店：客服小李', '~0i3m~0nol~0ll7~0rmd~0ion'],
    ['kezhi_test-shop.1', 'kezhi_test-shop.1'],
    ['a b', 'ab'],
    ['', 'default'],
    [':客服小王', 'default'],
  ])('%s -> %s', (nick, want) => {
    expect(taobaoShopId(nick)).toBe(want);
  });

  test('always a valid Id, and different shops never share one', () => {
    const nick = fc
      .string({ unit: 'binary', minLength: 1, maxLength: 30 })
      .filter((s) => !/[:：\s]/.test(s));
    fc.assert(
      fc.property(nick, nick, (a, b) => {
        expect(Id.safeParse(taobaoShopId(a)).success).toBe(true);
        if (a !== b) expect(taobaoShopId(a)).not.toBe(taobaoShopId(b));
      }),
    );
  });

  test('a very long nick is cut and hashed within 64 characters', () => {
    const id = taobaoShopId('测'.repeat(40));
    expect(id.length).toBeLessThanOrEqual(64);
    expect(id).toMatch(/~~[0-9a-f]{8}$/);
    expect(taobaoShopId('测'.repeat(41))).not.toBe(id);
  });
});

describe('taobaoBuyer', () => {
  test('an unmasked nick is the identity, even when an id is known', () => {
    expect(taobaoBuyer('tb_test_buyer01', '4261124210500000101', '2200000000001')).toEqual({
      buyerId: 'nick:tb_test_buyer01',
      identity: 'nick',
    });
  });
  test('a masked nick uses the platform id when there is one, else stands alone', () => {
    expect(taobaoBuyer('牛**', '4261123090000000103', '2200000000001')).toEqual({
      buyerId: 'id:2200000000001',
      identity: 'platform',
    });
    expect(taobaoBuyer('牛**', '4261123090000000103')).toEqual({
      buyerId: 'order:4261123090000000103',
      identity: 'none',
    });
  });
});

describe('small readers', () => {
  test.each([
    ['颜色分类：白色', '颜色分类：白色'],
    ['颜色分类 : 白色', '颜色分类：白色'],
    ['尺码:L', '尺码：L'],
    ['均码', '均码'],
  ])('skuFromText(%s) -> %s', (text, want) => {
    expect(skuFromText(text)).toBe(want);
  });

  test('skuPart writes what skuFromText reads', () => {
    expect(skuFromText(skuPart('颜色分类', '白色'))).toBe(skuPart('颜色分类', '白色'));
  });

  test.each<[string, number | undefined]>([
    ['2', 2],
    ['x2', 2],
    ['×12', 12],
    [' X 3 ', 3],
    ['', undefined],
    ['2件', undefined],
    ['-1', undefined],
  ])('parseQuantity(%j) -> %j', (text, want) => {
    expect(parseQuantity(text)).toBe(want);
  });

  test.each<[string | null, string | undefined]>([
    ['//item.taobao.com/item.htm?id=600000000001', '600000000001'],
    ['https://detail.tmall.com/item.htm?spm=a1z10&id=600000000002&skuId=1', '600000000002'],
    ['//trade.taobao.com/trade/detail/tradeSnap.htm?tradeID=4261124210500000101', undefined],
    [null, undefined],
  ])('itemIdFromUrl(%j) -> %j', (href, want) => {
    expect(itemIdFromUrl(href)).toBe(want);
  });

  test.each<[unknown, string | undefined]>([
    ['2200000000001', '2200000000001'],
    [2200000000001, '2200000000001'],
    ['AAHm5d-EAAeGwJedwSHpg8bT', 'AAHm5d-EAAeGwJedwSHpg8bT'],
    [Number('4261124210500000101'), undefined], // not a safe integer: digits already lost
    ['0', undefined],
    ['', undefined],
    ['a b', undefined],
    [null, undefined],
  ])('platformBuyerId(%j) -> %j', (value, want) => {
    expect(platformBuyerId(value)).toBe(want);
  });
});
