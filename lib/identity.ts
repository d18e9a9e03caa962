/**
 * Buyer identity beyond the key: how strong each kind of key is, which buyers are uncertain, and
 * the per-shop evidence that says whether a kind of key (Taobao 千牛's opaque encodeId above all)
 * names the same buyer across orders and days. Pure and zod-free: ingest keeps the evidence, the
 * popup and the badges read the verdict.
 */
import type { Identity } from './schemas';

/** The kinds of key a page can give, strongest first (see buyerIdFor in lib/keys). */
export type KeyKind = 'platform' | 'email' | 'nick' | 'token' | 'name' | 'none';
export const KEY_KINDS: readonly KeyKind[] = ['platform', 'email', 'nick', 'token', 'name', 'none'];

/** The kind of an identity, reading the two values stored before schema version 4 too. */
export function kindOf(identity: Identity): KeyKind {
  if (identity === 'known') return 'nick';
  if (identity === 'masked') return 'none';
  return identity;
}

/** The kind of a buyer id by its prefix (lib/keys buyerIdFor); ids from before v4 read as nicks. */
export function kindOfBuyerId(buyerId: string): KeyKind {
  const prefix = buyerId.slice(0, buyerId.indexOf(':') + 1);
  switch (prefix) {
    case 'id:':
      return 'platform';
    case 'mail:':
      return 'email';
    case 'tok:':
      return 'token';
    case 'name:':
      return 'name';
    case 'order:':
      return 'none';
    default:
      return 'nick';
  }
}

/** Higher is stronger: the customer key of a join is the strongest of the two. */
export const KIND_STRENGTH: Readonly<Record<KeyKind, number>> = {
  platform: 5,
  email: 4,
  nick: 3,
  token: 2,
  name: 1,
  none: 0,
};

/** The stronger of two identities (ties keep `a`). */
export function strongerIdentity(a: Identity, b: Identity): Identity {
  return KIND_STRENGTH[kindOf(b)] > KIND_STRENGTH[kindOf(a)] ? b : a;
}

/** Whether returning buyers are recognised by one kind of key in one shop. */
export type Verdict = 'yes' | 'unknown' | 'no';

/**
 * Is this buyer's history trustworthy enough to say 新客 or 老客? No key at all never is. A token
 * or a display name is, once the same key came back on a second purchase (the recurrence is the
 * proof), or for tokens once the shop's evidence says they are stable.
 */
export function isUncertain(
  identity: Identity,
  purchaseCount: number,
  tokenVerdict: Verdict = 'unknown',
): boolean {
  const kind = kindOf(identity);
  if (kind === 'none') return true;
  if (kind === 'token')
    return tokenVerdict === 'no' || (tokenVerdict !== 'yes' && purchaseCount < 2);
  if (kind === 'name') return purchaseCount < 2;
  return false;
}

/** What one shop has seen of one kind of key. Counters only grow; ingest keeps them. */
export interface KindEvidence {
  /** Distinct orders seen under this kind. */
  orders: number;
  /** Distinct keys (customers created under this kind). */
  keys: number;
  /** New orders whose key already had another order: the key recurred. */
  repeatOrders: number;
  /** Of those, orders created on another day than every earlier order of the key. */
  crossDayRepeats: number;
  /** An order seen again under the same key on a later day than it was first stored. */
  sameOnRevisit: number;
  /** An order seen again under a different key of this kind: the platform changed the token. */
  changedOnRevisit: number;
  /** A key seen with two different unmasked nicks, or two receivers on the same day. */
  conflicts: number;
  /** Example of the last conflict or change, for the popup (no personal data: order ids only). */
  lastProblem?: string;
  /** Distinct days (UTC day numbers) on which orders of this kind were seen, newest last. */
  seenDays: number[];
  /** Distinct creation days of the orders seen (bounded). */
  orderDays: number[];
}

/** The evidence a shop keeps, per kind of key. */
export type IdentityEvidence = Partial<Record<KeyKind, KindEvidence>>;

/** Day lists keep at most this many days: enough to judge, bounded in the shop record. */
export const MAX_DAYS = 400;
/** Orders and distinct creation days of one kind before "never recurs" may be judged. */
export const MIN_ORDERS_TO_JUDGE = 20;
export const MIN_DAYS_TO_JUDGE = 7;
/** Recurrences the shop's other buyers lead us to expect before silence counts as instability. */
export const EXPECTED_REPEATS_TO_JUDGE = 3;

export const dayOf = (ms: number): number => Math.floor(ms / 86400_000);

export function emptyEvidence(): KindEvidence {
  return {
    orders: 0,
    keys: 0,
    repeatOrders: 0,
    crossDayRepeats: 0,
    sameOnRevisit: 0,
    changedOnRevisit: 0,
    conflicts: 0,
    seenDays: [],
    orderDays: [],
  };
}

/** `days` with `day` added: sorted, unique, the newest MAX_DAYS kept. */
export function addDay(days: readonly number[], day: number): number[] {
  if (days.includes(day)) return [...days];
  return [...days, day].sort((a, b) => a - b).slice(-MAX_DAYS);
}

/** One sighting of an order, as ingest reports it to the evidence. */
export interface Sighting {
  kind: KeyKind;
  /** The buyer key (buyerId) this sighting carries. */
  buyerId: string;
  createdAt: number;
  /** The order as stored before this sighting (undefined: first sighting). */
  prev?: { buyerId: string; kind: KeyKind; seenAt: number };
  /**
   * For a first sighting under this kind: the creation times of the key's other orders (empty:
   * a new key).
   */
  earlierOrderTimes: readonly number[];
  /** A conflict ingest found for this key (two unmasked nicks, two receivers on a day). */
  conflict?: string;
}

