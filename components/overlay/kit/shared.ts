/**
 * The project modules the order script shares with the overlay's on-demand half, and the names
 * the assistant takes from each (no imports here: wxt.config.ts reads this table). In the
 * assistant's build each of these files resolves to a module that reads those names from the kit
 * the order script published (./index.ts), so the page loads their code once. A name the
 * assistant imports that is not listed fails that build.
 */
export const SHARED_MODULES = {
  'lib/i18n/overlay.ts': ['t'],
  'components/overlay/format.ts': ['channelLabel', 'formatAgo', 'formatWhen', 'toggleLabel'],
  'components/badge-chips.ts': ['bounded', 'chipHeads', 'COMPACT_TAGS', 'purchaseNumber'],
  'lib/reminders/order-time.ts': ['formatOrderTime'],
  'lib/i18n/translate.ts': ['translator'],
  'lib/customers/labels.ts': ['KIND_LABELS', 'SEGMENT_LABELS', 'STAGE_LABELS', 'TIER_LABELS'],
  'components/overlay/trusted.ts': ['isUserEvent'],
} as const;

export type SharedModules = typeof SHARED_MODULES;
