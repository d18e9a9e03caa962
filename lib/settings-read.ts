/**
 * Settings for the content script, without zod: the defaults written out, and a reader that
 * checks what storage holds against the same rules as lib/settings.ts and falls back to the
 * default one top-level field at a time, exactly as `parseSettings` does. The content script runs
 * on every matched page; loading and building the zod schemas there cost more than the overlay.
 * test/settings-read.test.ts holds `readSettings` equal to `parseSettings`.
 */
import type { LadderStep, ReminderSettings, Settings } from './settings';

const PLATFORMS = ['taobao', 'pinduoduo', 'jd', 'douyin', 'woocommerce', 'shopify'] as const;
const CHANNELS = ['chat', 'sms', 'email', 'phone'];
const TONES = ['polite', 'brief', 'warm'];

/** The guides' fixed tier thresholds (yuan or purchase count); lib/settings' default too. */
export const defaultTierThresholds = () => ({
  svip: { spendYuan: 5000, count: 10 },
  vip: { spendYuan: 2000, count: 5 },
  senior: { spendYuan: 500, count: 2 },
});

/** Member tiers by rank share, as a fresh install has them; lib/settings' default too. */
export const defaultTier = () => ({
  mode: 'rank' as const,
  shares: { svip: 10, vip: 15, senior: 25 },
  thresholds: defaultTierThresholds(),
});

/** Minutes each platform leaves an unpaid order open; lib/settings' default too. */
export const defaultAutoCloseMinutes = () => ({
  taobao: 24 * 60,
  pinduoduo: 24 * 60,
  jd: 24 * 60,
  douyin: 30,
  woocommerce: 60,
  shopify: 7 * 24 * 60,
});

/** The defaults, as a fresh install has them (equal to lib/settings.ts DEFAULT_SETTINGS). */
export function defaultSettings(): Settings {
  return {
    version: 1,
    language: 'zh_CN',
    lifecycle: { activeDays: 90, sleepingDays: 180, prechurnDays: 365 },
    recentDays: 90,
    mergeSameDayPurchases: false,
    tier: defaultTier(),
    reminders: defaultReminders(),
    staffName: '',
    showPersonalData: false,
    shops: {},
    wooShops: [],
    historyPaused: false,
    templates: {},
  };
}

function defaultReminders(): ReminderSettings {
  return {
    largeOrderYuan: 500,
    quietStartMinute: 22 * 60,
    quietEndMinute: 8 * 60,
    maxPerOrderPer24h: 3,
    minGapMinutes: 60,
    tone: 'polite',
    newLadder: [
      { channel: 'chat', afterMinutes: 120 },
      { channel: 'email', dayOffset: 1, atMinute: 9 * 60 },
      { channel: 'sms', dayOffset: 1, atMinute: 15 * 60 },
    ],
    returningLadder: [{ channel: 'sms', dayOffset: 1, atMinute: 15 * 60 }],
    largeReturningLadder: [{ channel: 'phone', dayOffset: 1, atMinute: 15 * 60 }],
    autoCloseMinutes: defaultAutoCloseMinutes(),
  };
}

/** Thrown inside a field's reader: the field falls back to its default. */
class Invalid extends Error {}
const fail = (): never => {
  throw new Invalid();
};

const isObj = (v: unknown): v is Record<string, unknown> =>
  typeof v === 'object' && v !== null && !Array.isArray(v);
const obj = (v: unknown): Record<string, unknown> => (isObj(v) ? v : fail());
/** A value with a default: undefined takes the default, anything else must pass `read`. */
const or = <T>(v: unknown, def: T, read: (v: unknown) => T): T => (v === undefined ? def : read(v));
const num =
  (min: number, max: number, int = true) =>
  (v: unknown): number =>
    typeof v === 'number' &&
    Number.isFinite(v) &&
    (!int || Number.isSafeInteger(v)) &&
    v >= min &&
    v <= max
      ? v
      : fail();
const bool = (v: unknown): boolean => (typeof v === 'boolean' ? v : fail());
const str =
  (max: number) =>
  (v: unknown): string =>
    typeof v === 'string' && v.length <= max ? v : fail();
const oneOf =
  <T extends string>(values: readonly string[]) =>
  (v: unknown): T =>
    typeof v === 'string' && values.includes(v) ? (v as T) : fail();
const arr = <T>(v: unknown, max: number, read: (x: unknown) => T): T[] =>
  Array.isArray(v) && v.length <= max ? v.map(read) : fail();
const days = num(1, 3650);
const minutes = num(0, 24 * 60);
const yuan = num(0, 1e12);

function ladderStep(v: unknown): LadderStep {
  const o = obj(v);
  const channel = oneOf<LadderStep['channel']>(CHANNELS)(o.channel);
  // The schema's union tries the delay form first.
  try {
    return { channel, afterMinutes: num(0, 7 * 24 * 60)(o.afterMinutes) };
  } catch {
    return { channel, dayOffset: num(0, 7)(o.dayOffset), atMinute: minutes(o.atMinute) };
  }
}

