import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { decodeText, repairMojibake } from '../../lib/importers';
import { fixture, utf8 } from '../support/importers';

const utf8Source = (name: string) =>
  readFileSync(fileURLToPath(new URL(`../fixtures/importers/${name}`, import.meta.url)), 'utf8');

const concat = (...parts: Uint8Array[]) => {
  const out = new Uint8Array(parts.reduce((n, p) => n + p.length, 0));
  let at = 0;
  for (const p of parts) {
    out.set(p, at);
    at += p.length;
  }
  return out;
};

describe('decodeText', () => {
  it('refuses a 0-byte file and a blank one', () => {
    const empty = decodeText(fixture('empty.csv'));
    expect(empty).toMatchObject({ ok: false, code: 'empty' });
    expect(!empty.ok && empty.message.zh_CN).toBe('文件是空的（0 字节）。');
    expect(decodeText(utf8(' \r\n\t\r\n'))).toMatchObject({ ok: false, code: 'empty' });
    expect(decodeText(new ArrayBuffer(0))).toMatchObject({ ok: false, code: 'empty' });
  });

  it('refuses an image by its signature, and anything holding NUL bytes', () => {
    const png = decodeText(fixture('not-a-csv.png'));
    expect(png).toMatchObject({ ok: false, code: 'binary' });
    expect(!png.ok && png.message.zh_CN).toBe('这是 PNG 文件，不是订单报表。');
    const nul = decodeText(utf8('订单编号,a\n1,\u0000\u0001'));
    expect(nul).toMatchObject({ ok: false, code: 'binary' });
    expect(!nul.ok && nul.message.en).toMatch(/NUL bytes/);
  });

  it('sends zip files to the xlsx reader and old .xls files back to the seller', () => {
    expect(decodeText(Uint8Array.of(0x50, 0x4b, 0x03, 0x04, 1, 2))).toMatchObject({
      code: 'xlsx-as-csv',
    });
    const xls = Uint8Array.of(0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1, 0, 0);
    expect(decodeText(xls)).toMatchObject({ ok: false, code: 'old-xls' });
  });

  it('refuses bytes that are neither UTF-8 nor GB18030', () => {
    const got = decodeText(Uint8Array.of(0x41, 0xff, 0x41, 0xff));
    expect(got).toMatchObject({ ok: false, code: 'undecodable' });
  });

  it('reads Taobao GBK bytes as GB18030, character for character', () => {
    const got = decodeText(fixture('taobao-orders.csv'));
    expect(got).toMatchObject({ ok: true, encoding: 'gb18030', notes: [] });
    expect(got.ok && got.text).toBe(utf8Source('taobao-orders.utf8.csv'));
  });

  it('strips a UTF-8 BOM, and reads GBK text behind a UTF-8 BOM as GBK', () => {
    const pdd = decodeText(fixture('pinduoduo-orders.csv'));
    expect(pdd).toMatchObject({ ok: true, encoding: 'utf-8', notes: [] });
    expect(pdd.ok && pdd.text.startsWith('订单成交时间')).toBe(true);

    const lying = decodeText(concat(Uint8Array.of(0xef, 0xbb, 0xbf), fixture('taobao-orders.csv')));
    expect(lying).toMatchObject({ ok: true, encoding: 'gb18030' });
    expect(lying.ok && lying.text).toBe(utf8Source('taobao-orders.utf8.csv'));
    expect(lying.ok && lying.notes.map((n) => n.en)).toEqual([
      'The file is marked UTF-8 but holds GBK text: it was read as GBK.',
    ]);
  });

  it('reads UTF-16 with a BOM (Excel "Unicode text")', () => {
    const text = '订单号\t订单状态\r\n1\t已签收\r\n';
    const le = new Uint8Array(2 + text.length * 2);
    le.set([0xff, 0xfe]);
    for (let i = 0; i < text.length; i++) {
      le[2 + 2 * i] = text.charCodeAt(i) & 0xff;
      le[3 + 2 * i] = text.charCodeAt(i) >> 8;
    }
    expect(decodeText(le)).toEqual({ ok: true, text, encoding: 'utf-16le', notes: [] });
  });

  it('keeps the text of a file cut off in the middle of its last character, and says so', () => {
    const whole = utf8('订单编号,标题\r\n1,测');
    const got = decodeText(whole.subarray(0, whole.length - 1));
    expect(got).toMatchObject({ ok: true, encoding: 'utf-8', text: '订单编号,标题\r\n1,' });
    expect(got.ok && got.notes[0]?.zh_CN).toMatch(/不完整/);
  });
});

describe('repairMojibake', () => {
  it('undoes GBK text that was read as Latin-1 and saved again', () => {
    const gbk = fixture('taobao-orders.csv');
    const latin1 = String.fromCharCode(...gbk);
    expect(repairMojibake(latin1)).toEqual({
      text: utf8Source('taobao-orders.utf8.csv'),
      encoding: 'gb18030',
    });
  });

  it('maps Windows-1252 characters back to their bytes', () => {
    // 0x81 0x80 is one GBK character; 0x80 reads as € in Windows-1252, 0x81 as U+0081.
    const expected = new TextDecoder('gb18030').decode(Uint8Array.of(0x81, 0x80));
    expect(repairMojibake('\u0081\u20ac')).toEqual({ text: expected, encoding: 'gb18030' });
  });

  it('leaves real text alone', () => {
    expect(repairMojibake('订单编号')).toBeUndefined();
    expect(repairMojibake('order,status')).toBeUndefined();
  });
});
