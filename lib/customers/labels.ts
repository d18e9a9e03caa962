/** Display names for every customer label, in the two languages the extension speaks. */
import type { Group, Kind, Stage } from './lifecycle';
import type { Rhythm } from './measures';
import type { Segment } from './segments';
import type { Tier } from './tiers';

import type { Label } from '../i18n';
import type { Platform } from '../schemas';

export const TIER_LABELS: Readonly<Record<Tier, Label>> = {
  svip: { zh_CN: '至尊VIP', en: 'Super VIP' },
  vip: { zh_CN: 'VIP', en: 'VIP' },
  senior: { zh_CN: '高级会员', en: 'Senior member' },
  regular: { zh_CN: '普通会员', en: 'Regular member' },
};

export const STAGE_LABELS: Readonly<Record<Stage, Label>> = {
  new: { zh_CN: '新客', en: 'New' },
  active: { zh_CN: '活跃', en: 'Active' },
  sleeping: { zh_CN: '睡眠', en: 'Sleeping' },
  prechurn: { zh_CN: '预流失', en: 'About to churn' },
  churned: { zh_CN: '流失', en: 'Churned' },
};

export const KIND_LABELS: Readonly<Record<Kind, Label>> = {
  new: { zh_CN: '新客', en: 'New customer' },
  returning: { zh_CN: '老客', en: 'Returning customer' },
};

export const GROUP_LABELS: Readonly<Record<Group, Label>> = {
  activeNew: { zh_CN: '活跃新客', en: 'Active new' },
  sleepingNew: { zh_CN: '沉睡新客', en: 'Sleeping new' },
  activeReturning: { zh_CN: '活跃老客', en: 'Active returning' },
  sleepingReturning: { zh_CN: '沉睡老客', en: 'Sleeping returning' },
};

export const SEGMENT_LABELS: Readonly<Record<Segment, Label>> = {
  champions: { zh_CN: '冠军客户', en: 'Champions' },
  loyal: { zh_CN: '忠诚客户', en: 'Loyal' },
  potentialLoyalist: { zh_CN: '潜力忠诚客户', en: 'Potential loyalist' },
  new: { zh_CN: '新客户', en: 'New' },
  promising: { zh_CN: '潜力新客', en: 'Promising' },
  needAttention: { zh_CN: '需关注客户', en: 'Need attention' },
  aboutToSleep: { zh_CN: '将沉睡客户', en: 'About to sleep' },
  atRisk: { zh_CN: '流失风险客户', en: 'At risk' },
  cantLoseThem: { zh_CN: '重要挽留客户', en: "Can't lose them" },
  hibernating: { zh_CN: '休眠客户', en: 'Hibernating' },
  lost: { zh_CN: '已流失客户', en: 'Lost' },
};

export const RHYTHM_LABELS: Readonly<Record<Rhythm, Label>> = {
  monthly: { zh_CN: '月度回购', en: 'Monthly' },
  seasonal: { zh_CN: '季度回购', en: 'Seasonal' },
  halfyearly: { zh_CN: '半年回购', en: 'Half-yearly' },
  irregular: { zh_CN: '不定期', en: 'Irregular' },
  unknown: { zh_CN: '暂无规律', en: 'Unknown' },
};

/** Platform names as sellers call them (a customer is shown with the platform they buy on). */
export const PLATFORM_LABELS: Readonly<Record<Platform, Label>> = {
  taobao: { zh_CN: '淘宝', en: 'Taobao' },
  pinduoduo: { zh_CN: '拼多多', en: 'Pinduoduo' },
  jd: { zh_CN: '京东', en: 'JD' },
  douyin: { zh_CN: '抖音', en: 'Douyin' },
  woocommerce: { zh_CN: 'WooCommerce', en: 'WooCommerce' },
  shopify: { zh_CN: 'Shopify', en: 'Shopify' },
};
