/**
 * Customer aggregates: the full recompute (the definition) and the incremental update (the fast
 * path ingest takes). A property test holds the two equal over random batches.
 */
import { deepEqual } from '../deep-equal';
import { netAmount, nextStatus } from '../orders/status-machine';
import {
  CUSTOMER_ORDER_IDS,
  customerKey,
  isPurchase,
  type Customer,
  type Order,
  type OrderInput,
} from '../schemas';
import { searchTermsFor } from '../search';
import { kindOf } from '../identity';

const MAX_NAMES = 10;

/** Orders of one customer -> their aggregate (undefined when there are none). */
export function recomputeCustomer(orders: readonly Order[]): Customer | undefined {
  let c: Customer | undefined;
  // Applying every order to an empty aggregate in a canonical order is the definition; the
  // incremental path must agree with it whatever order the orders arrived in.
  const sorted = [...orders].sort(compareOrders);
  for (const o of sorted) c = applyOrder(c, undefined, o);
  return c && withSearchTerms(c);
}

/**
 * The customer with its search keys filled in. Kept out of applyOrder because the pinyin behind
 * the keys is the costliest part of an ingest: a batch computes them once per customer, at the end.
 */
export function withSearchTerms(c: Customer): Customer {
  return {
    ...c,
    searchTerms: searchTermsFor({
      nick: c.nick,
      receiverNames: c.receiverNames,
      phoneTails: c.phoneTails,
      orderIds: c.orderIds,
    }),
  };
}

/** Oldest first, ties by order id: one canonical order for everything derived from "latest". */
function compareOrders(a: Pick<Order, 'createdAt' | 'orderId'>, b: typeof a): number {
  return a.createdAt - b.createdAt || (a.orderId < b.orderId ? -1 : a.orderId > b.orderId ? 1 : 0);
}

/**
 * The aggregate after `next` replaced `prev` (the same order as stored before, if any).
 * Both must belong to the customer `c` describes; a change of customer is the caller's to handle
 * with recomputeCustomer on both sides. Search keys are not refreshed here: call withSearchTerms
 * when the batch is done.
 */
export function applyOrder(
  c: Customer | undefined,
  prev: Order | undefined,
  next: Order,
): Customer {
  const base: Customer = c ?? emptyCustomer(next);
  // Purchases: drop the previous version of this order, add the new one if it is a purchase.
  const purchases: { at: number; amount: number; id: string }[] = [];
  for (let i = 0; i < base.purchaseAt.length; i++) {
    const id = base.purchaseOrderIds[i]!;
    if (id !== next.orderId)
      purchases.push({ at: base.purchaseAt[i]!, amount: base.purchaseAmount[i]!, id });
  }
  if (isPurchase(next.status))
    purchases.push({ at: next.createdAt, amount: netAmount(next), id: next.orderId });
  purchases.sort((a, b) =>
    compareOrders({ createdAt: a.at, orderId: a.id }, { createdAt: b.at, orderId: b.id }),
  );

  const qty = (o: Order | undefined) =>
    o && isPurchase(o.status) ? o.items.reduce((s, it) => s + it.quantity, 0) : 0;

  // Recent order ids, newest first.
  const recent: { at: number; id: string }[] = base.orderIds
    .map((id, i) => ({ id, at: base.orderTimes[i]! }))
    .filter((r) => r.id !== next.orderId);
  recent.push({ id: next.orderId, at: next.createdAt });
  recent.sort(
    (a, b) =>
      -compareOrders({ createdAt: a.at, orderId: a.id }, { createdAt: b.at, orderId: b.id }),
  );
  const kept = recent.slice(0, CUSTOMER_ORDER_IDS);

  const isLatest =
    !c ||
    compareOrders(next, { createdAt: base.lastOrderAt, orderId: base.orderIds[0] ?? '' }) >= 0;
  const nick = isLatest ? next.buyerNick : base.nick;
  const identity = isLatest ? next.identity : base.identity;
  const receiverNames = mergeNames(base.receiverNames, next.receiverName);
  const phoneTails = mergeNames(base.phoneTails, next.phoneTail);
  const orderIds = kept.map((r) => r.id);

  return {
    ...base,
    nick,
    identity,
    orderCount: base.orderCount + (c && prev ? 0 : 1),
    firstOrderAt: Math.min(base.firstOrderAt, next.createdAt),
    lastOrderAt: Math.max(base.lastOrderAt, next.createdAt),
    purchaseAt: purchases.map((p) => p.at),
    purchaseAmount: purchases.map((p) => p.amount),
    purchaseOrderIds: purchases.map((p) => p.id),
    purchaseCount: purchases.length,
    totalSpent: purchases.reduce((s, p) => s + p.amount, 0),
    itemsBought: base.itemsBought - qty(prev) + qty(next),
    lastPurchaseAt: purchases.at(-1)?.at,
    receiverNames,
    phoneTails,
    orderIds,
    orderTimes: kept.map((r) => r.at),
    // Filled by withSearchTerms once the batch is applied.
    searchTerms: base.searchTerms,
  };
}

