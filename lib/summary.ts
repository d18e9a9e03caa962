/**
 * What the background answers for one order row: the buyer as of this order, their tags and
 * blacklist, the 催付 plan for an unpaid order, and the recent contact log. Pure: the background
 * reads the records, this puts them together.
 */
import { describeFigures, type CustomerView, type ShopStats, type ViewFigures } from './customers';
import { planReminders, type ReminderPlan } from './reminders';
import { isUncertain, type Verdict } from './identity';
import type { ContactEntry, Customer, CustomerMeta, Order } from './schemas';
import type { Settings } from './settings';

const DAY_MS = 86400_000;
/** Contact-log entries sent with each row (the card in the popup shows the whole log). */
export const ROW_CONTACTS = 10;

export interface RowSummary {
  orderId: string;
  orderKey: string;
  customerKey: string;
  nick: string;
  identity: Customer['identity'];
  /**
   * History cannot be trusted to say 新客 or 老客 (no key, or a token or display name not yet
   * proven): the badges say 身份不确定 and 催付 takes the new-customer ladder.
   */
  uncertain: boolean;
  /**
   * The buyer just before this order, without the cards' sentences (the overlay rebuilds them
   * with explainView when a chip is hovered: a row carries only what its badges show).
   */
  view: ViewFigures;
  /** The shop's purchasing customers the view was ranked among (for those sentences). */
  shopCustomers: number;
  /** The buyer today, for the hover card's "now" line. */
  current: Pick<CustomerView, 'tier' | 'purchaseCount' | 'totalSpent' | 'stage'>;
  /** What the badges show; never the private note (the page shares the tab with us). */
  meta: Pick<CustomerMeta, 'tags' | 'blacklisted' | 'blacklistReason'>;
  order: Pick<Order, 'platform' | 'status' | 'amount' | 'createdAt' | 'items' | 'autoCloseAt'>;
  /** The 催付 plan, for unpaid orders and for unreadable statuses (whose plan says why not). */
  plan: ReminderPlan | null;
  /** This buyer's latest contacts, newest first. */
  contacts: ContactEntry[];
  /** Team sync: another 客服 opened the assistant on this unpaid order in the last ten minutes. */
  handledBy?: { staff: string; at: number };
  /**
   * Digest of the rest, set by the background as it replies (lib/row-answer): the page names it
   * when it asks about the row again, and an unchanged answer is not sent twice.
   */
  digest?: string;
}

export interface SummaryInput {
  order: Order;
  customer: Customer | undefined;
  meta: CustomerMeta | undefined;
  /** This buyer's contact log (any order). */
  contacts: readonly ContactEntry[];
  stats: ShopStats;
  settings: Settings;
  now: number;
  /** Auto-close time shown on the row, when the page shows one. */
  autoCloseAt?: number;
  /** Whether this shop's opaque buyer tokens recognise returning buyers (lib/identity). */
  tokenVerdict?: Verdict;
}

/** Puts one row's answer together. */
export function summarizeRow(input: SummaryInput): RowSummary {
  const { order, customer, settings, stats, now } = input;
  const view = describeFigures(customer, {
    asOf: { orderId: order.orderId, at: order.createdAt },
    stats,
    settings,
    now,
  });
  const current = describeFigures(customer, { stats, settings, now });
  const identity = customer?.identity ?? order.identity;
  const uncertain = isUncertain(identity, customer?.purchaseCount ?? 0, input.tokenVerdict);
  const blacklisted = input.meta?.blacklisted ?? false;
  const autoCloseAt = input.autoCloseAt ?? order.autoCloseAt;
  const plan =
    order.status === 'unpaid' || order.status === 'unknown'
      ? planReminders({
          order: {
            key: order.key,
            platform: order.platform,
            status: order.status,
            createdAt: order.createdAt,
            amount: order.amount,
            autoCloseAt,
            rawStatus: order.rawStatus,
          },
          // An uncertain buyer may be anyone: treat them as the first-time buyer they may be.
          kind: uncertain ? 'new' : view.kind,
          blacklisted,
          siblingPaid: siblingPaid(customer, order),
          contacts: input.contacts,
          settings,
          now,
        })
      : null;
  return {
    orderId: order.orderId,
    orderKey: order.key,
    customerKey: order.customerKey,
    nick: order.buyerNick,
    identity,
    uncertain,
    view,
    shopCustomers: stats.customers,
    current: {
      tier: current.tier,
      purchaseCount: current.purchaseCount,
      totalSpent: current.totalSpent,
      stage: current.stage,
    },
    meta: {
      tags: input.meta?.tags ?? [],
      blacklisted,
      blacklistReason: input.meta?.blacklistReason ?? '',
    },
    order: {
      platform: order.platform,
      status: order.status,
      amount: order.amount,
      createdAt: order.createdAt,
      items: order.items,
      autoCloseAt,
    },
    plan,
    contacts: [...input.contacts].sort((a, b) => b.at - a.at).slice(0, ROW_CONTACTS),
  };
}

/** The buyer paid another order created within a day of this one (so this one may be a duplicate). */
export function siblingPaid(customer: Customer | undefined, order: Order): boolean {
  if (!customer) return false;
  return customer.purchaseAt.some(
    (t, i) =>
      customer.purchaseOrderIds[i] !== order.orderId && Math.abs(t - order.createdAt) < DAY_MS,
  );
}
