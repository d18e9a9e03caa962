/**
 * New vs returning, lifecycle stage by R, and the four groups the guides plan around
 * (活跃新客 / 沉睡新客 / 活跃老客 / 沉睡老客).
 */
import type { Settings } from '../settings';
import type { Explanation } from './explain';

export type Kind = 'new' | 'returning';
export const KINDS = ['new', 'returning'] as const satisfies readonly Kind[];

export type Stage = 'new' | 'active' | 'sleeping' | 'prechurn' | 'churned';
export const STAGES = [
  'new',
  'active',
  'sleeping',
  'prechurn',
  'churned',
] as const satisfies readonly Stage[];

export type Group = 'activeNew' | 'sleepingNew' | 'activeReturning' | 'sleepingReturning';
export const GROUPS = [
  'activeNew',
  'sleepingNew',
  'activeReturning',
  'sleepingReturning',
] as const satisfies readonly Group[];

export type Lifecycle = Settings['lifecycle'];

/**
 * New or returning by how many purchases the customer has in all: "只买1次" (or none) is new,
 * two or more is returning. For the dashboard and lists.
 */
export function kindOf(purchaseCount: number): Kind {
  return purchaseCount <= 1 ? 'new' : 'returning';
}

/**
 * New or returning as of an order, for its badge: the order is a first purchase (new) iff there
 * was no purchase before it; any earlier purchase makes this order a repeat (returning).
 */
export function kindAsOfOrder(purchasesBefore: number): Kind {
  return purchasesBefore <= 0 ? 'new' : 'returning';
}

/** Lifecycle stage by R in whole days; null (no purchase before the reference point) is 'new'. */
export function stageOf(recencyDays: number | null, lifecycle: Lifecycle): Stage {
  if (recencyDays === null) return 'new';
  if (recencyDays <= lifecycle.activeDays) return 'active';
  if (recencyDays <= lifecycle.sleepingDays) return 'sleeping';
  if (recencyDays <= lifecycle.prechurnDays) return 'prechurn';
  return 'churned';
}

/**
 * One of the four groups. R ≤ recentDays is active; a buyer with no purchase yet is buying right
 * now (this order), so they are an active new customer, not a sleeping one.
 */
export function groupOf(kind: Kind, recencyDays: number | null, recentDays: number): Group {
  const active = recencyDays === null || recencyDays <= recentDays;
  if (kind === 'new') return active ? 'activeNew' : 'sleepingNew';
  return active ? 'activeReturning' : 'sleepingReturning';
}

/** Why the kind is what it is; `asOfOrder` says which notion was used. */
export function whyKind(kind: Kind, count: number, asOfOrder: boolean): Explanation {
  if (asOfOrder) {
    return kind === 'new'
      ? { rule: 'kind.asOfOrder.first', values: { kind } }
      : { rule: 'kind.asOfOrder.repeat', values: { kind, before: count } };
  }
  return {
    rule: kind === 'new' ? 'kind.count.new' : 'kind.count.returning',
    values: { kind, count },
  };
}

/** Why the stage is what it is, with the cuts in force. */
export function whyStage(
  stage: Stage,
  recencyDays: number | null,
  lifecycle: Lifecycle,
): Explanation {
  const cuts = {
    activeDays: lifecycle.activeDays,
    sleepingDays: lifecycle.sleepingDays,
    prechurnDays: lifecycle.prechurnDays,
  };
  if (stage === 'new' || recencyDays === null) return { rule: 'stage.new', values: { stage } };
  return { rule: `stage.${stage}`, values: { stage, days: recencyDays, ...cuts } };
}
