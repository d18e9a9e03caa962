/**
 * Local changes as sync sees them: which records to queue after each of the background's
 * writes, the per-field stamps of a seller edit, and forgetting a buyer on every desk.
 */
import type { KezhiDb } from '../db';
import { forgetBuyer } from '../db/writes';
import { orderKey, PLATFORMS, type Platform } from '../schemas';
import { sha256Hex } from './crypto';
import { stampEdit, type MetaPatch } from './meta-clock';
import { enqueue, getState, setState, type SyncStore } from './store';
import type { SyncKind } from './docs';

/** This desk's id: random, made once, never personal. */
export async function deviceId(store: SyncStore): Promise<string> {
  const have = await getState<string>(store, 'device');
  if (have) return have;
  const id = crypto.randomUUID();
  await setState(store, 'device', id);
  return id;
}

/** The order keys of a page's or import's raw orders (invalid ones are skipped: ingest rejects them). */
export function orderKeysOf(raw: readonly unknown[]): string[] {
  const keys = new Set<string>();
  for (const r of raw) {
    if (!r || typeof r !== 'object') continue;
    const { platform, shopId, orderId } = r as Record<string, unknown>;
    if (
      typeof platform === 'string' &&
      PLATFORMS.includes(platform as Platform) &&
      typeof shopId === 'string' &&
      typeof orderId === 'string'
    )
      keys.add(orderKey(platform as Platform, shopId, orderId));
  }
  return [...keys];
}

/** Queues orders (and their shops, whose names travel too). */
export async function queueOrders(
  store: SyncStore,
  keys: readonly string[],
  now: number,
): Promise<void> {
  const shops = new Set(keys.map((k) => k.split(':').slice(0, 2).join(':')));
  await enqueue(
    store,
    [
      ...keys.map((key) => ({ kind: 'order' as const, key })),
      ...[...shops].map((key) => ({ kind: 'shop' as const, key })),
    ],
    now,
  );
}

/** Stamps a seller edit into the customer's clock and queues it. */
export async function recordMetaEdit(
  store: SyncStore,
  customerKey: string,
  patch: MetaPatch,
  now: number,
): Promise<void> {
  const device = await deviceId(store);
  await store.transaction('rw', store.clocks, store.outbox, async () => {
    const prev = await store.clocks.get(customerKey);
    await store.clocks.put(stampEdit(prev, customerKey, patch, [now, device]));
    await enqueue(store, [{ kind: 'meta', key: customerKey }], now);
  });
}

export async function queue(
  store: SyncStore,
  kind: SyncKind,
  key: string,
  now: number,
): Promise<void> {
  await enqueue(store, [{ kind, key }], now);
}

/**
 * Forgets a buyer here and leaves a tombstone for every other desk: the buyer is named by a hash
 * of their key, their orders move to one anonymous id that all desks share, and the server's
 * copies of their notes and contact log are deleted.
 */
export async function forgetEverywhere(
  db: KezhiDb,
  store: SyncStore,
  customerKey: string,
  now: number,
): Promise<{ ordersCleared: number; contactsDeleted: number }> {
  const keyHash = await sha256Hex(customerKey);
  const anonId = `forgotten:${crypto.randomUUID()}`;
  const contacts = await db.contacts.where('customerKey').equals(customerKey).primaryKeys();
  const orders = await db.orders.where('customerKey').equals(customerKey).primaryKeys();
  await store.tombstones.put({ keyHash, anonId, at: now });
  const r = await forgetBuyer(db, customerKey, anonId);
  await store.transaction('rw', store.clocks, store.claims, store.outbox, async () => {
    await store.clocks.delete(customerKey);
    await store.claims.where('customerKey').equals(customerKey).delete();
    await enqueue(
      store,
      [
        { kind: 'forget', key: keyHash },
        { kind: 'meta', key: customerKey },
        ...contacts.map((key) => ({ kind: 'contact' as const, key })),
        ...orders.map((key) => ({ kind: 'order' as const, key })),
      ],
      now,
    );
  });
  return r;
}

/** Queues everything this desk holds: the first connection shares the desk's history. */
export async function queueAll(db: KezhiDb, store: SyncStore, now: number): Promise<number> {
  let n = 0;
  const add = async (kind: SyncKind, keys: string[]) => {
    for (let i = 0; i < keys.length; i += 5000)
      await enqueue(
        store,
        keys.slice(i, i + 5000).map((key) => ({ kind, key })),
        now,
      );
    n += keys.length;
  };
  await add('shop', await db.shops.toCollection().primaryKeys());
  await add('order', await db.orders.toCollection().primaryKeys());
  await add('meta', await db.meta.toCollection().primaryKeys());
  await add('contact', await db.contacts.toCollection().primaryKeys());
  await add('forget', await store.tombstones.toCollection().primaryKeys());
  return n;
}
