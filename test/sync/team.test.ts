/**
 * Two (or three) desks on one real CouchDB-protocol server (pouchdb-server, in memory, started
 * here on 127.0.0.1). Oracles: the desks' own recomputes, fixed expected values written from the
 * rules (domain.md, issue 16), and scans of what the server holds.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { customerKey } from '../../lib/schemas';
import { CouchClient, CouchError } from '../../lib/sync/couch';
import { Replicator } from '../../lib/sync/replicator';
import { setState } from '../../lib/sync/store';
import { joinTeam, TeamError } from '../../lib/sync/team';
import { NOW, order, T0 } from '../support/make-order';
import { openDesk, recomputed, TEST_KDF, type Desk } from '../support/desk';
import { startCouch, startRelay, type TestServer } from '../support/couch-server';

let server: TestServer;
let dbn = 0;
beforeAll(async () => {
  server = await startCouch();
}, 60_000);
afterAll(async () => {
  await server.stop();
});

/** A fresh database per test. */
async function newDb(): Promise<string> {
  const name = `team${++dbn}`;
  expect((await server.req('PUT', `/${name}`)).status).toBe(201);
  return name;
}

const SEALED = { passphrase: '小店的口令 2026', encrypt: true };
const PLAIN = { passphrase: '', encrypt: false };
const B1 = customerKey('taobao', 'shop1', 'nick:buyer1');

async function serverDocs(db: string): Promise<{ id: string; doc: Record<string, unknown> }[]> {
  const r = await server.req('GET', `/${db}/_all_docs?include_docs=true`);
  return (r.json as { rows: { id: string; doc: Record<string, unknown> }[] }).rows;
}

const withoutSeen = (os: { seenAt: number }[]) => os.map(({ seenAt: _s, ...o }) => o);

