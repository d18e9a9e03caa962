/** What a chart card is made of, the colours, and the one builder the count-bar cards share. */
import type { Lang } from '@/lib/i18n';
import type { Dashboard } from '@/lib/dashboard';
import { t as dt, type DashboardKey } from '@/lib/i18n/dashboard';
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

/** One bucket per data point, in data order. */
export const byIndex = (click: ChartClick) => click.dataIndex;

/** A category bar chart of one series. */
function bars(
  labels: string[],
  values: number[],
  color: string | string[],
  lang: Lang,
): ChartOption {
  return {
    tooltip: { trigger: 'item' as const },
    grid: { left: 48, right: 24, top: 32, bottom: 40 },
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

/** A row of a count-bar card: how many customers, and which. */
interface Counted {
  count: number;
  keys: readonly string[];
}

/**
 * A card that draws one bar of customers per row and opens a row's customers on click: stages,
 * tiers, the ladder and first-order bands differ only in their rows, labels and colours.
 */
export function countBars<R extends Counted>(card: {
  name: ChartName;
  title: DashboardKey;
  takeaway: ChartDef['takeaway'];
  rows: (d: Dashboard) => readonly R[];
  label: (row: R, lang: Lang) => string;
  color: string | ((row: R) => string);
  /** The figure the data table shows; the count by default. */
  value?: (row: R, lang: Lang) => string;
}): ChartDef {
  const { rows, label, color, value = (r: R) => String(r.count) } = card;
  // Every row's count is a number of customers: nothing to draw when all are zero.
  return {
    name: card.name,
    title: card.title,
    takeaway: card.takeaway,
    hasData: (d) => rows(d).some((r) => r.count > 0),
    option: (d, lang) =>
      bars(
        rows(d).map((r) => label(r, lang)),
        rows(d).map((r) => r.count),
        typeof color === 'string' ? color : rows(d).map(color),
        lang,
      ),
    buckets: (d, lang) =>
      rows(d).map((r) => ({ label: label(r, lang), value: value(r, lang), keys: r.keys })),
    bucketAt: byIndex,
  };
}