function reminders(v: unknown): ReminderSettings {
  const o = obj(v);
  const d = defaultReminders();
  const ladder = (x: unknown) => arr(x, 10, ladderStep);
  return {
    largeOrderYuan: or(o.largeOrderYuan, d.largeOrderYuan, yuan),
    quietStartMinute: or(o.quietStartMinute, d.quietStartMinute, minutes),
    quietEndMinute: or(o.quietEndMinute, d.quietEndMinute, minutes),
    maxPerOrderPer24h: or(o.maxPerOrderPer24h, d.maxPerOrderPer24h, num(1, 20)),
    minGapMinutes: or(o.minGapMinutes, d.minGapMinutes, minutes),
    tone: or(o.tone, d.tone, oneOf<ReminderSettings['tone']>(TONES)),
    newLadder: or(o.newLadder, d.newLadder, ladder),
    returningLadder: or(o.returningLadder, d.returningLadder, ladder),
    largeReturningLadder: or(o.largeReturningLadder, d.largeReturningLadder, ladder),
    autoCloseMinutes: or(o.autoCloseMinutes, d.autoCloseMinutes, (x) => {
      const r = obj(x);
      // Keyed by the platform enum: every platform, nothing else.
      if (Object.keys(r).some((k) => !(PLATFORMS as readonly string[]).includes(k))) fail();
      const out = {} as ReminderSettings['autoCloseMinutes'];
      for (const p of PLATFORMS) out[p] = num(5, 30 * 24 * 60)(r[p]);
      return out;
    }),
  };
}

const threshold = (v: unknown) => {
  const o = obj(v);
  return { spendYuan: yuan(o.spendYuan), count: num(0, Number.MAX_SAFE_INTEGER)(o.count) };
};

/** One reader per top-level field; each throws Invalid when the field breaks a rule. */
const FIELDS: { [K in keyof Settings]: (v: unknown, d: Settings[K]) => Settings[K] } = {
  version: (v) => (v === 1 ? 1 : fail()),
  language: (v) => oneOf<Settings['language']>(['zh_CN', 'en'])(v),
  lifecycle: (v, d) => {
    const o = obj(v);
    const l = {
      activeDays: or(o.activeDays, d.activeDays, days),
      sleepingDays: or(o.sleepingDays, d.sleepingDays, days),
      prechurnDays: or(o.prechurnDays, d.prechurnDays, days),
    };
    return l.activeDays < l.sleepingDays && l.sleepingDays < l.prechurnDays ? l : fail();
  },
  recentDays: days,
  mergeSameDayPurchases: bool,
  tier: (v, d) => {
    const o = obj(v);
    const share = num(0, 100, false);
    return {
      mode: or(o.mode, d.mode, oneOf<Settings['tier']['mode']>(['rank', 'threshold'])),
      shares: or(o.shares, d.shares, (x) => {
        const s = obj(x);
        const out = {
          svip: or(s.svip, 10, share),
          vip: or(s.vip, 15, share),
          senior: or(s.senior, 25, share),
        };
        return out.svip + out.vip + out.senior <= 100 ? out : fail();
      }),
      thresholds: or(o.thresholds, d.thresholds, (x) => {
        const t = obj(x);
        return { svip: threshold(t.svip), vip: threshold(t.vip), senior: threshold(t.senior) };
      }),
    };
  },
  reminders: (v) => reminders(v),
  staffName: str(50),
  showPersonalData: bool,
  shops: (v) => {
    const out: Settings['shops'] = {};
    for (const [k, s] of Object.entries(obj(v))) {
      const o = obj(s);
      out[k] = {
        name: or(o.name, '', str(100)),
        overlayEnabled: or(o.overlayEnabled, true, bool),
      };
    }
    return out;
  },
  wooShops: (v) =>
    arr(v, 50, (x) => {
      const s = str(200)(x);
      return URL.canParse(s) ? s : fail();
    }),
  historyPaused: bool,
  templates: (v) => {
    const out: Settings['templates'] = {};
    for (const [k, s] of Object.entries(obj(v))) out[str(100)(k)] = str(2000)(s);
    return out;
  },
};

/**
 * Whatever storage holds, as valid settings: a field that breaks a rule falls back to its default
 * alone, the seller's other choices stay. Same result as lib/settings.ts `parseSettings`.
 */
export function readSettings(raw: unknown): Settings {
  const d = defaultSettings();
  const o = isObj(raw) ? raw : {};
  const out = {} as Record<keyof Settings, unknown>;
  for (const key of Object.keys(FIELDS) as (keyof Settings)[]) {
    const read = FIELDS[key] as (v: unknown, d: unknown) => unknown;
    const v = o[key];
    try {
      out[key] = v === undefined ? d[key] : read(v, d[key]);
    } catch (e) {
      if (!(e instanceof Invalid)) throw e;
      out[key] = d[key];
    }
  }
  return out as Settings;
}
