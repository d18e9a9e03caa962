/**
 * The sync engine, decided by measuring (issue 16): PouchDB's replicator (pouchdb-browser, a
 * devDependency only) in a throw-away MV3 extension beside Dexie, against our replicator in the
 * built extension, both in Debian's Chromium on the same seeded pouchdb-server. Figures: does
 * PouchDB load in a service worker, bundle size (gzip), the worker's script evaluation time, and
 * the first pull of N sealed orders (orders/s); plus the transport floors of `_changes` with
 * bodies against `_changes` + `_revs_diff` + `_bulk_get`. `npm run bench:sync-engine`
 * (KEZHI_ENGINE_ORDERS sets N, default 10,000). Results go to docs/sync-engine.md by hand.
 */
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { build } from 'vite';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { EXTENSION_DIR, launch, type Session } from '../scripts/browser.mjs';
import { orderKey } from '../lib/schemas';
import { CouchClient } from '../lib/sync/couch';
import { joinTeam } from '../lib/sync/team';
import { order, T0 } from '../test/support/make-order';
import { startCouch, type TestServer } from '../test/support/couch-server';

const N = Number(process.env.KEZHI_ENGINE_ORDERS ?? 10_000);
const STARTS = Number(process.env.KEZHI_ENGINE_STARTS ?? 3);
const BATCH = 500;
const PASSPHRASE = 'engine bench passphrase';
const ROOT = join(import.meta.dirname, '..');

let server: TestServer;
let work: string;
beforeAll(async () => {
  work = mkdtempSync(join(tmpdir(), 'kezhi-engine-'));
  server = await startCouch();
  // The probe holds a host permission for 127.0.0.1; the built extension is granted the seller's
  // host at run time, which Playwright cannot click: CORS lifts the same limit here.
  for (const [k, v] of [
    ['httpd/enable_cors', 'true'],
    ['cors/origins', '*'],
    ['cors/headers', 'accept, authorization, content-type, origin, referer'],
    ['cors/methods', 'GET, PUT, POST, HEAD, DELETE'],
  ])
    await server.req('PUT', `/_config/${k}`, v);
}, 60_000);
afterAll(async () => {
  await server?.stop();
  rmSync(work, { recursive: true, force: true });
});

/** Bundles one probe worker into a throw-away MV3 extension; returns its folder and sizes. */
async function probeExtension(which: 'dexie' | 'pouch') {
  const dir = join(work, which);
  mkdirSync(dir, { recursive: true });
  await build({
    configFile: false,
    publicDir: false,
    logLevel: 'silent',
    root: ROOT,
    define: { 'process.env.NODE_ENV': '"production"' },
    // pouchdb-browser imports Node's `events`; a bundler must supply the shim (apache/pouchdb#8607).
    resolve: { alias: { events: join(ROOT, 'node_modules/events/events.js') } },
    build: {
      outDir: dir,
      emptyOutDir: false,
      minify: true,
      lib: {
        entry: join(ROOT, 'bench/pouchdb-probe', `${which}.ts`),
        formats: ['iife'],
        name: 'kezhiProbe',
        fileName: () => 'sw.js',
      },
    },
  });
  writeFileSync(
    join(dir, 'manifest.json'),
    JSON.stringify({
      manifest_version: 3,
      name: `kezhi ${which} probe`,
      version: '0.0.1',
      background: { service_worker: 'sw.js' },
      host_permissions: ['http://127.0.0.1/*'],
    }),
  );
  const js = readFileSync(join(dir, 'sw.js'));
  return { dir, bytes: js.length, gzip: gzipSync(js, { level: 9 }).length };
}

/** Seeds the database with N sealed orders, exactly as a desk's push would leave them. */
async function seed(db: string): Promise<void> {
  await server.req('PUT', `/${db}`);
  const client = new CouchClient({ url: server.url, db, user: '', password: '' });
  const codec = await joinTeam(client, { passphrase: PASSPHRASE, encrypt: true, url: server.url });
  for (let i = 0; i < N; i += 1000) {
    const docs = await Promise.all(
      Array.from({ length: Math.min(1000, N - i) }, async (_, j) => {
        const n = i + j;
        const data = order({
          orderId: `${100000000 + n}`,
          buyerId: `nick:b${n % Math.ceil(N / 3)}`,
          buyerNick: `b${n % Math.ceil(N / 3)}`,
          createdAt: T0 + (n % 300) * 86_400_000,
        });
        const key = orderKey(data.platform, data.shopId, data.orderId);
        const id = await codec.idOf('order', key);
        return { _id: id, ...(await codec.encode(id, { kind: 'order', key, data })) };
      }),
    );
    const r = await client.bulkDocs(docs);
    expect(r.every((x) => x.ok)).toBe(true);
  }
}

type Probe = Record<string, (...a: unknown[]) => Promise<Record<string, number | boolean>>>;
const call = (s: Session, fn: string, ...args: unknown[]) =>
  s.worker.evaluate(([f, a]) => (globalThis as unknown as { probe: Probe }).probe[f]!(...a), [
    fn,
    args,
  ] as const);
const ready = (s: Session) =>
  s.worker.evaluate(() => (globalThis as unknown as { probeReady: number }).probeReady);

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
const rate = (ms: number) => Math.round((N / ms) * 1000);

