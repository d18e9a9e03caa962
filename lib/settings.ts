/**
 * Seller settings: typed, versioned, validated. Every figure domain.md names is here with the
 * guides' default, because the guides themselves say sellers tune them.
 * Stored in `browser.storage.local` under SETTINGS_KEY by the background; read by every context.
 */
import { z } from './zod';
import { Channel, Platform, Tone } from './schemas';
import { LANGS } from './i18n/lang';

import {
  defaultAutoCloseMinutes,
  defaultLadders,
  defaultLifecycle,
  defaultReminders,
  defaultTier,
  defaultTierThresholds,
  SETTINGS_VERSION,
} from './settings-defaults';

export { SETTINGS_KEY } from './settings-key';
export {
  DEFAULT_SETTINGS,
  defaultAutoCloseMinutes,
  defaultTier,
  defaultTierThresholds,
  SETTINGS_VERSION,
} from './settings-defaults';

const Minutes = z
  .number()
  .int()
  .min(0)
  .max(24 * 60);
const Days = z.number().int().min(1).max(3650);
const Yuan = z.number().int().min(0).max(1e12);

/**
 * One step of a 催付 ladder. Either a delay after the order (`afterMinutes`) or a clock time on a
 * day relative to the order day (`dayOffset` 1 = next day, `atMinute` minutes after midnight).
 */
export const LadderStep = z.union([
  z.object({
    channel: Channel,
    afterMinutes: z
      .number()
      .int()
      .min(0)
      .max(7 * 24 * 60),
  }),
  z.object({ channel: Channel, dayOffset: z.number().int().min(0).max(7), atMinute: Minutes }),
]);
export type LadderStep = z.infer<typeof LadderStep>;

export const TierMode = z.enum(['rank', 'threshold']);
export type TierMode = z.infer<typeof TierMode>;

export const ShopSettings = z.object({
  name: z.string().max(100).default(''),
  overlayEnabled: z.boolean().default(true),
});
export type ShopSettings = z.infer<typeof ShopSettings>;

export const ReminderSettings = z.object({
  /** Orders above this amount (yuan) from returning customers get a phone call. */
  largeOrderYuan: Yuan.default(500),
  quietStartMinute: Minutes.default(22 * 60),
  quietEndMinute: Minutes.default(8 * 60),
  /** At most this many reminders per buyer (all their orders together) in any 24 hours; the key keeps its old name so saved settings still apply. */
  maxPerOrderPer24h: z.number().int().min(1).max(20).default(3),
  /** Warn when the same buyer was contacted less than this many minutes ago. */
  minGapMinutes: z
    .number()
    .int()
    .min(0)
    .max(24 * 60)
    .default(60),
  tone: Tone.default('polite'),
  newLadder: z
    .array(LadderStep)
    .max(10)
    .default(() => defaultLadders().newLadder),
  returningLadder: z
    .array(LadderStep)
    .max(10)
    .default(() => defaultLadders().returningLadder),
  largeReturningLadder: z
    .array(LadderStep)
    .max(10)
    .default(() => defaultLadders().largeReturningLadder),
  /** Minutes after creation at which each platform auto-closes an unpaid order. */
  autoCloseMinutes: z
    .record(
      Platform,
      z
        .number()
        .int()
        .min(5)
        .max(30 * 24 * 60),
    )
    .default(defaultAutoCloseMinutes),
});
export type ReminderSettings = z.infer<typeof ReminderSettings>;

/**
 * What each platform's default auto-close rests on (platforms.md, "Auto-close windows").
 * estimate: no public statement found, the default is a guess the seller should check;
 * conditional: documented, but only under a shop setting; none: the platform never closes unpaid
 * orders, and the minutes are only how long the 催付 plan runs. A window the page shows always wins.
 */
export const AUTO_CLOSE_BASIS: Readonly<
  Record<Platform, { basis: 'estimate' | 'conditional' | 'none'; source?: string }>
