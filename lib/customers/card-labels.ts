/** Display names of the customer labels only the cards and reports show (see ./labels.ts). */
import type { Group } from './lifecycle';
import type { Rhythm } from './measures';

import type { Label } from '../i18n';

export const GROUP_LABELS: Readonly<Record<Group, Label>> = {
  activeNew: { zh_CN: '活跃新客', en: 'Active new' },
  sleepingNew: { zh_CN: '沉睡新客', en: 'Sleeping new' },
  activeReturning: { zh_CN: '活跃老客', en: 'Active returning' },
  sleepingReturning: { zh_CN: '沉睡老客', en: 'Sleeping returning' },
};

export const RHYTHM_LABELS: Readonly<Record<Rhythm, Label>> = {
  monthly: { zh_CN: '月度回购', en: 'Monthly' },
  seasonal: { zh_CN: '季度回购', en: 'Seasonal' },
  halfyearly: { zh_CN: '半年回购', en: 'Half-yearly' },
  irregular: { zh_CN: '不定期', en: 'Irregular' },
  unknown: { zh_CN: '暂无规律', en: 'Unknown' },
};
