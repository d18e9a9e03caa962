/**
 * Messages bound to their sender (issue 13, part 3), through dispatch() with the real handlers.
 * A content script speaks for a page that other scripts share: the background takes the platform
 * from the sender's URL, holds the tab to one shop, describes only that shop's rows (never the
 * private note), logs contacts only for customers it described to that tab, and bounds how many
 * orders one tab may store a minute (saying so in the shop's health).
 */
import { handlers, tabs } from '../../entrypoints/background/handlers';
import { getDb } from '../../lib/db';
import { updateMeta } from '../../lib/db/writes';
import { ingestOrders } from '../../lib/db/ingest';
import { dispatch, type SenderInfo } from '../../lib/messaging';
import { order, NOW } from '../support/make-order';

const SELF = {
  extensionId: 'kezhiextensionid',
  extensionOrigin: 'chrome-extension://kezhiextensionid/',
};
const TAOBAO = 'https://trade.taobao.com/trade/itemlist/list_sold_items.htm';
const tab = (id: number, url = TAOBAO): SenderInfo => ({ id: SELF.extensionId, url, tab: { id } });
const POPUP: SenderInfo = { id: SELF.extensionId, url: `${SELF.extensionOrigin}popup.html` };
const send = (name: string, input: unknown, sender: SenderInfo) =>
  dispatch(handlers, { kezhi: 1, name, input }, sender, SELF);
const sync = (p: Record<string, unknown>) => ({
  adapter: 'taobao-old',
  platform: 'taobao',
  shopId: 'shop1',
  orders: [],
  rows: [],
  ...p,
});

let nextTab = 100;
beforeEach(() => {
  vi.useFakeTimers({ toFake: ['Date'] });
  vi.setSystemTime(NOW);
  nextTab += 10;
});
afterEach(() => vi.useRealTimers());

describe('sync is bound to the tab that sends it', () => {
  it('refuses another platform than the tab URL shows', async () => {
    const r = await send(
      'sync',
      sync({
        platform: 'jd',
        orders: [order({ platform: 'jd', orderId: '7001' })],
      }),
      tab(nextTab),
    );
    expect(r).toMatchObject({ ok: false, error: expect.stringMatching(/not a jd order page/) });
    expect(await getDb().orders.get('jd:shop1:7001')).toBeUndefined();
  });

  it('refuses WooCommerce from a host the seller did not grant', async () => {
    const url = 'https://evil.example/wp-admin/admin.php?page=wc-orders';
    const r = await send(
      'sync',
      sync({ adapter: 'woocommerce', platform: 'woocommerce', shopId: 'evil.example' }),
      tab(nextTab, url),
    );
    expect(r).toMatchObject({ ok: false });
  });

  it('stores only its own shop’s orders, and keeps the tab to that shop', async () => {
    const id = nextTab;
    const r = await send(
      'sync',
      sync({
        orders: [
          order({ orderId: '7101' }),
          order({ orderId: '7102', shopId: 'shop2' }),
          order({ orderId: '7103', platform: 'jd' }),
        ],
      }),
      tab(id),
    );
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    const value = r.value as { rejected: { index: number; reason: string }[] };
    expect(value.rejected.map((x) => x.index)).toEqual([1, 2]);
    expect(await getDb().orders.get('taobao:shop1:7101')).toBeDefined();
    expect(await getDb().orders.get('taobao:shop2:7102')).toBeUndefined();
    expect(await getDb().orders.get('jd:shop1:7103')).toBeUndefined();
    // The same tab cannot speak for shop2 now, not even to ask for rows.
    const other = await send(
      'sync',
      sync({ shopId: 'shop2', rows: [{ orderId: '7102' }] }),
      tab(id),
    );
    expect(other).toMatchObject({
      ok: false,
      error: expect.stringMatching(/belongs to shop shop1/),
    });
  });
});

describe('row summaries and the contact log', () => {
  const buyer = 'taobao:shop1:nick:buyer1';
  const PRIVATE = '这位买家的私人备注 7a1b';
  beforeEach(async () => {
    await ingestOrders(getDb(), [order({ orderId: '7201' })], NOW);
    await updateMeta(getDb(), buyer, { note: PRIVATE, tags: ['老客'] }, NOW);
  });

  it('a summary carries what the overlay shows, never the private note', async () => {
    const r = await send('sync', sync({ rows: [{ orderId: '7201' }] }), tab(nextTab));
    expect(r.ok).toBe(true);
    expect(JSON.stringify(r)).toContain('老客');
    expect(JSON.stringify(r)).not.toContain(PRIVATE);
  });

  it('logContact only for a customer described to that tab; our pages may log any', async () => {
    const entry = {
      customerKey: buyer,
      orderKey: 'taobao:shop1:7201',
      channel: 'chat',
      template: 'remind.new.chat.polite',
      purpose: 'remind',
    };
    const id = nextTab;
    expect(await send('logContact', entry, tab(id))).toMatchObject({ ok: false });
    await send('sync', sync({ rows: [{ orderId: '7201' }] }), tab(id));
    expect(await send('logContact', entry, tab(id))).toMatchObject({ ok: true });
    // Another tab, or another order of the buyer not shown here, is refused.
    expect(await send('logContact', entry, tab(id + 1))).toMatchObject({ ok: false });
    expect(
      await send('logContact', { ...entry, orderKey: 'taobao:shop1:9999' }, tab(id)),
    ).toMatchObject({ ok: false });
    expect(
      await send('logContact', { ...entry, customerKey: 'taobao:shop1:nick:x' }, tab(id)),
    ).toMatchObject({
      ok: false,
    });
    expect(await send('logContact', entry, POPUP)).toMatchObject({ ok: true });
    expect(await getDb().contacts.where('customerKey').equals(buyer).count()).toBe(2);
  });
});

describe('a per-tab budget', () => {
  it('stores at most the budget per minute and says so in the shop’s health', async () => {
    const before = tabs.ordersPerMinute;
    tabs.ordersPerMinute = 5;
    try {
      const id = nextTab;
      const batch = (from: number, n: number) =>
        Array.from({ length: n }, (_, i) => order({ orderId: `${8000 + from + i}` }));
      const first = await send('sync', sync({ orders: batch(0, 3) }), tab(id));
      expect(first).toMatchObject({ ok: true, value: { rejected: [] } });
      const second = await send('sync', sync({ orders: batch(3, 4) }), tab(id));
      expect(second.ok).toBe(true);
      if (!second.ok) return;
      const rejected = (second.value as { rejected: { index: number; reason: string }[] }).rejected;
      expect(rejected.map((r) => r.index)).toEqual([2, 3]);
      expect(rejected[0]!.reason).toMatch(/too many orders/);
      const shop = await getDb().shops.get('taobao:shop1');
      expect(shop?.health?.problem).toMatch(/over 5 a minute/);
      // A minute later the tab may send again.
      vi.setSystemTime(NOW + 60_000);
      const third = await send('sync', sync({ orders: batch(7, 2) }), tab(id));
      expect(third).toMatchObject({ ok: true, value: { rejected: [] } });
      expect(await getDb().orders.where('key').startsWith('taobao:shop1:80').count()).toBe(7);
    } finally {
      tabs.ordersPerMinute = before;
    }
  });
});
