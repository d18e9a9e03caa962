/**
 * Small display helpers for the overlay: China-time clock strings relative to today, channel
 * names per platform, and "how long ago". Pure; `now` comes in.
 */
import type { Lang } from '@/lib/i18n';
import { chinaDateParts, startOfChinaDay } from '@/lib/china-time';
import type { ReminderPlan } from '@/lib/reminders/plan';
import { formatOrderTime } from '@/lib/reminders/order-time';
import type { Channel, Platform } from '@/lib/schemas';
import { t } from '@/lib/i18n/overlay';

const DAY_MS = 86_400_000;
const MINUTE_MS = 60_000;

/** "15:00" in China time. */
export function hhmm(at: number): string {
  const p = chinaDateParts(at);
  return `${String(p.hour).padStart(2, '0')}:${String(p.minute).padStart(2, '0')}`;
}

/**
 * "今天 15:00" / "明天 09:00" / "昨天 22:10", China calendar days counted from `now`; further
 * away, the full date ("5月19日 15:00").
 */
export function formatWhen(at: number, now: number, lang: Lang): string {
  const days = Math.round((startOfChinaDay(at) - startOfChinaDay(now)) / DAY_MS);
  if (days === 0) return `${t(lang, 'time.today')} ${hhmm(at)}`;
  if (days === 1) return `${t(lang, 'time.tomorrow')} ${hhmm(at)}`;
  if (days === -1) return `${t(lang, 'time.yesterday')} ${hhmm(at)}`;
  return formatOrderTime(at, lang);
}

/** "15:00" today, else as formatWhen: the short form for the toggle button. */
export function formatWhenShort(at: number, now: number, lang: Lang): string {
  const today = startOfChinaDay(at) === startOfChinaDay(now);
  return today ? hhmm(at) : formatWhen(at, now, lang);
}

/**
 * A channel's name. Chat is 旺旺 on Taobao (its IM's name) and 聊天 elsewhere; `long` gives the
 * phone channel's full name (电话话术: it is a script to read, not a message to send).
 */
export function channelLabel(
  channel: Channel,
  platform: Platform,
  lang: Lang,
  long = false,
): string {
  switch (channel) {
    case 'chat':
      return platform === 'taobao' ? t(lang, 'channel.chat') : t(lang, 'channel.chatIm');
    case 'sms':
      return t(lang, 'channel.sms');
    case 'email':
      return t(lang, 'channel.email');
    case 'phone':
      return long ? t(lang, 'channel.phone') : t(lang, 'channel.phoneShort');
  }
}

/** "25 分钟" / "2 小时": how long ago, rounded down. */
export function formatAgo(ms: number, lang: Lang): string {
  const min = Math.floor(Math.max(0, ms) / MINUTE_MS);
  if (min < 1) return t(lang, 'time.ago.lessMin');
  if (min < 60) return t(lang, 'time.ago.min', { n: min });
  return t(lang, 'time.ago.hour', { n: Math.floor(min / 60) });
}

/** What the 催付 toggle says: the step due now, the next one with its time, or why not. */
export function toggleLabel(
  plan: ReminderPlan,
  platform: Platform,
  now: number,
  lang: Lang,
): { text: string; state: 'due' | 'next' | 'blocked' | 'none' } {
  if (plan.reasonsNot.length > 0)
    return { text: t(lang, 'overlay.remindBlocked'), state: 'blocked' };
  if (plan.dueNow)
    return {
      text: t(lang, 'overlay.remindNow', { channel: channelLabel(plan.dueNow, platform, lang) }),
      state: 'due',
    };
  if (plan.next)
    return {
      text: t(lang, 'overlay.remindAt', {
        time: formatWhenShort(plan.next.at, now, lang),
        channel: channelLabel(plan.next.channel, platform, lang),
      }),
      state: 'next',
    };
  return { text: t(lang, 'overlay.remindNone'), state: 'none' };
}
