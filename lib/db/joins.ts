/**
 * Joining customers that are one buyer, and splitting them again. A join is explicit and recorded
 * (never a silent rewrite of an order's buyer): the customer joined away keeps a record naming
 * where it went and what moved (orders with their old buyer, contacts, tags/notes), so that later
 * orders under its key land in the joined customer and a split (or the undo of a merge) puts
 * everything back. Every order and customer keeps key = platform:shop:buyerId, so backups and
 * teammates derive the same keys.
 */
import { kindOf, KIND_STRENGTH } from '../identity';
import { CustomerMeta, customerKey, type Order } from '../schemas';
import { recomputeCustomer } from './aggregate';
import { mayHaveRecords, type JoinRecord, type KezhiDb } from './index';

/** Longest chain of joins followed (a loop in hostile data must not hang ingest). */
const MAX_CHAIN = 16;

/** The tables a join touches; callers running one inside their own transaction include these. */
export const joinTables = (db: KezhiDb) => [
  db.orders,
  db.customers,
  db.meta,
  db.contacts,
  db.joins,
];

/** The buyer id part of a customer key (`platform:shop:buyerId`), given its shop key. */
const buyerIdOfKey = (key: string, shopKey: string): string => key.slice(shopKey.length + 1);

/** The customer keys `keys` now live under (themselves when never joined away). */
export async function resolveJoins(
  db: KezhiDb,
  keys: readonly string[],
): Promise<Map<string, string>> {
  const out = new Map<string, string>();
  const unique = [...new Set(keys)];
  const cache = new Map<string, JoinRecord | undefined>();
  let pending = unique;
  // Most keys were never joined away: on the background's handle, known from memory.
  const joinedAway = new Set(await mayHaveRecords(db, 'joins', unique));
  for (const k of unique) if (!joinedAway.has(k)) cache.set(k, undefined);
  for (let step = 0; step < MAX_CHAIN && pending.length > 0; step++) {
    const want = pending.filter((k) => !cache.has(k));
    const found = want.length ? await db.joins.bulkGet(want) : [];
    want.forEach((k, i) => cache.set(k, found[i]));
    pending = [];
    for (const k of unique) {
      let cur = out.get(k) ?? k;
      const rec = cache.get(cur);
      if (rec && rec.into !== k) {
        cur = rec.into;
        if (!cache.has(cur)) pending.push(cur);
      }
      out.set(k, cur);
    }
  }
  return out;
}

/**
 * Which of two customer keys of one shop should hold the joined customer: the stronger kind of
 * key (platform id, e-mail, nick, token, name, none), ties by the smaller key, so every desk picks
 * the same one.
 */
export function joinTarget(a: string, b: string, identities: Record<string, Order['identity']>) {
  const sa = KIND_STRENGTH[kindOf(identities[a] ?? 'none')];
  const sb = KIND_STRENGTH[kindOf(identities[b] ?? 'none')];
  if (sa !== sb) return sa > sb ? { into: a, from: b } : { into: b, from: a };
  return a < b ? { into: a, from: b } : { into: b, from: a };
}

/** Tags, note and blacklist of two customers as one (neither side's words are lost). */
export function joinedMeta(
  into: CustomerMeta | undefined,
  from: CustomerMeta | undefined,
  intoKey: string,
  now: number,
): CustomerMeta | undefined {
  if (!into && !from) return undefined;
  const notes = [into?.note ?? '', from?.note ?? ''].filter((n) => n.trim() !== '');
  return CustomerMeta.parse({
    customerKey: intoKey,
    tags: [...new Set([...(into?.tags ?? []), ...(from?.tags ?? [])])].slice(0, 50),
    note: notes.join('\n').slice(0, 5000),
    blacklisted: (into?.blacklisted ?? false) || (from?.blacklisted ?? false),
    blacklistReason: [into?.blacklistReason ?? '', from?.blacklistReason ?? '']
      .filter((r) => r.trim() !== '')
      .join('；')
      .slice(0, 500),
    updatedAt: now,
  });
}

/**
 * Joins customer `from` into `into` (both of shop `shopKey`, both already resolved). Must run in a
 * transaction over {@link joinTables}. Returns the record, or undefined when there was nothing to
 * join (the same customer, or `from` has no orders and no record).
 */
