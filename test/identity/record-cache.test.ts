// @vitest-environment jsdom
import adapter from '../../lib/adapters/taobao-qn';
import { openDb } from '../../lib/db';
import { createRecordCache } from '../../lib/db/record-cache';
import { ingestOrders } from '../../lib/db/ingest';
import { summarizeRows } from '../../lib/db/row-summaries';
import { recordHealth } from '../../lib/db/writes';
import { DEFAULT_SETTINGS } from '../../lib/settings';
import { contextFor, loadFixture, readFixtureJson } from '../support/fixtures';
/**
 * The background's database carries the record cache (lib/db/record-cache); a join inside
 * ingest's write transaction once awaited Promise.all there and the transaction committed early
 * (PrematureCommitError in Chromium). Two 千牛 visits through the cache, as the sync handler runs.
 */
test('joins and evidence inside ingest work through the background record cache', async () => {
  const db = openDb('dbg' + Math.random());
  db.use(createRecordCache(['orders', 'customers', 'meta']).middleware);
  await db.open();
  const URL_SOLD = 'https://myseller.taobao.com/home.htm/trade-platform/tp/sold';
  let now = Date.UTC(2026, 11, 1);
  for (const file of [
    'qn2026-rotating-visit1',
    'qn2026-rotating-visit2',
    'qn2026-rotating-visit2',
  ]) {
    now += 3600_000;
    const doc = loadFixture('taobao-qn', `${file}.html`);
    const shopId = adapter.shopId(new URL(URL_SOLD), doc);
    const ctx = contextFor(URL_SOLD, shopId, now);
    const r = adapter.readRows(doc, ctx);
    if (!r.ok) throw new Error();
    const j = adapter.parseJson!(readFixtureJson('taobao-qn', `${file}.json`), ctx);
    if (!j.ok) throw new Error();
    for (const batch of [r.items.flatMap((x) => (x.order ? [x.order] : [])), j.items]) {
      await ingestOrders(db, batch, now);
      await recordHealth(db, 'taobao', shopId, { adapter: 'x', ok: true, recognised: 1, at: now });
      const s = await summarizeRows(
        db,
        { platform: 'taobao', shopId, rows: r.items.map((x) => ({ orderId: x.orderId })) },
        DEFAULT_SETTINGS,
        now,
      );
      expect(s.unknown).toEqual([]);
      // Rotating tokens: nobody is ever claimed new or returning.
      expect(s.summaries.every((x) => x.uncertain)).toBe(true);
    }
  }
});
