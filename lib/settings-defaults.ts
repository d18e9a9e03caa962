/**
 * The settings a fresh install has, written out without zod: the popup's first load reads
 * settings without the schema library (lib/browser/settings-read.ts), and lib/settings.ts builds
 * its schema's defaults from these. test/settings/defaults.test.ts holds Settings.parse({}) to
 * DEFAULT_SETTINGS.
 */
import type { Channel, Tone } from './schemas';
// Only the type of the whole: the schema's defaults come from here, so the parts' types are
// written out below rather than taken from the schema (which would be circular).
import type { Settings } from './settings';

type Step =
  | { channel: Channel; afterMinutes: number }
  | { channel: Channel; dayOffset: number; atMinute: number };

export const SETTINGS_VERSION = 1;

/**
 * The fingerprint of the settings schema (lib/keys fnv1a of its JSON Schema). A stored value a
 * schema with this fingerprint accepted unchanged is read without parsing it again; a schema
 * change changes the fingerprint (test/settings/defaults.test.ts says the new one), and values
 * checked under the old schema are parsed again.
 */
export const SETTINGS_SCHEMA_FINGERPRINT = '232e2ad0';

/** The guides' fixed tier thresholds (yuan or purchase count). */
export const defaultTierThresholds = () => ({
  svip: { spendYuan: 5000, count: 10 },
  vip: { spendYuan: 2000, count: 5 },
  senior: { spendYuan: 500, count: 2 },
});

/** Member tiers by rank share, as a fresh install has them. */
export const defaultTier = () => ({
  mode: 'rank' as const,
  shares: { svip: 10, vip: 15, senior: 25 },
  thresholds: defaultTierThresholds(),
});

/** Minutes each platform leaves an unpaid order open. */
export const defaultAutoCloseMinutes = () => ({
  taobao: 24 * 60,
  pinduoduo: 24 * 60,
  jd: 24 * 60,
  douyin: 30,
  woocommerce: 60,
  shopify: 7 * 24 * 60,
});

/** The lifecycle cuts (days): active ≤ 90 < sleeping ≤ 180 < pre-churn ≤ 365 < churned. */
export const defaultLifecycle = () => ({ activeDays: 90, sleepingDays: 180, prechurnDays: 365 });

/** The 催付 ladders by buyer kind. */
export const defaultLadders = (): Record<
  'newLadder' | 'returningLadder' | 'largeReturningLadder',
  Step[]
> => ({
  newLadder: [
    { channel: 'chat', afterMinutes: 120 },
    { channel: 'email', dayOffset: 1, atMinute: 9 * 60 },
    { channel: 'sms', dayOffset: 1, atMinute: 15 * 60 },
  ],
  returningLadder: [{ channel: 'sms', dayOffset: 1, atMinute: 15 * 60 }],
  largeReturningLadder: [{ channel: 'phone', dayOffset: 1, atMinute: 15 * 60 }],
});

/** The reminder settings of a fresh install. */
export const defaultReminders = () => ({
  largeOrderYuan: 500,
  quietStartMinute: 22 * 60,
  quietEndMinute: 8 * 60,
  maxPerOrderPer24h: 3,
  minGapMinutes: 60,
  tone: 'polite' as Tone,
  ...defaultLadders(),
  autoCloseMinutes: defaultAutoCloseMinutes(),
});

/** Fresh settings of a new install (a new object each call). */
export const defaultSettings = (): Settings => ({
  version: SETTINGS_VERSION,
  language: 'zh_CN',
  lifecycle: defaultLifecycle(),
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
});

/** The defaults, as a fresh install has them. */
export const DEFAULT_SETTINGS: Settings = defaultSettings();
