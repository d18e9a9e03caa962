import { charsetOf, decodeBody } from '../../lib/adapters/response-text';

/** Real GBK bytes, written out by hand (GB2312 code table). */
const GBK = {
  交易成功: [0xbd, 0xbb, 0xd2, 0xd7, 0xb3, 0xc9, 0xb9, 0xa6],
  等待买家付款: [0xb5, 0xc8, 0xb4, 0xfd, 0xc2, 0xf2, 0xbc, 0xd2, 0xb8, 0xb6, 0xbf, 0xee],
  牛: [0xc5, 0xa3],
  '￥': [0xa3, 0xa4],
};
const ascii = (s: string) => Array.from(s, (c) => c.charCodeAt(0));
const bytes = (...parts: number[][]) => new Uint8Array(parts.flat());

/** {"text":"交易成功","nick":"牛**","fee":"￥169.00"} as Taobao sends it in GBK. */
const gbkJson = bytes(
  ascii('{"text":"'),
  GBK.交易成功,
  ascii('","nick":"'),
  GBK.牛,
  ascii('**","fee":"'),
  GBK['￥'],
  ascii('169.00"}'),
);

describe('decodeBody', () => {
  test('GBK bytes without a charset fall back to gb18030', () => {
    expect(decodeBody(bytes(GBK.交易成功))).toBe('交易成功');
    expect(JSON.parse(decodeBody(gbkJson))).toEqual({
      text: '交易成功',
      nick: '牛**',
      fee: '￥169.00',
    });
  });

  test('a declared utf-8 is not trusted when the bytes are GBK (asyncSold quirk)', () => {
    expect(decodeBody(bytes(GBK.等待买家付款), 'application/json;charset=UTF-8')).toBe(
      '等待买家付款',
    );
  });

  test.each([
    'text/html; charset=GBK',
    'application/json;charset=gb2312',
    'application/json; charset="gb18030"',
    'text/plain;charset=x-gbk',
  ])('honours %s', (type) => {
    expect(decodeBody(gbkJson, type)).toBe('{"text":"交易成功","nick":"牛**","fee":"￥169.00"}');
  });

  test('a declared GBK charset wins even over bytes that would pass as UTF-8', () => {
    // "浜ゆ槗" is what UTF-8 bytes of 交易 look like read as GBK: proof the charset was honoured.
    const utf8 = new TextEncoder().encode('交易');
    expect(decodeBody(utf8, 'text/csv; charset=gbk')).toBe('浜ゆ槗');
    expect(decodeBody(utf8)).toBe('交易');
  });

  test('UTF-8 stays UTF-8, with or without a byte-order mark', () => {
    const text = '买家已付款，等待商家发货 ￥169.00 😀';
    const utf8 = new TextEncoder().encode(text);
    expect(decodeBody(utf8)).toBe(text);
    expect(decodeBody(utf8, 'application/json; charset=utf-8')).toBe(text);
    expect(decodeBody(bytes([0xef, 0xbb, 0xbf], Array.from(utf8)))).toBe(text);
  });

  test('GB18030 four-byte sequences decode', () => {
    expect(decodeBody(bytes([0x95, 0x32, 0x82, 0x36]))).toBe('\u{20000}');
  });

  test('empty and ASCII bodies', () => {
    expect(decodeBody(new Uint8Array())).toBe('');
    expect(decodeBody(bytes(ascii('{"ok":1}')), 'text/html; charset=gbk')).toBe('{"ok":1}');
  });
});

describe('charsetOf', () => {
  test.each([
    ['text/html; charset=GBK', 'gbk'],
    ['application/json;charset="UTF-8"', 'utf-8'],
    ['application/json', undefined],
    [undefined, undefined],
  ])('%s -> %s', (type, want) => {
    expect(charsetOf(type)).toBe(want);
  });
});
