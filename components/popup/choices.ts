import type { Lang } from '@/lib/i18n';
import type { Platform } from '@/lib/schemas';

/** Platform names as sellers call them. */
export const PLATFORM_LABELS: Readonly<Record<Platform, Readonly<Record<Lang, string>>>> = {
  taobao: { zh_CN: '淘宝', en: 'Taobao' },
  pinduoduo: { zh_CN: '拼多多', en: 'Pinduoduo' },
  jd: { zh_CN: '京东', en: 'JD' },
  douyin: { zh_CN: '抖音', en: 'Douyin' },
  woocommerce: { zh_CN: 'WooCommerce', en: 'WooCommerce' },
  shopify: { zh_CN: 'Shopify', en: 'Shopify' },
};

/** The tags the guides name (domain.md), offered on every card. */
export const COMMON_TAGS = ['新款顾客', '聚划算顾客', '活动顾客', '高端'] as const;

/** Blacklist reasons the guides name, offered as suggestions. */
export const BLACKLIST_REASONS = ['差评师', '职业打假', '恶意退款'] as const;
