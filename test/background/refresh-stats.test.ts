/**
 * refreshStats: a page that showed a shop's outdated statistics asks the background to recount.
 * The background stores the recount (the shop clean again), not while history is paused, and
 * never for a shop it does not keep; the popup asks at most once a minute per shop.
 */
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { forgetSettings, handlers } from '../../entrypoints/background/handlers';
import { askRecount } from '../../entrypoints/popup/shops';
import { send } from '../../lib/browser/rpc';
import { getDb } from '../../lib/db';
import { ingestOrders } from '../../lib/db/ingest';
import { clearStatsCache } from '../../lib/db/shop-stats';
import { checkShopStats } from '../../lib/customers';
import { dispatch } from '../../lib/messaging';
import { SETTINGS_KEY } from '../../lib/settings';
import { order } from '../support/make-order';

vi.mock('../../lib/browser/rpc', () => ({
  send: vi.fn(() => Promise.resolve({ ok: true, value: { ok: true } })),
}));

const SELF = {
  extensionId: 'kezhiextensionid',
  extensionOrigin: 'chrome-extension://kezhiextensionid/',
};
const POPUP = { id: SELF.extensionId, url: `${SELF.extensionOrigin}popup.html` };
const refresh = (shopKey: string) =>
  dispatch(handlers, { kezhi: 1, name: 'refreshStats', input: { shopKey } }, POPUP, SELF);

async function setPaused(paused: boolean): Promise<void> {
  await fakeBrowser.storage.local.set({ [SETTINGS_KEY]: { historyPaused: paused } });
  forgetSettings();
}

/** Three buyers' orders imported into a shop (the import marks the shop dirty). */
async function importThree(shopId: string): Promise<void> {
  const now = Date.now();
  const orders = ['1', '2', '3'].map((n) =>
    order({
      orderId: `43000000000000000${n}`,
      buyerId: `b${n}`,
      buyerNick: `buyer${n}`,
      shopId,
      source: 'import',
    }),
  );
  const r = await ingestOrders(getDb(), orders, now);
  expect(r).toMatchObject({ written: 3 });
}

beforeEach(async () => {
  clearStatsCache();
  await setPaused(false);
});

describe('refreshStats', () => {
  it('recounts a dirty shop, stores the statistics and marks the shop clean', async () => {
    await importThree('shop1');
    const db = getDb();
    expect((await db.shops.get('taobao:shop1'))?.statsDirty).toBe(true);
    expect(await db.stats.get('taobao:shop1')).toBeUndefined();
    expect(await refresh('taobao:shop1')).toEqual({ ok: true, value: { ok: true } });
    expect(checkShopStats((await db.stats.get('taobao:shop1'))?.stats)?.customers).toBe(3);
    expect((await db.shops.get('taobao:shop1'))?.statsDirty).toBe(false);
  });

  it('stores nothing while history is paused, nor for a shop it does not keep', async () => {
    await importThree('shop2');
    await setPaused(true);
    const db = getDb();
    const before = await db.stats.count();
    expect(await refresh('taobao:shop2')).toMatchObject({ ok: true });
    expect(await db.stats.get('taobao:shop2')).toBeUndefined();
    await setPaused(false);
    expect(await refresh('taobao:nosuchshop')).toMatchObject({ ok: true });
    expect(await db.stats.get('taobao:nosuchshop')).toBeUndefined();
    expect(await db.stats.count()).toBe(before);
    // Resumed, the same ask stores the recount.
    await refresh('taobao:shop2');
    expect(checkShopStats((await db.stats.get('taobao:shop2'))?.stats)?.customers).toBe(3);
  });

  it('the popup asks once a minute per shop', () => {
    const ask = vi.mocked(send);
    ask.mockClear();
    askRecount('taobao:a', 1_000_000);
    askRecount('taobao:a', 1_030_000);
    askRecount('taobao:b', 1_030_000);
    expect(ask.mock.calls).toEqual([
      ['refreshStats', { shopKey: 'taobao:a' }],
      ['refreshStats', { shopKey: 'taobao:b' }],
    ]);
    askRecount('taobao:a', 1_061_000);
    expect(ask).toHaveBeenCalledTimes(3);
  });
});
