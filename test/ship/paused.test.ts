/**
 * Pause keeping history (settings.historyPaused): every write path of the background stores
 * nothing while it is on (page rows, captured JSON, report import, notes/tags, contact log,
 * care, merge, restore), rows still get what is already kept, and switching back resumes.
 */
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { forgetSettings } from '../../entrypoints/background/handlers';
import { getDb } from '../../lib/db';
import { SETTINGS_KEY } from '../../lib/settings';
import { resetSettings, saveSettings, loadSettings } from '../../lib/browser/settings-store';
import { callBackground, tabSender } from '../support/dispatch';
import { order } from '../support/make-order';

const TAB = tabSender(601);
const call = callBackground;

const syncPage = (orders: unknown[], rows: string[], json = false) =>
  call(
    'sync',
    {
      adapter: 'taobao-old',
      platform: 'taobao',
      shopId: 'shop1',
      orders: json ? orders.map((o) => ({ ...(o as object), source: 'json' })) : orders,
      rows: rows.map((orderId) => ({ orderId })),
      health: { adapter: 'taobao-old', ok: true, recognised: rows.length, at: Date.now() },
    },
    TAB,
  );

async function pause(paused: boolean): Promise<void> {
  await fakeBrowser.storage.local.set({ [SETTINGS_KEY]: { historyPaused: paused } });
  forgetSettings();
}

/** Every record of every table of the extension's database. */
async function dump(): Promise<Record<string, unknown[]>> {
  const db = getDb();
  const out: Record<string, unknown[]> = {};
  for (const t of db.tables) out[t.name] = await t.toArray();
  return out;
}
const total = (d: Record<string, unknown[]>) =>
  Object.values(d).reduce((n, rows) => n + rows.length, 0);

const A = '4300000000000000001';
const B = '4300000000000000002';
const CK = 'taobao:shop1:nick:buyer1';

describe('pause keeping history', () => {
  it('an empty database stays empty through every write path', async () => {
    await pause(true);
    const page = await syncPage([order({ orderId: A })], [A]);
    expect(page).toMatchObject({ ok: true, value: { paused: true, unknown: [] } });
    expect(await syncPage([order({ orderId: B })], [B], true)).toMatchObject({ ok: true });
    const refused = [
      await call('importBatch', { orders: [order({ orderId: B, source: 'import' })] }),
      await call('updateMeta', { customerKey: CK, note: 'n', tags: ['VIP'] }),
      await call('logContact', {
        customerKey: CK,
        channel: 'chat',
        template: 'new.chat.polite',
        purpose: 'remind',
      }),
      await call('markCareDone', { id: 'care:x', customerKey: CK }),
    ];
    for (const r of refused) expect(r).toMatchObject({ ok: false });
    expect(JSON.stringify(refused[0])).toMatch(/paused/);
    expect(total(await dump())).toBe(0);

    // Switched back: the same page is kept (so the check above could fail).
    await pause(false);
    expect(await syncPage([order({ orderId: A })], [A])).toMatchObject({ ok: true });
    expect(await getDb().orders.get(`taobao:shop1:${A}`)).toBeDefined();
  });

  it('with history kept, pausing changes nothing in the database and still describes rows', async () => {
    await syncPage([order({ orderId: A })], [A]);
    const kept = (await getDb().orders.get(`taobao:shop1:${A}`))!.customerKey;
    await call('updateMeta', { customerKey: kept, note: 'kept' });
    const before = await dump();
    expect(total(before)).toBeGreaterThan(0);

    await pause(true);
    const r = await syncPage(
      [order({ orderId: A, status: 'completed' }), order({ orderId: B })],
      [A, B],
    );
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    const v = r.value as { summaries: { orderKey: string }[]; unknown: string[] };
    expect(v.summaries.map((s) => s.orderKey)).toEqual([`taobao:shop1:${A}`]);
    expect(v.unknown).toEqual([]);
    await call('importBatch', { orders: [order({ orderId: B, source: 'import' })] });
    await call('updateMeta', { customerKey: kept, note: 'changed' });
    expect(await dump()).toEqual(before);

    // Deleting still works while paused: it only removes buyer data.
    const customerKey = (await getDb().orders.get(`taobao:shop1:${A}`))!.customerKey;
    expect(await call('forgetBuyer', { customerKey })).toMatchObject({ ok: true });
    // (a forgotten buyer's orders stay, anonymised, for the shop's figures)
    expect((await getDb().orders.get(`taobao:shop1:${A}`))?.buyerId).toMatch(/^forgotten:/);
  });

  it('resetting the settings keeps the pause either way', async () => {
    await pause(true);
    expect((await resetSettings()).historyPaused).toBe(true);
    expect((await loadSettings()).historyPaused).toBe(true);
    await pause(false);
    expect((await resetSettings()).historyPaused).toBe(false);
    expect(
      (await saveSettings({ ...(await loadSettings()), historyPaused: true })).historyPaused,
    ).toBe(true);
  });
});
