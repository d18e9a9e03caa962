/**
 * Clock arithmetic in China time (UTC+8, no DST). Sellers, buyers and platforms all live on
 * Beijing time, so "next morning at 09:00" and "no reminders after 22:00" mean China time whatever
 * zone the staff member's machine is set to. Everything here is plain integer arithmetic on epoch
 * milliseconds: no Date getters that read the machine's zone.
 */

export const MINUTE_MS = 60_000;
export const HOUR_MS = 60 * MINUTE_MS;
export const DAY_MS = 24 * HOUR_MS;
export const MINUTES_PER_DAY = 24 * 60;
/** China Standard Time is UTC+8 all year round. */
export const CHINA_OFFSET_MS = 8 * HOUR_MS;

/** Modulo that stays non-negative for negative dividends (times before 1970 in tests). */
const mod = (a: number, n: number): number => ((a % n) + n) % n;

/** The China calendar day (UTC+8) of an instant, as a day number: equal numbers, same 自然日. */
export function chinaDay(t: number): number {
  return Math.floor((t + CHINA_OFFSET_MS) / DAY_MS);
}

/** Minutes after midnight, China time, of the instant `t` (0 ..= 1439). */
export function chinaMinuteOfDay(t: number): number {
  return Math.floor(mod(t + CHINA_OFFSET_MS, DAY_MS) / MINUTE_MS);
}

/** The instant of 00:00 China time on the China calendar day that contains `t`. */
export function startOfChinaDay(t: number): number {
  return t - mod(t + CHINA_OFFSET_MS, DAY_MS);
}

/** Calendar fields of `t` as a clock in China shows them (month 1-12). */
export function chinaDateParts(t: number): {
  year: number;
  month: number;
  day: number;
  hour: number;
  minute: number;
} {
  // Shifting by the offset and reading UTC fields gives China's wall clock on any machine.
  const d = new Date(t + CHINA_OFFSET_MS);
  return {
    year: d.getUTCFullYear(),
    month: d.getUTCMonth() + 1,
    day: d.getUTCDate(),
    hour: d.getUTCHours(),
    minute: d.getUTCMinutes(),
  };
}

/** `YYYY-MM-DD` of an instant in China time, whatever the machine's zone. */
export function chinaDate(t: number): string {
  return new Date(t + CHINA_OFFSET_MS).toISOString().slice(0, 10);
}

/** `YYYY-MM` of an instant in China time, whatever the machine's zone. */
export function chinaMonth(t: number): string {
  const { year, month } = chinaDateParts(t);
  return `${year}-${String(month).padStart(2, '0')}`;
}

/**
 * The instant a clock in China shows these fields (month 1-12), or undefined when the date does
 * not exist (02-31): the inverse of chinaDateParts.
 */
export function fromChinaClock(
  year: number,
  month: number,
  day: number,
  hour = 0,
  minute = 0,
  second = 0,
): number | undefined {
  const t = Date.UTC(year, month - 1, day, hour, minute, second) - CHINA_OFFSET_MS;
  const back = chinaDateParts(t);
  return back.month === month && back.day === day ? t : undefined;
}

/**
 * A daily quiet window in China time, [startMinute, endMinute), which wraps midnight when
 * start > end (22:00-08:00). start === end means no quiet hours at all.
 */
export interface QuietHours {
  startMinute: number;
  endMinute: number;
}

/**
 * Normalises the settings' minutes (which allow 1440 = midnight at the end of the day) to 0..1439.
 * A window covering the whole day (00:00-24:00) becomes empty: a window with no way out would leave
 * no time to remind at all, so it is read as "quiet hours off" rather than "never remind".
 */
export function quietHours(startMinute: number, endMinute: number): QuietHours {
  return {
    startMinute: mod(startMinute, MINUTES_PER_DAY),
    endMinute: mod(endMinute, MINUTES_PER_DAY),
  };
}

/** Is this minute of the China day inside the quiet window? */
export function isQuietMinute(minute: number, q: QuietHours): boolean {
  const { startMinute: s, endMinute: e } = q;
  if (s === e) return false;
  return s < e ? minute >= s && minute < e : minute >= s || minute < e;
}

/** Is the instant `t` inside quiet hours (China time)? */
export function isQuietAt(t: number, q: QuietHours): boolean {
  return isQuietMinute(chinaMinuteOfDay(t), q);
}

/**
 * The first instant at or after `t` that is outside quiet hours: `t` itself when it is not quiet,
 * otherwise the end of the quiet period that contains it (the next endMinute o'clock).
 */
export function endOfQuiet(t: number, q: QuietHours): number {
  if (!isQuietAt(t, q)) return t;
  const sameDay = startOfChinaDay(t) + q.endMinute * MINUTE_MS;
  // Inside a wrapping window after its start (23:30 in 22:00-08:00) the end is tomorrow morning.
  return sameDay > t ? sameDay : sameDay + DAY_MS;
}

/**
 * The stretches of [from, to) outside quiet hours, in time order, as [start, end) pairs. Walks
 * quiet period by quiet period, so a week-long window costs a handful of steps, not 10,080 minutes.
 */
export function openIntervals(from: number, to: number, q: QuietHours): [number, number][] {
  const out: [number, number][] = [];
  let t = from;
  while (t < to) {
    if (isQuietAt(t, q)) {
      t = endOfQuiet(t, q);
      continue;
    }
    let nextQuiet = Infinity;
    if (q.startMinute !== q.endMinute) {
      nextQuiet = startOfChinaDay(t) + q.startMinute * MINUTE_MS;
      if (nextQuiet <= t) nextQuiet += DAY_MS;
    }
    const end = Math.min(to, nextQuiet);
    out.push([t, end]);
    t = end;
  }
  return out;
}
