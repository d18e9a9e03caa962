import { checkCompliance } from '../../lib/reminders';

const chat = { channel: 'chat', purpose: 'remind' } as const;
const codes = (text: string, ctx: Parameters<typeof checkCompliance>[1] = chat) =>
  checkCompliance(text, ctx).map((i) => i.code);

describe('cash for reviews', () => {
  it.each([
    '亲，好评返现5元哦',
    '好评返2元红包',
    '返现活动进行中',
    '全五星好评送小礼品',
    '5星好评截图找客服',
    '晒图返3元',
    '好评有礼，详询客服',
    '麻烦给个好评吧',
    '给我们好评',
    '追评送优惠券',
    'Get cash back for a 5-star review!',
    'Leave us a five star review and we will send a gift',
    'Post a review with photos to get a coupon',
    'Write a 5-star rating please',
  ])('flags %s as an error', (text) => {
    const issues = checkCompliance(text, chat);
    expect(issues[0]).toMatchObject({ code: 'cash-for-review', severity: 'error' });
    expect(issues[0]!.message.zh_CN.length).toBeGreaterThan(0);
    expect(issues[0]!.message.en.length).toBeGreaterThan(0);
    expect(text).toContain(issues[0]!.match!);
    expect(text.indexOf(issues[0]!.match!)).toBeLessThanOrEqual(issues[0]!.index!);
  });

  it.each([
    '亲，您拍下的商品还未付款',
    '我们的商品好评如潮',
    '感谢您的评价与支持',
    'We value your feedback about the fit.',
    'Your refund has been processed.',
  ])('does not flag %s', (text) => {
    expect(codes(text)).not.toContain('cash-for-review');
  });
});

describe('marketing SMS opt-out', () => {
  it.each(['care', 'recall', 'repurchase'] as const)(
    'a %s SMS without an opt-out is an error',
    (purpose) => {
      const issues = checkCompliance('【小店】亲，店铺上新啦', { channel: 'sms', purpose });
      expect(issues).toEqual([
        expect.objectContaining({ code: 'sms-missing-opt-out', severity: 'error' }),
      ]);
    },
  );

  it.each([
    '【小店】亲，上新啦。回T退订',
    '【小店】亲，上新啦，退订回T',
    '上新啦 回复T退订',
    'New arrivals! Reply STOP to opt out',
  ])('accepts the opt-out in %s', (text) => {
    expect(codes(text, { channel: 'sms', purpose: 'care' })).toEqual([]);
  });

  it('a payment reminder SMS, or a care chat, needs no opt-out', () => {
    expect(codes('【小店】亲，您的订单尚未付款', { channel: 'sms', purpose: 'remind' })).toEqual(
      [],
    );
    expect(codes('亲，商品用得怎么样？', { channel: 'chat', purpose: 'care' })).toEqual([]);
    expect(codes('亲，在吗', { channel: 'sms', purpose: 'other' })).toEqual([]);
  });
});

describe('pasted phone numbers', () => {
  it.each([
    '13812345678',
    '电话138 1234 5678',
    '138-1234-5678',
    '+86 19912345678',
    '联系:15900001111。',
  ])('flags %s', (text) => {
    const issues = checkCompliance(text, chat);
    expect(issues).toEqual([
      expect.objectContaining({ code: 'contains-phone-number', severity: 'warning' }),
    ]);
  });

  it.each([
    '订单号3306183637220018070',
    '260517-607198974342268',
    '12812345678',
    '138****5678',
    '1381234567',
    '金额¥13812.34',
  ])('does not flag %s', (text) => {
    expect(codes(text)).not.toContain('contains-phone-number');
  });
});

describe('pasted addresses', () => {
  it.each([
    '寄到浙江省杭州市',
    '杭州市西湖区文三路',
    '文一西路969号',
    '3栋2单元501室',
    '送到1203室',
    'Ship to 221 Baker Street please',
  ])('flags %s', (text) => {
    expect(checkCompliance(text, chat)).toEqual([
      expect.objectContaining({ code: 'contains-address', severity: 'warning' }),
    ]);
  });

  it.each([
    '新品上市啦',
    '亲，好久不见～店铺上新啦',
    '您的订单号是123',
    'Thanks for shopping with us',
  ])('does not flag %s', (text) => {
    expect(codes(text)).not.toContain('contains-address');
  });
});

it('lists errors before warnings', () => {
  const issues = checkCompliance('好评返现！电话13812345678，地址文一西路969号', {
    channel: 'sms',
    purpose: 'care',
  });
  expect(issues.map((i) => [i.code, i.severity])).toEqual([
    ['cash-for-review', 'error'],
    ['sms-missing-opt-out', 'error'],
    ['contains-phone-number', 'warning'],
    ['contains-address', 'warning'],
  ]);
});
