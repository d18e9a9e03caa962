/**
 * The sentences of each chip's hover/focus card: the rule that produced the chip and the numbers
 * it used. Kept apart from badge-chips.ts because only a hovered chip needs them (the order-page
 * overlay loads this with its on-demand script).
 */
import { explainView, type ViewFigures } from '@/lib/customers/explain-view';
import { explain } from '@/lib/customers/explain';
import type { Lang } from '@/lib/i18n';
import { formatMoney } from '@/lib/reminders/render';
import type { Settings } from '@/lib/settings';
import { bounded, COMPACT_TAGS, purchaseNumber, type CustomerBadgesProps } from './badge-chips';
import { t } from '@/lib/i18n/overlay';
import { t as at } from '@/lib/i18n/assistant';

const yuan = (fen: number, lang: Lang) => formatMoney(fen, lang);
const oneDecimal = (p: number) => String(Math.round(p * 10) / 10);

function spendLines(view: ViewFigures, lang: Lang): string[] {
  return [
    at(lang, 'fact.spend', {
      total: yuan(view.totalSpent, lang),
      avg: yuan(view.avgOrderValue, lang),
    }),
    view.spendPercentile === null
      ? at(lang, 'fact.percentileNone')
      : at(lang, 'fact.percentile', { p: oneDecimal(view.spendPercentile) }),
  ];
}

function tierRuleLine(settings: Settings, lang: Lang): string {
  const tier = settings.tier;
  if (tier.mode === 'threshold') {
    const th = tier.thresholds;
    return at(lang, 'fact.tierThreshold', {
      svipYuan: yuan(th.svip.spendYuan * 100, lang),
      svipCount: th.svip.count,
      vipYuan: yuan(th.vip.spendYuan * 100, lang),
      vipCount: th.vip.count,
      seniorYuan: yuan(th.senior.spendYuan * 100, lang),
      seniorCount: th.senior.count,
    });
  }
  const s = tier.shares;
  return at(lang, 'fact.tierRank', {
    svip: s.svip,
    vip: s.svip + s.vip,
    senior: s.svip + s.vip + s.senior,
  });
}

function daysLine(view: ViewFigures, lang: Lang): string {
  return view.recencyDays === null
    ? at(lang, 'fact.daysNone')
    : at(lang, 'fact.days', { days: view.recencyDays });
}

/** The card lines of the chip `key` (a key from chipHeads); empty for an unknown key. */
export function chipTip(props: CustomerBadgesProps, key: string): string[] {
  const { view, lang, settings } = props;
  const ex =
    view.explanations ??
    explainView(view, {
      settings,
      shopCustomers: props.shopCustomers ?? 0,
      asOfOrder: props.asOfOrder,
    });
  switch (key) {
    case 'uncertain':
      return [t(lang, 'badge.uncertainTip')];
    case 'tier':
      return props.identity === 'masked'
        ? [t(lang, 'badge.tierUnknownTip')]
        : [explain(ex.tier, lang), ...spendLines(view, lang), tierRuleLine(settings, lang)];
    case 'kind':
      return [
        explain(ex.kind, lang),
        at(lang, 'fact.count', { count: view.purchaseCount }),
        ...(props.asOfOrder ? [at(lang, 'fact.nth', { n: purchaseNumber(props) })] : []),
      ];
    case 'stage':
      return [
        explain(ex.stage, lang),
        daysLine(view, lang),
        at(lang, 'fact.lifecycle', {
          active: settings.lifecycle.activeDays,
          sleeping: settings.lifecycle.sleepingDays,
          prechurn: settings.lifecycle.prechurnDays,
        }),
      ];
    case 'segment':
      return [
        explain(ex.segment, lang),
        explain(ex.rfm, lang),
        daysLine(view, lang),
        ...spendLines(view, lang),
      ];
    case 'blacklist': {
      const reason = props.blacklistReason?.trim() ?? '';
      return [
        t(lang, 'badge.blacklistTip'),
        ...(reason ? [t(lang, 'badge.blacklistReason', { reason: bounded(reason) })] : []),
      ];
    }
    case 'more-tags': {
      const shown = props.compact ? COMPACT_TAGS : props.tags.length;
      return [t(lang, 'badge.moreTagsTip', { tags: bounded(props.tags.slice(shown).join('、')) })];
    }
    default: {
      const tag = /^tag-(\d+)$/.exec(key);
      const value = tag ? props.tags[Number(tag[1])] : undefined;
      return value === undefined ? [] : [t(lang, 'badge.tag', { tag: bounded(value) })];
    }
  }
}