/** The evidence after one sighting at `now`. Pure; ingest folds a batch through it. */
export function recordSighting(ev: KindEvidence, s: Sighting, now: number): KindEvidence {
  const next: KindEvidence = { ...ev, seenDays: addDay(ev.seenDays, dayOf(now)) };
  if (s.prev && s.prev.kind === s.kind) {
    if (s.prev.buyerId !== s.buyerId) {
      next.changedOnRevisit++;
      next.lastProblem = 'changed';
    } else if (dayOf(s.prev.seenAt) !== dayOf(now)) next.sameOnRevisit++;
  } else {
    // First sighting of this order under this kind of key (it may have been seen masked before).
    next.orders++;
    next.orderDays = addDay(ev.orderDays, dayOf(s.createdAt));
    if (s.earlierOrderTimes.length === 0) next.keys++;
    else {
      next.repeatOrders++;
      const day = dayOf(s.createdAt);
      if (s.earlierOrderTimes.every((t) => dayOf(t) !== day)) next.crossDayRepeats++;
    }
  }
  if (s.conflict) {
    next.conflicts++;
    next.lastProblem = s.conflict;
  }
  return next;
}

/** Why a verdict was reached, in terms the popup turns into a sentence. */
export interface Judgement {
  verdict: Verdict;
  reason: 'noKeys' | 'recurs' | 'changed' | 'conflict' | 'neverRecurs' | 'tooLittle';
  /** Days of evidence (distinct days orders of this kind were seen). */
  days: number;
  orders: number;
  /** Share of this shop's buyers under stable keys who came back (0..1), when known. */
  repeatShare?: number;
}

/**
 * The share of returning buyers this shop shows under keys nobody doubts (platform id, e-mail,
 * account nick): how many recurrences a stable token ought to have shown by now.
 */
export function stableRepeatShare(all: IdentityEvidence): number | undefined {
  let orders = 0;
  let repeats = 0;
  for (const kind of ['platform', 'email', 'nick'] as const) {
    const ev = all[kind];
    if (!ev) continue;
    orders += ev.orders;
    repeats += ev.repeatOrders;
  }
  return orders >= MIN_ORDERS_TO_JUDGE ? repeats / orders : undefined;
}

/**
 * Does this kind of key recognise returning buyers in this shop? A key the platform changed for
 * the same order, or one shared by two buyers, is unstable at once. A key that came back on a new
 * order works. A key that never comes back, over enough orders and days in a shop whose other
 * buyers do come back, is judged unstable; anything less is "not yet known".
 */
export function judgeKind(all: IdentityEvidence, kind: KeyKind): Judgement {
  const ev = all[kind];
  if (!ev || ev.orders === 0) return { verdict: 'unknown', reason: 'noKeys', days: 0, orders: 0 };
  const base = { days: ev.seenDays.length, orders: ev.orders };
  if (ev.changedOnRevisit > 0) return { verdict: 'no', reason: 'changed', ...base };
  if (ev.conflicts > 0) return { verdict: 'no', reason: 'conflict', ...base };
  // A token back on an order of another day: a token that only lives for a session or a day
  // could repeat within one day and still say nothing about returning buyers.
  if (ev.crossDayRepeats > 0) return { verdict: 'yes', reason: 'recurs', ...base };
  const share = stableRepeatShare(all);
  if (
    share !== undefined &&
    ev.orders >= MIN_ORDERS_TO_JUDGE &&
    ev.orderDays.length >= MIN_DAYS_TO_JUDGE &&
    share * ev.orders >= EXPECTED_REPEATS_TO_JUDGE
  )
    return { verdict: 'no', reason: 'neverRecurs', repeatShare: share, ...base };
  return {
    verdict: 'unknown',
    reason: 'tooLittle',
    ...base,
    ...(share !== undefined ? { repeatShare: share } : {}),
  };
}

/** Whether a shop's pages recognise returning buyers, over every kind of key it has seen. */
export interface Recognition {
  verdict: Verdict;
  reason: Judgement['reason'] | 'accounts' | 'hidden' | 'nameOnly';
  days: number;
  orders: number;
  repeatOrders: number;
  repeatShare?: number;
}

/**
 * The shop status line: opaque tokens decide when the shop's pages give them (they are what the
 * 千牛 page keys buyers by); else account keys recognise buyers; display names only partly; and a
 * page that hides every buyer not at all. Undefined before any order was seen.
 */
export function recognitionOf(all: IdentityEvidence | undefined): Recognition | undefined {
  if (!all) return undefined;
  const token = all.token;
  if (token && token.orders > 0) {
    const j = judgeKind(all, 'token');
    return { ...j, repeatOrders: token.repeatOrders };
  }
  const strong = (['platform', 'email', 'nick'] as const).map((k) => all[k]).filter((e) => !!e);
  const orders = strong.reduce((n, e) => n + e.orders, 0);
  const days = (e?: KindEvidence) => e?.seenDays.length ?? 0;
  if (orders > 0)
    return {
      verdict: 'yes',
      reason: 'accounts',
      days: Math.max(...strong.map(days)),
      orders,
      repeatOrders: strong.reduce((n, e) => n + e.repeatOrders, 0),
    };
  // One kind of key alone: its own days and orders speak for the shop.
  const alone = (
    verdict: Verdict,
    reason: 'nameOnly' | 'hidden',
    e: KindEvidence,
    repeatOrders: number,
  ): Recognition => ({ verdict, reason, days: days(e), orders: e.orders, repeatOrders });
  if (all.name && all.name.orders > 0)
    return alone('unknown', 'nameOnly', all.name, all.name.repeatOrders);
  // A page that hides every buyer cannot show a repeat.
  if (all.none && all.none.orders > 0) return alone('no', 'hidden', all.none, 0);
  return undefined;
}
