/**
 * Applies what the server sent to this desk's database. Orders go through the same ingest as a
 * page sighting (so the order state machine and aggregates apply); seller edits merge per field;
 * contacts are added once; a tombstone forgets the buyer here too and keeps their data from
 * coming back. Returns the records where this desk knows more than the server (to push back).
 */
import { customerKey as keyOfCustomer, CustomerMeta, shopKey, type OrderInput } from '../schemas';
import { deepEqual } from '../deep-equal';
import { ingestOrders } from '../db/ingest';
import { forgetBuyer } from '../db/writes';
import { shopDisplayName } from '../shops';
import type { KezhiDb } from '../db';
import { sha256Hex } from './crypto';
import { sharedOrder, type SyncData, type SyncEntry, type SyncKind, type Tombstone } from './docs';
import { clockOfMeta, mergeClocks, metaOfClock, type MetaClock } from './meta-clock';
import type { SyncStore } from './store';

/** Hashes customer keys against the tombstones (only when there are tombstones at all). */
export class Forgotten {
  private byHash = new Map<string, Tombstone>();
  private hashes = new Map<string, string>();

  constructor(private readonly store: SyncStore) {}

  /**
   * Reloads when the table grew (a forget on this desk writes it directly). Called once per
   * batch, not per record: one count per order made a 100k pull open 100k extra transactions.
   */
  async load(): Promise<void> {
    if ((await this.store.tombstones.count()) === this.byHash.size) return;
    for (const t of await this.store.tombstones.toArray()) this.byHash.set(t.keyHash, t);
  }

  add(t: Tombstone): void {
    this.byHash.set(t.keyHash, t);
  }

  /** The tombstone of this customer key, if forgotten (as of the last `load`). */
  async of(customerKey: string): Promise<Tombstone | undefined> {
    if (this.byHash.size === 0) return undefined;
    let h = this.hashes.get(customerKey);
    if (!h) {
      h = await sha256Hex(customerKey);
      if (this.hashes.size > 50_000) this.hashes.clear();
      this.hashes.set(customerKey, h);
    }
    return this.byHash.get(h);
  }
}

/** A forgotten buyer's order as it is kept: anonymous, under the tombstone's buyer id. */
export function anonymise(o: OrderInput, t: Tombstone): OrderInput {
  return {
    ...o,
    buyerId: t.anonId,
    buyerNick: '已删除买家',
    identity: 'known',
    receiverName: undefined,
    receiverPhone: undefined,
    region: undefined,
  };
}

export interface ApplyResult {
  applied: number;
  /** Records to push back: this desk's merge differs from what the server holds. */
  pushBack: { kind: SyncKind; key: string }[];
  forgotten: number;
}

const ORDER = ['forget', 'order', 'meta', 'contact', 'shop', 'claim'] as const;

/** Applies a batch (tombstones first, so a buyer forgotten in the same batch stays gone). */
export async function applyEntries(
  db: KezhiDb,
  store: SyncStore,
  forgotten: Forgotten,
  entries: readonly SyncEntry[],
  ctx: { device: string; now: number },
): Promise<ApplyResult> {
  const out: ApplyResult = { applied: 0, pushBack: [], forgotten: 0 };
  await forgotten.load();
  const by = <K extends SyncKind>(k: K) =>
    entries.filter((e): e is Extract<SyncEntry, { kind: K }> => e.kind === k);
  for (const kind of ORDER) {
    if (kind === 'forget') out.forgotten += await applyForgets(db, store, forgotten, by('forget'));
    if (kind === 'order') await applyOrders(db, forgotten, by('order'), ctx.now, out);
    if (kind === 'meta') await applyMeta(db, store, forgotten, by('meta'), ctx, out);
    if (kind === 'contact') await applyContacts(db, forgotten, by('contact'), out);
    if (kind === 'shop') await applyShops(db, by('shop'));
    if (kind === 'claim') await applyClaims(store, by('claim'));
  }
  out.applied = entries.length;
  return out;
}

async function applyForgets(
  db: KezhiDb,
  store: SyncStore,
  forgotten: Forgotten,
  list: { data: Tombstone }[],
): Promise<number> {
  let n = 0;
  for (const { data: t } of list) {
    if (await store.tombstones.get(t.keyHash)) continue;
    await store.tombstones.put(t);
    forgotten.add(t);
    // Find the buyer by hashing this desk's customer keys (tombstones never carry the key).
    for (const key of await db.customers.toCollection().primaryKeys()) {
      if ((await sha256Hex(key)) !== t.keyHash) continue;
      await forgetBuyer(db, key, t.anonId);
      await store.clocks.delete(key);
      await store.claims.where('customerKey').equals(key).delete();
      n++;
    }
  }
  return n;
}

