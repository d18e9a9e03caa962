/**
 * The nine chart cards: for each, its title, takeaway, ECharts option and the buckets a click (or
 * the data table under the chart) opens. Options are plain data built from the metrics, so tests
 * check exactly what ECharts is given.
 */
import type { Lang } from '@/lib/i18n';
import {
  bandLabel,
  channelLabel,
  daysLabel,
  firstOrderTakeaway,
  groupLabel,
  groupsTakeaway,
  ladderTakeaway,
  newReturningTakeaway,
  percent,
  remindersTakeaway,
  repurchaseTakeaway,
  rfmCellLabel,
  rfmTakeaway,
  rungLabel,
  stageLabel,
  stagesTakeaway,
  tierLabel,
  tiersTakeaway,
  type Dashboard,
} from '@/lib/dashboard';
import { t as dt, type DashboardKey } from '@/lib/i18n/dashboard';
import { formatMoney } from '@/lib/reminders';
import type { ChartClick } from './EChart';
import type { ChartOption } from './echarts';

export const CHART_NAMES = [
  'new-returning',
  'stages',
  'groups',
  'rfm',
  'tiers',
  'ladder',
  'first-order',
  'repurchase',
  'reminders',
] as const;
export type ChartName = (typeof CHART_NAMES)[number];

/** Something a seller can click: a label, the figure shown, the customers behind it. */
export interface ChartBucket {
  label: string;
  value: string;
  keys: readonly string[];
}

export interface ChartDef {
  name: ChartName;
  title: DashboardKey;
  takeaway: (d: Dashboard, lang: Lang) => string;
  /** False when there is nothing to draw (the card then says so instead of an empty chart). */
  hasData: (d: Dashboard) => boolean;
  option: (d: Dashboard, lang: Lang) => ChartOption;
  /** Every clickable bucket, in the order bucketAt indexes them. */
  buckets: (d: Dashboard, lang: Lang) => ChartBucket[];
  /** The bucket index a click on the chart stands for. */
  bucketAt: (click: ChartClick, d: Dashboard) => number | undefined;
}

/** Colours: blue for first/new, green for repeat/paid, warm tones for fading customers. */
export const COLORS = {
  first: '#5b8ff9',
  repeat: '#5ad8a6',
  line: '#f6bd16',
  stage: {
    active: '#5ad8a6',
    sleeping: '#f6bd16',
    prechurn: '#ff9845',
    churned: '#e8684a',
    new: '#bfbfbf',
  },
  tier: { svip: '#9661bc', vip: '#5b8ff9', senior: '#5ad8a6', regular: '#bfbfbf' },
  bar: '#5b8ff9',
  paid: '#5ad8a6',
  unpaid: '#e8684a',
} as const;

const base = {
  tooltip: { trigger: 'item' as const },
  grid: { left: 48, right: 24, top: 32, bottom: 40 },
};
const sum = (ns: readonly number[]) => ns.reduce((a, b) => a + b, 0);
const index = (click: ChartClick) => click.dataIndex;

/** A category bar chart of one series. */
function bars(
  labels: string[],
  values: number[],
  color: string | string[],
  lang: Lang,
): ChartOption {
  return {
    ...base,
    xAxis: { type: 'category', data: labels, axisLabel: { interval: 0 } },
    yAxis: { type: 'value', minInterval: 1 },
    series: [
      {
        type: 'bar',
        name: dt(lang, 'series.customers'),
        data: values.map((value, i) => ({
          value,
          itemStyle: { color: Array.isArray(color) ? color[i % color.length] : color },
        })),
        label: { show: true, position: 'top' },
        cursor: 'pointer',
      },
    ],
  };
}