describe('two desks as one shop', () => {
  it('shares orders, contacts and notes; each desk rebuilds the same customers', async () => {
    const db = await newDb();
    const a = await openDesk('a', { url: server.url, db }, SEALED);
    const b = await openDesk('b', { url: server.url, db }, SEALED);
    const orders = Array.from({ length: 95 }, (_, i) =>
      order({
        orderId: `9${String(i).padStart(5, '0')}`,
        buyerId: `nick:buyer${i % 7}`,
        buyerNick: `buyer${i % 7}`,
        createdAt: T0 + i * 86_400_000,
        status: i % 5 === 0 ? 'unpaid' : 'paid',
        receiverPhone: `138****${String(1000 + i)}`,
      }),
    );
    await a.see(orders, NOW);
    const c = await a.contact({
      customerKey: B1,
      at: NOW,
      channel: 'chat',
      template: 'remind.new.chat.polite',
    });
    await a.edit(B1, { note: '只收顺丰', tags: ['高端'] }, NOW);
    await a.sync();
    await b.sync();

    expect(withoutSeen(await b.db.orders.toArray())).toEqual(
      withoutSeen(await a.db.orders.toArray()),
    );
    expect(await b.db.customers.orderBy('key').toArray()).toEqual(await recomputed(b.db));
    expect(await b.db.customers.orderBy('key').toArray()).toEqual(
      await a.db.customers.orderBy('key').toArray(),
    );
    const bc = await b.db.contacts.toArray();
    expect(bc).toEqual([{ ...c, device: a.device, staff: 'a' }]);
    expect(await b.db.meta.get(B1)).toMatchObject({ note: '只收顺丰', tags: ['高端'] });
    expect((await b.db.shops.get('taobao:shop1'))?.shopId).toBe('shop1');
    expect(await a.rep.pending()).toBe(0);
  }, 60_000);

  it('converges concurrent edits: later note wins, tags merge as add/remove sets', async () => {
    const db = await newDb();
    const a = await openDesk('a', { url: server.url, db }, SEALED);
    const b = await openDesk('b', { url: server.url, db }, SEALED);
    await a.see([order({ orderId: '1001' })], NOW);
    await a.edit(B1, { tags: ['活动顾客'] }, NOW);
    await a.sync();
    await b.sync();
    expect((await b.db.meta.get(B1))?.tags).toEqual(['活动顾客']);
    // Both edit before either syncs: A adds 高端 and writes a note; B drops 活动顾客 and
    // writes a note a minute later.
    await a.edit(B1, { note: '只收顺丰', tags: ['活动顾客', '高端'] }, NOW + 1000);
    await b.edit(B1, { note: '周末发货', tags: [] }, NOW + 61_000);
    await a.sync();
    await b.sync();
    await a.sync();
    for (const d of [a, b])
      expect(await d.db.meta.get(B1)).toMatchObject({ note: '周末发货', tags: ['高端'] });
    expect(await a.rep.pending()).toBe(0);
    expect(await b.rep.pending()).toBe(0);
  }, 60_000);

  it('forgets a buyer on every desk, and a stale desk cannot bring them back', async () => {
    const db = await newDb();
    const a = await openDesk('a', { url: server.url, db }, PLAIN);
    const b = await openDesk('b', { url: server.url, db }, PLAIN);
    const c = await openDesk('c', { url: server.url, db }, PLAIN);
    const nine = order({
      orderId: '2001',
      buyerId: 'nick:buyer9x',
      buyerNick: 'buyer9x',
      region: '浙江省 杭州市',
    });
    const other = order({ orderId: '2002', buyerId: 'nick:keepme', buyerNick: 'keepme' });
    const k9 = customerKey('taobao', 'shop1', 'nick:buyer9x');
    await a.see([nine, other], NOW);
    await a.contact({
      customerKey: k9,
      orderKey: 'taobao:shop1:2001',
      at: NOW,
      channel: 'sms',
      template: 'x',
    });
    await a.sync();
    await b.sync();
    await c.sync();
    // C goes stale: it edits the buyer's note and sees the order again, offline.
    await c.edit(k9, { note: '老客户' }, NOW + 5000);
    await c.see([nine], NOW + 5000);
    await b.forget(k9, NOW + 1000);
    await b.sync();
    await a.sync();
    await c.sync();
    await a.sync();
    for (const d of [a, b, c]) {
      expect(await d.db.customers.get(k9), d.name).toBeUndefined();
      expect(await d.db.meta.get(k9), d.name).toBeUndefined();
      expect(await d.db.contacts.count(), d.name).toBe(0);
      const o = await d.db.orders.get('taobao:shop1:2001');
      expect(o?.buyerNick, d.name).toBe('已删除买家');
      expect(o?.region, d.name).toBeUndefined();
      expect(await d.db.customers.get(customerKey('taobao', 'shop1', 'nick:keepme'))).toBeDefined();
    }
    // The anonymous orders are one customer, the same on every desk.
    const anon = (await a.db.orders.get('taobao:shop1:2001'))!.customerKey;
    expect((await c.db.orders.get('taobao:shop1:2001'))!.customerKey).toBe(anon);
    const text = JSON.stringify(await serverDocs(db));
    expect(text).not.toContain('buyer9x');
    expect(text).not.toContain('老客户');
    expect(text).not.toContain('杭州');
    expect(text).toContain('keepme'); // plain mode: the scan can see names, so it would see this one
  }, 60_000);

  it('with encryption on, the server holds no nick, phone tail, note, title or order id', async () => {
    const db = await newDb();
    const a = await openDesk('a', { url: server.url, db }, SEALED);
    await a.see(
      [
        order({
          orderId: '777123',
          buyerId: 'nick:secretnick',
          buyerNick: 'secretnick',
          receiverPhone: '138****4321',
          items: [{ title: '羊绒围巾', quantity: 1 }],
        }),
      ],
      NOW,
    );
    const k = customerKey('taobao', 'shop1', 'nick:secretnick');
    await a.edit(k, { note: '只收顺丰' }, NOW);
    await a.contact({
      customerKey: k,
      at: NOW,
      channel: 'chat',
      template: 'remind.new.chat.polite',
    });
    await a.sync();
    const docs = await serverDocs(db);
    expect(docs.length).toBeGreaterThanOrEqual(5); // check, shop, order, meta, contact
    // The server's own fields are hex (ids our keyed hashes, revisions its digests), held to that
    // shape here. They hold about 1,300 hex characters, where a four-digit phone tail turns up by
    // chance in about one run in fifty; the secrets are looked for in the rest (base64 and JSON).
    for (const d of docs) {
      expect(d.doc._id).toBe(d.id);
      expect(d.doc._rev).toMatch(/^\d+-[0-9a-f]{32}$/);
    }
    const text = JSON.stringify(docs.map(({ doc: { _id: _i, _rev: _r, ...body } }) => body));
    for (const secret of [
      'secretnick',
      '4321',
      '只收顺丰',
      '羊绒围巾',
      '777123',
      'shop1',
      'taobao',
      'remind',
    ])
      expect(text, secret).not.toContain(secret);
    for (const d of docs) if (d.id !== 'kezhi-check') expect(d.id).toMatch(/^k[0-9a-f]{64}$/);
  }, 60_000);

  it('a desk with the wrong passphrase is told so and writes nothing', async () => {
    const db = await newDb();
    const a = await openDesk('a', { url: server.url, db }, SEALED);
    await a.see([order({ orderId: '1' })], NOW);
    await a.sync();
    const before = await serverDocs(db);
    const client = new CouchClient({ url: server.url, db, user: '', password: '' });
    const err = await joinTeam(
      client,
      { passphrase: 'wrong', encrypt: true, url: server.url },
      TEST_KDF,
    ).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(TeamError);
    expect((err as TeamError).code).toBe('wrong-passphrase');
    // An unencrypted desk is refused too, rather than writing plain documents beside sealed ones.
    const plain = await joinTeam(
      client,
      { passphrase: '', encrypt: false, url: server.url },
      TEST_KDF,
    ).catch((e: unknown) => e);
    expect((plain as TeamError).code).toBe('mode-mismatch');
    expect(await serverDocs(db)).toEqual(before);
  }, 60_000);
});

