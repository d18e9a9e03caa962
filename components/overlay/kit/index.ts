/**
 * Modules the order script and the overlay's on-demand half share. The order script already
 * carries Preact (its badges are Preact components); it puts the parts the assistant uses in a
 * slot of its isolated-world global before it asks for the assistant, and the assistant's build
 * reads them from there instead of bundling a second copy (wxt.config.ts aliases `preact`,
 * `preact/hooks` and `preact/jsx-runtime` to the files beside this one for that build alone).
 * One Preact then renders both halves, and the page loads it once. The project modules both
 * halves use (./shared.ts) are shared the same way.
 */
import { Fragment, render } from 'preact';
import { useEffect, useId, useRef, useState } from 'preact/hooks';
import { jsx, jsxs } from 'preact/jsx-runtime';
import { bounded, chipHeads, COMPACT_TAGS, purchaseNumber } from '@/components/badge-chips';
import { KIND_LABELS, SEGMENT_LABELS, STAGE_LABELS, TIER_LABELS } from '@/lib/customers/labels';
import { t } from '@/lib/i18n/overlay';
import { translator } from '@/lib/i18n/translate';
import { isUserEvent } from '../trusted';
import { formatOrderTime } from '@/lib/reminders/order-time';
import { channelLabel, formatAgo, formatWhen, toggleLabel } from '../format';
import type { SharedModules } from './shared';
import { KIT_SLOT } from './slot';

/** Each shared module's listed names (./shared.ts), as the order script has them. */
const modules = {
  'lib/i18n/overlay.ts': { t },
  'components/overlay/format.ts': { channelLabel, formatAgo, formatWhen, toggleLabel },
  'components/badge-chips.ts': { bounded, chipHeads, COMPACT_TAGS, purchaseNumber },
  'lib/reminders/order-time.ts': { formatOrderTime },
  'lib/i18n/translate.ts': { translator },
  'lib/customers/labels.ts': { KIND_LABELS, SEGMENT_LABELS, STAGE_LABELS, TIER_LABELS },
  'components/overlay/trusted.ts': { isUserEvent },
} satisfies { [M in keyof SharedModules]: Record<SharedModules[M][number], unknown> };

export const sharedKit = {
  preact: { render, Fragment },
  hooks: { useEffect, useId, useRef, useState },
  jsxRuntime: { jsx, jsxs, Fragment },
  modules,
};
export type SharedKit = typeof sharedKit;

/** Puts the kit where the assistant script looks (a reinjected order script's copy replaces the old). */
export function publishKit(slot: Record<string, unknown> = globalThis): void {
  slot[KIT_SLOT] = sharedKit;
}
