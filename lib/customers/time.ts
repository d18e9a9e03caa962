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
 * Days from `from` to `to` counted in China calendar days (a purchase yesterday at 23:59 is one
 * day ago at 00:01), the same count care and recall use, so stage and recall agree at 90/180/365.
 * Never negative: a purchase stamped a little after "now" by a skewed clock is a purchase today.
 */
export function wholeDays(from: number, to: number): number {
  return Math.max(0, chinaDay(to) - chinaDay(from));
}