async function applyOrders(
  db: KezhiDb,
  forgotten: Forgotten,
  list: { key: string; data: OrderInput }[],
  now: number,
  out: ApplyResult,
): Promise<void> {
  if (list.length === 0) return;
  const inputs: OrderInput[] = [];
  for (const { data } of list) {
    const t = await forgotten.of(keyOfCustomer(data.platform, data.shopId, data.buyerId));
    inputs.push(t ? anonymise(data, t) : data);
  }
  await ingestOrders(db, inputs, now);
  const stored = await db.orders.bulkGet(list.map((e) => e.key));
  list.forEach((e, i) => {
    const local = stored[i];
    if (local && !deepEqual(sharedOrder(local), e.data))
      out.pushBack.push({ kind: 'order', key: e.key });
  });
}

async function applyMeta(
  db: KezhiDb,
  store: SyncStore,
  forgotten: Forgotten,
  list: { key: string; data: MetaClock }[],
  ctx: { device: string; now: number },
  out: ApplyResult,
): Promise<void> {
  for (const { key, data } of list) {
    if (data.customerKey !== key) continue;
    if (await forgotten.of(key)) {
      // A stale desk's edit of a forgotten buyer: the server copy goes, nothing is kept here.
      out.pushBack.push({ kind: 'meta', key });
      continue;
    }
    // Two databases, so two writes; both are idempotent, and a repeat converges to the same.
    const prevMeta = await db.meta.get(key);
    const local =
      (await store.clocks.get(key)) ?? (prevMeta ? clockOfMeta(prevMeta, ctx.device) : undefined);
    const merged = local ? mergeClocks(local, data) : data;
    await store.clocks.put(merged);
    const meta = CustomerMeta.safeParse(metaOfClock(merged, ctx.now));
    if (meta.success) await db.meta.put(meta.data);
    if (!deepEqual(merged, data)) out.pushBack.push({ kind: 'meta', key });
  }
}

async function applyContacts(
  db: KezhiDb,
  forgotten: Forgotten,
  list: { key: string; data: SyncData['contact'] }[],
  out: ApplyResult,
): Promise<void> {
  const fresh: SyncData['contact'][] = [];
  for (const { key, data } of list) {
    if (data.id !== key) continue;
    if (await forgotten.of(data.customerKey)) {
      out.pushBack.push({ kind: 'contact', key });
      continue;
    }
    fresh.push(data);
  }
  if (fresh.length === 0) return;
  await db.transaction('rw', db.contacts, async () => {
    const have = await db.contacts.bulkGet(fresh.map((c) => c.id));
    const puts = [];
    for (const [i, c] of fresh.entries()) {
      const local = have[i];
      if (!local) puts.push(c);
      else if (local.paidAfterAt === undefined && c.paidAfterAt !== undefined)
        puts.push({ ...local, paidAfterAt: c.paidAfterAt });
      else if (local.paidAfterAt !== undefined && c.paidAfterAt === undefined)
        out.pushBack.push({ kind: 'contact', key: c.id });
    }
    if (puts.length) await db.contacts.bulkPut(puts);
  });
}

async function applyShops(db: KezhiDb, list: { data: SyncData['shop'] }[]): Promise<void> {
  for (const { data } of list) {
    const key = shopKey(data.platform, data.shopId);
    await db.transaction('rw', db.shops, async () => {
      const shop = await db.shops.get(key);
      if (shop?.name === data.name) return;
      await db.shops.put({
        key,
        platform: data.platform,
        shopId: data.shopId,
        name: data.name || shopDisplayName(data.shopId),
        lastSeenAt: shop?.lastSeenAt ?? 0,
        pagesRecognised: shop?.pagesRecognised ?? 0,
        health: shop?.health,
        statsDirty: shop?.statsDirty ?? true,
      });
    });
  }
}

async function applyClaims(store: SyncStore, list: { data: SyncData['claim'] }[]): Promise<void> {
  for (const { data } of list) {
    const prev = await store.claims.get(data.orderKey);
    if (!prev || prev.at < data.at || (prev.at === data.at && prev.device < data.device))
      await store.claims.put(data);
  }
}
