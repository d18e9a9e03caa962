/**
 * Schema versions: a database created with version 1 (the definition copied here, so it stays
 * the "old" one when later versions change lib/db/index.ts) and filled with records of every
 * table opens with the current openDb() with every record kept, readable through its indexes.
 */
import { Dexie } from 'dexie';
import { openDb, SCHEMA_V1 } from '../../lib/db';
import { recomputeCustomer, toStoredOrder } from '../../lib/db/aggregate';
import type { Customer, Order, OrderInput } from '../../lib/schemas';
import { customerFigures } from '../../lib/customers';

/** Version 1 exactly as it shipped. Never edit: it is what users' browsers hold. */
const OLD_V1 = {
  shops: 'key, platform, lastSeenAt',
  orders: 'key, customerKey, [platform+shopId+createdAt], status',
  customers: 'key, [platform+shopId], *searchTerms, lastOrderAt',
  contacts: 'id, customerKey, orderKey, at',
  meta: 'customerKey, *tags',
  stats: 'shopKey',
  careDone: 'id, customerKey',
} as const;

const NAME = 'kezhi-migration-test';
const T0 = Date.UTC(2025, 0, 1);

function inputs(): OrderInput[] {
  return Array.from({ length: 40 }, (_, i) => ({
    platform: i % 2 ? 'taobao' : 'pinduoduo',
    shopId: 'shop1',
    orderId: `90000000000000${String(i).padStart(5, '0')}`,
    buyerId: `nick:buyer${i % 6}`,
    buyerNick: `buyer${i % 6}`,
    identity: 'known',
    status: (['unpaid', 'paid', 'shipped', 'completed', 'closed'] as const)[i % 5]!,
    createdAt: T0 + i * 3_600_000,
    amount: 100 * i,
    items: [{ title: `商品${i}`, quantity: 1 + (i % 2), sku: '颜色：红', unitPrice: 50 * i }],
    receiverName: `收件人${i % 6}`,
    receiverPhone: `1380000${String(i).padStart(4, '0')}`,
    region: '浙江省',
    source: 'import',
  }));
}

/** One record or more for every table of version 1. */
function records() {
  const orders: Order[] = inputs().map((o) => toStoredOrder(o, T0 + 1e9));
  const byCustomer = new Map<string, Order[]>();
  for (const o of orders)
    byCustomer.set(o.customerKey, [...(byCustomer.get(o.customerKey) ?? []), o]);
  const customers: Customer[] = [...byCustomer.values()].map((os) => recomputeCustomer(os)!);
  const c0 = customers[0]!.key;
  return {
    orders,
    customers,
    shops: [
      {
        key: 'taobao:shop1',
        platform: 'taobao',
        shopId: 'shop1',
        name: '店',
        lastSeenAt: T0,
        pagesRecognised: 3,
        health: { adapter: 'taobao-old', ok: true, recognised: 8, at: T0 },
      },
      {
        key: 'pinduoduo:shop1',
        platform: 'pinduoduo',
        shopId: 'shop1',
        name: '拼',
        lastSeenAt: T0,
        pagesRecognised: 0,
      },
    ],
    contacts: [
      {
        id: 'c1',
        customerKey: c0,
        orderKey: orders[0]!.key,
        at: T0,
        channel: 'chat',
        template: 'remind.new.chat.polite',
        staff: '小王',
        purpose: 'remind',
        paidAfterAt: T0 + 1,
      },
      {
        id: 'c2',
        customerKey: c0,
        at: T0,
        channel: 'sms',
        template: 'care.day7',
        staff: '',
        purpose: 'care',
      },
    ],
    meta: [
      {
        customerKey: c0,
        tags: ['回头客', 'VIP'],
        note: '备注',
        blacklisted: true,
        blacklistReason: '恶意差评',
        updatedAt: T0,
      },
    ],
    stats: [
      {
        shopKey: 'taobao:shop1',
        computedAt: T0,
        dirty: false,
        stats: { version: 1, spend: [1, 2, 3] },
      },
    ],
    careDone: [{ id: `${c0}|care.day7|${T0}`, customerKey: c0, at: T0 }],
  } as const;
}

describe('schema versions', () => {
  afterEach(() => Dexie.delete(NAME));

  it('the copy of version 1 here is the one lib/db ships as SCHEMA_V1', () => {
    expect(SCHEMA_V1).toEqual(OLD_V1);
  });

  it('a version-1 database opens with the current openDb() with every record kept', async () => {
    const old = new Dexie(NAME);
    old.version(1).stores(OLD_V1);
    const data = records();
    await old.transaction('rw', old.tables, async () => {
      for (const [table, rows] of Object.entries(data)) await old.table(table).bulkAdd([...rows]);
    });
    old.close();

    const db = openDb(NAME);
    await db.open();
    let checked = 0;
    for (const [table, rows] of Object.entries(data)) {
      const kept = await db.table(table).toArray();
      const pk = db.table(table).schema.primKey.keyPath as string;
      const sort = (a: Record<string, unknown>, b: Record<string, unknown>) =>
        String(a[pk]).localeCompare(String(b[pk]));
      // Version 4 names the kind of key: these v1 buyers were all `known` by nick.
      const v4 = (r: Record<string, unknown>) =>
        table === 'orders' || table === 'customers' ? { ...r, identity: 'nick' } : r;
      expect([...kept].sort(sort), table).toEqual(
        [...(rows as unknown as Record<string, unknown>[])].map(v4).sort(sort),
      );
      checked += kept.length;
    }
    expect(checked).toBe(Object.values(data).reduce((s, r) => s + r.length, 0));
    // The indexes still answer.
    const c0 = data.customers[0]!;
    expect(await db.orders.where('customerKey').equals(c0.key).count()).toBe(c0.orderCount);
    const term = c0.searchTerms[0]!;
    expect(await db.customers.where('searchTerms').equals(term).count()).toBe(
      data.customers.filter((c) => c.searchTerms.includes(term)).length,
    );
    expect(await db.meta.where('tags').equals('VIP').count()).toBe(1);
    // Version 3's figure blocks were built from the customers by the upgrade.
    const figures = new Map<string, number[]>();
    for (const b of await db.figures.toArray())
      b.keys.forEach((k, i) => figures.set(k, [...b.values.slice(i * 4, i * 4 + 4)]));
    const purchasing = data.customers.filter((c) => customerFigures(c) !== undefined);
    expect(purchasing.length).toBeGreaterThan(0);
    expect(figures).toEqual(new Map(purchasing.map((c) => [c.key, customerFigures(c)])));
    // Version 5's log of blocks still to write starts empty: the upgrade wrote them in place.
    expect(await db.figuresLog.count()).toBe(0);
    expect(
      await db.orders
        .where('[platform+shopId+createdAt]')
        .between(['taobao', 'shop1', 0], ['taobao', 'shop1', Infinity])
        .count(),
    ).toBe(20);
    db.close();
    console.info('migration: records checked', checked);
  });
});
