// @vitest-environment jsdom
/**
 * The 千牛 2026 sold page (isHideNick): every buyer masked, buyer.id 0, an opaque encodeId. Two
 * visits, read like the extension reads them (the DOM rows and the page's own asyncSold JSON),
 * into the database: where the tokens recur a returning buyer's second order is 老客; where the
 * platform hands out new tokens for the same orders, no order claims 新客 and the shop's status
 * says why. Fixtures: test/fixtures/taobao-qn/qn2026-*.
 */
import adapter from '../../lib/adapters/taobao-qn';
import { openDb, type KezhiDb } from '../../lib/db';
import { ingestOrders } from '../../lib/db/ingest';
import { summarizeRows } from '../../lib/db/row-summaries';
import { recognitionOf } from '../../lib/identity';
import { DEFAULT_SETTINGS } from '../../lib/settings';
import type { AdapterResult } from '../../lib/adapters/types';
import { contextFor, loadFixture, readFixtureJson } from '../support/fixtures';

const URL_SOLD = 'https://myseller.taobao.com/home.htm/trade-platform/tp/sold';
const DAY = 86400_000;
const VISIT1 = Date.UTC(2026, 10, 24, 4);
const VISIT2 = VISIT1 + DAY;

let db: KezhiDb;
beforeEach(async () => {
  db = openDb(`test-${Math.random()}`);
  await db.open();
});
afterEach(() => db.close());

function items<T>(r: AdapterResult<T>): T[] {
  if (!r.ok) throw new Error(r.problem);
  return r.items;
}

/** One visit: the DOM rows first, then the JSON the page loaded (as the content script sends). */
async function visit(file: string, now: number) {
  const doc = loadFixture('taobao-qn', `${file}.html`);
  const shopId = adapter.shopId(new URL(URL_SOLD), doc);
  const ctx = contextFor(URL_SOLD, shopId, now);
  const rows = items(adapter.readRows(doc, ctx));
  const fromDom = rows.flatMap((r) => (r.order ? [r.order] : []));
  const fromJson = items(adapter.parseJson!(readFixtureJson('taobao-qn', `${file}.json`), ctx));
  expect(fromDom.length).toBe(rows.length);
  expect(fromJson.map((o) => o.orderId)).toEqual(fromDom.map((o) => o.orderId));
  await ingestOrders(db, fromDom, now);
  await ingestOrders(db, fromJson, now);
  const { summaries } = await summarizeRows(
    db,
    { platform: 'taobao', shopId, rows: rows.map((r) => ({ orderId: r.orderId })) },
    DEFAULT_SETTINGS,
    now,
  );
  const byId = new Map(summaries.map((s) => [s.orderId, s]));
  return { shopId, fromJson, byId };
}

test('the 2026 JSON keys each masked buyer by its encodeId, as a token', async () => {
  const { fromJson } = await visit('qn2026-visit1', VISIT1);
  expect(fromJson.map((o) => [o.buyerNick, o.buyerId, o.identity])).toEqual([
    ['丙**', 'tok:AAEncIdKzTestC0003', 'token'],
    ['乙**', 'tok:AAEncIdKzTestB0002', 'token'],
    ['甲**', 'tok:AAEncIdKzTestA0001', 'token'],
  ]);
});

test('tokens that recur: the returning buyer’s second order is 老客, the rest are not uncertain any more', async () => {
  const first = await visit('qn2026-visit1', VISIT1);
  // Visit 1: nothing has recurred yet, so no one-order token buyer claims 新客.
  for (const s of first.byId.values()) expect(s.uncertain, s.orderId).toBe(true);
  const shopKey = `taobao:${first.shopId}`;
  expect(recognitionOf((await db.shops.get(shopKey))?.identityEvidence)).toMatchObject({
    verdict: 'unknown',
    reason: 'tooLittle',
    days: 1,
  });

  const second = await visit('qn2026-visit2', VISIT2);
  const again = second.byId.get('4261124100000001004')!;
  expect(again.uncertain).toBe(false);
  expect(again.view.kind).toBe('returning');
  expect(again.view.purchaseCount).toBe(1); // one purchase before this order
  expect(second.byId.get('4261120100000001001')).toMatchObject({ uncertain: false });
  // The DOM sightings (masked, keyless) joined the token customers instead of standing alone.
  expect(await db.customers.get(`${shopKey}:order:4261124100000001004`)).toBeUndefined();
  expect(recognitionOf((await db.shops.get(shopKey))?.identityEvidence)).toMatchObject({
    verdict: 'yes',
    reason: 'recurs',
  });
});

test('tokens that change for the same order: nobody is 新客, and the status says Taobao changes them', async () => {
  const first = await visit('qn2026-rotating-visit1', VISIT1);
  const second = await visit('qn2026-rotating-visit2', VISIT2);
  for (const s of [...first.byId.values(), ...second.byId.values()]) {
    expect(s.uncertain, s.orderId).toBe(true);
  }
  // The unpaid order gets the new-customer 催付 ladder.
  const unpaid = second.byId.get('4261124200000002004')!;
  expect(unpaid.plan?.group).toBe('new');
  expect(
    recognitionOf((await db.shops.get(`taobao:${second.shopId}`))?.identityEvidence),
  ).toMatchObject({ verdict: 'no', reason: 'changed' });
});
