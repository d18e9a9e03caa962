/**
 * Day arithmetic for the customer rules. Chinese sellers think in China calendar days (UTC+8, no
 * DST) whatever the machine's time zone is, so "the same day" is always a China day here.
 */

/** Milliseconds in a day. */
export const DAY_MS = 86_400_000;

const CN_OFFSET_MS = 8 * 3_600_000;

/** The China calendar day (UTC+8) of an instant, as a day number: equal numbers, same 自然日. */
export function chinaDay(ms: number): number {
  return Math.floor((ms + CN_OFFSET_MS) / DAY_MS);
}

/**
 * Whole days elapsed from `from` to `to` (floor), never negative: a purchase stamped a little
 * after "now" by a skewed clock is a purchase today, not one in the future.
 */
export function wholeDays(from: number, to: number): number {
  return Math.max(0, Math.floor((to - from) / DAY_MS));
}
