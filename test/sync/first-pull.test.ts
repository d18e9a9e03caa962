/**
 * A first pull streams (issue 16): each page of the changes feed is applied and committed on its
 * own, with progress, and an order page's lookup issued mid-pull is answered before the pull
 * ends. Two desks on pouchdb-server (in memory, 127.0.0.1), small pages so the pull has many.
 */
import { afterAll, beforeAll, expect, it } from 'vitest';
import { summarizeRows } from '../../lib/db/row-summaries';
import { DEFAULT_SETTINGS } from '../../lib/settings';
import type { PullProgress } from '../../lib/sync/replicator';
import { NOW, order, T0 } from '../support/make-order';
import { openDesk } from '../support/desk';
import { startCouch, type TestServer } from '../support/couch-server';

let server: TestServer;
beforeAll(async () => {
  server = await startCouch();
}, 60_000);
afterAll(async () => {
  await server.stop();
});

const TEAM = { passphrase: '首次同步的口令', encrypt: true };
const ORDERS = 120;
const PAGE = 10;

async function seeded(db: string) {
  expect((await server.req('PUT', `/${db}`)).status).toBe(201);
  const a = await openDesk('a', { url: server.url, db }, TEAM);
  await a.see(
    Array.from({ length: ORDERS }, (_, i) =>
      order({
        orderId: `7${String(i).padStart(5, '0')}`,
        buyerId: `nick:buyer${i % 9}`,
        buyerNick: `buyer${i % 9}`,
        createdAt: T0 + i * 86_400_000,
      }),
    ),
    NOW,
  );
  await a.sync();
  // B reads in small pages: the first pull of 120 orders takes many of them.
  const b = await openDesk('b', { url: server.url, db }, TEAM, { batch: PAGE });
  return { b, rep: b.rep };
}

it('applies a first pull page by page, with progress against the server’s count', async () => {
  const { b, rep } = await seeded('first1');
  const seen: { p: PullProgress; orders: number }[] = [];
  await rep.syncOnce(async (p) => {
    seen.push({ p, orders: await b.db.orders.count() });
  });
  // The server holds the orders, their shop and the check document.
  const docs = ORDERS + 2;
  expect(seen.length).toBe(Math.ceil(docs / PAGE));
  expect(seen.map((s) => s.p.received)).toEqual(seen.map((_, i) => Math.min(docs, (i + 1) * PAGE)));
  expect(new Set(seen.map((s) => s.p.total))).toEqual(new Set([docs]));
  // Each page is in the database when its progress is reported, not only at the end.
  const counts = seen.map((s) => s.orders);
  expect(counts[0]).toBeGreaterThan(0);
  expect(counts[0]).toBeLessThanOrEqual(PAGE);
  expect(counts).toEqual([...counts].sort((x, y) => x - y));
  expect(counts.at(-1)).toBe(ORDERS);
});

it('answers an order page’s lookup issued mid-pull before the pull ends', async () => {
  const { b, rep } = await seeded('first2');
  const events: string[] = [];
  let lookup: Promise<Awaited<ReturnType<typeof summarizeRows>>> | undefined;
  let pages = 0;
  await rep
    .syncOnce(() => {
      if (++pages !== 2) return;
      // As the background does for an open order page: summaries for the rows on screen.
      const rows = [{ orderId: '700000' }, { orderId: '700119' }];
      lookup = summarizeRows(
        b.db,
        { platform: 'taobao', shopId: 'shop1', rows },
        DEFAULT_SETTINGS,
        NOW,
      );
      void lookup.then(
        () => events.push(`lookup answered after page ${pages}`),
        () => events.push('lookup failed'),
      );
    })
    .then(() => events.push(`pull done after page ${pages}`));
  const r = await lookup!;
  expect(events).toHaveLength(2);
  expect(events[1]).toBe('pull done after page 13');
  expect(events[0]).toMatch(/^lookup answered after page ([2-9]|1[0-2])$/);
  // The first pages are in; the last order is not yet.
  expect(r.summaries.map((s) => s.orderKey)).toEqual(['taobao:shop1:700000']);
  expect(r.unknown).toEqual(['700119']);
});
