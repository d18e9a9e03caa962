/**
 * A full disk is the seller's to fix, so it must reach the seller: when IndexedDB refuses a write
 * with QuotaExceededError, the sync and importBatch replies carry describeError's sentence (not a
 * generic failure, not a silent success), the transaction leaves nothing half-written, and the
 * content script's request() hands that same sentence to its notice.
 */
import { handlers } from '../../entrypoints/background/handlers';
import { getDb } from '../../lib/db';
import { dispatch, request, type Envelope } from '../../lib/messaging';
import type { OrderInput } from '../../lib/schemas';

const SELF = {
  extensionId: 'kezhiextensionid',
  extensionOrigin: 'chrome-extension://kezhiextensionid/',
};
const CONTENT = {
  id: SELF.extensionId,
  url: 'https://trade.taobao.com/trade/itemlist/list_sold_items.htm',
  tab: { id: 1 },
};
const PAGE = { id: SELF.extensionId, url: `${SELF.extensionOrigin}options.html` };

const order = (i: number): OrderInput => ({
  platform: 'taobao',
  shopId: 'shop1',
  orderId: `42600000000000${String(i).padStart(5, '0')}`,
  buyerId: `nick:buyer${i % 7}`,
  buyerNick: `buyer${i % 7}`,
  identity: 'known',
  status: 'paid',
  createdAt: Date.UTC(2026, 0, 1) + i * 60_000,
  amount: 1000 + i,
  items: [{ title: '测试商品', quantity: 1 }],
  source: 'dom',
});

const quota = () => new DOMException('The quota has been exceeded.', 'QuotaExceededError');
const SELLER_SENTENCE = /QuotaExceededError: 浏览器存储空间已满/;

afterEach(() => vi.restoreAllMocks());

describe('IndexedDB quota errors reach the seller', () => {
  it('sync: the reply carries the seller-readable sentence and nothing is half-written', async () => {
    const db = getDb();
    const put = vi.spyOn(db.orders, 'bulkPut').mockRejectedValue(quota());
    const input = {
      adapter: 'taobao-old',
      platform: 'taobao',
      shopId: 'shop1',
      orders: [order(1), order(2)],
      rows: [{ orderId: order(1).orderId }],
    };
    const r = await dispatch(handlers, { kezhi: 1, name: 'sync', input }, CONTENT, SELF);
    expect(put).toHaveBeenCalled();
    expect(r).toEqual({ ok: false, error: expect.stringMatching(SELLER_SENTENCE) });
    put.mockRestore();
    // All or nothing: the customers and shops of the refused batch were not written either.
    expect(await db.orders.count()).toBe(0);
    expect(await db.customers.count()).toBe(0);
    expect(await db.shops.count()).toBe(0);
  });

  it('importBatch: the same, for a file import from the options page', async () => {
    const db = getDb();
    vi.spyOn(db.customers, 'bulkPut').mockRejectedValue(quota());
    const orders = Array.from({ length: 50 }, (_, i) => order(i));
    const r = await dispatch(
      handlers,
      { kezhi: 1, name: 'importBatch', input: { orders } },
      PAGE,
      SELF,
    );
    expect(r).toEqual({ ok: false, error: expect.stringMatching(SELLER_SENTENCE) });
    vi.restoreAllMocks();
    expect(await db.orders.count()).toBe(0);
    // Once there is room again, the same batch goes in whole.
    const again = await dispatch(
      handlers,
      { kezhi: 1, name: 'importBatch', input: { orders } },
      PAGE,
      SELF,
    );
    expect(again).toMatchObject({ ok: true, value: { written: 50 } });
  });

  it("the content script's request() passes the sentence on untouched (what the notice shows)", async () => {
    const db = getDb();
    vi.spyOn(db.orders, 'bulkPut').mockRejectedValue(quota());
    const send = (m: Envelope) => dispatch(handlers, m, CONTENT, SELF);
    const reply = await request(send, 'sync', {
      adapter: 'taobao-old',
      platform: 'taobao',
      shopId: 'shop1',
      orders: [order(999)], // new: the singleton database outlives the per-test reset
      rows: [],
    });
    expect(reply).toEqual({ ok: false, error: expect.stringMatching(SELLER_SENTENCE) });
  });
});
