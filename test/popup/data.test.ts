import { liveQuery } from 'dexie';
import { loadDue } from '../../entrypoints/popup/due';
import { searchRows } from '../../entrypoints/popup/rows';
import { clearCountedStats, readShopStats } from '../../lib/db/shop-stats';
import { ALL_SHOPS } from '../../components/popup/ShopBar';
import { computeShopStats } from '../../lib/customers';
import { openDb, type KezhiDb } from '../../lib/db';
import { figuresSettled } from '../../lib/db/figures-log';
import { ingestOrders } from '../../lib/db/ingest';
import type { OrderInput } from '../../lib/schemas';
import { DEFAULT_SETTINGS } from '../../lib/settings';
import { cn } from '../support/make-customer';

const NOW = cn(2025, 6, 1, 12);
const DAY = 86_400_000;
const settings = DEFAULT_SETTINGS;

const order = (n: number, nick: string, receiverName: string, daysAgo: number): OrderInput => ({
  platform: 'taobao',
  shopId: 'shop1',
  orderId: String(300000 + n),
  buyerId: `nick:${nick}`,
  buyerNick: nick,
  identity: 'known',
  status: 'completed',
  createdAt: NOW - daysAgo * DAY,
  amount: 5_000 + n * 100,
  items: [{ title: '羊毛围巾', quantity: 1 }],
  receiverName,
  receiverPhone: `1380000${String(1000 + n)}`,
  region: '浙江省杭州市西湖区',
  source: 'import',
});

let db: KezhiDb;
beforeEach(async () => {
  clearCountedStats();
  db = openDb(`popup-data-${Math.random()}`);
  await db.open();
  await ingestOrders(db, [order(1, 'tb_lucky88', '李娜', 10), order(2, '张三', '张三', 40)], NOW);
  // The figure blocks the page counts from are written behind the customers (lib/db/figures-log).
  await figuresSettled(db);
});
afterEach(() => db.close());

/** Subscribes `query` and collects what it emits until unsubscribed. */
function watch<T>(query: () => Promise<T>) {
  const seen: T[] = [];
  const errors: unknown[] = [];
  const sub = liveQuery(query).subscribe({
    next: (v) => seen.push(v),
    error: (e) => errors.push(e),
  });
  return { seen, errors, stop: () => sub.unsubscribe() };
}

const nicks = (rows: readonly { nick: string }[]) => rows.map((r) => r.nick);

describe('searchRows in a liveQuery', () => {
  it.each([
    ['a Latin query', 'lucky', 'tb_lucky99'],
    // Plans through an on-demand import of pinyin-pro: the liveQuery must still track its reads.
    ['a Han + Latin query', '张s', '张思'],
  ])('re-runs for %s when the background adds a matching customer', async (_, q, newcomer) => {
    const w = watch(() => searchRows(db, q, ALL_SHOPS, settings, NOW));
    await vi.waitFor(() => expect(w.seen).toHaveLength(1));
    expect(nicks(w.seen[0]!)).not.toContain(newcomer);
    await ingestOrders(db, [order(3, newcomer, newcomer, 1)], NOW);
    await vi.waitFor(() => expect(nicks(w.seen.at(-1)!)).toContain(newcomer));
    w.stop();
    expect(w.errors).toEqual([]);
  });

  it('marks blacklisted buyers, re-running when meta changes', async () => {
    const w = watch(() => searchRows(db, 'lucky', ALL_SHOPS, settings, NOW));
    await vi.waitFor(() => expect(w.seen).toHaveLength(1));
    expect(w.seen[0]![0]).toMatchObject({ nick: 'tb_lucky88', blacklisted: false });
    await db.meta.put({
      customerKey: w.seen[0]![0]!.key,
      tags: [],
      note: '',
      blacklisted: true,
      blacklistReason: '恶意退款',
      updatedAt: NOW,
    });
    await vi.waitFor(() => expect(w.seen.at(-1)![0]).toMatchObject({ blacklisted: true }));
    w.stop();
  });
});