function emptyCustomer(o: Order): Customer {
  return {
    key: o.customerKey,
    platform: o.platform,
    shopId: o.shopId,
    buyerId: o.buyerId,
    nick: o.buyerNick,
    identity: o.identity,
    orderCount: 0,
    firstOrderAt: o.createdAt,
    lastOrderAt: o.createdAt,
    purchaseAt: [],
    purchaseAmount: [],
    purchaseOrderIds: [],
    purchaseCount: 0,
    totalSpent: 0,
    itemsBought: 0,
    lastPurchaseAt: undefined,
    receiverNames: [],
    phoneTails: [],
    orderIds: [],
    orderTimes: [],
    searchTerms: [],
  };
}

/** Sorted, unique, bounded: the same whatever order the names arrived in. */
function mergeNames(list: readonly string[], add: string | undefined): string[] {
  const set = new Set(list);
  const v = add?.trim();
  if (v) set.add(v);
  return [...set].sort().slice(0, MAX_NAMES);
}

/**
 * A stored order merged with a fresh sighting. The status follows the table in
 * lib/orders/status-machine (a stale cached page cannot un-complete an order, a withdrawn refund
 * returns the order to where it was); other fields take the sighting's values when the machine
 * accepted its status; a known buyer is never downgraded to a masked one.
 * Returns the stored order itself when nothing changed, so callers can skip the write.
 */
export function mergeOrder(existing: Order | undefined, incoming: Order): Order {
  if (!existing) return incoming;
  const outcome = nextStatus(existing, incoming);
  const fresher = outcome.accepted;
  // A known buyer is never downgraded to a masked one, and a platform buyer id (`id:`) is never
  // traded for a nick-derived one: the same order seen on two pages must not flip between buyers.
  // Nor is a known buyer ever replaced by another (ingest refuses such a sighting; see buyerConflict).
  const keepBuyer =
    (kindOf(existing.identity) !== 'none' && kindOf(incoming.identity) === 'none') ||
    (existing.buyerId.startsWith('id:') && !incoming.buyerId.startsWith('id:')) ||
    buyerConflict(existing, incoming);
  const pick = <K extends keyof Order>(k: K): Order[K] =>
    fresher && incoming[k] !== undefined ? incoming[k] : existing[k];
  const merged: Order = {
    ...existing,
    status: outcome.status,
    preRefundStatus: outcome.preRefundStatus,
    statusAt: pick('statusAt'),
    // A refund that ended without refund leaves nothing refunded.
    refundedAmount:
      outcome.status === 'partially_refunded' || outcome.status === 'refunding'
        ? pick('refundedAmount')
        : fresher
          ? incoming.refundedAmount
          : existing.refundedAmount,
    rawStatus: fresher ? incoming.rawStatus : existing.rawStatus,
    // The first sighting's creation time stands: the same order cannot be created twice.
    createdAt: existing.createdAt,
    paidAt: existing.paidAt ?? incoming.paidAt,
    amount: pick('amount'),
    items: fresher && incoming.items.length > 0 ? incoming.items : existing.items,
    receiverName: pick('receiverName'),
    receiverPhone: pick('receiverPhone'),
    phoneTail: pick('phoneTail'),
    region: pick('region'),
    autoCloseAt: pick('autoCloseAt'),
    source: fresher ? incoming.source : existing.source,
    buyerId: keepBuyer ? existing.buyerId : incoming.buyerId,
    buyerNick: keepBuyer ? existing.buyerNick : incoming.buyerNick,
    identity: keepBuyer ? existing.identity : incoming.identity,
    customerKey: keepBuyer ? existing.customerKey : incoming.customerKey,
    seenAt: existing.seenAt,
  };
  return sameOrder(existing, merged)
    ? existing
    : { ...merged, seenAt: Math.max(existing.seenAt, incoming.seenAt) };
}

/** Kinds of key that name an account: a known buyer (lib/identity). */
const KNOWN_KINDS: ReadonlySet<string> = new Set(['platform', 'email', 'nick']);