export async function joinInTx(
  db: KezhiDb,
  opts: {
    from: string;
    into: string;
    shopKey: string;
    reason: JoinRecord['reason'];
    orderId?: string;
    /** The identity of `into` when it has no stored customer yet (a key first seen now). */
    intoIdentity?: Order['identity'];
    now: number;
  },
): Promise<JoinRecord | undefined> {
  const { from, into, shopKey, now } = opts;
  if (from === into) return undefined;
  const intoBuyerId = buyerIdOfKey(into, shopKey);
  // One read after another: inside a write transaction every step must be a Dexie request.
  const fromOrders = await db.orders.where('customerKey').equals(from).toArray();
  const intoOrders = await db.orders.where('customerKey').equals(into).toArray();
  const intoCustomer = await db.customers.get(into);
  const fromMeta = await db.meta.get(from);
  const intoMeta = await db.meta.get(into);
  const contacts = await db.contacts.where('customerKey').equals(from).toArray();
  // Nothing to join: a key that never held an order (a masked sighting of a known order).
  if (fromOrders.length === 0 && !fromMeta && contacts.length === 0) return undefined;
  const intoIdentity =
    intoCustomer?.identity ?? intoOrders[0]?.identity ?? opts.intoIdentity ?? 'none';
  const moved = fromOrders.map((o) => ({ key: o.key, buyerId: o.buyerId, identity: o.identity }));
  const rewritten: Order[] = fromOrders.map((o) => ({
    ...o,
    buyerId: intoBuyerId,
    identity: intoIdentity,
    customerKey: into,
  }));
  await db.orders.bulkPut(rewritten);
  const c = recomputeCustomer([...intoOrders, ...rewritten]);
  await db.customers.delete(from);
  if (c) await db.customers.put(c);
  if (contacts.length)
    await db.contacts.bulkPut(contacts.map((e) => ({ ...e, customerKey: into })));
  const meta = joinedMeta(intoMeta, fromMeta, into, now);
  await db.meta.delete(from);
  if (meta) await db.meta.put(meta);
  const record: JoinRecord = {
    key: from,
    into,
    shopKey,
    at: now,
    reason: opts.reason,
    ...(opts.orderId ? { orderId: opts.orderId } : {}),
    moved,
    ...(fromMeta ? { fromMeta } : {}),
    ...(intoMeta ? { intoMeta } : {}),
    contactIds: contacts.map((e) => e.id),
  };
  await db.joins.put(record);
  return record;
}

/** Adds orders that arrived under a joined-away key to its record, so a split takes them too. */
export async function noteArrivals(
  db: KezhiDb,
  arrivals: readonly { alias: string; key: string; buyerId: string; identity: Order['identity'] }[],
): Promise<void> {
  if (arrivals.length === 0) return;
  const aliases = [...new Set(arrivals.map((a) => a.alias))];
  const records = await db.joins.bulkGet(aliases);
  const puts: JoinRecord[] = [];
  records.forEach((rec) => {
    if (!rec) return;
    const known = new Set(rec.moved.map((m) => m.key));
    const add = arrivals
      .filter((a) => a.alias === rec.key && !known.has(a.key))
      .map((a) => ({ key: a.key, buyerId: a.buyerId, identity: a.identity }));
    if (add.length) puts.push({ ...rec, moved: [...rec.moved, ...add] });
  });
  if (puts.length) await db.joins.bulkPut(puts);
}

/** The seller's merge: `from` and `into` become one customer under `into`. */
export async function mergeCustomers(
  db: KezhiDb,
  fromKey: string,
  intoKey: string,
  now: number,
): Promise<JoinRecord | undefined> {
  return db.transaction('rw', joinTables(db), async () => {
    const roots = await resolveJoins(db, [fromKey, intoKey]);
    const from = roots.get(fromKey) ?? fromKey;
    const into = roots.get(intoKey) ?? intoKey;
    const sk = into.split(':').slice(0, 2).join(':');
    if (from.split(':').slice(0, 2).join(':') !== sk)
      throw new Error('only customers of one shop can be merged');
    return joinInTx(db, { from, into, shopKey: sk, reason: 'seller', now });
  });
}

/**
 * Splits customer `key` back out of the customer it was joined into: its orders get their old
 * buyer again, its contacts and its own tags/notes return, and the other side's tags/notes are
 * as they were before the join. Later joins into `key` travel with it. Undoes a merge; a merge of
 * the same two undoes the split.
 */
export async function splitCustomer(
  db: KezhiDb,
  key: string,
): Promise<{ into: string; orders: number } | undefined> {
  return db.transaction('rw', joinTables(db), async () => {
    const rec = await db.joins.get(key);
    if (!rec) return undefined;
    const orders = (await db.orders.bulkGet(rec.moved.map((m) => m.key))).filter(
      (o): o is Order => o !== undefined,
    );
    const before = new Map(rec.moved.map((m) => [m.key, m]));
    const holders = new Set(orders.map((o) => o.customerKey));
    const restored = orders.map((o) => {
      const m = before.get(o.key)!;
      return {
        ...o,
        buyerId: m.buyerId,
        identity: m.identity,
        customerKey: customerKey(o.platform, o.shopId, m.buyerId),
      };
    });
    await db.orders.bulkPut(restored);
    await db.joins.delete(key);
    for (const k of new Set([...holders, ...restored.map((o) => o.customerKey)])) {
      const c = recomputeCustomer(await db.orders.where('customerKey').equals(k).toArray());
      if (c) await db.customers.put(c);
      else await db.customers.delete(k);
    }
    if (rec.contactIds.length) {
      const back = (await db.contacts.bulkGet(rec.contactIds)).filter((e) => e !== undefined);
      await db.contacts.bulkPut(back.map((e) => ({ ...e, customerKey: key })));
    }
    if (rec.fromMeta) await db.meta.put({ ...rec.fromMeta, customerKey: key });
    if (rec.intoMeta) await db.meta.put(rec.intoMeta);
    else await db.meta.delete(rec.into);
    return { into: rec.into, orders: restored.length };
  });
}

/** The joins into one customer (for the card's "joined from" list and its split buttons). */
export async function joinsInto(db: KezhiDb, key: string): Promise<JoinRecord[]> {
  return db.joins.where('into').equals(key).toArray();
}
