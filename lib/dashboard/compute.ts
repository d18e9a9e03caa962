/**
 * Every dashboard metric in one pass over the customers: each customer is scored once
 * (describeCustomer) and handed to every tally. The pass is a generator that yields every
 * `slice` customers, so a page can spread 100,000 customers over several frames and stay
 * responsive; computeDashboard runs it straight through.
 */
import { computeShopStats, type CycleOrder, type Tier } from '../customers';
import { isUncertain, type Verdict } from '../identity';
import type { ContactEntry, Customer, Platform } from '../schemas';
import type { Settings } from '../settings';
import { DEFAULT_FIRST_ORDER_BANDS, FirstOrderTally, type BandBucket } from './first-order';
import { LadderTally, type LadderResult } from './ladder-tally';
import { NewReturningTally, type MonthShare } from './new-returning';
import { reminderResponse, type ReminderResponse } from './reminders';
import { topRepurchaseCycles, TOP_ITEMS, type ItemCycle } from './repurchase-tally';
import { scoreCustomer } from './scored';
import {
  GroupTally,
  RfmTally,
  StageTally,
  TierTally,
  type RfmCell,
  type TierBucket,
} from './segment-tallies';
import type { Bucket, DateRange } from './types';
import { inRange, isWholeHistory } from './types';
import type { Group, Stage } from '../customers';

/** One shop's history as the dashboard reads it. */
export interface ShopHistory {
  /** `platform:shopId` */
  shopKey: string;
  /** Every customer of the shop (tiers and RFM scores rank within the whole shop). */
  customers: readonly Customer[];
  /** The shop's orders created in the range (others are ignored). */
  orders: readonly CycleOrder[];
  /** Whether the shop's buyer tokens recognise returning buyers (lib/identity); unknown if unset. */
  tokenVerdict?: Verdict;
}

/**
 * Customers whose identity is uncertain (no key, or a token or display name not yet proven):
 * their own bucket, left out of new/returning, stages, groups, tiers, RFM, the ladder and first
 * orders, and out of the ranking the others' tiers and scores come from.
 */
export interface UncertainBucket {
  customers: number;
  purchases: number;
  /** fen */
  spent: number;
}

export interface DashboardInput {
  shops: readonly ShopHistory[];
  /** Contact-log entries; only 催付 ones in the range and of these shops' customers count. */
  contacts: readonly ContactEntry[];
  settings: Settings;
  now: number;
  range: DateRange;
  /** First-order band lower bounds, yuan. */
  bandsYuan?: readonly number[];
  /** Items in the repurchase-cycle chart. */
  topItems?: number;
}

/** What the customer list shows for one customer. */
export interface CustomerRow {
  key: string;
  nick: string;
  platform: Platform;
  shopKey: string;
  tier: Tier;
  purchases: number;
  /** Total spent, fen. */
  spent: number;
  lastOrderAt: number;
}

export interface Dashboard {
  /** Customers on screen: those with an order in the range (all, for the whole history). */
  customers: number;
  /** Of those, customers with at least one purchase. */
  purchasing: number;
  newReturning: MonthShare[];
  stages: Bucket<Stage>[];
  groups: Bucket<Group>[];
  rfm: RfmCell[];
  tiers: TierBucket[];
  ladder: LadderResult;
  firstOrder: BandBucket[];
  repurchase: ItemCycle[];
  reminders: ReminderResponse;
  uncertain: UncertainBucket;
  /** Every customer on screen by key, for the list behind a bucket. */
  rows: Map<string, CustomerRow>;
}

/** Customers between two yields of dashboardSteps. */
export const DEFAULT_SLICE = 5000;

/**
 * The dashboard, computed in one pass over the customers; yields the number of customers done
 * after every `slice` of them (and before each order-level step), and returns the result.
 */
export function* dashboardSteps(
  input: DashboardInput,
  slice: number = DEFAULT_SLICE,
): Generator<number, Dashboard, void> {
  const { settings, now, range } = input;
  const whole = isWholeHistory(range);
  const newReturning = new NewReturningTally(range, settings.mergeSameDayPurchases);
  const stages = new StageTally();
  const groups = new GroupTally();
  const tiers = new TierTally();
  const rfm = new RfmTally();
  const ladder = new LadderTally(settings);
  const firstOrder = new FirstOrderTally(input.bandsYuan ?? DEFAULT_FIRST_ORDER_BANDS, range);
  const rows = new Map<string, CustomerRow>();
  const known = new Set<string>();
  const ordersInRange: CycleOrder[] = [];
  let done = 0;
  let purchasing = 0;
  const uncertain: UncertainBucket = { customers: 0, purchases: 0, spent: 0 };

  for (const shop of input.shops) {
    // Customers on screen: everyone, or those with an order created in the range.
    let selected: Set<string> | undefined;
    if (!whole) selected = new Set();
    for (const o of shop.orders) {
      if (!inRange(o.createdAt, range)) continue;
      ordersInRange.push(o);
      selected?.add(o.customerKey);
    }
    const unsure = (c: Customer) => isUncertain(c.identity, c.purchaseCount, shop.tokenVerdict);
    const stats = computeShopStats(
      shop.customers.filter((c) => !unsure(c)),
      settings,
      now,
    );
    for (const c of shop.customers) {
      known.add(c.key);
      if (selected && !selected.has(c.key)) continue;
      const s = scoreCustomer(c, stats, settings, now);
      if (unsure(c)) {
        uncertain.customers++;
        uncertain.purchases += c.purchaseCount;
        uncertain.spent += c.totalSpent;
      } else {
        newReturning.add(c);
        stages.add(s);
        groups.add(s);
        tiers.add(s);
        rfm.add(s);
        ladder.add(c);
        firstOrder.add(c);
      }
      if (s.view.purchaseCount > 0) purchasing++;
      rows.set(c.key, {
        key: c.key,
        nick: c.nick,
        platform: c.platform,
        shopKey: shop.shopKey,
        tier: s.view.tier,
        purchases: s.view.purchaseCount,
        spent: s.view.totalSpent,
        lastOrderAt: c.lastOrderAt,
      });
      if (++done % slice === 0) yield done;
    }
  }

  // The order-level metrics are one call each: yield before them so the page can paint first.
  yield done;
  const repurchase = topRepurchaseCycles(ordersInRange, input.topItems ?? TOP_ITEMS);
  yield done;
  return {
    customers: rows.size,
    purchasing,
    newReturning: newReturning.result(),
    stages: stages.result(),
    groups: groups.result(),
    rfm: rfm.result(),
    tiers: tiers.result(),
    ladder: ladder.result(),
    firstOrder: firstOrder.result(),
    repurchase,
    reminders: reminderResponse(input.contacts, range, (k) => known.has(k)),
    uncertain,
    rows,
  };
}

/** The whole dashboard at once (tests, small shops). */
export function computeDashboard(input: DashboardInput): Dashboard {
  const steps = dashboardSteps(input, Number.MAX_SAFE_INTEGER);
  for (;;) {
    const next = steps.next();
    if (next.done) return next.value;
  }
}
