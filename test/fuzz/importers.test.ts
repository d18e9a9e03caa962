/**
 * Order-report files are made by the seller's platform, but a file is only bytes: a crafted or
 * damaged report must not get anything invalid past the importer. Hostile cells (HTML payloads,
 * formulas, RTL/zero-width marks, 1 MB text, amounts as "NaN", "-5.00", "1,234.50", "￥12",
 * dates after 2100 and before 2000) go into a real Taobao report: the importer never throws,
 * every order it hands on passes OrderInput, a row with an unreadable amount or an impossible date
 * is skipped with a reason (counted), and text cells come through as the literal text.
 */
import fc from 'fast-check';
import Papa from 'papaparse';
import { importCsv } from '../../lib/importers';
import { OrderInput } from '../../lib/schemas';
import { collector, fixture, utf8 } from '../support/importers';
import {
  MARKUP_PAYLOADS,
  NOT_AN_AMOUNT,
  ODD_TEXT,
  RUNS,
  TIMEOUT,
  count,
  hostileString,
  runs,
  tally,
} from '../support/hostile';

afterAll(() => console.info('fuzz/importers tally', Object.fromEntries(tally)));

const source = new TextDecoder().decode(fixture('taobao-orders.utf8.csv'));
const table = Papa.parse<string[]>(source.replace(/^\uFEFF/, ''), { skipEmptyLines: true }).data;
const header = table[0]!;
const template = table[1]!;
const col = (name: string) => {
  const i = header.findIndex((h) => h.trim() === name);
  if (i < 0) throw new Error(`no column ${name}`);
  return i;
};
const NICK = col('买家会员名');
const PAID = col('买家实际支付金额');
const CREATED = col('订单创建时间');
const TITLE = col('宝贝标题');
const RECEIVER = col('收货人姓名');
const ID = col('订单编号');

/** A report with one row per entry: the template row with some cells replaced. */
function report(rows: Map<number, string>[]): Uint8Array {
  const data = rows.map((cells, i) => {
    const r = [...template];
    r[ID] = `="${3306183637220000000 + i}"`;
    for (const [c, v] of cells) r[c] = v;
    return r;
  });
  return utf8(Papa.unparse([header, ...data]));
}

async function run(bytes: Uint8Array) {
  const { opts, got } = collector();
  const r = await importCsv(bytes, opts);
  for (const o of got.orders) expect(OrderInput.safeParse(o).success).toBe(true);
  return { r, got };
}

describe('CSV report with hostile cells', () => {
  it(
    `never throws, hands on only valid orders, every row accounted for (${RUNS} runs)`,
    async () => {
      const cell = fc.oneof(
        hostileString,
        fc.constantFrom(...NOT_AN_AMOUNT),
        fc.constantFrom('=1+1', '=HYPERLINK("javascript:x")', '@SUM(A1)', '+1', '-1'),
      );
      await fc.assert(
        fc.asyncProperty(
          fc.array(fc.array(fc.tuple(fc.nat(header.length - 1), cell), { maxLength: 4 }), {
            minLength: 1,
            maxLength: 5,
          }),
          async (plan) => {
            const { r } = await run(report(plan.map((edits) => new Map(edits))));
            count('csv.cases');
            if (r.ok) {
              expect(r.rowsOk + r.rowsSkipped).toBe(r.rowsRead);
              count('csv.rowsSkipped', r.rowsSkipped);
            }
          },
        ),
        runs(),
      );
    },
    TIMEOUT,
  );

  it(
    `markup and odd text in nick, title and receiver arrive as the literal text (${RUNS} runs)`,
    async () => {
      const text = fc.constantFrom(
        ...MARKUP_PAYLOADS,
        ...ODD_TEXT.filter((s) => s.trim() !== '' && !/\p{Cc}/u.test(s)),
      );
      await fc.assert(
        fc.asyncProperty(text, text, text, async (nick, title, receiver) => {
          const { r, got } = await run(
            report([
              new Map([
                [NICK, nick],
                [TITLE, title],
                [RECEIVER, receiver],
              ]),
            ]),
          );
          count('csv.literal');
          expect(r.ok).toBe(true);
          expect(got.orders).toHaveLength(1);
          const o = got.orders[0]!;
          expect(o.buyerNick).toBe(nick.trim());
          expect(o.items.map((i) => i.title).join('，')).toBe(title.trim());
          expect(o.receiverName).toBe(receiver.trim());
        }),
        runs(),
      );
    },
    TIMEOUT,
  );

  it(
    `amounts: commas and currency signs read right, non-amounts skip the row (${RUNS} runs)`,
    async () => {
      const good = fc
        .tuple(
          fc.integer({ min: 0, max: 9_999_999 }),
          fc.integer({ min: 0, max: 99 }),
          fc.constantFrom('', '￥', '¥'),
          fc.boolean(),
        )
        .map(([y, f, sign, grouped]) => ({
          text: `${sign}${grouped ? y.toLocaleString('en-US') : y}.${String(f).padStart(2, '0')}`,
          fen: y * 100 + f,
        }));
      const bad = fc
        .constantFrom(...NOT_AN_AMOUNT.filter((s) => s !== ''))
        .map((text) => ({ text, fen: undefined as number | undefined }));
      await fc.assert(
        fc.asyncProperty(
          fc.array(fc.oneof(good, bad), { minLength: 1, maxLength: 6 }),
          async (amounts) => {
            const { r, got } = await run(report(amounts.map((a) => new Map([[PAID, a.text]]))));
            count('csv.amounts');
            expect(r.ok).toBe(true);
            if (!r.ok) return;
            const want = amounts.flatMap((a) => (a.fen === undefined ? [] : [a.fen]));
            expect(got.orders.map((o) => o.amount)).toEqual(want);
            expect(r.rowsSkipped).toBe(amounts.length - want.length);
          },
        ),
        runs(),
      );
    },
    TIMEOUT,
  );

  it(
    `dates after 2100 or before 2000 skip the row (${RUNS} runs)`,
    async () => {
      await fc.assert(
        fc.asyncProperty(
          fc.array(fc.integer({ min: 1900, max: 2300 }), { minLength: 1, maxLength: 6 }),
          async (years) => {
            const { r, got } = await run(
              report(years.map((y) => new Map([[CREATED, `${y}-03-01 10:15:30`]]))),
            );
            count('csv.dates');
            expect(r.ok).toBe(true);
            if (!r.ok) return;
            const inRange = years.filter((y) => y >= 2000 && y < 2100).length;
            expect(got.orders).toHaveLength(inRange);
            expect(r.rowsSkipped).toBe(years.length - inRange);
          },
        ),
        runs(),
      );
    },
    TIMEOUT,
  );
});
