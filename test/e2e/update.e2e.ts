/**
 * Updates lose nothing. For each database schema a release shipped, that release is built from
 * git (scripts/releases.mjs), loaded in a Chromium profile under a fixed extension id (a manifest
 * `key` given to both builds), fed a fixture order page, a note, tags, a blacklist entry, a
 * contact and changed settings and template; then this build replaces it in the same profile and
 * place, as a store update does. Every order, customer, note, contact and setting is still there,
 * the database is at this build's version, and no first-run page opens on an update.
 */
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { execFileSync } from 'node:child_process';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Worker } from 'playwright-core';
import {
  EXTENSION_DIR,
  launch,
  readStore,
  ROOT,
  sendFromPage,
  until,
  type Session,
} from '../../scripts/browser.mjs';
import { shiftStamps } from '../../scripts/fixture-time.mjs';
import { buildRelease, extensionKey, installBuild } from '../../scripts/releases.mjs';
import { parseSettings, SETTINGS_KEY } from '../../lib/settings';

/** Releases by the schema they shipped (CHANGELOG.md); each built from its commit. */
const RELEASES = [
  { commit: 'fcfb32b', schema: 1 },
  { commit: 'df07604', schema: 2 },
  { commit: '983bc8e', schema: 3 },
];
/** This build's schema: the highest `db.version(n)` in lib/db/index.ts (IndexedDB stores n × 10). */
const SCHEMA = Math.max(
  ...[...readFileSync(join(ROOT, 'lib/db/index.ts'), 'utf8').matchAll(/db\.version\((\d+)\)/g)].map(
    (m) => Number(m[1]),
  ),
);
const DAY = 86400_000;
const LIST = 'https://trade.taobao.com/trade/itemlist/list_sold_items.htm';
const TABLES = ['orders', 'customers', 'meta', 'contacts', 'shops'] as const;
type Row = Record<string, unknown>;
/** The extension page's own API (the evaluated functions run there). */
declare const chrome: {
  storage: {
    local: {
      get(k: string): Promise<Record<string, unknown>>;
      set(v: Record<string, unknown>): Promise<void>;
    };
  };
};

async function idbVersion(worker: Worker): Promise<number> {
  return worker.evaluate(async () => {
    const dbs = await indexedDB.databases();
    return dbs.find((d) => d.name === 'kezhi')?.version ?? 0;
  });
}
async function readAll(worker: Worker): Promise<Record<string, Row[]>> {
  const out: Record<string, Row[]> = {};
  for (const t of TABLES) out[t] = await readStore<Row>(worker, t);
  return out;
}
async function readSettings(s: Session): Promise<unknown> {
  const page = await s.context.newPage();
  await page.goto(`chrome-extension://${s.extensionId}/popup.html`);
  const v = await page.evaluate((k) => chrome.storage.local.get(k), SETTINGS_KEY);
  await page.close();
  return v[SETTINGS_KEY];
}
/** What schema 4 made of an identity stored before it (known/masked became kinds of key). */
const identityAfter = (r: Row): unknown =>
  r.identity === 'masked'
    ? 'none'
    : r.identity === 'known'
      ? String(r.buyerId).startsWith('id:')
        ? 'platform'
        : 'nick'
      : r.identity;
const byKey = (rows: Row[], key: string) => new Map(rows.map((r) => [String(r[key]), r]));

