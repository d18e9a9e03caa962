/**
 * The one-line takeaway under each chart, in words a seller reads at a glance
 * (e.g. "70% 的顾客只买过一次"). Each returns the "no data" line when there is nothing to say.
 */
import type { Lang } from '../i18n';
import { formatTimeLeft } from '../reminders';
import type { Dashboard } from './compute';
import { bandLabel, groupLabel, roundDays, tierLabel } from './bucket-labels';
import { t as dt } from '../i18n/dashboard';
import { percent } from './percent';
import { shareOf } from './types';

type Takeaway = (d: Dashboard, lang: Lang) => string;

const none = (lang: Lang) => dt(lang, 'chart.noData');

/** The latest month with purchases: what share were repeats. */
export const newReturningTakeaway: Takeaway = (d, lang) => {
  const last = [...d.newReturning].reverse().find((m) => m.first + m.repeat > 0);
  if (!last) return none(lang);
  return dt(lang, 'takeaway.newReturning', {
    month: last.month,
    share: percent(shareOf(last.repeat, last.first + last.repeat)),
  });
};

/** Share of buying customers who are active. */
export const stagesTakeaway: Takeaway = (d, lang) => {
  const buying = d.stages.filter((b) => b.id !== 'new').reduce((s, b) => s + b.count, 0);
  if (buying === 0) return none(lang);
  const active = d.stages.find((b) => b.id === 'active')?.count ?? 0;
  return dt(lang, 'takeaway.stages', { share: percent(shareOf(active, buying)), n: active });
};

/** The largest of the four groups. */
export const groupsTakeaway: Takeaway = (d, lang) => {
  const total = d.groups.reduce((s, b) => s + b.count, 0);
  const top = [...d.groups].sort((a, b) => b.count - a.count)[0];
  if (!top || total === 0) return none(lang);
  return dt(lang, 'takeaway.groups', {
    group: groupLabel(top.id, lang),
    share: percent(shareOf(top.count, total)),
  });
};

/** How many score 4+ on both R and F. */
export const rfmTakeaway: Takeaway = (d, lang) => {
  const total = d.rfm.reduce((s, c) => s + c.count, 0);
  if (total === 0) return none(lang);
  const core = d.rfm.filter((c) => c.r >= 4 && c.f >= 4).reduce((s, c) => s + c.count, 0);
  return dt(lang, 'takeaway.rfm', { n: core, share: percent(shareOf(core, total)) });
};

/** The top tier with customers: its share of customers and of sales. */
export const tiersTakeaway: Takeaway = (d, lang) => {
  const customers = d.tiers.reduce((s, b) => s + b.count, 0);
  const spend = d.tiers.reduce((s, b) => s + b.spent, 0);
  const top = d.tiers.find((b) => b.count > 0);
  if (!top || spend === 0) return none(lang);
  return dt(lang, 'takeaway.tiers', {
    tier: tierLabel(top.id, lang),
    share: percent(shareOf(top.count, customers)),
    spend: percent(shareOf(top.spent, spend)),
  });
};

/** The once-only share and the 1→2 rate. */
export const ladderTakeaway: Takeaway = (d, lang) => {
  if (d.ladder.purchasing === 0) return none(lang);
  return dt(lang, 'takeaway.ladder', {
    share: percent(d.ladder.onceShare),
    rate: percent(d.ladder.ladder.rates[0]?.rate ?? 0),
  });
};

/** The most common first-order band. */
export const firstOrderTakeaway: Takeaway = (d, lang) => {
  const total = d.firstOrder.reduce((s, b) => s + b.count, 0);
  const top = [...d.firstOrder].sort((a, b) => b.count - a.count || a.minYuan - b.minYuan)[0];
  if (!top || total === 0) return none(lang);
  return dt(lang, 'takeaway.firstOrder', {
    band: bandLabel(top, lang),
    share: percent(shareOf(top.count, total)),
  });
};

/** The item with the most evidence and its cycle. */
export const repurchaseTakeaway: Takeaway = (d, lang) => {
  const top = d.repurchase[0];
  if (!top) return none(lang);
  return dt(lang, 'takeaway.repurchase', {
    title: top.title,
    days: roundDays(top.medianDays),
    n: top.samples,
  });
};

/** The paid-after share and the median wait. */
export const remindersTakeaway: Takeaway = (d, lang) => {
  const t = d.reminders.total;
  if (t.sent === 0) return none(lang);
  if (t.medianMsToPay === null) return dt(lang, 'takeaway.remindersNone', { n: t.sent });
  return dt(lang, 'takeaway.reminders', {
    rate: percent(t.rate),
    wait: formatTimeLeft(t.medianMsToPay, lang),
  });
};