> = {
  taobao: { basis: 'estimate' },
  pinduoduo: { basis: 'estimate' },
  jd: { basis: 'estimate' },
  // order_expire_time on the order detail (unit undocumented); 30 minutes is a guess.
  douyin: { basis: 'estimate' },
  // Settings > Products > Inventory > Hold stock (minutes), option woocommerce_hold_stock_minutes,
  // default 60: cancels unpaid orders only when stock management is on.
  woocommerce: {
    basis: 'conditional',
    source: 'https://woocommerce.com/document/configuring-woocommerce-settings/#inventory',
  },
  // Shopify leaves unpaid orders open; 7 days is the card-authorization period, not a window.
  shopify: {
    basis: 'none',
    source:
      'https://help.shopify.com/en/manual/fulfillment/managing-orders/payments/authorization-periods',
  },
};

export const Settings = z.object({
  version: z.literal(SETTINGS_VERSION).default(SETTINGS_VERSION),
  language: z.enum(LANGS).default('zh_CN'),
  lifecycle: z
    .object({
      /** active ≤ activeDays < sleeping ≤ sleepingDays < pre-churn ≤ prechurnDays < churned */
      activeDays: Days.default(90),
      sleepingDays: Days.default(180),
      prechurnDays: Days.default(365),
    })
    .refine((l) => l.activeDays < l.sleepingDays && l.sleepingDays < l.prechurnDays, {
      message: 'lifecycle cuts must increase: active < sleeping < pre-churn',
    })
    .default(defaultLifecycle),
  /** "Recent" for the four groups 活跃新客 / 沉睡新客 / 活跃老客 / 沉睡老客. */
  recentDays: Days.default(90),
  /** Count orders paid on the same calendar day as one purchase. */
  mergeSameDayPurchases: z.boolean().default(false),
  tier: z
    .object({
      mode: TierMode.default('rank'),
      /** Shares in percent of purchasing customers, top down; regular gets the rest. */
      shares: z
        .object({
          svip: z.number().min(0).max(100).default(10),
          vip: z.number().min(0).max(100).default(15),
          senior: z.number().min(0).max(100).default(25),
        })
        .refine((s) => s.svip + s.vip + s.senior <= 100, { message: 'tier shares exceed 100 %' })
        .default({ svip: 10, vip: 15, senior: 25 }),
      /** Fixed thresholds (mode 'threshold'): reach either spend (yuan) or purchase count. */
      thresholds: z
        .object({
          svip: z.object({ spendYuan: Yuan, count: z.number().int().min(0) }),
          vip: z.object({ spendYuan: Yuan, count: z.number().int().min(0) }),
          senior: z.object({ spendYuan: Yuan, count: z.number().int().min(0) }),
        })
        .default(defaultTierThresholds),
    })
    .default(defaultTier),
  reminders: ReminderSettings.default(defaultReminders),
  /** Staff name written into the contact log. */
  staffName: z.string().max(50).default(''),
  /** Show phone numbers and addresses unmasked (off by default: privacy). */
  showPersonalData: z.boolean().default(false),
  /** Per shop (`platform:shopId`): display name and overlay switch. */
  shops: z.record(z.string(), ShopSettings).default({}),
  /** WooCommerce shop origins the seller added, e.g. `https://shop.example.com`. */
  wooShops: z.array(z.string().url().max(200)).max(50).default([]),
  /**
   * Pause keeping history: while on, the background writes nothing to the database (no page
   * orders, no captured JSON, no imports, no notes, tags or contacts, no team sync); what is
   * already kept is still shown, and forgetting a buyer or deleting a shop still works.
   */
  historyPaused: z.boolean().default(false),
  /** Seller-edited templates by template id; missing ids fall back to the built-in set. */
  templates: z.record(z.string().max(100), z.string().max(2000)).default({}),
});
export type Settings = z.infer<typeof Settings>;

/**
 * Reads whatever storage holds into valid settings: unknown or broken fields fall back to their
 * defaults one by one instead of throwing away the seller's other choices.
 */
export function parseSettings(raw: unknown): Settings {
  const whole = Settings.safeParse(raw ?? {});
  if (whole.success) return whole.data;
  const out: Record<string, unknown> = {};
  if (raw && typeof raw === 'object') {
    for (const [k, v] of Object.entries(raw)) {
      const field = (Settings.shape as Record<string, z.ZodType | undefined>)[k];
      if (field && field.safeParse(v).success) out[k] = v;
    }
  }
  return Settings.parse(out);
}
