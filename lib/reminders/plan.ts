/**
 * The 催付 plan for one unpaid order: which reminder steps the seller's ladder suggests, when each
 * falls (China time, never inside quiet hours), which are done, which one is due now, and every
 * reason not to remind at all. Pure: `now`, the contact log and the settings come in as arguments.
 */
import type { Channel, ContactEntry, OrderStatus, Platform } from '../schemas';
import type { LadderStep, ReminderSettings, Settings } from '../settings';
import {
  DAY_MS,
  MINUTE_MS,
  endOfQuiet,
  isQuietAt,
  openIntervals,
  quietHours,
  startOfChinaDay,
  type QuietHours,
} from '../china-time';

/** Which ladder an order follows: new customer, returning, or returning with a large order. */
export type ReminderGroup = 'new' | 'returning' | 'large';

/** Why a contact was made (the contact log's own vocabulary). */
export type ContactPurpose = ContactEntry['purpose'];

/**
 * done: the order has a 'remind' contact on this step's channel; due: its time has come;
 * upcoming: later; missed: not done and the order auto-closes before (or has closed by) then.
 * States describe the ladder's timeline only; whether to remind at all is the plan's reasonsNot
 * (a paid order's steps keep their timeline states, and its dueNow is null).
 */
export type StepState = 'done' | 'due' | 'upcoming' | 'missed';

export interface PlannedStep {
  channel: Channel;
  /** When to remind, already moved out of quiet hours. */
  at: number;
  /** The ladder's own time, before any quiet-hours move (equal to `at` when not moved). */
  plannedAt: number;
  state: StepState;
  /**
   * The ladder's time (after any quiet-hours move) fell at or after the auto-close, so the step
   * was pulled earlier into the window (a compressed ladder: same channels, same order).
   */
  pulled?: true;
}

/** A reason not to remind this order now. While any applies, the plan's dueNow is null. */
export type Reason =
  | { code: 'not-unpaid'; status: OrderStatus }
  /** The page's status could not be read: never remind an order that may well be paid. */
  | { code: 'unknown-status'; rawStatus?: string }
  | { code: 'auto-closed'; autoCloseAt: number }
  | { code: 'sibling-paid' }
  | { code: 'blacklisted' }
  | {
      code: 'cap-reached';
      /** Reminders for this buyer (any of their orders) in the last 24 h. */
      count: number;
      cap: number;
      /** When the oldest of them leaves the 24 h window and one more is allowed again. */
      nextAllowedAt: number;
    };

/** Something staff should confirm with a second click before copying a message. */
export type Warning =
  | { code: 'quiet-hours'; until: number }
  | { code: 'too-soon'; lastAt: number; minGapMs: number }
  | { code: 'would-exceed-cap'; count: number; cap: number };

export interface ReminderPlan {
  group: ReminderGroup;
  /** Sorted by time. */
  steps: PlannedStep[];
  /** The earliest step not done whose time has come; null when none or when a reason blocks. */
  dueNow: Channel | null;
  /** The earliest upcoming step; null when none or when a reason blocks. */
  next: { channel: Channel; at: number } | null;
  /**
   * The platform closes the order then. A plan holds times, never durations from `now` (the time
   * left, how long ago): whoever shows it counts those at their own clock, and a plan asked for
   * again a minute later is the same answer unless a step's state changed (the overlay's minute
   * re-ask sends only answers that changed, lib/row-answer).
   */
  autoCloseAt: number;
  reasonsNot: Reason[];
  warnings: Warning[];
}

export interface PlanInput {
  order: {
    key: string;
    platform: Platform;
    status: OrderStatus;
    createdAt: number;
    /** fen */
    amount: number;
    autoCloseAt?: number;
    /** The page's own status text when status is unknown. */
    rawStatus?: string;
  };
  /** New or returning as of this order (before it), see lib/customers. */
  kind: 'new' | 'returning';
  blacklisted: boolean;
  /** The buyer paid another order created within a day of this one. */
  siblingPaid: boolean;
  /** This buyer's contact log (any order, any purpose). */
  contacts: readonly ContactEntry[];
  settings: Settings;
  now: number;
}

/** The seller's quiet window from their reminder settings. */
export function quietHoursOf(reminders: ReminderSettings): QuietHours {
  return quietHours(reminders.quietStartMinute, reminders.quietEndMinute);
}

/**
 * New customers follow the new ladder; returning customers the returning one, or the large one
 * when the order amount is strictly above largeOrderYuan (amount is fen, the setting is yuan).
 */
export function reminderGroup(
  kind: 'new' | 'returning',
  amountFen: number,
  reminders: ReminderSettings,
): ReminderGroup {
  if (kind === 'new') return 'new';
  return amountFen > reminders.largeOrderYuan * 100 ? 'large' : 'returning';
}

