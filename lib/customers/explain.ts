/**
 * Explanations: every figure on a badge carries the rule that produced it and the numbers it
 * used, and `explain` turns that into the sentence a tooltip shows.
 */
import type { Label, Lang } from '../i18n';
import { GROUP_LABELS, RHYTHM_LABELS } from './card-labels';
import { KIND_LABELS, SEGMENT_LABELS, STAGE_LABELS, TIER_LABELS } from './labels';

/** A rule id (e.g. `stage.active`) and the values it was applied to. */
export type Explanation = { rule: string; values: Record<string, number | string> };

/**
 * Sentences per rule. `{name}` is a value; values named like a label kind (`tier`, `stage`, …)
 * print as that label, `…Yuan` prints as money and `percentile` with one decimal.
 */
export const EXPLANATION_TEMPLATES: Readonly<Record<string, Label>> = {
  'kind.asOfOrder.first': {
    zh_CN: '本单之前没有购买记录 → 首次购买，{kind}',
    en: 'No purchase before this order → first purchase, {kind}',
  },
  'kind.asOfOrder.repeat': {
    zh_CN: '本单之前已购买 {before} 次 → 回购，{kind}',
    en: '{before} purchase(s) before this order → repeat purchase, {kind}',
  },
  'kind.count.new': {
    zh_CN: '共购买 {count} 次（不超过 1 次）→ {kind}',
    en: '{count} purchase(s), at most 1 → {kind}',
  },
  'kind.count.returning': {
    zh_CN: '共购买 {count} 次（2 次及以上）→ {kind}',
    en: '{count} purchases, 2 or more → {kind}',
  },
  'stage.new': {
    zh_CN: '此前没有购买记录 → {stage}',
    en: 'No purchase before → {stage}',
  },
  'stage.active': {
    zh_CN: '距上次购买 {days} 天 ≤ 活跃期 {activeDays} 天 → {stage}',
    en: '{days} days since last purchase ≤ active window {activeDays} days → {stage}',
  },
  'stage.sleeping': {
    zh_CN: '距上次购买 {days} 天 > 活跃期 {activeDays} 天，≤ 睡眠期 {sleepingDays} 天 → {stage}',
    en: '{days} days since last purchase > active window {activeDays} days, ≤ sleeping window {sleepingDays} days → {stage}',
  },
  'stage.prechurn': {
    zh_CN:
      '距上次购买 {days} 天 > 睡眠期 {sleepingDays} 天，≤ 预流失期 {prechurnDays} 天 → {stage}',
    en: '{days} days since last purchase > sleeping window {sleepingDays} days, ≤ pre-churn window {prechurnDays} days → {stage}',
  },
  'stage.churned': {
    zh_CN: '距上次购买 {days} 天 > 预流失期 {prechurnDays} 天 → {stage}',
    en: '{days} days since last purchase > pre-churn window {prechurnDays} days → {stage}',
  },
  'tier.noSpend': {
    zh_CN: '尚无消费 → {tier}',
    en: 'No spend yet → {tier}',
  },
  'tier.rank': {
    zh_CN:
      '累计消费 {totalYuan}，本店 {shopCustomers} 位顾客中 {percentile}% 消费更多（至尊VIP 前 {svipCut}%，VIP 前 {vipCut}%，高级会员 前 {seniorCut}%）→ {tier}',
    en: 'Spent {totalYuan}; {percentile}% of the shop’s {shopCustomers} customers spent more (Super VIP top {svipCut}%, VIP top {vipCut}%, Senior top {seniorCut}%) → {tier}',
  },
  'tier.rank.noStats': {
    zh_CN: '累计消费 {totalYuan}，本店尚无消费排名 → {tier}',
    en: 'Spent {totalYuan}; the shop has no spend ranking yet → {tier}',
  },
  'tier.threshold.spend': {
    zh_CN: '累计消费 {totalYuan} ≥ {tier}门槛 {thresholdYuan} → {tier}',
    en: 'Spent {totalYuan} ≥ {tier} threshold {thresholdYuan} → {tier}',
  },
  'tier.threshold.count': {
    zh_CN: '购买 {count} 次 ≥ {tier}门槛 {thresholdCount} 次 → {tier}',
    en: '{count} purchases ≥ {tier} threshold {thresholdCount} → {tier}',
  },
  'tier.threshold.none': {
    zh_CN:
      '累计消费 {totalYuan}、购买 {count} 次，未达高级会员门槛（{seniorYuan} 或 {seniorCount} 次）→ {tier}',
    en: 'Spent {totalYuan} in {count} purchase(s), below the Senior threshold ({seniorYuan} or {seniorCount} purchases) → {tier}',
  },
  'rfm.scores': {
    zh_CN:
      'R {r} 分：距上次购买 {days} 天；F {f} 分：购买 {count} 次；M {m} 分：累计消费 {totalYuan}，客单价 {avgYuan}（在本店 {shopCustomers} 位顾客中按分位打 1–5 分）',
    en: 'R {r}: {days} days since last purchase; F {f}: {count} purchase(s); M {m}: spent {totalYuan}, average order {avgYuan} (1–5 by quantile among the shop’s {shopCustomers} customers)',
  },
  'rfm.noPurchase': {
    zh_CN:
      'R {r} 分：此前没有购买，按刚下单计；F {f} 分：购买 {count} 次；M {m} 分：累计消费 {totalYuan}（在本店 {shopCustomers} 位顾客中按分位打 1–5 分）',
    en: 'R {r}: no purchase before, counted as buying now; F {f}: {count} purchases; M {m}: spent {totalYuan} (1–5 by quantile among the shop’s {shopCustomers} customers)',
  },
  'segment.grid': {
    zh_CN: 'R {r} 分，F {f} 分与 M {m} 分的均值 {fm} 分 → {segment}',
    en: 'R {r}, mean of F {f} and M {m} is {fm} → {segment}',
  },
  'segment.firstPurchase': {
    zh_CN: '首次购买 → {segment}',
    en: 'First purchase → {segment}',
  },
};

/** Each label kind's table, by the value name explanations and the card use for it. */
export const LABELS = {
  tier: TIER_LABELS,
  stage: STAGE_LABELS,
  kind: KIND_LABELS,
  group: GROUP_LABELS,
  segment: SEGMENT_LABELS,
  rhythm: RHYTHM_LABELS,
} as const;

const byName: Readonly<Record<string, Readonly<Record<string, Label>>>> = LABELS;

/** A value as the sentence prints it. */
function formatValue(name: string, value: number | string, lang: Lang): string {
  if (typeof value === 'string') return byName[name]?.[value]?.[lang] ?? value;
  if (name.endsWith('Yuan')) return `¥${value.toFixed(2)}`;
  if (name === 'percentile') return String(Math.round(value * 10) / 10);
  return String(value);
}

/**
 * The sentence for an explanation, e.g. `距上次购买 45 天 ≤ 活跃期 90 天 → 活跃`. A rule
 * without a template still says what it knows (`rule: name=value, …`) rather than nothing.
 */
export function explain(e: Explanation, lang: Lang): string {
  const template = EXPLANATION_TEMPLATES[e.rule]?.[lang];
  if (template === undefined) {
    const parts = Object.entries(e.values).map(([k, v]) => `${k}=${formatValue(k, v, lang)}`);
    return `${e.rule}: ${parts.join(', ')}`;
  }
  return template.replace(/\{(\w+)\}/g, (whole, name: string) => {
    const v = e.values[name];
    return v === undefined ? whole : formatValue(name, v, lang);
  });
}
