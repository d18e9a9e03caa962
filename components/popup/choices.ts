/** Platform names as sellers call them (one table, lib/customers/labels). */
export { PLATFORM_LABELS } from '@/lib/customers/labels';

/** The tags the guides name (domain.md), offered on every card. */
export const COMMON_TAGS = ['新款顾客', '聚划算顾客', '活动顾客', '高端'] as const;

/** Blacklist reasons the guides name, offered as suggestions. */
export const BLACKLIST_REASONS = ['差评师', '职业打假', '恶意退款'] as const;
