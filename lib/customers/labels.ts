/**
 * Display names for every customer label, in the two languages the extension speaks. The ones an
 * order row's badges show are here (the order page shares them with its on-demand half, see
 * components/overlay/kit); the cards' others are in ./card-labels.ts.
 */
import type { Kind, Stage } from './lifecycle';
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

/** Platform names as sellers call them (a customer is shown with the platform they buy on). */
export const PLATFORM_LABELS: Readonly<Record<Platform, Label>> = {
  taobao: { zh_CN: '淘宝', en: 'Taobao' },
  pinduoduo: { zh_CN: '拼多多', en: 'Pinduoduo' },
  jd: { zh_CN: '京东', en: 'JD' },
  douyin: { zh_CN: '抖音', en: 'Douyin' },
  woocommerce: { zh_CN: 'WooCommerce', en: 'WooCommerce' },
  shopify: { zh_CN: 'Shopify', en: 'Shopify' },
};
