/**
 * "Due today": the care, recall and repurchase messages the guides plan (domain.md, "Other
 * moments"), worked out for one customer from their purchases and orders. Pure: `now`, the
 * settings and the done marks come in as arguments; nothing is read or written here.
 *
 * Every day count is in China calendar days (UTC+8): "day 7" is the seventh 自然日 after the
 * anchor's day, whatever the staff machine's zone. A moment is due from its day for a short grace
 * window (so a weekend off does not lose it) and never past the next step of its series, so one
 * series shows at most one step at a time.
 *
 * The moments, precisely:
 * - After receipt (签收后) `care.dayN`, N in {@link CARE_DAYS}: days since the anchor. The platforms
 *   give no receipt time, so the anchor is the newest order seen `completed` (its created time);
 *   a customer with no completed order (imports often stop at paid/shipped) is anchored on their
 *   last purchase instead. The message names that order's items.
 * - Pre-churn recall `recall.prechurn` at {@link PRECHURN_RECALL_DAYS} days *into the pre-churn
 *   stage*, i.e. at R = sleepingDays + 45 / 60 / 90 (225 / 240 / 270 with the defaults), and
 *   churned recall `recall.churned` at {@link CHURNED_RECALL_DAYS} days into the churned stage,
 *   R = prechurnDays + 90 / 120 / 360 (455 / 485 / 725). Read literally as days of R, the guide's
 *   figures would recall "pre-churn" buyers who are still active (R ≤ 90) and call a buyer
 *   churned at 90 days while the lifecycle says 365; counting from stage entry keeps both series
 *   inside their own stage for every valid setting. A step whose R would leave its stage is
 *   dropped. "Without a return" means no order at all since the last purchase: a buyer who came
 *   back and left an unpaid or closed order is 催付's business, not recall's.
 * - New-customer care `care.newcustomer` every {@link NEW_CUSTOMER_EVERY_DAYS} days after the only
 *   purchase, while the customer is new: exactly one purchase (F, with the same-day merge setting)
 *   and the step still within `recentDays` (活跃新客; after that they are a sleeping new customer
 *   and recall takes over).
 * - Repurchase due `repurchase.due`: for each item the customer bought, the China day of their last
 *   purchase of it plus the item's median cycle (lib/customers repurchaseCycles, rounded to whole
 *   days). Cycles under {@link MIN_REPURCHASE_CYCLE_DAYS} (a daily habit, not a moment) or over
 *   {@link MAX_REPURCHASE_CYCLE_DAYS} are not reminded. Grace is {@link REPURCHASE_GRACE_DAYS}.
 *
 * The list shows one message per customer (contacting a buyer twice in a day is what the guides
 * warn against): repurchase first (the buyer needs something), then after-receipt care, recall,
 * new-customer care. Done marks (`careDone` ids, see {@link careDoneId}) hide a moment for its
 * anchor only: the same moment after a later purchase is new again.
 */
import {
  chinaDay,
  frequencyOf,
  itemKeyOf,
  repurchaseCycles,
  type ItemKey,
  type RepurchaseCycle,
} from '../customers';
import type { Moment } from '../reminders';
import { isPurchase, type OrderStatus } from '../schemas';
import type { Settings } from '../settings';

const DAY_MS = 86_400_000;
const CN_OFFSET_MS = 8 * 3_600_000;

/** After-receipt care days (签收后第 N 天). */
export const CARE_DAYS = [2, 7, 15, 30, 45, 100, 365] as const;
/** Days into the pre-churn stage (after R passed sleepingDays) for a recall. */
export const PRECHURN_RECALL_DAYS = [45, 60, 90] as const;
/** Days into the churned stage (after R passed prechurnDays) for a recall. */
export const CHURNED_RECALL_DAYS = [90, 120, 360] as const;
/** New-customer care interval. */
export const NEW_CUSTOMER_EVERY_DAYS = 15;
/** Days a care or recall moment stays due after its day (capped by the next step). */
export const DUE_GRACE_DAYS = 3;
/** Days a repurchase stays due after its day: a restock a few days late still lands. */
export const REPURCHASE_GRACE_DAYS = 7;
export const MIN_REPURCHASE_CYCLE_DAYS = 7;
export const MAX_REPURCHASE_CYCLE_DAYS = 365;
/** How many items the popup's list shows. */
export const DUE_LIST_LIMIT = 20;

