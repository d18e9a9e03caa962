/** The 催付 card: reminders sent per channel, paid or not, and those sent past a warning. */
import { channelLabel, percent, remindersTakeaway } from '@/lib/dashboard';
import { t as dt } from '@/lib/i18n/dashboard';
import { COLORS, type ChartDef } from './chart-kit';

export const reminders: ChartDef = {
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