/** The seller's ladder for a group. */
export function ladderFor(
  group: ReminderGroup,
  reminders: ReminderSettings,
): readonly LadderStep[] {
  if (group === 'new') return reminders.newLadder;
  return group === 'large' ? reminders.largeReturningLadder : reminders.returningLadder;
}

/**
 * When a ladder step falls for an order created at `createdAt`. A day-offset step counts China
 * calendar days from the order's day. A step can never come before the order itself (a day-0
 * 09:00 step for a 10:00 order falls at 10:00), and a step inside quiet hours moves to the end of
 * that quiet period.
 */
export function stepTime(
  step: LadderStep,
  createdAt: number,
  quiet: QuietHours,
): { at: number; plannedAt: number } {
  const raw =
    'afterMinutes' in step
      ? createdAt + step.afterMinutes * MINUTE_MS
      : startOfChinaDay(createdAt) + step.dayOffset * DAY_MS + step.atMinute * MINUTE_MS;
  const plannedAt = Math.max(raw, createdAt);
  return { at: endOfQuiet(plannedAt, quiet), plannedAt };
}

/** The order's own auto-close time when the page showed one, else the platform's default delay. */
export function autoCloseAtFor(
  order: { platform: Platform; createdAt: number; autoCloseAt?: number },
  reminders: ReminderSettings,
): number {
  return (
    order.autoCloseAt ?? order.createdAt + reminders.autoCloseMinutes[order.platform] * MINUTE_MS
  );
}

const isReminderFor = (c: ContactEntry, orderKey: string): boolean =>
  c.orderKey === orderKey && c.purpose === 'remind';

/**
 * Times (ascending) of this order's reminders inside the 24 h window ending at `now`. A contact
 * stamped a little after `now` (another staff member's clock running ahead) still counts: it has
 * happened as far as the buyer is concerned.
 */
export function remindersInLast24h(
  orderKey: string,
  contacts: readonly ContactEntry[],
  now: number,
): number[] {
  return contacts
    .filter((c) => isReminderFor(c, orderKey) && c.at > now - DAY_MS)
    .map((c) => c.at)
    .sort((a, b) => a - b);
}

/**
 * Times (ascending) of this buyer's reminders, on any of their orders, inside the 24 h window
 * ending at `now`: the cap is about the person, who gets every one of them.
 */
export function buyerRemindersInLast24h(contacts: readonly ContactEntry[], now: number): number[] {
  return contacts
    .filter((c) => c.purpose === 'remind' && c.at > now - DAY_MS)
    .map((c) => c.at)
    .sort((a, b) => a - b);
}

/**
 * The warnings staff confirm right before copying a message (copying counts as a contact):
 * quiet hours now, this buyer contacted less than minGapMinutes ago, and, for a reminder about an
 * order, one more would reach or break the per-order cap.
 */
export function checkBeforeContact(input: {
  /** The order the message is about, when it is about one. */
  orderKey?: string;
  purpose: ContactPurpose;
  /** This buyer's contact log. */
  contacts: readonly ContactEntry[];
  settings: Settings;
  now: number;
}): Warning[] {
  const { contacts, now } = input;
  const r = input.settings.reminders;
  const warnings: Warning[] = [];
  const quiet = quietHoursOf(r);
  if (isQuietAt(now, quiet)) warnings.push({ code: 'quiet-hours', until: endOfQuiet(now, quiet) });

  const minGapMs = r.minGapMinutes * MINUTE_MS;
  if (minGapMs > 0 && contacts.length > 0) {
    // A loop, not Math.max(...spread): a long-served buyer's log can outgrow the argument limit.
    let lastAt = -Infinity;
    for (const c of contacts) if (c.at > lastAt) lastAt = c.at;
    if (Math.max(0, now - lastAt) < minGapMs) warnings.push({ code: 'too-soon', lastAt, minGapMs });
  }

  if (input.purpose === 'remind') {
    const count = buyerRemindersInLast24h(contacts, now).length;
    if (count + 1 >= r.maxPerOrderPer24h)
      warnings.push({ code: 'would-exceed-cap', count, cap: r.maxPerOrderPer24h });
  }
  return warnings;
}

/** Every reason not to remind this order now, in a stable order. */
function reasonsNotToRemind(input: PlanInput, autoCloseAt: number): Reason[] {
  const { order, now } = input;
  const reasons: Reason[] = [];
  if (order.status === 'unknown')
    reasons.push(
      order.rawStatus !== undefined
        ? { code: 'unknown-status', rawStatus: order.rawStatus }
        : { code: 'unknown-status' },
    );
  else if (order.status !== 'unpaid') reasons.push({ code: 'not-unpaid', status: order.status });
  // Auto-close only concerns an order still waiting for payment; a paid order never closes so.
  else if (now >= autoCloseAt) reasons.push({ code: 'auto-closed', autoCloseAt });
  if (input.siblingPaid) reasons.push({ code: 'sibling-paid' });
  if (input.blacklisted) reasons.push({ code: 'blacklisted' });

  const cap = input.settings.reminders.maxPerOrderPer24h;
  const recent = buyerRemindersInLast24h(input.contacts, now);
  if (recent.length >= cap) {
    // One more is allowed once enough of the oldest ones leave the window to drop below the cap.
    const leaving = recent[recent.length - cap] ?? now;
    reasons.push({
      code: 'cap-reached',
      count: recent.length,
      cap,
      nextAllowedAt: leaving + DAY_MS,
    });
  }
  return reasons;
}