const newReturning: ChartDef = {
  name: 'new-returning',
  title: 'card.newReturning',
  takeaway: newReturningTakeaway,
  hasData: (d) => d.newReturning.some((m) => m.first + m.repeat > 0),
  option: (d, lang) => ({
    tooltip: { trigger: 'axis' },
    legend: { top: 0 },
    grid: { left: 48, right: 48, top: 36, bottom: 40 },
    xAxis: { type: 'category', data: d.newReturning.map((m) => m.month) },
    yAxis: [
      { type: 'value', minInterval: 1 },
      { type: 'value', min: 0, max: 100, axisLabel: { formatter: '{value}%' } },
    ],
    series: [
      {
        type: 'bar',
        stack: 'purchases',
        name: dt(lang, 'series.first'),
        data: d.newReturning.map((m) => m.first),
        itemStyle: { color: COLORS.first },
      },
      {
        type: 'bar',
        stack: 'purchases',
        name: dt(lang, 'series.repeat'),
        data: d.newReturning.map((m) => m.repeat),
        itemStyle: { color: COLORS.repeat },
      },
      {
        type: 'line',
        yAxisIndex: 1,
        name: dt(lang, 'series.repeatShare'),
        data: d.newReturning.map((m) =>
          m.first + m.repeat > 0 ? Math.round((m.repeat / (m.first + m.repeat)) * 1000) / 10 : 0,
        ),
        itemStyle: { color: COLORS.line },
      },
    ],
  }),
  buckets: (d, lang) =>
    d.newReturning.flatMap((m) => [
      {
        label: `${m.month} · ${dt(lang, 'series.first')}`,
        value: String(m.first),
        keys: m.firstKeys,
      },
      {
        label: `${m.month} · ${dt(lang, 'series.repeat')}`,
        value: String(m.repeat),
        keys: m.repeatKeys,
      },
    ]),
  // Bars: first (series 0) / repeat (series 1); a point on the share line opens the repeaters.
  bucketAt: (click) =>
    click.dataIndex === undefined
      ? undefined
      : click.dataIndex * 2 + (click.seriesIndex === 0 ? 0 : 1),
};

const stages: ChartDef = {
  name: 'stages',
  title: 'card.stages',
  takeaway: stagesTakeaway,
  hasData: (d) => d.stages.some((b) => b.count > 0),
  option: (d, lang) =>
    bars(
      d.stages.map((b) => stageLabel(b.id, lang)),
      d.stages.map((b) => b.count),
      d.stages.map((b) => COLORS.stage[b.id]),
      lang,
    ),
  buckets: (d, lang) =>
    d.stages.map((b) => ({ label: stageLabel(b.id, lang), value: String(b.count), keys: b.keys })),
  bucketAt: index,
};

const groups: ChartDef = {
  name: 'groups',
  title: 'card.groups',
  takeaway: groupsTakeaway,
  hasData: (d) => d.groups.some((b) => b.count > 0),
  option: (d, lang) => ({
    tooltip: { trigger: 'item', formatter: '{b}: {c} ({d}%)' },
    legend: { bottom: 0 },
    series: [
      {
        type: 'pie',
        radius: ['40%', '70%'],
        center: ['50%', '45%'],
        data: d.groups.map((b) => ({ name: groupLabel(b.id, lang), value: b.count })),
        label: { formatter: '{b}\n{d}%' },
        cursor: 'pointer',
      },
    ],
  }),
  buckets: (d, lang) =>
    d.groups.map((b) => ({ label: groupLabel(b.id, lang), value: String(b.count), keys: b.keys })),
  bucketAt: index,
};

