/** The overlay's and badges' words (customer labels live in lib/customers). `{name}` marks a value `t` fills in. */
import { translator } from './translate';

const zh_CN = {
  // Badges
  'badges.label': '顾客标签',
  'badge.firstOrder': '首单',
  'badge.returningTimes': '老客 ×{n}',
  'badge.uncertain': '身份不确定',
  'badge.uncertainTip':
    '平台隐藏了买家，只给出尚未证实的标识或显示名（或什么都没有），无法确定这一单是否与历史订单属于同一位顾客，因此不判断等级、分群与新老客。',
  'badge.tierUnknown': '?',
  'badge.tierUnknownTip': '无法匹配到该买家的历史订单，不显示会员等级。',
  'badge.blacklist': '黑名单',
  'badge.blacklistTip': '已加入黑名单',
  'badge.blacklistReason': '原因：{reason}',
  'badge.tag': '标签：{tag}',
  'badge.moreTags': '+{n}',
  'badge.moreTagsTip': '其他标签：{tags}',
  // Overlay
  'overlay.remindNow': '催付 · {channel} 现在',
  'overlay.remindAt': '催付 · {time} {channel}',
  'overlay.remindBlocked': '催付 · 不建议',
  'overlay.remindNone': '催付 · 无待办',
  'overlay.close': '关闭',
  'channel.chat': '旺旺',
  'channel.chatIm': '聊天',
  'channel.phoneShort': '电话',
  'channel.sms': '短信',
  'channel.email': '邮件',
  'channel.phone': '电话话术',
  'time.today': '今天',
  'time.tomorrow': '明天',
  'time.yesterday': '昨天',
  'time.ago.min': '{n} 分钟',
  'time.ago.hour': '{n} 小时',
  'time.ago.lessMin': '不到 1 分钟',
  'overlay.assistantTitle': '催付助手',
};

const en: Record<keyof typeof zh_CN, string> = {
  'badges.label': 'Customer badges',
  'badge.firstOrder': 'First order',
  'badge.returningTimes': 'Returning ×{n}',
  'badge.uncertain': 'Identity uncertain',
  'badge.uncertainTip':
    'The platform hid the buyer and gave no key, or only a token or display name not yet proven, so this order cannot be matched to the same customer’s history with confidence: no tier, segment or new/returning is judged.',
  'badge.tierUnknown': '?',
  'badge.tierUnknownTip':
    'This buyer cannot be matched to their order history, so no tier is shown.',
  'badge.blacklist': 'Blacklisted',
  'badge.blacklistTip': 'On the blacklist',
  'badge.blacklistReason': 'Reason: {reason}',
  'badge.tag': 'Tag: {tag}',
  'badge.moreTags': '+{n}',
  'badge.moreTagsTip': 'More tags: {tags}',
  'overlay.remindNow': 'Remind · {channel} now',
  'overlay.remindAt': 'Remind · {time} {channel}',
  'overlay.remindBlocked': 'Remind · not advised',
  'overlay.remindNone': 'Remind · nothing due',
  'overlay.close': 'Close',
  'channel.chat': 'Chat',
  'channel.chatIm': 'Chat',
  'channel.phoneShort': 'Phone',
  'channel.sms': 'SMS',
  'channel.email': 'Email',
  'channel.phone': 'Phone script',
  'time.today': 'today',
  'time.tomorrow': 'tomorrow',
  'time.yesterday': 'yesterday',
  'time.ago.min': '{n} min',
  'time.ago.hour': '{n} h',
  'time.ago.lessMin': 'under 1 min',
  'overlay.assistantTitle': 'Payment reminder',
};

/** The overlay string for `key` in `lang`. */
export const tables = { zh_CN, en };
export const t = translator(tables);
/** A overlay string's key. */
export type OverlayKey = keyof typeof zh_CN;
