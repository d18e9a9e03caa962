/**
 * The four moment rules for one customer (domain.md, "Other moments"). Day counts are China
 * calendar days, each step due for a short grace window and never past the next step, so a series
 * shows one step at a time.
 * - After receipt `care.dayN`: anchored on the newest completed order (platforms give no receipt
 *   time), else on the last purchase (imports often stop at paid/shipped).
 * - Recall counts days into the pre-churn or churned stage, not raw R: read as R, the guide's
 *   figures would recall buyers still active and call churned at 90 days while the lifecycle says
 *   365. A step whose R would leave its stage is dropped; any order since the last purchase (even
 *   unpaid) is 催付's business, not recall's.
 * - New-customer care while F is 1 and the step is within `recentDays`.
 * - Repurchase: last purchase of an item plus its median cycle; cycles outside
 *   MIN..MAX_REPURCHASE_CYCLE_DAYS are a habit or noise, not a moment.
 * Done marks ({@link careDoneId}) hide a moment for its anchor only.
 */
import { frequencyOf, itemKeyOf, type ItemKey, type RepurchaseCycle } from '../customers';
import type { Moment } from '../reminders';
import { isPurchase } from '../order-status';
import {
  CARE_DAYS,
  CHURNED_RECALL_DAYS,
  DUE_GRACE_DAYS,
  MAX_REPURCHASE_CYCLE_DAYS,
  MIN_REPURCHASE_CYCLE_DAYS,
  PRECHURN_RECALL_DAYS,
  REPURCHASE_GRACE_DAYS,
  chinaDaysBetween,
  dueStep,
  newCustomerSteps,
} from './schedule';
import {
  CARE_PRIORITY,
  careDoneId,
  type CareCustomer,
  type CareItem,
  type CareOrder,
  type CareSettings,
} from './types';

const CARE_MOMENT: Readonly<Record<(typeof CARE_DAYS)[number], Moment>> = {
  2: 'care.day2',
  7: 'care.day7',
  15: 'care.day15',
  30: 'care.day30',
  45: 'care.day45',
  100: 'care.day100',
  365: 'care.day365',
};

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

/** Best first: kind's priority, then the least late, then id. */
export function byPriority(a: CareItem, b: CareItem): number {
  return (
    CARE_PRIORITY[a.kind] - CARE_PRIORITY[b.kind] ||
    a.daysLate - b.daysLate ||
    (a.id < b.id ? -1 : a.id > b.id ? 1 : 0)
  );
}