const rfm: ChartDef = {
  name: 'rfm',
  title: 'card.rfm',
  takeaway: rfmTakeaway,
  hasData: (d) => d.rfm.some((c) => c.count > 0),
  option: (d, lang) => ({
    tooltip: {
      trigger: 'item',
      formatter: (p: unknown) => {
        const cell = d.rfm[(p as { dataIndex?: number }).dataIndex ?? -1];
        return cell ? rfmCellLabel(cell, lang) : '';
      },
    },
    grid: { left: 56, right: 24, top: 16, bottom: 72 },
    xAxis: {
      type: 'category',
      name: dt(lang, 'axis.r'),
      nameLocation: 'middle',
      nameGap: 28,
      data: ['1', '2', '3', '4', '5'],
    },
    yAxis: {
      type: 'category',
      name: dt(lang, 'axis.f'),
      nameLocation: 'middle',
      nameGap: 32,
      data: ['1', '2', '3', '4', '5'],
    },
    visualMap: {
      min: 0,
      max: Math.max(1, ...d.rfm.map((c) => c.count)),
      calculable: false,
      orient: 'horizontal',
      left: 'center',
      bottom: 0,
      itemHeight: 80,
      inRange: { color: ['#f0f5ff', '#5b8ff9', '#1d39c4'] },
    },
    series: [
      {
        type: 'heatmap',
        // [R index, F index, customers]; one point per cell in d.rfm order.
        data: d.rfm.map((c) => [c.r - 1, c.f - 1, c.count]),
        label: { show: true },
        cursor: 'pointer',
      },
    ],
  }),
  buckets: (d, lang) =>
    d.rfm.map((c) => ({
      label: `R${c.r} · F${c.f}`,
      value: `${c.count} · ${formatMoney(c.avgSpent, lang)}`,
      keys: c.keys,
    })),
  bucketAt: index,
};

const tiers: ChartDef = {
  name: 'tiers',
  title: 'card.tiers',
  takeaway: tiersTakeaway,
  hasData: (d) => d.tiers.some((b) => b.count > 0),
  option: (d, lang) =>
    bars(
      d.tiers.map((b) => tierLabel(b.id, lang)),
      d.tiers.map((b) => b.count),
      d.tiers.map((b) => COLORS.tier[b.id]),
      lang,
    ),
  buckets: (d, lang) =>
    d.tiers.map((b) => ({
      label: tierLabel(b.id, lang),
      value: `${b.count} · ${formatMoney(b.spent, lang)}`,
      keys: b.keys,
    })),
  bucketAt: index,
};

const ladder: ChartDef = {
  name: 'ladder',
  title: 'card.ladder',
  takeaway: ladderTakeaway,
  hasData: (d) => d.ladder.purchasing > 0,
  option: (d, lang) =>
    bars(
      d.ladder.rungs.map((r) => rungLabel(r, lang)),
      d.ladder.rungs.map((r) => r.count),
      COLORS.bar,
      lang,
    ),
  buckets: (d, lang) =>
    d.ladder.rungs.map((r) => ({
      label: rungLabel(r, lang),
      value: String(r.count),
      keys: r.keys,
    })),
  bucketAt: index,
};

const firstOrder: ChartDef = {
  name: 'first-order',
  title: 'card.firstOrder',
  takeaway: firstOrderTakeaway,
  hasData: (d) => sum(d.firstOrder.map((b) => b.count)) > 0,
  option: (d, lang) =>
    bars(
      d.firstOrder.map((b) => bandLabel(b, lang)),
      d.firstOrder.map((b) => b.count),
      COLORS.first,
      lang,
    ),
  buckets: (d, lang) =>
    d.firstOrder.map((b) => ({ label: bandLabel(b, lang), value: String(b.count), keys: b.keys })),
  bucketAt: index,
};

/** Long product titles would squeeze the bars: the axis shows the start, the tooltip all of it. */
const shortTitle = (title: string) => (title.length > 14 ? `${title.slice(0, 13)}…` : title);