/**
 * The customers a batch's order changes must recompute from their orders rather than patch: both
 * sides of an order that changed buyer (a masked order later seen with its real buyer), and of one
 * whose receiver name or phone changed, which may still belong to another of their orders. Ingest
 * and the badges' preview of it decide by this one rule.
 */
export function customersToRecompute(
  changed: readonly { prev: Order | undefined; next: Order }[],
): Set<string> {
  const recompute = new Set<string>();
  for (const { prev, next } of changed) {
    const personalChanged =
      !!prev &&
      ((prev.receiverName !== undefined && prev.receiverName !== next.receiverName) ||
        (prev.phoneTail !== undefined && prev.phoneTail !== next.phoneTail));
    if (prev && (prev.customerKey !== next.customerKey || personalChanged)) {
      recompute.add(prev.customerKey);
      recompute.add(next.customerKey);
    }
  }
  return recompute;
}

/**
 * Which sightings of a batch ingest refuses: one that names another buyer than the stored order
 * (or than the batch's first sighting of it), and, when such a sighting came from captured JSON
 * (which page script can forge), every JSON sighting of the batch. The background's ingest and
 * the badges' preview of it (lib/db/row-summaries previewRows) screen by this one rule.
 */
export function screenSightings(
  sightings: readonly Order[],
  storedBy: ReadonlyMap<string, Order | undefined>,
): { conflicting: Set<number>; dropJson: boolean } {
  const first = new Map<string, Order>();
  const conflicting = new Set<number>();
  sightings.forEach((o, i) => {
    const before = storedBy.get(o.key) ?? first.get(o.key);
    if (before && buyerConflict(before, o)) conflicting.add(i);
    else if (!first.has(o.key)) first.set(o.key, o);
  });
  const dropJson = [...conflicting].some((i) => sightings[i]!.source === 'json');
  return { conflicting, dropJson };
}

/**
 * Does `incoming` name another buyer for an order whose buyer we know? An order has one buyer
 * for good: a masked one may become known, a nick-derived id may give way to the platform's id for
 * the same nick, but one known buyer never becomes another. A page (or its JSON, which page
 * script can forge) that says otherwise contradicts the history and is refused.
 */
export function buyerConflict(
  existing: Pick<Order, 'identity' | 'customerKey' | 'buyerId' | 'buyerNick'>,
  incoming: Pick<Order, 'identity' | 'customerKey' | 'buyerId' | 'buyerNick'>,
): boolean {
  // Only account keys (platform id, e-mail, nick) are known buyers; an opaque token, a display
  // name or no key may give way to a known buyer, which lib/db/joins records as a join.
  if (!KNOWN_KINDS.has(kindOf(existing.identity)) || !KNOWN_KINDS.has(kindOf(incoming.identity)))
    return false;
  if (existing.customerKey === incoming.customerKey) return false;
  // The same nick seen once by name and once with the platform's id is the same buyer.
  const upgrade =
    existing.buyerNick === incoming.buyerNick &&
    (existing.buyerId.startsWith('nick:') || incoming.buyerId.startsWith('nick:'));
  return !upgrade;
}

function sameOrder(a: Order, b: Order): boolean {
  return deepEqual(a, b);
}

/**
 * Page and file text as one printable line: runs of control characters and line breaks become
 * one space, so a nick or title cannot break a CSV row, a log line or the overlay's layout.
 */
export function oneLine(s: string): string {
  // eslint-disable-next-line no-control-regex -- control characters are what this removes
  return s.replace(/[\u0000-\u001F\u007F-\u009F\u2028\u2029]+/g, ' ');
}

/** An adapter's or importer's order, given its database keys. */
export function toStoredOrder(raw: OrderInput, seenAt: number): Order {
  const input: OrderInput = {
    ...raw,
    buyerNick: oneLine(raw.buyerNick),
    items: raw.items.map((it) => ({
      ...it,
      title: oneLine(it.title),
      ...(it.sku !== undefined ? { sku: oneLine(it.sku) } : {}),
    })),
    ...(raw.receiverName !== undefined ? { receiverName: oneLine(raw.receiverName) } : {}),
  };
  const digits = input.receiverPhone?.replace(/\D/g, '') ?? '';
  return {
    ...input,
    key: `${input.platform}:${input.shopId}:${input.orderId}`,
    customerKey: customerKey(input.platform, input.shopId, input.buyerId),
    // Only a real trailing 4 digits is a tail: "138****0000" has one, "138****" does not.
    phoneTail: /\d{4}$/.test(input.receiverPhone ?? '') ? digits.slice(-4) : undefined,
    seenAt,
  };
}