const CARE_MOMENT: Readonly<Record<(typeof CARE_DAYS)[number], Moment>> = {
  2: 'care.day2',
  7: 'care.day7',
  15: 'care.day15',
  30: 'care.day30',
  45: 'care.day45',
  100: 'care.day100',
  365: 'care.day365',
};

export type CareKind = 'repurchase' | 'afterReceipt' | 'recall' | 'newCustomer';
/** Lower comes first when one customer has several moments due. */
export const CARE_PRIORITY: Readonly<Record<CareKind, number>> = {
  repurchase: 0,
  afterReceipt: 1,
  recall: 2,
  newCustomer: 3,
};

/** The parts of a Customer aggregate the rules read (a stored Customer fits). */
export interface CareCustomer {
  key: string;
  lastOrderAt: number;
  /** Purchase times, ascending, parallel to purchaseOrderIds. */
  purchaseAt: readonly number[];
  purchaseOrderIds: readonly string[];
  /** fen: ranks the list, most valuable first. */
  totalSpent: number;
}

/** The parts of an Order the rules read (a stored Order fits). */
export interface CareOrder {
  customerKey: string;
  orderId: string;
  createdAt: number;
  status: OrderStatus;
  items: readonly { title: string; quantity: number; itemId?: string }[];
}

/** The settings the rules depend on. */
export type CareSettings = Pick<Settings, 'lifecycle' | 'recentDays' | 'mergeSameDayPurchases'>;

/** One message due for one customer. */
export interface CareItem {
  /** `${customerKey}|${momentKey}|${anchorAt}`: the careDone id. */
  id: string;
  customerKey: string;
  kind: CareKind;
  /** The template moment (lib/reminders MOMENTS). */
  moment: Moment;
  purpose: 'care' | 'recall' | 'repurchase';
  /** The series step in days (care day, days into the stage, new-customer day, cycle). */
  step: number;
  /** The instant the days are counted from (order time, last purchase, last item purchase). */
  anchorAt: number;
  /** China days since the anchor today. */
  elapsedDays: number;
  /** Days past the step's own day (0 = today is the day). */
  daysLate: number;
  /** The order the message is about, when there is one. */
  orderId?: string;
  /** Items for the message's {商品}. */
  items: { title: string; quantity: number }[];
  /** Repurchase only: the item and its cycle. */
  itemKey?: ItemKey;
  cycleDays?: number;
}

/** The careDone id of a moment for one anchor. */
export function careDoneId(customerKey: string, momentKey: string, anchorAt: number): string {
  return `${customerKey}|${momentKey}|${anchorAt}`;
}

/** China calendar days from `from` to `to` (negative when `from` is later). */
export const chinaDaysBetween = (from: number, to: number): number => chinaDay(to) - chinaDay(from);

/**
 * The step of an ascending series due after `elapsed` days: the largest step s with
 * s ≤ elapsed < s + min(grace, next step − s). Undefined when none is.
 */
export function dueStep(
  steps: readonly number[],
  elapsed: number,
  grace: number,
): number | undefined {
  for (let i = steps.length - 1; i >= 0; i--) {
    const s = steps[i]!;
    if (s > elapsed) continue;
    const next = steps[i + 1];
    const window = next === undefined ? grace : Math.min(grace, next - s);
    return elapsed < s + window ? s : undefined;
  }
  return undefined;
}

