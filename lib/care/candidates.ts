/** Which customers can have a moment due, as `lastOrderAt` ranges the popup reads by index. */
import { CHINA_OFFSET_MS, DAY_MS, chinaDay } from '../china-time';
import {
  CARE_DAYS,
  CHURNED_RECALL_DAYS,
  DUE_GRACE_DAYS,
  MAX_REPURCHASE_CYCLE_DAYS,
  PRECHURN_RECALL_DAYS,
  REPURCHASE_GRACE_DAYS,
} from './schedule';
import type { CareSettings } from './types';

/** An inclusive range of `lastOrderAt` to read candidates from. */
export interface TimeRange {
  from: number;
  to: number;
}

/** Instants whose China day lies `a`..`b` days before now's China day (inclusive). */
function daysAgo(now: number, a: number, b: number): TimeRange {
  const today = chinaDay(now);
  const dayStart = (day: number) => day * DAY_MS - CHINA_OFFSET_MS;
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
