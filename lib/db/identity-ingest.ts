/**
 * Buyer identity inside ingest's transaction: which keys a shop has proved unstable (dropped),
 * which keys were joined away (their orders land in the joined customer), the same order seen
 * under two keys (the customers are joined), and the evidence each sighting adds to the shop's
 * record of whether its keys recognise returning buyers (lib/identity).
 */
import {
  emptyEvidence,
  judgeKind,
  kindOf,
  recordSighting,
  dayOf,
  type IdentityEvidence,
  type KeyKind,
} from '../identity';
import { customerKey, shopKey, type Customer, type Order, type Shop } from '../schemas';
import type { KezhiDb } from './index';
import { joinInTx, joinTarget, noteArrivals, resolveJoins } from './joins';

/** What the three steps share within one ingest: per shop its evidence, per order its own key. */
export type EvidenceState = Map<string, IdentityEvidence> & {
  /** The key an order arrived under, before a verdict or a join changed it. */
  original?: Map<string, { buyerId: string; kind: KeyKind }>;
};

const shopOf = (o: Pick<Order, 'platform' | 'shopId'>) => shopKey(o.platform, o.shopId);
const STRONG: ReadonlySet<KeyKind> = new Set(['platform', 'email', 'nick']);

/** The order under another buyer key (its customer key follows). */
function withBuyer(o: Order, buyerId: string, identity: Order['identity']): Order {
  return { ...o, buyerId, identity, customerKey: customerKey(o.platform, o.shopId, buyerId) };
}

/**
 * Loads each shop's evidence, drops the tokens a shop proved unstable (the order stands alone,
 * uncertain, instead of claiming a history it may not have), and sends orders under a joined-away
 * key to the customer it was joined into.
 */
export async function adoptIdentityVerdicts(
  db: KezhiDb,
  incoming: Map<string, Order>,
  state: EvidenceState,
  /** The shops' stored records (ingest read them already). */
  shops: ReadonlyMap<string, Shop | undefined>,
): Promise<void> {
  state.original = new Map();
  for (const k of new Set([...incoming.values()].map(shopOf)))
    state.set(k, shops.get(k)?.identityEvidence ?? {});
  for (const [key, o] of incoming) {
    const kind = kindOf(o.identity);
    state.original.set(key, { buyerId: o.buyerId, kind });
    if (kind === 'token' && judgeKind(state.get(shopOf(o)) ?? {}, 'token').verdict === 'no')
      incoming.set(key, withBuyer(o, `order:${o.orderId}`, 'none'));
  }
  const roots = await resolveJoins(
    db,
    [...incoming.values()].map((o) => o.customerKey),
  );
  const moved = [...incoming.values()].filter((o) => roots.get(o.customerKey) !== o.customerKey);
  if (moved.length === 0) return;
  const rootKeys = [...new Set(moved.map((o) => roots.get(o.customerKey)!))];
  const rootCustomers = new Map(
    (await db.customers.bulkGet(rootKeys)).flatMap((c) => (c ? [[c.key, c] as const] : [])),
  );
  const arrivals: Parameters<typeof noteArrivals>[1][number][] = [];
  for (const o of moved) {
    const root = rootCustomers.get(roots.get(o.customerKey)!);
    if (!root) continue;
    arrivals.push({ alias: o.customerKey, key: o.key, buyerId: o.buyerId, identity: o.identity });
    incoming.set(o.key, withBuyer(o, root.buyerId, root.identity));
  }
  await noteArrivals(db, arrivals);
}

/**
 * The same order stored under one customer and seen now under another key joins the two
 * customers (the strongest key holds them), unless both keys are account keys of one kind that
 * disagree (two nicks for one order: the later sighting is left to mergeOrder's rules). A token
 * already joined to another nick is a token shared by two buyers: counted as a conflict, no join.
 */
export async function joinOrdersSeenTwice(
  db: KezhiDb,
  incoming: Map<string, Order>,
  before: readonly (Order | undefined)[],
  now: number,
  state?: EvidenceState,
): Promise<boolean> {
  let joinedAny = false;
  const keys = [...incoming.keys()];
  for (let i = 0; i < keys.length; i++) {
    const prev = before[i];
    const inc = incoming.get(keys[i]!)!;
    if (!prev || prev.customerKey === inc.customerKey) continue;
    const kp = kindOf(prev.identity);
    const ki = kindOf(inc.identity);
    // Two tokens for one order: the platform changed it (evidence counts it), no join.
    if (kp === 'token' && ki === 'token') continue;
    if (STRONG.has(kp) && STRONG.has(ki) && kp === ki) {
      // The stored buyer came from a token joined to one nick, and now another nick claims the
      // order: one token for two buyers.
      const joined = await db.joins.where('into').equals(prev.customerKey).toArray();
      const viaToken = joined.some((j) =>
        j.moved.some((m) => m.key === prev.key && kindOf(m.identity) === 'token'),
      );
      const orig = state?.original?.get(inc.key);
      if (state && (viaToken || orig?.kind === 'token')) addConflict(state, inc, 'twoNicks', now);
      continue;
    }
    const sk = shopOf(inc);
    // The stored side may have been joined away by an earlier order of this batch.
    const roots = await resolveJoins(db, [prev.customerKey, inc.customerKey]);
    const a = roots.get(prev.customerKey)!;
    const b = roots.get(inc.customerKey)!;
    if (a === b) continue;
    const { from, into } = joinTarget(a, b, { [a]: prev.identity, [b]: inc.identity });
    const intoIdentity = into === a ? prev.identity : inc.identity;
    await joinInTx(db, {
      from,
      into,
      shopKey: sk,
      reason: 'order',
      orderId: inc.orderId,
      intoIdentity,
      now,
    });
    joinedAny = true;
    const intoBuyer = into.slice(sk.length + 1);
    for (const [k, o] of incoming)
      if (o.customerKey === from) incoming.set(k, withBuyer(o, intoBuyer, intoIdentity));
  }
  return joinedAny;
}