/**
 * The 催付 plan for one order. Steps are done by the contact log: each 'remind' contact logged for
 * this order on a channel marks one step of that channel done, earliest step first (so a ladder
 * with two chat steps needs two chat reminders).
 */
export function planReminders(input: PlanInput): ReminderPlan {
  const { order, now, settings } = input;
  const r = settings.reminders;
  const quiet = quietHoursOf(r);
  const group = reminderGroup(input.kind, order.amount, r);
  const autoCloseAt = autoCloseAtFor(order, r);

  const timed = fitWindow(
    ladderFor(group, r)
      .map((step, i) => ({ channel: step.channel, i, ...stepTime(step, order.createdAt, quiet) }))
      // Ladder order breaks ties so equal times keep the seller's order.
      .sort((a, b) => a.at - b.at || a.i - b.i),
    order.createdAt,
    autoCloseAt,
    quiet,
  );

  const doneLeft = new Map<Channel, number>();
  for (const c of input.contacts)
    if (isReminderFor(c, order.key)) doneLeft.set(c.channel, (doneLeft.get(c.channel) ?? 0) + 1);

  const steps: PlannedStep[] = timed.map(({ channel, at, plannedAt, pulled }) => {
    const left = doneLeft.get(channel) ?? 0;
    let state: StepState;
    if (left > 0) {
      doneLeft.set(channel, left - 1);
      state = 'done';
    } else if (at >= autoCloseAt || now >= autoCloseAt) state = 'missed';
    else state = at <= now ? 'due' : 'upcoming';
    return pulled ? { channel, at, plannedAt, state, pulled } : { channel, at, plannedAt, state };
  });

  const reasonsNot = reasonsNotToRemind(input, autoCloseAt);
  const blocked = reasonsNot.length > 0;
  const due = steps.find((s) => s.state === 'due');
  const upcoming = steps.find((s) => s.state === 'upcoming');
  return {
    group,
    steps,
    dueNow: !blocked && due ? due.channel : null,
    next: !blocked && upcoming ? { channel: upcoming.channel, at: upcoming.at } : null,
    autoCloseAt,
    reasonsNot,
    warnings: checkBeforeContact({
      orderKey: order.key,
      purpose: 'remind',
      contacts: input.contacts,
      settings,
      now,
    }),
  };
}

/** The share of the window kept free after the last pulled step, so the buyer has time to pay. */
const PAY_MARGIN_SHARE = 0.25;
const PAY_MARGIN_MAX_MS = 2 * 60 * MINUTE_MS;

/**
 * A ladder that fits the order's window. Steps that fall before the auto-close keep their time;
 * the ones that would fall at or after it are pulled earlier, in the same order, spread over the
 * time outside quiet hours between the last step that fits (or the order) and the close, keeping
 * a margin before the close (a quarter of the window, at most 2 h) when that leaves any time. The
 * n-th of k pulled steps sits at (n - 1/2)/k of that open time, so the first comes soonest and
 * none lands on the close itself. When the whole window is quiet nothing is pulled: those steps
 * stay missed (there is no minute in which to remind).
 */
function fitWindow<T extends { at: number; plannedAt: number }>(
  timed: readonly T[],
  createdAt: number,
  autoCloseAt: number,
  quiet: QuietHours,
): (T & { pulled?: true })[] {
  const fits = timed.filter((s) => s.at < autoCloseAt);
  const late = timed.slice(fits.length);
  if (late.length === 0) return [...timed];
  const from = Math.max(createdAt, fits.at(-1)?.at ?? createdAt);
  const margin = Math.min(PAY_MARGIN_MAX_MS, (autoCloseAt - createdAt) * PAY_MARGIN_SHARE);
  let open = openIntervals(from, autoCloseAt - margin, quiet);
  if (open.length === 0) open = openIntervals(from, autoCloseAt, quiet);
  if (open.length === 0) return [...timed];
  const total = open.reduce((sum, [a, b]) => sum + (b - a), 0);
  const pulled = late.map((s, n) => {
    let pos = ((n + 0.5) / late.length) * total;
    let at = open[0]![0];
    for (const [a, b] of open) {
      if (pos < b - a) {
        at = a + pos;
        break;
      }
      pos -= b - a;
    }
    // Whole milliseconds, and never before the stretch it landed in.
    return { ...s, at: Math.floor(at), pulled: true as const };
  });
  return [...fits, ...pulled];
}
