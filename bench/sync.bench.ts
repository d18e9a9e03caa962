/**
 * Team sync figures, in one run on one machine: first pull of N orders (orders/s) against local
 * ingest of the same orders, and contact propagation between two desks (p50/p95 ms) through a
 * longpoll. Desks are fake-indexeddb databases in Node, so compare the two rates with each other
 * rather than with Chromium's.
 */
import { afterAll, beforeAll, expect, it } from 'vitest';
import { ingestOrders } from '../lib/db/ingest';
import { customerKey } from '../lib/schemas';
import { NOW, order, T0 } from '../test/support/make-order';
import { openDesk } from '../test/support/desk';
import { startCouch, type TestServer } from '../test/support/couch-server';
import { openDb } from '../lib/db';

const N = Number(process.env.KEZHI_SYNC_ORDERS ?? 100_000);
const BATCH = 500;
let server: TestServer;
beforeAll(async () => {
  server = await startCouch();
  await server.req('PUT', '/bench');
});
afterAll(() => server.stop());

it(`first pull of ${N} orders vs local ingest; contact propagation`, async () => {
  const orders = Array.from({ length: N }, (_, i) =>
    order({
      orderId: `${100000000 + i}`,
      buyerId: `nick:b${i % Math.ceil(N / 3)}`,
      buyerNick: `b${i % Math.ceil(N / 3)}`,
      createdAt: T0 + (i % 300) * 86_400_000,
    }),
  );
  const local = openDb('bench-local');
  let t = performance.now();
  for (let i = 0; i < N; i += BATCH) await ingestOrders(local, orders.slice(i, i + BATCH), NOW);
  const ingestMs = performance.now() - t;

  const team = { passphrase: 'bench passphrase', encrypt: true };
  const a = await openDesk('a', { url: server.url, db: 'bench' }, team, { batch: BATCH });
  for (let i = 0; i < N; i += BATCH) await a.see(orders.slice(i, i + BATCH), NOW);
  t = performance.now();
  await a.rep.push();
  const pushMs = performance.now() - t;

  const b = await openDesk('b', { url: server.url, db: 'bench' }, team, { batch: BATCH });
  t = performance.now();
  await b.rep.syncOnce();
  const pullMs = performance.now() - t;
  const got = await b.db.orders.count();
  // (The desks' default page of 40 capped one push at 40,000 records: every order must arrive.)
  expect(got).toBe(N);

  // Propagation: B longpolls; A logs a contact and pushes; time until B has applied it.
  const lat: number[] = [];
  for (let i = 0; i < 20; i++) {
    const waiting = b.rep.pull(10_000);
    await new Promise((r) => setTimeout(r, 50));
    const t0 = performance.now();
    await a.contact({
      customerKey: customerKey('taobao', 'shop1', 'nick:b1'),
      at: NOW + i,
      channel: 'chat',
      template: 't',
    });
    await a.rep.push();
    await waiting;
    lat.push(performance.now() - t0);
  }
  lat.sort((x, y) => x - y);
  const q = (p: number) => lat[Math.min(lat.length - 1, Math.floor(p * lat.length))]!.toFixed(0);
  console.log(
    JSON.stringify({
      orders: N,
      received: got,
      local_ingest_orders_per_s: Math.round((N / ingestMs) * 1000),
      first_push_orders_per_s: Math.round((N / pushMs) * 1000),
      first_pull_orders_per_s: Math.round((N / pullMs) * 1000),
      contact_propagation_ms: { p50: q(0.5), p95: q(0.95) },
    }),
  );
});