describe('shop statistics in the popup', () => {
  /** Stored statistics of `n` customers who each spent `fen`. */
  async function storeStats(n: number, fen = 1_000_000) {
    const stats = computeShopStats([], settings, NOW);
    const spend = Float64Array.from({ length: n }, () => fen);
    const rest = Float64Array.from({ length: n }, () => 1);
    await db.stats.put({
      shopKey: 'taobao:shop1',
      computedAt: NOW,
      stats: { ...stats, customers: n, spend, frequency: rest, recencyDays: rest },
    });
    // As the background's rebuild does: the shop's orders are all counted.
    await db.shops.update('taobao:shop1', { statsDirty: false });
  }

  it('counts the shop itself once orders arrived that the stored record has not counted', async () => {
    await storeStats(10);
    expect((await readShopStats(db, 'taobao:shop1', settings, NOW)).customers).toBe(10);
    // An import lands: the background marks the shop dirty and has not rebuilt yet.
    await db.shops.update('taobao:shop1', { statsDirty: true });
    clearCountedStats();
    const own = await db.customers
      .filter((c) => c.platform === 'taobao' && c.shopId === 'shop1' && c.purchaseCount > 0)
      .count();
    expect(own).not.toBe(10);
    expect((await readShopStats(db, 'taobao:shop1', settings, NOW)).customers).toBe(own);
  });

  it('with a recount asked for, serves the outdated record of today at once', async () => {
    await storeStats(10);
    await db.shops.update('taobao:shop1', { statsDirty: true });
    clearCountedStats();
    const asked: string[] = [];
    const askRecount = (key: string) => asked.push(key);
    const stats = await readShopStats(db, 'taobao:shop1', settings, NOW, { askRecount });
    expect(stats.customers).toBe(10);
    expect(asked).toEqual(['taobao:shop1']);
    // A record of another China day does not serve: the page counts, and still asks.
    const own = await db.customers
      .filter((c) => c.platform === 'taobao' && c.shopId === 'shop1' && c.purchaseCount > 0)
      .count();
    const tomorrow = NOW + 86_400_000;
    expect(
      (await readShopStats(db, 'taobao:shop1', settings, tomorrow, { askRecount })).customers,
    ).toBe(own);
    expect(asked).toEqual(['taobao:shop1', 'taobao:shop1']);
    // A clean shop's record serves without asking.
    await db.shops.update('taobao:shop1', { statsDirty: false });
    expect((await readShopStats(db, 'taobao:shop1', settings, NOW, { askRecount })).customers).toBe(
      10,
    );
    expect(asked).toHaveLength(2);
  });

  it('judges the shop from the records the caller passes, reading none of its own', async () => {
    await storeStats(10);
    const asked: string[] = [];
    const askRecount = (key: string) => asked.push(key);
    const stored = (await db.shops.get('taobao:shop1'))!;
    expect(stored.statsDirty).toBe(false);
    // The caller's read says dirty (the database says clean): the caller's read wins.
    const shops = new Map([['taobao:shop1', { ...stored, statsDirty: true }]]);
    await readShopStats(db, 'taobao:shop1', settings, NOW, { askRecount, shops });
    expect(asked).toEqual(['taobao:shop1']);
    const reads = vi.spyOn(db.shops, 'get');
    await readShopStats(db, 'taobao:shop1', settings, NOW, { askRecount, observe: false, shops });
    expect(reads).not.toHaveBeenCalled();
    reads.mockRestore();
  });

  it('uses the stored record, and the new one after the background rewrites it', async () => {
    await storeStats(10);
    expect((await readShopStats(db, 'taobao:shop1', settings, NOW)).customers).toBe(10);
    expect((await readShopStats(db, 'taobao:shop1', settings, NOW)).customers).toBe(10);
    await storeStats(200);
    await vi.waitFor(async () =>
      expect((await readShopStats(db, 'taobao:shop1', settings, NOW)).customers).toBe(200),
    );
  });

  it('re-runs a search when the stored statistics change, and shows the new tiers', async () => {
    // Out-spending ten customers of 1 fen: the top tier.
    await storeStats(10, 1);
    // An earlier keystroke has read them: this search's run is served from the popup's cache.
    await searchRows(db, 'lu', ALL_SHOPS, settings, NOW);
    const w = watch(() => searchRows(db, 'lucky', ALL_SHOPS, settings, NOW));
    await vi.waitFor(() => expect(w.seen).toHaveLength(1));
    expect(w.seen[0]![0]!.tier).toBe('svip');
    // Among a thousand bigger spenders: the bottom one.
    await storeStats(1000);
    await vi.waitFor(() => expect(w.seen.at(-1)![0]!.tier).toBe('regular'));
    w.stop();
  });
});

describe('loadDue', () => {
  it('stops with the signal’s reason once aborted', async () => {
    await ingestOrders(db, [order(4, '新客小美', '小美', 7)], NOW);
    expect((await loadDue(db, ALL_SHOPS, settings, NOW)).map((r) => r.nick)).toContain('新客小美');
    const stop = new AbortController();
    const pending = loadDue(db, ALL_SHOPS, settings, NOW, stop.signal);
    stop.abort(new Error('typing'));
    await expect(pending).rejects.toThrow('typing');
  });
});
