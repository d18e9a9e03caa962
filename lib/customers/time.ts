/**
 * Day arithmetic for the customer rules. Chinese sellers think in China calendar days (UTC+8, no
 * DST) whatever the machine's time zone is, so "the same day" is always a China day here.
 */
import { chinaDay } from '../china-time';

export { DAY_MS, chinaDay } from '../china-time';

/**
 * Days from `from` to `to` counted in China calendar days (a purchase yesterday at 23:59 is one
 * day ago at 00:01), the same count care and recall use, so stage and recall agree at 90/180/365.
 * Never negative: a purchase stamped a little after "now" by a skewed clock is a purchase today.
 */
export function wholeDays(from: number, to: number): number {
  return Math.max(0, chinaDay(to) - chinaDay(from));
}
