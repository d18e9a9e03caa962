import fc from 'fast-check';
import {
  chinaDateParts,
  chinaMinuteOfDay,
  endOfQuiet,
  isQuietAt,
  isQuietMinute,
  quietHours,
  startOfChinaDay,
} from '../../lib/reminders';
import { DAY, MIN, cn } from '../support/reminders';

const numRuns = Number(process.env.KEZHI_FUZZ_RUNS ?? 200);
const NIGHT = quietHours(22 * 60, 8 * 60);

describe('China time', () => {
  it('minutes after midnight and start of day are China time, not UTC or the machine zone', () => {
    const t = cn(2026, 5, 17, 7, 30); // 2026-05-16 23:30 UTC
    expect(chinaMinuteOfDay(t)).toBe(7 * 60 + 30);
    expect(startOfChinaDay(t)).toBe(cn(2026, 5, 17));
    expect(chinaDateParts(t)).toEqual({ year: 2026, month: 5, day: 17, hour: 7, minute: 30 });
    expect(startOfChinaDay(cn(2026, 5, 17))).toBe(cn(2026, 5, 17));
    expect(startOfChinaDay(cn(2026, 5, 17) - 1)).toBe(cn(2026, 5, 16));
  });

  it('start of day and minute of day put every instant back together', () => {
    fc.assert(
      fc.property(fc.integer({ min: 946684800000, max: 4102444800000 }), (t) => {
        const start = startOfChinaDay(t);
        expect(start).toBeLessThanOrEqual(t);
        expect(t - start).toBeLessThan(DAY);
        expect(Math.floor((t - start) / MIN)).toBe(chinaMinuteOfDay(t));
        expect(chinaMinuteOfDay(start)).toBe(0);
      }),
      { numRuns },
    );
  });
});

describe('quiet hours', () => {
  it('22:00-08:00 wraps midnight, start inclusive, end exclusive', () => {
    expect(isQuietMinute(22 * 60, NIGHT)).toBe(true);
    expect(isQuietMinute(23 * 60 + 59, NIGHT)).toBe(true);
    expect(isQuietMinute(0, NIGHT)).toBe(true);
    expect(isQuietMinute(7 * 60 + 59, NIGHT)).toBe(true);
    expect(isQuietMinute(8 * 60, NIGHT)).toBe(false);
    expect(isQuietMinute(21 * 60 + 59, NIGHT)).toBe(false);
  });

  it('a window that does not wrap', () => {
    const lunch = quietHours(12 * 60, 14 * 60);
    expect(isQuietMinute(11 * 60 + 59, lunch)).toBe(false);
    expect(isQuietMinute(12 * 60, lunch)).toBe(true);
    expect(isQuietMinute(14 * 60, lunch)).toBe(false);
  });

  it('equal ends, or a whole-day window, mean no quiet hours', () => {
    for (const q of [quietHours(600, 600), quietHours(0, 24 * 60)])
      for (let m = 0; m < 24 * 60; m += 37) expect(isQuietMinute(m, q)).toBe(false);
  });

  it('22:00 to midnight (end written as 1440)', () => {
    const q = quietHours(22 * 60, 24 * 60);
    expect(isQuietMinute(23 * 60, q)).toBe(true);
    expect(isQuietMinute(0, q)).toBe(false);
    expect(endOfQuiet(cn(2026, 5, 17, 23, 0), q)).toBe(cn(2026, 5, 18));
  });

  it('moves 23:30 to 08:00 next day and 01:00 to 08:00 the same day', () => {
    expect(endOfQuiet(cn(2026, 5, 17, 23, 30), NIGHT)).toBe(cn(2026, 5, 18, 8, 0));
    expect(endOfQuiet(cn(2026, 5, 18, 1, 0), NIGHT)).toBe(cn(2026, 5, 18, 8, 0));
    expect(endOfQuiet(cn(2026, 5, 18, 9, 0), NIGHT)).toBe(cn(2026, 5, 18, 9, 0));
  });

  it('endOfQuiet is the first moment outside any window', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 946684800000, max: 4102444800000 }),
        fc.integer({ min: 0, max: 24 * 60 }),
        fc.integer({ min: 0, max: 24 * 60 }),
        (t, s, e) => {
          const q = quietHours(s, e);
          const out = endOfQuiet(t, q);
          expect(out).toBeGreaterThanOrEqual(t);
          expect(out - t).toBeLessThan(DAY);
          expect(isQuietAt(out, q)).toBe(false);
          if (out > t) {
            // Nothing earlier would do: the instant just before is still quiet, and so is t.
            expect(isQuietAt(out - 1, q)).toBe(true);
            expect(isQuietAt(t, q)).toBe(true);
          }
        },
      ),
      { numRuns },
    );
  });
});