describe.each(RELEASES)('an update from schema v$schema ($commit)', ({ commit, schema }) => {
  const home = mkdtempSync(join(tmpdir(), `kezhi-update-${commit}-`));
  const ext = join(home, 'extension');
  const profile = join(home, 'profile');
  const { key, id } = extensionKey();
  let s: Session | undefined;
  afterAll(async () => {
    await s?.close();
    rmSync(home, { recursive: true, force: true });
  });

  it('keeps every order, customer, note, contact and setting, and upgrades the database', async () => {
    // The release, with the history a seller builds.
    installBuild(buildRelease(commit), ext, key);
    s = await launch({ extensionDir: ext, userDataDir: profile });
    expect(s.extensionId).toBe(id);
    const page = execFileSync(
      'git',
      ['show', `${commit}:test/fixtures/taobao-old/list_sold_items.html`],
      {
        cwd: ROOT,
        encoding: 'utf8',
      },
    );
    await s.serve(LIST, shiftStamps(page, Date.now() - 2 * DAY));
    const tab = await s.context.newPage();
    await tab.goto(LIST);
    const orders = await until('the release to keep the page', async () => {
      const o = await readStore<Row>(s!.worker, 'orders');
      return o.length >= 8 && o;
    });
    await tab.close();
    const customerKey = String(orders[0]!.customerKey);
    const popup = await s.context.newPage();
    await popup.goto(`chrome-extension://${s.extensionId}/popup.html`);
    expect(
      await sendFromPage(popup, 'updateMeta', {
        customerKey,
        note: '老客户，偏爱明前龙井',
        tags: ['高端', '新款顾客'],
      }),
    ).toMatchObject({ ok: true });
    expect(
      await sendFromPage(popup, 'updateMeta', {
        customerKey: String(orders[1]!.customerKey),
        blacklisted: true,
        blacklistReason: '职业打假',
      }),
    ).toMatchObject({ ok: true });
    expect(
      await sendFromPage(popup, 'logContact', {
        customerKey,
        orderKey: String(orders[0]!.key),
        channel: 'sms',
        template: 'remind.new.sms.polite',
        purpose: 'remind',
      }),
    ).toMatchObject({ ok: true });
    const settings = {
      lifecycle: { activeDays: 60, sleepingDays: 150, prechurnDays: 300 },
      staffName: '小李',
      showPersonalData: true,
      templates: { 'remind.new.sms.polite': '【{店铺}】{买家}您好，订单{订单号}还未付款。' },
    };
    await popup.evaluate(({ k, v }) => chrome.storage.local.set({ [k]: v }), {
      k: SETTINGS_KEY,
      v: settings,
    });
    await popup.close();
    const before = await readAll(s.worker);
    const meta = before.meta!;
    const contacts = before.contacts!;
    expect(meta.length).toBe(2);
    expect(contacts.length).toBe(1);
    expect(await idbVersion(s.worker)).toBe(schema * 10);
    const settingsBefore = await readSettings(s);
    await s.close();
    s = undefined;

    // This build in its place: same id, same profile, as the store's update does.
    installBuild(EXTENSION_DIR, ext, key);
    s = await launch({ extensionDir: ext, userDataDir: profile });
    expect(s.extensionId).toBe(id);
    // The popup opens the database, which upgrades it.
    const opened = await s.context.newPage();
    await opened.goto(`chrome-extension://${s.extensionId}/popup.html`);
    await until('the database upgrade', async () => (await idbVersion(s!.worker)) === SCHEMA * 10);
    const after = await readAll(s.worker);

    // Orders and customers: every record, field for field (identity in schema 4's words).
    for (const table of ['orders', 'customers'] as const) {
      const now = byKey(after[table]!, 'key');
      expect(now.size, table).toBe(before[table]!.length);
      for (const old of before[table]!) {
        const got = now.get(String(old.key));
        expect(got, `${table} ${String(old.key)}`).toBeDefined();
        expect(got).toMatchObject({ ...old, identity: identityAfter(old) });
      }
    }
    expect(after.meta!.length).toBe(meta.length);
    for (const m of meta) expect(after.meta).toContainEqual(m);
    expect(after.contacts).toEqual(before.contacts);
    expect(after.shops!.map((x) => x.key)).toEqual(before.shops!.map((x) => x.key));
    // Schema 3's figure blocks were built from the customers kept before.
    expect((await readStore<Row>(s.worker, 'figures')).length).toBeGreaterThan(0);

    // Settings: the stored object untouched, and this build reads every change from it.
    const settingsAfter = await readSettings(s);
    expect(settingsAfter).toEqual(settingsBefore);
    expect(parseSettings(settingsAfter)).toMatchObject(settings);

    // An update is not an install: no first-run page.
    await opened.reload();
    expect(s.context.pages().map((p) => p.url())).not.toContainEqual(
      expect.stringContaining('welcome.html'),
    );
  });
});