function addConflict(state: EvidenceState, o: Order, what: string, now: number): void {
  const sk = shopOf(o);
  const all = state.get(sk) ?? {};
  const ev = all.token ?? emptyEvidence();
  state.set(sk, {
    ...all,
    token: recordSighting(
      ev,
      {
        kind: 'token',
        buyerId: o.buyerId,
        createdAt: o.createdAt,
        earlierOrderTimes: [],
        conflict: what,
        prev: { buyerId: o.buyerId, kind: 'none', seenAt: now },
      },
      now,
    ),
  });
}

/** Whether each order of `incoming` is new to its kind of key (never stored, or stored under another). */
function firstOfKindOf(
  incoming: Map<string, Order>,
  stored: readonly (Order | undefined)[],
  state: EvidenceState,
): boolean[] {
  return [...incoming.keys()].map((k, i) => {
    const p = stored[i];
    return (p ? kindOf(p.identity) : undefined) !== origOf(state, k, incoming.get(k)!).kind;
  });
}

const origOf = (state: EvidenceState, k: string, o: Order) =>
  state.original?.get(k) ?? { buyerId: o.buyerId, kind: kindOf(o.identity) };

/** The customers whose stored records {@link recordEvidence} reads: those of orders new to their kind. */
export function evidenceCustomerKeys(
  incoming: Map<string, Order>,
  stored: readonly (Order | undefined)[],
  state: EvidenceState,
): string[] {
  const first = firstOfKindOf(incoming, stored, state);
  return [...new Set([...incoming.values()].filter((_, i) => first[i]).map((o) => o.customerKey))];
}

/**
 * Adds this batch's sightings to each shop's evidence in `state` (ingest stores it with the shop).
 * `customers` holds the stored records of {@link evidenceCustomerKeys}. A new order is a recurrence
 * when its customer already had orders; an order seen again is compared with the key it had; a
 * token customer with another receiver on the same day is a conflict.
 */
export function recordEvidence(
  incoming: Map<string, Order>,
  stored: readonly (Order | undefined)[],
  state: EvidenceState,
  now: number,
  customers: ReadonlyMap<string, Customer | undefined>,
): void {
  const keys = [...incoming.keys()];
  // New to this kind of key: never stored, or stored under another kind (masked DOM first).
  const firstOfKind = firstOfKindOf(incoming, stored, state);
  const batchTimes = new Map<string, number[]>();
  const batchReceivers = new Map<string, { day: number; name: string }[]>();
  keys.forEach((k, i) => {
    const o = incoming.get(k)!;
    const orig = origOf(state, k, o);
    const sk = shopOf(o);
    const all = state.get(sk) ?? {};
    const ev = all[orig.kind] ?? emptyEvidence();
    const prev = stored[i];
    const first = firstOfKind[i]!;
    const c = customers.get(o.customerKey);
    // The customer's other orders (a join may already have brought this one in).
    const others = (c?.orderTimes ?? []).filter((_, j) => c?.orderIds[j] !== o.orderId);
    const earlier = [...others, ...(batchTimes.get(o.customerKey) ?? [])];
    let conflict: string | undefined;
    if (first && orig.kind === 'token' && o.receiverName) {
      const day = dayOf(o.createdAt);
      const sameDay = [
        ...(c && others.some((t) => dayOf(t) === day)
          ? c.receiverNames.map((name) => ({ day, name }))
          : []),
        ...(batchReceivers.get(o.customerKey) ?? []).filter((r) => r.day === day),
      ];
      if (sameDay.length > 0 && !sameDay.some((r) => r.name === o.receiverName))
        conflict = 'twoReceivers';
      const list = batchReceivers.get(o.customerKey) ?? [];
      list.push({ day, name: o.receiverName });
      batchReceivers.set(o.customerKey, list);
    }
    if (first) {
      const list = batchTimes.get(o.customerKey) ?? [];
      list.push(o.createdAt);
      batchTimes.set(o.customerKey, list);
    }
    const next = recordSighting(
      ev,
      {
        kind: orig.kind,
        buyerId: orig.buyerId,
        createdAt: o.createdAt,
        ...(prev
          ? { prev: { buyerId: prev.buyerId, kind: kindOf(prev.identity), seenAt: prev.seenAt } }
          : {}),
        earlierOrderTimes: first ? earlier : [],
        ...(conflict ? { conflict } : {}),
      },
      now,
    );
    state.set(sk, { ...all, [orig.kind]: next });
  });
}