const repurchase: ChartDef = {
  name: 'repurchase',
  title: 'card.repurchase',
  takeaway: repurchaseTakeaway,
  hasData: (d) => d.repurchase.length > 0,
  option: (d, lang) => {
    // A category y axis runs bottom-up: reverse so the item with most evidence is on top.
    const items = [...d.repurchase].reverse();
    return {
      tooltip: { trigger: 'item' },
      // Room on the right for the "214 天 · 18 次回购" labels, and the axis name under the axis,
      // so neither is cut at the card's edge.
      grid: { left: 130, right: 124, top: 8, bottom: 40 },
      xAxis: {
        type: 'value',
        name: dt(lang, 'series.medianDays'),
        nameLocation: 'middle',
        nameGap: 24,
        // The plot is narrow: a few ticks, or their numbers run together.
        splitNumber: 3,
      },
      yAxis: { type: 'category', data: items.map((i) => shortTitle(i.title)) },
      series: [
        {
          type: 'bar',
          name: dt(lang, 'series.medianDays'),
          data: items.map((i) => ({ value: i.medianDays, name: i.title })),
          itemStyle: { color: COLORS.repeat },
          label: {
            show: true,
            position: 'right',
            formatter: (p: unknown) => {
              const item = items[(p as { dataIndex?: number }).dataIndex ?? -1];
              return item
                ? `${daysLabel(item.medianDays, lang)} · ${dt(lang, 'repurchase.samples', { n: item.samples })}`
                : '';
            },
          },
          cursor: 'pointer',
        },
      ],
    };
  },
  buckets: (d, lang) =>
    d.repurchase.map((i) => ({
      label: i.title,
      value: `${daysLabel(i.medianDays, lang)} · ${dt(lang, 'repurchase.samples', { n: i.samples })}`,
      keys: i.keys,
    })),
  bucketAt: (click, d) =>
    click.dataIndex === undefined ? undefined : d.repurchase.length - 1 - click.dataIndex,
};

const reminders: ChartDef = {
  name: 'reminders',
  title: 'card.reminders',
  takeaway: remindersTakeaway,
  hasData: (d) => d.reminders.total.sent > 0,
  option: (d, lang) => ({
    tooltip: { trigger: 'axis' },
    legend: { top: 0 },
    grid: { left: 48, right: 24, top: 36, bottom: 40 },
    xAxis: {
      type: 'category',
      data: d.reminders.channels.map((c) => `${channelLabel(c.channel, lang)} ${percent(c.rate)}`),
    },
    yAxis: { type: 'value', minInterval: 1 },
    series: [
      {
        type: 'bar',
        stack: 'reminders',
        name: dt(lang, 'series.paid'),
        data: d.reminders.channels.map((c) => c.paid),
        itemStyle: { color: COLORS.paid },
        cursor: 'pointer',
      },
      {
        type: 'bar',
        stack: 'reminders',
        name: dt(lang, 'series.unpaid'),
        data: d.reminders.channels.map((c) => c.sent - c.paid),
        itemStyle: { color: COLORS.unpaid },
        cursor: 'pointer',
      },
      // Beside the stack: reminders staff sent past a warning (quiet hours, too soon, cap).
      {
        type: 'bar',
        stack: 'overrides',
        name: dt(lang, 'series.overridden'),
        data: d.reminders.channels.map((c) => c.overridden),
        itemStyle: { color: COLORS.unpaid, opacity: 0.45 },
        cursor: 'pointer',
      },
    ],
  }),
  buckets: (d, lang) =>
    d.reminders.channels.flatMap((c) => [
      {
        label: `${channelLabel(c.channel, lang)} · ${dt(lang, 'series.paid')}`,
        value: `${c.paid}/${c.sent}`,
        keys: c.paidKeys,
      },
      {
        label: `${channelLabel(c.channel, lang)} · ${dt(lang, 'series.unpaid')}`,
        value: `${c.sent - c.paid}/${c.sent}`,
        keys: c.unpaidKeys,
      },
      {
        label: `${channelLabel(c.channel, lang)} · ${dt(lang, 'series.overridden')}`,
        value: `${c.overridden}/${c.sent}`,
        keys: c.overrideKeys,
      },
    ]),
  bucketAt: (click) =>
    click.dataIndex === undefined
      ? undefined
      : click.dataIndex * 3 + Math.min(2, Math.max(0, click.seriesIndex ?? 0)),
};

/** The cards, in page order. */
export const CHARTS: readonly ChartDef[] = [
  newReturning,
  ladder,
  stages,
  groups,
  rfm,
  tiers,
  firstOrder,
  repurchase,
  reminders,
];