/** FNV-1a, 8 hex digits: a short, stable token for an item key inside a bounded id. */
function shortHash(s: string): string {
  let h = 0x811c9dc5;
  for (let i = 0; i < s.length; i++) {
    h ^= s.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return (h >>> 0).toString(16).padStart(8, '0');
}

const plainItems = (items: CareOrder['items']) =>
  items.map((i) => ({ title: i.title, quantity: i.quantity }));

function afterReceipt(c: CareCustomer, own: readonly CareOrder[], now: number): CareItem[] {
  let anchor: { at: number; orderId?: string } | undefined;
  for (const o of own)
    if (o.status === 'completed' && (!anchor || o.createdAt > anchor.at))
      anchor = { at: o.createdAt, orderId: o.orderId };
  if (!anchor) {
    const last = c.purchaseAt.length - 1;
    if (last < 0) return [];
    anchor = { at: c.purchaseAt[last]!, orderId: c.purchaseOrderIds[last] };
  }
  const elapsed = chinaDaysBetween(anchor.at, now);
  const step = dueStep(CARE_DAYS, elapsed, DUE_GRACE_DAYS) as
    (typeof CARE_DAYS)[number] | undefined;
  if (step === undefined) return [];
  const moment = CARE_MOMENT[step];
  const order = own.find((o) => o.orderId === anchor.orderId);
  return [
    {
      id: careDoneId(c.key, moment, anchor.at),
      customerKey: c.key,
      kind: 'afterReceipt',
      moment,
      purpose: 'care',
      step,
      anchorAt: anchor.at,
      elapsedDays: elapsed,
      daysLate: elapsed - step,
      ...(anchor.orderId === undefined ? {} : { orderId: anchor.orderId }),
      items: order ? plainItems(order.items) : [],
    },
  ];
}

function recall(c: CareCustomer, now: number, settings: CareSettings): CareItem[] {
  const lastAt = c.purchaseAt[c.purchaseAt.length - 1];
  // No purchase, or an order (of any status) since the last purchase: nothing to recall.
  if (lastAt === undefined || c.lastOrderAt > lastAt) return [];
  const r = chinaDaysBetween(lastAt, now);
  const { sleepingDays, prechurnDays } = settings.lifecycle;
  const series: { moment: Moment; entry: number; offsets: readonly number[]; end: number }[] = [
    {
      moment: 'recall.prechurn',
      entry: sleepingDays,
      offsets: PRECHURN_RECALL_DAYS,
      end: prechurnDays,
    },
    { moment: 'recall.churned', entry: prechurnDays, offsets: CHURNED_RECALL_DAYS, end: Infinity },
  ];
  for (const s of series) {
    const offsets = s.offsets.filter((o) => s.entry + o <= s.end);
    const step = dueStep(offsets, r - s.entry, DUE_GRACE_DAYS);
    if (step === undefined) continue;
    const last = c.purchaseOrderIds[c.purchaseOrderIds.length - 1];
    return [
      {
        id: careDoneId(c.key, `${s.moment}:${step}`, lastAt),
        customerKey: c.key,
        kind: 'recall',
        moment: s.moment,
        purpose: 'recall',
        step,
        anchorAt: lastAt,
        elapsedDays: r,
        daysLate: r - s.entry - step,
        ...(last === undefined ? {} : { orderId: last }),
        items: [],
      },
    ];
  }
  return [];
}

/** New-customer steps 15, 30, … up to `recentDays`. */
export function newCustomerSteps(recentDays: number): number[] {
  const steps: number[] = [];
  for (let d = NEW_CUSTOMER_EVERY_DAYS; d <= recentDays; d += NEW_CUSTOMER_EVERY_DAYS)
    steps.push(d);
  return steps;
}

function newCustomer(
  c: CareCustomer,
  own: readonly CareOrder[],
  now: number,
  settings: CareSettings,
): CareItem[] {
  const first = c.purchaseAt[0];
  if (first === undefined || frequencyOf(c.purchaseAt, settings.mergeSameDayPurchases) !== 1)
    return [];
  const elapsed = chinaDaysBetween(first, now);
  const step = dueStep(newCustomerSteps(settings.recentDays), elapsed, DUE_GRACE_DAYS);
  if (step === undefined) return [];
  const orderId = c.purchaseOrderIds[0];
  const order = own.find((o) => o.orderId === orderId);
  return [
    {
      id: careDoneId(c.key, `care.newcustomer:${step}`, first),
      customerKey: c.key,
      kind: 'newCustomer',
      moment: 'care.newcustomer',
      purpose: 'care',
      step,
      anchorAt: first,
      elapsedDays: elapsed,
      daysLate: elapsed - step,
      ...(orderId === undefined ? {} : { orderId }),
      items: order ? plainItems(order.items) : [],
    },
  ];
}

function repurchase(
  c: CareCustomer,
  own: readonly CareOrder[],
  now: number,
  cycles: ReadonlyMap<ItemKey, RepurchaseCycle>,
): CareItem[] {
  const last = new Map<ItemKey, { at: number; orderId: string; title: string }>();
  for (const o of own) {
    if (!isPurchase(o.status)) continue;
    for (const item of o.items) {
      const k = itemKeyOf(item);
      if (k === undefined) continue;
      const seen = last.get(k);
      if (!seen || o.createdAt > seen.at)
        last.set(k, { at: o.createdAt, orderId: o.orderId, title: item.title });
    }
  }
  const out: CareItem[] = [];
  for (const [k, bought] of last) {
    const cycle = cycles.get(k);
    if (!cycle) continue;
    const step = Math.round(cycle.medianDays);
    if (step < MIN_REPURCHASE_CYCLE_DAYS || step > MAX_REPURCHASE_CYCLE_DAYS) continue;
    const elapsed = chinaDaysBetween(bought.at, now);
    if (dueStep([step], elapsed, REPURCHASE_GRACE_DAYS) === undefined) continue;
    out.push({
      id: careDoneId(c.key, `repurchase.due:${shortHash(k)}`, bought.at),
      customerKey: c.key,
      kind: 'repurchase',
      moment: 'repurchase.due',
      purpose: 'repurchase',
      step,
      anchorAt: bought.at,
      elapsedDays: elapsed,
      daysLate: elapsed - step,
      orderId: bought.orderId,
      items: [{ title: cycle.title || bought.title, quantity: 1 }],
      itemKey: k,
      cycleDays: step,
    });
  }
  return out;
}

/** Every moment due today for one customer, done or not, best first. */
export function dueMoments(
  customer: CareCustomer,
  orders: readonly CareOrder[],
  ctx: { now: number; settings: CareSettings; cycles: ReadonlyMap<ItemKey, RepurchaseCycle> },
): CareItem[] {
  const own = orders.filter((o) => o.customerKey === customer.key);
  return [
    ...repurchase(customer, own, ctx.now, ctx.cycles),
    ...afterReceipt(customer, own, ctx.now),
    ...recall(customer, ctx.now, ctx.settings),
    ...newCustomer(customer, own, ctx.now, ctx.settings),
  ].sort(byPriority);
}

function byPriority(a: CareItem, b: CareItem): number {
  return (
    CARE_PRIORITY[a.kind] - CARE_PRIORITY[b.kind] ||
    a.daysLate - b.daysLate ||
    (a.id < b.id ? -1 : a.id > b.id ? 1 : 0)
  );
}

/** A due item with its customer, as the list shows it. */
export interface DueEntry<C extends CareCustomer = CareCustomer> {
  customer: C;
  item: CareItem;
}

/**
 * Every not-done moment of every candidate, ready for {@link pickDueToday}. Repurchase cycles
 * are measured over the `orders` given (the candidates' recent orders: recent repurchasers are
 * the ones whose rhythm matters).
 */
export function collectDue<C extends CareCustomer>(input: {
  customers: readonly C[];
  orders: readonly CareOrder[];
  now: number;
  settings: CareSettings;
}): DueEntry<C>[] {
  const cycles = repurchaseCycles(input.orders);
  const byCustomer = new Map<string, CareOrder[]>();
  for (const o of input.orders) {
    const list = byCustomer.get(o.customerKey);
    if (list) list.push(o);
    else byCustomer.set(o.customerKey, [o]);
  }
  const out: DueEntry<C>[] = [];
  for (const customer of input.customers) {
    const items = dueMoments(customer, byCustomer.get(customer.key) ?? [], {
      now: input.now,
      settings: input.settings,
      cycles,
    });
    for (const item of items) out.push({ customer, item });
  }
  return out;
}

/**
 * Today's list: done marks removed, one moment per customer (the best by priority), most valuable
 * customers first (total spent, then the moment's priority, then key for a stable order), at
 * most `limit`.
 */
export function pickDueToday<C extends CareCustomer>(
  entries: readonly DueEntry<C>[],
  done: ReadonlySet<string>,
  limit = DUE_LIST_LIMIT,
): DueEntry<C>[] {
  const best = new Map<string, DueEntry<C>>();
  for (const e of entries) {
    if (done.has(e.item.id)) continue;
    const seen = best.get(e.customer.key);
    if (!seen || byPriority(e.item, seen.item) < 0) best.set(e.customer.key, e);
  }
  return [...best.values()]
    .sort(
      (a, b) =>
        b.customer.totalSpent - a.customer.totalSpent ||
        byPriority(a.item, b.item) ||
        (a.customer.key < b.customer.key ? -1 : a.customer.key > b.customer.key ? 1 : 0),
    )
    .slice(0, Math.max(0, limit));
}

/** {@link collectDue} then {@link pickDueToday}, for callers that know the done marks upfront. */
export function dueToday<C extends CareCustomer>(input: {
  customers: readonly C[];
  orders: readonly CareOrder[];
  now: number;
  settings: CareSettings;
  done: ReadonlySet<string>;
  limit?: number;
}): DueEntry<C>[] {
  return pickDueToday(collectDue(input), input.done, input.limit);
}

/** An inclusive range of `lastOrderAt` to read candidates from. */
export interface TimeRange {
  from: number;
  to: number;
}

/** Instants whose China day lies `a`..`b` days before now's China day (inclusive). */
function daysAgo(now: number, a: number, b: number): TimeRange {
  const today = Math.floor((now + CN_OFFSET_MS) / DAY_MS);
  const dayStart = (day: number) => day * DAY_MS - CN_OFFSET_MS;
  return { from: dayStart(today - b), to: dayStart(today - a + 1) - 1 };
}

/**
 * The `lastOrderAt` ranges that hold every customer who can have a moment due now, so the popup
 * reads them with indexed range queries instead of the whole table. Every moment's anchor is a
 * purchase, and lastOrderAt is at or after the last purchase, so one recent window covers care,
 * new-customer, repurchase and pre-churn recall; churned recall needs no order since the last
 * purchase, so lastOrderAt equals it and a narrow window per step suffices. Sorted, merged.
 */
export function careCandidateRanges(settings: CareSettings, now: number): TimeRange[] {
  const { sleepingDays, prechurnDays } = settings.lifecycle;
  const recent = Math.max(
    Math.max(...CARE_DAYS) + DUE_GRACE_DAYS,
    MAX_REPURCHASE_CYCLE_DAYS + REPURCHASE_GRACE_DAYS,
    settings.recentDays + DUE_GRACE_DAYS,
    ...PRECHURN_RECALL_DAYS.map((d) => sleepingDays + d + DUE_GRACE_DAYS),
  );
  const ranges: TimeRange[] = [{ from: daysAgo(now, 0, recent).from, to: Number.MAX_SAFE_INTEGER }];
  for (const d of CHURNED_RECALL_DAYS) {
    const r = prechurnDays + d;
    ranges.push(daysAgo(now, r, r + DUE_GRACE_DAYS));
  }
  ranges.sort((a, b) => a.from - b.from);
  const merged: TimeRange[] = [];
  for (const r of ranges) {
    const prev = merged[merged.length - 1];
    if (prev && r.from <= prev.to + 1) prev.to = Math.max(prev.to, r.to);
    else merged.push({ ...r });
  }
  return merged;
}
