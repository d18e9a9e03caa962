/** Cards about who the customers are: lifecycle stages, groups, the RFM grid and tiers. */
import {
  groupLabel,
  groupsTakeaway,
  rfmCellLabel,
  rfmTakeaway,
  stageLabel,
  stagesTakeaway,
  tierLabel,
  tiersTakeaway,
} from '@/lib/dashboard';
import { t as dt } from '@/lib/i18n/dashboard';
import { formatMoney } from '@/lib/reminders';
import { byIndex, COLORS, countBars, type ChartDef } from './chart-kit';

export const stages: ChartDef = countBars({
  name: 'stages',
  title: 'card.stages',
  takeaway: stagesTakeaway,
  rows: (d) => d.stages,
  label: (b, lang) => stageLabel(b.id, lang),
  color: (b) => COLORS.stage[b.id],
});

export const tiers: ChartDef = countBars({
  name: 'tiers',
  title: 'card.tiers',
  takeaway: tiersTakeaway,
  rows: (d) => d.tiers,
  label: (b, lang) => tierLabel(b.id, lang),
  color: (b) => COLORS.tier[b.id],
  value: (b, lang) => `${b.count} · ${formatMoney(b.spent, lang)}`,
});

export const groups: ChartDef = {
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
  bucketAt: byIndex,
};

export const rfm: ChartDef = {
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
  bucketAt: byIndex,
};
