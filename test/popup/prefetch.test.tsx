// @vitest-environment jsdom
/**
 * The popup's first read, made before its App's code has loaded (entrypoints/popup/main.tsx):
 * the same records the recent list reads, used once, and never when a write may have passed it;
 * the statistics records read with it serve the rows from the page's cache.
 */
import { cleanup, render, screen, waitFor } from '@testing-library/preact';
import { App } from '../../entrypoints/popup/App';
import {
  prefetchRecent,
  readRecent,
  RECENT_LIMIT,
  type RecentPrefetch,
  type RecentRead,
} from '../../entrypoints/popup/recent-read';
import { send } from '../../lib/browser/rpc';
import { openDb, type KezhiDb } from '../../lib/db';
import { ingestOrders } from '../../lib/db/ingest';
import {
  clearCountedStats,
  readShopStats,
  rebuildShopStats,
  seedStoredStats,
  storedStatsGeneration,
} from '../../lib/db/shop-stats';
import { DEFAULT_SETTINGS } from '../../lib/settings';
import type { OrderInput } from '../../lib/schemas';
import { cn } from '../support/make-customer';

vi.mock('../../lib/browser/rpc', () => ({
  send: vi.fn(() => Promise.resolve({ ok: true, value: {} })),
}));

const NOW = cn(2025, 6, 1, 12);
const DAY = 86_400_000;
const SHOP = 'taobao:shop1';

/** Fourteen buyers, one order each, buyer i ordering i days ago. */
const orders = (): OrderInput[] =>
  Array.from({ length: 14 }, (_, i) => ({
    platform: 'taobao' as const,
    shopId: 'shop1',
    orderId: String(300000 + i),
    buyerId: `nick:buyer${String(i).padStart(2, '0')}`,
    buyerNick: `buyer${String(i).padStart(2, '0')}`,
    identity: 'known' as const,
    status: 'completed' as const,
    createdAt: NOW - (i + 1) * DAY,
    amount: 5_000 + i * 100,
    items: [{ title: '羊毛围巾', quantity: 1 }],
    source: 'import' as const,
  }));

let db: KezhiDb;
beforeEach(async () => {
  clearCountedStats();
  vi.mocked(send).mockClear();
  db = openDb(`prefetch-${Math.random()}`);
  await db.open();
  const r = await ingestOrders(db, orders(), NOW);
  expect(r.written).toBe(14);
});
afterEach(() => {
  cleanup();
  db.close();
});

const nicks = () => [...document.querySelectorAll('.kp-list .kp-nick')].map((e) => e.textContent);

describe('the recent list read ahead', () => {
  it('is the recent list’s own read, given once', async () => {
    const ahead = prefetchRecent(db);
    const first = ahead.take();
    expect(first).toBeDefined();
    const read = await first!;
    const direct = await readRecent(db);
    expect(read.customers.map((c) => c.key)).toEqual(direct.customers.map((c) => c.key));
    expect(read.customers.map((c) => c.nick)).toEqual(
      Array.from({ length: RECENT_LIMIT }, (_, i) => `buyer${String(i).padStart(2, '0')}`),
    );
    expect(read.context.shops.map((s) => s.key)).toEqual([SHOP]);
    expect(ahead.take()).toBeUndefined();
  });

  it('is not given once a write to the lists’ tables came after it started', async () => {
    const ahead = prefetchRecent(db);
    await db.customers.update(`${SHOP}:nick:buyer05`, { nick: 'renamed' });
    expect(ahead.take()).toBeUndefined();
  });

  it('is what the App shows first; a write after it shows in the list', async () => {
    // A prefetch whose read names one buyer: the App's first list is exactly that.
    const direct = await readRecent(db);
    const one: RecentRead = { customers: direct.customers.slice(3, 4), context: direct.context };
    let taken = 0;
    const recent: RecentPrefetch = {
      take: () => (taken++ === 0 ? Promise.resolve(one) : undefined),
    };
    render(<App db={db} now={() => NOW} recent={recent} />);
    await waitFor(() => expect(nicks()).toEqual(['buyer03']));
    expect(taken).toBe(1);
    // The next run reads the database itself.
    await db.customers.update(`${SHOP}:nick:buyer00`, { nick: 'buyer00-renamed' });
    await waitFor(() => expect(nicks()).toHaveLength(RECENT_LIMIT));
    expect(nicks()[0]).toBe('buyer00-renamed');
  });

  it('leaves the App to read itself when it was not given', async () => {
    const recent: RecentPrefetch = { take: () => undefined };
    render(
      <App db={db} now={() => NOW} recent={recent} settings={Promise.resolve(DEFAULT_SETTINGS)} />,
    );
    await waitFor(() => expect(nicks()).toHaveLength(RECENT_LIMIT));
    expect(screen.queryByRole('alert')).toBeNull();
  });
});

describe('statistics records read by the page', () => {
  it('serve from the page’s cache once seeded, parsed as a read of its own would be', async () => {
    const stats = await rebuildShopStats(db, SHOP, DEFAULT_SETTINGS, NOW);
    const generation = storedStatsGeneration(db);
    // Seeded with a record that differs from the stored one: the page's reader answers with it.
    const seeded = { ...stats, customers: stats.customers + 1 };
    seedStoredStats(db, [{ shopKey: SHOP, stats: seeded }], generation);
    const get = vi.spyOn(db.stats, 'get');
    const read = await readShopStats(db, SHOP, DEFAULT_SETTINGS, NOW, { observe: false });
    expect(read.customers).toBe(stats.customers + 1);
    expect(get).not.toHaveBeenCalled();
  });

  it('are not seeded after a write to the statistics since the read began', async () => {
    const stats = await rebuildShopStats(db, SHOP, DEFAULT_SETTINGS, NOW);
    const generation = storedStatsGeneration(db);
    await rebuildShopStats(db, SHOP, DEFAULT_SETTINGS, NOW + 1000); // rewrites the record
    await waitFor(() => expect(storedStatsGeneration(db)).not.toBe(generation));
    seedStoredStats(db, [{ shopKey: SHOP, stats: { ...stats, customers: 999 } }], generation);
    const read = await readShopStats(db, SHOP, DEFAULT_SETTINGS, NOW, { observe: false });
    expect(read.customers).toBe(stats.customers);
  });

  it('that are not valid statistics are kept as none (counted again), never served', async () => {
    const stats = await rebuildShopStats(db, SHOP, DEFAULT_SETTINGS, NOW);
    const broken = { ...stats, spend: new Float64Array([3, 1, 2]) };
    seedStoredStats(db, [{ shopKey: SHOP, stats: broken }], storedStatsGeneration(db));
    const read = await readShopStats(db, SHOP, DEFAULT_SETTINGS, NOW, { observe: false });
    expect([...read.spend]).toEqual([...stats.spend]);
  });
});
