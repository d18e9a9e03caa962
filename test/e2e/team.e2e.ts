/**
 * Two Chromium profiles as two 客服 on one CouchDB-protocol server (pouchdb-server, in memory,
 * started here on 127.0.0.1 behind a relay that can be cut). The built extension syncs through
 * its background worker; we read each desk's IndexedDB back and scan the server's documents.
 *
 * The server enables CORS for this test: in the product the seller grants the server's host at
 * run time (a permission prompt Playwright cannot click), which lifts CORS the same way.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import {
  FIXTURES,
  fixture,
  launch,
  readStore,
  sendFromPage,
  setSettings,
  until,
  type Session,
} from '../../scripts/browser.mjs';
import { startCouch, startRelay, type TestServer } from '../support/couch-server';

const PAGE_URL = 'https://trade.taobao.com/trade/itemlist/list_sold_items.htm';
const want = (
  JSON.parse(
    readFileSync(join(FIXTURES, 'taobao-old', 'list_sold_items.expected.json'), 'utf8'),
  ) as { rows: { order?: { orderId: string; buyerNick: string; items: { title: string }[] } }[] }
).rows.flatMap((r) => (r.order ? [r.order] : []));

let server: TestServer;
let relay: Awaited<ReturnType<typeof startRelay>>;
let a: Session;
let b: Session;

async function desk(name: string): Promise<Session> {
  const s = await launch();
  // Let the team server through (every other host stays refused).
  await s.context.route(new RegExp(`^${relay.url.replace(/\./g, '\\.')}/`), (r) => r.continue());
  await setSettings(s, { staffName: name });
  const page = await s.context.newPage();
  await page.goto(`chrome-extension://${s.extensionId}/popup.html`);
  await page.evaluate(
    (cfg) =>
      (globalThis as unknown as { chrome: Local }).chrome.storage.local.set({ kezhiSync: cfg }),
    {
      enabled: true,
      url: relay.url,
      db: 'team',
      user: '',
      password: '',
      passphrase: 'e2e 团队口令',
      encrypt: true,
    },
  );
  await page.close();
  return s;
}

type Row = Record<string, unknown>;
/** The extension's `chrome` inside an evaluated function (this file is typed for Node). */
type Local = { storage: { local: { get(k: string): Promise<Row>; set(v: Row): Promise<void> } } };
const status = (s: Session) =>
  s.worker.evaluate(() =>
    (globalThis as unknown as { chrome: Local }).chrome.storage.local.get('kezhiSyncStatus'),
  );

beforeAll(async () => {
  server = await startCouch();
  for (const [k, v] of [
    ['httpd/enable_cors', 'true'],
    ['cors/origins', '*'],
    ['cors/headers', 'accept, authorization, content-type, origin, referer'],
    ['cors/methods', 'GET, PUT, POST, HEAD, DELETE'],
  ])
    await server.req('PUT', `/_config/${k}`, v);
  await server.req('PUT', '/team');
  relay = await startRelay(server.port);
  a = await desk('小李');
  b = await desk('小王');
});

afterAll(async () => {
  await a?.close();
  await b?.close();
  await relay?.stop();
  await server?.stop();
});

