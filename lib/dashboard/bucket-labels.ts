/** Display names of dashboard buckets, in the page's language. */
import {
  GROUP_LABELS,
  STAGE_LABELS,
  TIER_LABELS,
  type Group,
  type Stage,
  type Tier,
} from '../customers';
import type { Lang } from '../i18n';
import { formatMoney } from '../reminders';
import type { Channel } from '../schemas';
import type { BandBucket } from './first-order';
import type { LadderRung } from './ladder-tally';
import type { RfmCell } from './segment-tallies';
import { t as dt } from '../i18n/dashboard';

/** A stage; 'new' (orders but no purchase) reads "尚未付款" here, not 新客, to avoid a clash. */
export function stageLabel(stage: Stage, lang: Lang): string {
  return stage === 'new' ? dt(lang, 'stage.none') : STAGE_LABELS[stage][lang];
}

/** One of the four groups. */
export const groupLabel = (group: Group, lang: Lang): string => GROUP_LABELS[group][lang];

/** A member tier. */
export const tierLabel = (tier: Tier, lang: Lang): string => TIER_LABELS[tier][lang];

/** "2次" / "10次及以上". */
export function rungLabel(rung: Pick<LadderRung, 'id' | 'orMore'>, lang: Lang): string {
  return dt(lang, rung.orMore ? 'rungOrMore' : 'rung', { n: rung.id });
}

/** "¥50–100" / "¥1000以上". */
export function bandLabel(band: Pick<BandBucket, 'minYuan' | 'maxYuan'>, lang: Lang): string {
  return band.maxYuan === undefined
    ? dt(lang, 'bandOpen', { min: band.minYuan })
    : dt(lang, 'band', { min: band.minYuan, max: band.maxYuan });
}

/** "R4 · F2：12 位，平均消费 ¥320.00". */
export function rfmCellLabel(cell: RfmCell, lang: Lang): string {
  return dt(lang, 'rfm.cell', {
    r: cell.r,
    f: cell.f,
    n: cell.count,
    avg: formatMoney(cell.avgSpent, lang),
  });
}

/** A contact channel. */
export const channelLabel = (channel: Channel, lang: Lang): string =>
  dt(lang, `channel.${channel}`);

/** Days to one decimal: a median of an even count may fall between two whole days. */
export const roundDays = (days: number): number => Math.round(days * 10) / 10;

/** "45 天" / "45 days". */
export const daysLabel = (days: number, lang: Lang): string =>
  dt(lang, 'days', { n: roundDays(days) });
