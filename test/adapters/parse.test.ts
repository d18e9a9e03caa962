import fc from 'fast-check';
import { fenFromJson, yuanToFen } from '../../lib/parse/money';
import { normaliseStatus } from '../../lib/parse/status';
import { parseChinaTime, parseIsoTime, unixSecondsToMs } from '../../lib/parse/time';
import { textOf } from '../../lib/adapters/dom';
import type { OrderStatus } from '../../lib/schemas';

const HOUR = 3600_000;

describe('yuanToFen', () => {
  test.each<[unknown, number | undefined]>([
    ['￥1,234.50', 123450],
    ['169.00', 16900],
    ['¥0.5', 50],
    ['1234', 123400],
    ['0.29', 29], // 0.29 * 100 is 28.999999999999996 in floating point
    ['1.005', 100], // a third decimal is cut, never rounded into a wrong fen
    [' ￥ 12.30 ', 1230],
    ['12元', 1200],
    ['RMB 5', 500],
    ['0', 0],
    ['￥0.00', 0],
    [19.99, 1999],
    [0.07, 7],
    [0, 0],
    ['-1.00', undefined],
    ['abc', undefined],
    ['', undefined],
    ['1.2.3', undefined],
    ['(含快递:￥0.00)', undefined],
    [-5, undefined],
    [Number.NaN, undefined],
    [Number.POSITIVE_INFINITY, undefined],
    [null, undefined],
    [undefined, undefined],
    [{}, undefined],
  ])('%j -> %j', (input, want) => {
    expect(yuanToFen(input)).toBe(want);
  });

  test('round-trips every amount the way Taobao prints it', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 99_999_999_999 }), (fen) => {
        const yuan = `${Math.floor(fen / 100)}.${String(fen % 100).padStart(2, '0')}`;
        const grouped = yuan.replace(/\B(?=(\d{3})+(?!\d))(?=.*\.)/g, ',');
        expect(yuanToFen(yuan)).toBe(fen);
        expect(yuanToFen(`￥${grouped}`)).toBe(fen);
      }),
    );
  });
});

describe('parseChinaTime', () => {
  test.each<[unknown, number | undefined]>([
    ['2026-11-24 21:05:33', Date.UTC(2026, 10, 24, 13, 5, 33)],
    ['2026-11-25 07:50:00', Date.UTC(2026, 10, 24, 23, 50, 0)], // the UTC date is the day before
    ['2026/1/2 3:04', Date.UTC(2026, 0, 1, 19, 4)],
    ['2026-11-25', Date.UTC(2026, 10, 24, 16)],
    ['2026-11-24T21:05:33', Date.UTC(2026, 10, 24, 13, 5, 33)],
    ['  2026-02-28 00:00:00  ', Date.UTC(2026, 1, 27, 16)],
    ['2028-02-29 12:00:00', Date.UTC(2028, 1, 29, 4)],
    ['2026-02-29 12:00:00', undefined],
    ['2026-02-31 10:00:00', undefined],
    ['2026-13-01 10:00:00', undefined],
    ['1999-12-31 23:59:59', undefined], // before 2000: a parse error, not a date
    ['24/11/2026', undefined],
    ['', undefined],
    [1764000000, undefined],
    [null, undefined],
  ])('%j -> %j', (input, want) => {
    expect(parseChinaTime(input)).toBe(want);
  });

  test('is UTC+8 for every date, whatever the machine zone', () => {
    fc.assert(
      fc.property(
        fc.date({ min: new Date('2001-01-01'), max: new Date('2099-12-31'), noInvalidDate: true }),
        (d) => {
          const t = Math.floor(d.getTime() / 1000) * 1000;
          const c = new Date(t + 8 * HOUR);
          const p = (n: number) => String(n).padStart(2, '0');
          const text = `${c.getUTCFullYear()}-${p(c.getUTCMonth() + 1)}-${p(c.getUTCDate())} ${p(c.getUTCHours())}:${p(c.getUTCMinutes())}:${p(c.getUTCSeconds())}`;
          expect(parseChinaTime(text)).toBe(t);
        },
      ),
    );
  });
});

describe('normaliseStatus', () => {
  /** Every Taobao status text and enum in platforms.md, then the domain's vocabulary. */
  test.each<[string, OrderStatus]>([
    ['等待买家付款', 'unpaid'],
    ['买家已付款', 'paid'],
    ['买家已付款，等待商家发货', 'paid'],
    ['卖家已发货', 'shipped'],
    ['商家已发货，等待买家确认', 'shipped'],
    ['交易成功', 'completed'],
    ['交易关闭', 'closed'],
    ['退款成功', 'refunded'],
    ['订单部分退款中', 'refunding'],
    ['WAIT_BUYER_PAY', 'unpaid'],
    ['WAIT_SELLER_SEND_GOODS', 'paid'],
    ['WAIT_BUYER_CONFIRM_GOODS', 'shipped'],
    ['TRADE_FINISHED', 'completed'],
    ['TRADE_CLOSED', 'closed'],
    ['TRADE_CLOSED_BY_TAOBAO', 'closed'],
    ['待付款', 'unpaid'],
    ['待支付', 'unpaid'],
    ['待发货', 'paid'],
    ['已发货', 'shipped'],
    ['待收货', 'shipped'],
    ['已完成', 'completed'],
    ['已签收', 'completed'],
    ['已取消', 'closed'],
    ['退款中', 'refunding'],
    ['售后中', 'refunding'],
    ['  交易成功 ', 'completed'],
  ])('%s -> %s', (input, want) => {
    expect(normaliseStatus(input)).toBe(want);
  });

  test.each<[unknown]>([[''], ['   '], ['详情'], ['修改价格'], [42], [null], [undefined]])(
    '%j is not a status',
    (input) => {
      expect(normaliseStatus(input)).toBeUndefined();
    },
  );
});

describe('other readers', () => {
  test('textOf collapses whitespace and tolerates a missing element', () => {
    const el = { textContent: '  订单号 :\n\t 4261124210500000101  ' } as unknown as Element;
    expect(textOf(el)).toBe('订单号 : 4261124210500000101');
    expect(textOf(null)).toBe('');
    expect(textOf(undefined)).toBe('');
  });

  test('fenFromJson takes integer fen only', () => {
    expect(fenFromJson(16900)).toBe(16900);
    expect(fenFromJson('16900')).toBe(16900);
    expect(fenFromJson(169.5)).toBeUndefined();
    expect(fenFromJson(-1)).toBeUndefined();
    expect(fenFromJson('169.00')).toBeUndefined();
  });

  test('unixSecondsToMs and parseIsoTime', () => {
    expect(unixSecondsToMs(1764000000)).toBe(1764000000000);
    expect(unixSecondsToMs('1764000000')).toBe(1764000000000);
    expect(unixSecondsToMs(1)).toBeUndefined();
    expect(parseIsoTime('2026-11-24T21:05:33+08:00')).toBe(Date.UTC(2026, 10, 24, 13, 5, 33));
    expect(parseIsoTime('2026-11-24 21:05:33')).toBeUndefined();
  });
});

describe('shopDisplayName', () => {
  test('turns an encoded Chinese seller nick back into the nick', async () => {
    const { taobaoShopId } = await import('../../lib/shops');
    const { shopDisplayName } = await import('../../lib/shops');
    expect(shopDisplayName(taobaoShopId('客知测试店:客服小李'))).toBe('客知测试店');
    expect(shopDisplayName('shop.example.test')).toBe('shop.example.test');
  });
});
