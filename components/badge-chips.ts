/**
 * The badge row's chips without their cards: what a chip says and how it looks. Pure and cheap, so
 * the order-page overlay can draw a row of them per order at once; the cards' sentences come from
 * chip-tips.ts when a chip is hovered or focused.
 */
import type { CustomerView, Segment, Stage, ViewFigures } from '@/lib/customers';
import { KIND_LABELS, SEGMENT_LABELS, STAGE_LABELS, TIER_LABELS } from '@/lib/customers/labels';
import type { Lang } from '@/lib/i18n';
import type { Settings } from '@/lib/settings';
import { t } from '@/lib/i18n/overlay';

/** Props of {@link CustomerBadges}. */
export interface CustomerBadgesProps {
  /**
   * The buyer, best described as of the order on screen (describeCustomer with `asOf`): then
   * 老客 ×N counts this order as purchase N. A view without `asOf` counts all purchases.
   */
  view: ViewFigures & { explanations?: CustomerView['explanations'] };
  /**
   * Whether `view` describes the buyer as of the order on screen (then 老客 ×N counts this order
   * as purchase N); the popup's views count all purchases.
   */
  asOfOrder: boolean;
  /**
   * The shop's purchasing customers, for the cards' sentences when `view` comes without its
   * explanations (an order row's answer): they are rebuilt with explainView.
   */
  shopCustomers?: number;
  /**
   * 'masked': the buyer's identity is uncertain (no key, or a token or display name not yet
   * proven; lib/identity isUncertain), so no 新客/老客, tier or segment is claimed.
   */
  identity: 'known' | 'masked';
  tags: string[];
  blacklisted: boolean;
  blacklistReason?: string;
  settings: Settings;
  lang: Lang;
  /** One line, at most COMPACT_TAGS tags (the rest behind a `+N` chip). */
  compact?: boolean;
}

/** Tags shown before a `+N` chip in the compact row. */
export const COMPACT_TAGS = 2;
/** Longest text kept in a `title` attribute or a tooltip line from user data. */
export const TITLE_MAX = 300;

/** Cuts user text for a title or tooltip by code point, so a 10,000-char tag stays bounded. */
export function bounded(text: string, max = TITLE_MAX): string {
  const chars = Array.from(text);
  return chars.length > max ? chars.slice(0, max).join('') + '…' : text;
}

/** Colour family of each lifecycle stage chip. */
export const STAGE_TONE: Readonly<Record<Stage, string>> = {
  new: 'teal',
  active: 'green',
  sleeping: 'amber',
  prechurn: 'orange',
  churned: 'slate',
};

/** Colour family of each RFM segment chip: valuable, new, needs a nudge, at risk, gone. */
export const SEGMENT_TONE: Readonly<Record<Segment, string>> = {
  champions: 'green',
  loyal: 'green',
  potentialLoyalist: 'green',
  new: 'teal',
  promising: 'teal',
  needAttention: 'amber',
  aboutToSleep: 'amber',
  atRisk: 'red',
  cantLoseThem: 'red',
  hibernating: 'slate',
  lost: 'slate',
};

/** What one chip shows. */
export interface ChipHead {
  key: string;
  label: string;
  /** Classes beyond `kz-chip`, e.g. `kz-tier-vip kz-c-vip`. */
  cls: string;
}

/** 老客 ×N: N is this order's place among the buyer's purchases (as-of views count before + 1). */
export function purchaseNumber(props: Pick<CustomerBadgesProps, 'view' | 'asOfOrder'>): number {
  return props.asOfOrder ? props.view.purchaseCount + 1 : props.view.purchaseCount;
}

/** The chips for a buyer, in display order, without their cards. */
export function chipHeads(props: CustomerBadgesProps): ChipHead[] {
  const { view, lang } = props;
  const chips: ChipHead[] = [];
  if (props.identity === 'masked') {
    chips.push({
      key: 'uncertain',
      label: t(lang, 'badge.uncertain'),
      cls: 'kz-uncertain kz-c-uncertain',
    });
    chips.push({
      key: 'tier',
      label: t(lang, 'badge.tierUnknown'),
      cls: 'kz-tier-unknown kz-c-uncertain',
    });
  } else {
    chips.push({
      key: 'tier',
      label: TIER_LABELS[view.tier][lang],
      cls: `kz-tier-${view.tier} kz-c-${view.tier}`,
    });
    chips.push({
      key: 'kind',
      label:
        view.kind === 'new'
          ? KIND_LABELS.new[lang]
          : t(lang, 'badge.returningTimes', { n: purchaseNumber(props) }),
      cls: `kz-kind-${view.kind} kz-c-${view.kind === 'new' ? 'teal' : 'indigo'}`,
    });
    chips.push({
      key: 'stage',
      label: view.stage === 'new' ? t(lang, 'badge.firstOrder') : STAGE_LABELS[view.stage][lang],
      cls: `kz-stage-${view.stage} kz-c-${STAGE_TONE[view.stage]}`,
    });
    const { r, f, m } = view.rfm;
    chips.push({
      key: 'segment',
      label: `${SEGMENT_LABELS[view.segment][lang]} R${r}F${f}M${m}`,
      cls: `kz-seg-${view.segment} kz-c-${SEGMENT_TONE[view.segment]}`,
    });
  }
  if (props.blacklisted)
    chips.push({
      key: 'blacklist',
      label: t(lang, 'badge.blacklist'),
      cls: 'kz-blacklist kz-c-red',
    });
  const shown = props.compact ? props.tags.slice(0, COMPACT_TAGS) : props.tags;
  shown.forEach((tag, i) => chips.push({ key: `tag-${i}`, label: tag, cls: 'kz-tag kz-c-tag' }));
  const rest = props.tags.length - shown.length;
  if (rest > 0)
    chips.push({
      key: 'more-tags',
      label: t(lang, 'badge.moreTags', { n: rest }),
      cls: 'kz-tag kz-more kz-c-tag',
    });
  return chips;
}
