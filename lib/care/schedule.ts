/** The care calendar: which day of a series is due, counted in China calendar days. */
import { chinaDay } from '../customers';

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

/** New-customer steps 15, 30, … up to `recentDays`. */
export function newCustomerSteps(recentDays: number): number[] {
  const steps: number[] = [];
  for (let d = NEW_CUSTOMER_EVERY_DAYS; d <= recentDays; d += NEW_CUSTOMER_EVERY_DAYS)
    steps.push(d);
  return steps;
}
