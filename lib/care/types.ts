/** What the care rules read (customers, orders, settings) and what they return. */
import type { ItemKey } from '../customers';
import type { Moment } from '../reminders';
import type { OrderStatus } from '../schemas';
import type { Settings } from '../settings';

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
