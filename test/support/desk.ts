/** A simulated 客服 desk for sync tests: its own main database, sync store and replicator. */
import { openDb, type KezhiDb } from '../../lib/db';
import { recomputeCustomer } from '../../lib/db/aggregate';
import { ingestOrders } from '../../lib/db/ingest';
import { logContact, updateMeta } from '../../lib/db/writes';
import type { ContactEntry, CustomerMeta, OrderInput } from '../../lib/schemas';
import { CouchClient } from '../../lib/sync/couch';
import {
  deviceId,
  forgetEverywhere,
  orderKeysOf,
  queue,
  queueOrders,
  recordMetaEdit,
} from '../../lib/sync/local';
import { Replicator } from '../../lib/sync/replicator';
import { openSyncStore, type SyncStore } from '../../lib/sync/store';
import { joinTeam } from '../../lib/sync/team';

/** Low PBKDF2 cost for tests only (the product uses 600,000 and refuses under 210,000). */
export const TEST_KDF = { iterations: 1000, minIterations: 1000 };

let opened = 0;

export interface Desk {
  name: string;
  db: KezhiDb;
  store: SyncStore;
  rep: Replicator;
  device: string;
  see(orders: OrderInput[], now: number): Promise<void>;
  contact(c: Omit<ContactEntry, 'id' | 'device' | 'staff' | 'purpose'>): Promise<ContactEntry>;
  edit(
    customerKey: string,
    patch: Parameters<typeof updateMeta>[2],
    now: number,
  ): Promise<CustomerMeta>;
  forget(customerKey: string, now: number): Promise<void>;
  sync(): Promise<{ pulled: number; pushed: number }>;
}

export async function openDesk(
  name: string,
  target: { url: string; db: string; user?: string; password?: string },
  team: { passphrase: string; encrypt: boolean },
  opts: { batch?: number; fetch?: typeof fetch } = {},
): Promise<Desk> {
  // Dexie keeps its IndexedDB factory across tests: a fresh name per desk keeps them apart.
  const id = `${name}-${++opened}`;
  const db = openDb(`main-${id}`);
  const store = openSyncStore(`sync-${id}`);
  const client = new CouchClient({ user: '', password: '', ...target }, opts.fetch);
  const codec = await joinTeam(client, { ...team, url: target.url }, TEST_KDF);
  const device = await deviceId(store);
  const rep = new Replicator({ db, store, client, codec, device, batch: opts.batch ?? 40 });
  return {
    name,
    db,
    store,
    rep,
    device,
    async see(orders, now) {
      await ingestOrders(db, orders, now);
      await queueOrders(store, orderKeysOf(orders), now);
    },
    async contact(c) {
      const e = await logContact(db, { ...c, staff: name, purpose: 'remind', device });
      await queue(store, 'contact', e.id, c.at);
      return e;
    },
    async edit(customerKey, patch, now) {
      const m = await updateMeta(db, customerKey, patch, now);
      await recordMetaEdit(store, customerKey, patch, now);
      return m;
    },
    async forget(customerKey, now) {
      await forgetEverywhere(db, store, customerKey, now);
    },
    sync: () => rep.syncOnce(),
  };
}

/** Customers as a recompute from the desk's own orders says they are (the aggregates' oracle). */
export async function recomputed(db: KezhiDb): Promise<unknown[]> {
  const orders = await db.orders.toArray();
  const by = new Map<string, typeof orders>();
  for (const o of orders) by.set(o.customerKey, [...(by.get(o.customerKey) ?? []), o]);
  return [...by.values()]
    .map((os) => recomputeCustomer(os))
    .sort((a, b) => (a!.key < b!.key ? -1 : 1));
}