describe('faults', () => {
  it('a server cut mid-push and mid-pull loses nothing and applies nothing twice', async () => {
    const db = await newDb();
    const relay = await startRelay(server.port);
    try {
      const a = await openDesk('a', { url: relay.url, db }, SEALED);
      const b = await openDesk('b', { url: relay.url, db }, SEALED);
      const orders = Array.from({ length: 150 }, (_, i) =>
        order({ orderId: `5${i}`, buyerId: `nick:b${i % 30}`, buyerNick: `b${i % 30}` }),
      );
      await a.see(orders, NOW);
      for (let i = 0; i < 30; i++)
        await a.contact({
          customerKey: customerKey('taobao', 'shop1', `nick:b${i}`),
          at: NOW + i,
          channel: 'chat',
          template: 't',
        });
      // One batch goes, then the server is gone.
      await a.rep.pushOnce();
      await relay.cut();
      await expect(a.rep.push()).rejects.toMatchObject({ code: 'offline' });
      // Offline work queues.
      await a.contact({ customerKey: B1, at: NOW + 999, channel: 'sms', template: 't' });
      await relay.restore();
      await a.sync();
      expect(await a.rep.pending()).toBe(0);
      // B pulls two pages, loses the server, and resumes in a "new worker" from its checkpoint.
      await b.rep.pull();
      await b.rep.pull();
      await relay.cut();
      await expect(b.rep.pull()).rejects.toBeInstanceOf(CouchError);
      await relay.restore();
      const again = new Replicator({
        db: b.db,
        store: b.store,
        client: new CouchClient({ url: relay.url, db, user: '', password: '' }),
        codec: await joinTeam(
          new CouchClient({ url: relay.url, db, user: '', password: '' }),
          { ...SEALED, url: relay.url },
          TEST_KDF,
        ),
        device: b.device,
        batch: 40,
      });
      await again.syncOnce();
      expect(await b.db.orders.count()).toBe(150);
      expect((await b.db.contacts.toArray()).map((c) => c.id).sort()).toEqual(
        (await a.db.contacts.toArray()).map((c) => c.id).sort(),
      );
      expect(await b.db.contacts.count()).toBe(31);
      // Nothing left to apply: a further pull from the checkpoint applies nothing.
      expect((await again.pull()).applied).toBe(0);
    } finally {
      await relay.stop();
    }
  }, 120_000);

  it('a desk whose local checkpoint is lost resumes from the server _local checkpoint', async () => {
    const db = await newDb();
    const a = await openDesk('a', { url: server.url, db }, PLAIN);
    const b = await openDesk('b', { url: server.url, db }, PLAIN);
    await a.see([order({ orderId: '1' }), order({ orderId: '2' })], NOW);
    await a.sync();
    await b.sync();
    await setState(b.store, 'since', undefined);
    await b.store.state.delete('since');
    expect(await b.rep.since()).not.toBe(0);
    expect((await b.rep.pull()).applied).toBe(0);
  }, 60_000);

  /** Records the endpoints asked; `old` plays a server without `_bulk_get` (404 there). */
  const recording =
    (asked: string[], old: boolean): typeof fetch =>
    (input, init) => {
      const url = input instanceof Request ? input.url : String(input);
      asked.push(new URL(url).pathname.split('/').pop()!);
      if (old && url.includes('/_bulk_get'))
        return Promise.resolve(
          new Response('{"error":"not_found","reason":"missing"}', { status: 404 }),
        );
      return fetch(input, init);
    };

  it.each([
    ['_bulk_get', false],
    ['open_revs, on a server without _bulk_get', true],
  ])(
    'resolves CouchDB conflict revisions by the merge rules, alike on every desk (%s)',
    async (_, old) => {
      const db = await newDb();
      const asked: string[] = [];
      const opts = { fetch: recording(asked, old) };
      const a = await openDesk('a', { url: server.url, db }, PLAIN, opts);
      const b = await openDesk('b', { url: server.url, db }, PLAIN, opts);
      // Two servers replicating with each other can leave two leaf revisions: make them directly.
      const base = { kz: 1, kind: 'meta', key: B1 };
      const m1 = {
        customerKey: B1,
        note: { v: 'from server 1', s: [NOW + 10, 'x'] },
        tags: { 高端: { add: [NOW, 'x'] } },
      };
      const m2 = {
        customerKey: B1,
        note: { v: 'from server 2', s: [NOW + 5, 'y'] },
        tags: { 新款顾客: { add: [NOW, 'y'] } },
      };
      const put = await server.req('POST', `/${db}/_bulk_docs`, {
        new_edits: false,
        docs: [
          { _id: `meta:${B1}`, _rev: '1-aaaa', ...base, data: m1 },
          { _id: `meta:${B1}`, _rev: '1-bbbb', ...base, data: m2 },
        ],
      });
      expect(put.status).toBe(201);
      await a.sync();
      await b.sync();
      for (const d of [a, b])
        expect(await d.db.meta.get(B1)).toMatchObject({
          note: 'from server 1',
          tags: ['新款顾客', '高端'],
        });
      const after = await server.req(
        'GET',
        `/${db}/${encodeURIComponent(`meta:${B1}`)}?conflicts=true`,
      );
      expect((after.json as { _conflicts?: string[] })._conflicts).toBeUndefined();
      // One desk met the conflict and fetched its leaves: in one _bulk_get, or (old server)
      // after one refused _bulk_get, with open_revs on the document.
      expect(asked.filter((p) => p === '_bulk_get')).toEqual(['_bulk_get']);
      expect(asked.some((p) => decodeURIComponent(p) === `meta:${B1}`)).toBe(old);
    },
    60_000,
  );
});

describe('connection errors', () => {
  it('names a missing database, a wrong password and a server that is down', async () => {
    const missing = new CouchClient({ url: server.url, db: 'nosuchdb', user: '', password: '' });
    await expect(missing.info()).rejects.toMatchObject({ code: 'no-database' });
    const down = new CouchClient({ url: 'http://127.0.0.1:9', db: 'x', user: '', password: '' });
    await expect(down.info()).rejects.toMatchObject({ code: 'offline' });
    expect(
      () => new CouchClient({ url: 'http://couch.example.com', db: 'x', user: '', password: '' }),
    ).toThrow(CouchError);
  });

  it('names no permission (403) and a wrong password (401) from the status', async () => {
    for (const [status, code] of [
      [401, 'unauthorized'],
      [403, 'forbidden'],
    ] as const) {
      const c = new CouchClient(
        { url: 'https://couch.example.com', db: 'x', user: 'li', password: 'p' },
        () => Promise.resolve(new Response('{"error":"x"}', { status })),
      );
      await expect(c.info()).rejects.toMatchObject({ code, status });
    }
  });
});

// Keep Desk's type in use for readers of this file.
export type { Desk };
