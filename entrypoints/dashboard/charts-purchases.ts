/** Cards about buying: new against returning by month, the ladder, first orders, repurchase. */
import {
  bandLabel,
  daysLabel,
  firstOrderTakeaway,
  ladderTakeaway,
  newReturningTakeaway,
  repurchaseTakeaway,
  rungLabel,
} from '@/lib/dashboard';
import { t as dt } from '@/lib/i18n/dashboard';
import { COLORS, countBars, type ChartDef } from './chart-kit';

export const ladder: ChartDef = countBars({
  name: 'ladder',
  title: 'card.ladder',
  takeaway: ladderTakeaway,
  rows: (d) => d.ladder.rungs,
  label: (r, lang) => rungLabel(r, lang),
  color: COLORS.bar,
});

export const firstOrder: ChartDef = countBars({
  name: 'first-order',
  title: 'card.firstOrder',
  takeaway: firstOrderTakeaway,
  rows: (d) => d.firstOrder,
  label: (b, lang) => bandLabel(b, lang),
  color: COLORS.first,
});

export const newReturning: ChartDef = {
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

/** Long product titles would squeeze the bars: the axis shows the start, the tooltip all of it. */
const shortTitle = (title: string) => (title.length > 14 ? `${title.slice(0, 13)}…` : title);

export const repurchase: ChartDef = {
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