it(`sync engine: PouchDB beside Dexie vs our replicator, first pull of ${N} orders`, async () => {
  const db = `${server.url}/engine`;
  await seed('engine');
  const out: Record<string, unknown> = { orders: N, batch: BATCH };
  const background = readFileSync(join(EXTENSION_DIR, 'background.js'));
  out.extension_background_gzip = gzipSync(background, { level: 9 }).length;

  for (const which of ['dexie', 'pouch'] as const) {
    const ext = await probeExtension(which);
    const starts: number[] = [];
    const r: Record<string, unknown> = { bundle_bytes: ext.bytes, bundle_gzip: ext.gzip };
    for (let i = 0; i < STARTS; i++) {
      const s = await launch({ extensionDir: ext.dir });
      try {
        await s.context.unrouteAll();
        starts.push(await ready(s));
        console.log(
          which,
          i,
          starts,
          await s.worker.evaluate(() => [
            self.location.href,
            typeof (globalThis as unknown as { probe: unknown }).probe,
          ]),
        );
        if (i < STARTS - 1) continue;
        r.dexie_beside = await call(s, 'dexie');
        if (which === 'dexie') {
          await call(s, 'changesWithDocs', db, BATCH); // warm the server's caches
          const ours = await call(s, 'changesWithDocs', db, BATCH);
          const peer = await call(s, 'changesRevsDiffBulkGet', db, BATCH);
          r.transport_changes_include_docs = { ...ours, orders_per_s: rate(ours.ms as number) };
          r.transport_changes_revs_diff_bulk_get = {
            ...peer,
            orders_per_s: rate(peer.ms as number),
          };
        } else {
          for (const b of [BATCH, 100]) {
            const p = await call(s, 'pouchPull', db, b, `probe-${b}`);
            expect(p.docs).toBe(N + 1); // the orders and the team's check document
            r[`pouch_first_pull_batch_${b}`] = { ...p, orders_per_s: rate(p.ms as number) };
          }
        }
      } finally {
        await s.close();
      }
    }
    r.worker_script_evaluated_ms = { median: Math.round(median(starts)), all: starts };
    out[which] = r;
  }

  // Ours, in the real built extension: from saving the settings to "ok" with every order ingested.
  const s = await launch();
  try {
    await s.context.unrouteAll();
    const page = await s.context.newPage();
    await page.goto(`chrome-extension://${s.extensionId}/popup.html`);
    const pbkdf2 = await s.worker.evaluate(async () => {
      const t = performance.now();
      const k = await crypto.subtle.importKey(
        'raw',
        new TextEncoder().encode('x'),
        'PBKDF2',
        false,
        ['deriveBits'],
      );
      const salt = new Uint8Array(16);
      await crypto.subtle.deriveBits(
        { name: 'PBKDF2', hash: 'SHA-256', salt, iterations: 600_000 },
        k,
        512,
      );
      return performance.now() - t;
    });
    const t0 = Date.now();
    await page.evaluate(
      (cfg) =>
        (
          globalThis as unknown as {
            chrome: { storage: { local: { set(v: unknown): Promise<void> } } };
          }
        ).chrome.storage.local.set({ kezhiSync: cfg }),
      {
        enabled: true,
        url: server.url,
        db: 'engine',
        user: '',
        password: '',
        passphrase: PASSPHRASE,
        encrypt: true,
      },
    );
    const count = () =>
      s.worker.evaluate(
        () =>
          new Promise<number>((res, rej) => {
            const open = indexedDB.open('kezhi');
            open.onerror = () => rej(new Error(String(open.error)));
            open.onsuccess = () => {
              const req = open.result.transaction('orders').objectStore('orders').count();
              req.onsuccess = () => res(req.result);
              req.onerror = () => rej(new Error(String(req.error)));
            };
          }),
      );
    const progress: [number, number][] = [];
    const states: [number, string][] = [];
    let lastLine = '';
    for (;;) {
      await new Promise((r) => setTimeout(r, 250));
      const st = (
        await s.worker.evaluate(() =>
          (
            globalThis as unknown as {
              chrome: { storage: { local: { get(k: string): Promise<Record<string, unknown>> } } };
            }
          ).chrome.storage.local.get('kezhiSyncStatus'),
        )
      ).kezhiSyncStatus as
        { state: string; pulled?: number; pending?: number; error?: unknown } | undefined;
      const line = `${st?.state} ${st?.pulled} ${st?.pending}`;
      if (line !== lastLine) states.push([Date.now() - t0, line]);
      lastLine = line;
      if (st?.pulled) progress.push([Date.now() - t0, st.pulled]);
      if (st?.state === 'error') throw new Error(JSON.stringify(st.error));
      if (st?.state === 'ok' && (await count()) === N) break;
      if (Date.now() - t0 > 3_600_000) throw new Error('first pull did not finish');
    }
    const ms = Date.now() - t0;
    out.ours_in_extension = {
      ms,
      orders_per_s: rate(ms),
      includes: 'PBKDF2 600k, check document, decrypt, ingest into Dexie, customer aggregates',
      pbkdf2_600k_ms: Math.round(pbkdf2),
      progress_samples: progress.length,
      progress_first: progress[0],
      states,
    };
  } finally {
    await s.close();
  }
  console.log(JSON.stringify(out, null, 1));
});