describe('two 客服, one shop', () => {
  test('a page synced on A arrives on B', async () => {
    await a.serve(PAGE_URL, fixture('taobao-old', 'list_sold_items.html'));
    const page = await a.context.newPage();
    await page.goto(PAGE_URL);
    const ids = want.map((o) => o.orderId).sort();
    await until(
      'orders on B',
      async () => {
        const got = (await readStore<{ orderId: string }>(b.worker, 'orders'))
          .map((o) => o.orderId)
          .sort();
        return JSON.stringify(got) === JSON.stringify(ids);
      },
      90_000,
    );
    await page.close();
    // B's health settles at "ok" once it has caught up (it may still be pushing its own shop).
    await until('B reports ok', async () => {
      const st = (await status(b)).kezhiSyncStatus as Row | undefined;
      return st?.state === 'ok';
    });
  });

  test('a reminder copied on A shows in B’s contact log, with who and when', async () => {
    const page = await a.context.newPage();
    await page.goto(`chrome-extension://${a.extensionId}/popup.html`);
    const customerKey = `taobao:${'~0i3m~0nol~0ll7~0rmd~0ion'}:nick:tb_test_buyer01`;
    const t0 = Date.now();
    const reply = (await sendFromPage(page, 'logContact', {
      customerKey,
      channel: 'chat',
      template: 'remind.new.chat.polite',
      purpose: 'remind',
    })) as { ok: boolean };
    expect(reply.ok).toBe(true);
    const got = await until(
      'contact on B',
      async () => {
        const cs = await readStore<Row>(b.worker, 'contacts');
        return cs.length === 1 ? cs : undefined;
      },
      60_000,
    );
    console.log(`contact propagation A -> B: ${Date.now() - t0} ms`);
    expect(got[0]).toMatchObject({ customerKey, staff: '小李', channel: 'chat' });
    await page.close();
  });

  test('the server holds no nick, note, phone tail, title or order id', async () => {
    const r = await server.req('GET', '/team/_all_docs?include_docs=true');
    const text = JSON.stringify(r.json);
    expect((r.json as { rows: unknown[] }).rows.length).toBeGreaterThan(want.length);
    for (const o of want) {
      expect(text).not.toContain(o.buyerNick);
      expect(text).not.toContain(o.orderId);
      for (const i of o.items) expect(text).not.toContain(i.title.slice(0, 4));
    }
  });

  test('the server cut off and restored: every change arrives, none twice', async () => {
    await relay.cut();
    const cutAt = Date.now();
    const page = await a.context.newPage();
    await page.goto(`chrome-extension://${a.extensionId}/popup.html`);
    const customerKey = `taobao:${'~0i3m~0nol~0ll7~0rmd~0ion'}:nick:测试买家甲`;
    for (const channel of ['sms', 'phone', 'email'])
      await sendFromPage(page, 'logContact', {
        customerKey,
        channel,
        template: 't',
        purpose: 'remind',
      });
    await until(
      'A sees the server is down',
      async () => {
        const st = (await status(a)).kezhiSyncStatus as Row | undefined;
        return st?.state === 'offline' && (st.pending as number) >= 3;
      },
      60_000,
    );
    // The server stays unreachable for 30 s in all, as a restart of the seller's box would.
    await new Promise((r) => setTimeout(r, Math.max(0, cutAt + 30_000 - Date.now())));
    await relay.restore();
    const got = await until(
      'all contacts on B after the outage',
      async () => {
        const cs = await readStore<Row>(b.worker, 'contacts');
        return cs.length >= 4 ? cs : undefined;
      },
      120_000,
    );
    expect(got.length).toBe(4);
    expect(new Set(got.map((c) => c.id)).size).toBe(4);
    await page.close();
  }, 240_000);

  test('forgetting a buyer on B removes them on A', async () => {
    const customerKey = `taobao:${'~0i3m~0nol~0ll7~0rmd~0ion'}:nick:tb_test_buyer01`;
    const page = await b.context.newPage();
    await page.goto(`chrome-extension://${b.extensionId}/popup.html`);
    const reply = (await sendFromPage(page, 'forgetBuyer', { customerKey })) as { ok: boolean };
    expect(reply.ok).toBe(true);
    await until(
      'buyer gone on A',
      async () => {
        const cs = await readStore<{ key: string }>(a.worker, 'customers');
        const os = await readStore<{ buyerNick: string }>(a.worker, 'orders');
        return (
          cs.every((c) => c.key !== customerKey) &&
          os.every((o) => o.buyerNick !== 'tb_test_buyer01')
        );
      },
      60_000,
    );
    await page.close();
  });
});
