/**
 * The overlay's and badges' own words, in the two languages the extension speaks. Customer labels
 * (tiers, stages, segments) and rule explanations live in lib/customers; this holds only the UI's
 * glue text. `{name}` marks a value filled in by `t`.
 */
import type { Lang } from '@/lib/customers';

const ZH = {
  // Badges
  'badges.label': '顾客标签',
  'badge.firstOrder': '首单',
  'badge.returningTimes': '老客 ×{n}',
  'assistant.uncertainLadder': '身份不确定：无法确认是否买过，按新客节奏催付。',
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
  'fact.days': '距上次购买：{days} 天',
  'fact.daysNone': '此前没有购买记录',
  'fact.count': '购买次数：{count} 次',
  'fact.nth': '本单是第 {n} 次购买',
  'fact.spend': '累计消费 {total}，客单价 {avg}',
  'fact.percentile': '本店 {p}% 的顾客消费比 TA 多',
  'fact.percentileNone': '尚无消费排名',
  'fact.lifecycle':
    '当前阈值：活跃 ≤{active} 天，睡眠 ≤{sleeping} 天，预流失 ≤{prechurn} 天，超过为流失',
  'fact.tierRank': '当前规则：按消费排名，至尊VIP 前 {svip}%，VIP 前 {vip}%，高级会员 前 {senior}%',
  'fact.tierThreshold':
    '当前规则：按门槛，至尊VIP {svipYuan} 或 {svipCount} 次；VIP {vipYuan} 或 {vipCount} 次；高级会员 {seniorYuan} 或 {seniorCount} 次',
  'fact.rule': '规则：{rule}',
  // Overlay
  'overlay.label': '客知',
  'overlay.remind': '催付',
  'overlay.remindNow': '催付 · {channel} 现在',
  'overlay.remindAt': '催付 · {time} {channel}',
  'overlay.remindBlocked': '催付 · 不建议',
  'overlay.remindNone': '催付 · 无待办',
  'overlay.close': '关闭',
  'assistant.title': '催付助手',
  'assistant.steps': '催付步骤',
  'assistant.autoClose': '订单将在 {left} 后自动关闭（{at}）',
  'assistant.autoClosed': '订单已于 {at} 自动关闭',
  'assistant.state.done': '已完成',
  'assistant.state.due': '现在',
  'assistant.state.upcoming': '待发',
  'assistant.state.missed': '来不及（订单先关闭）',
  'assistant.moved': '（避开免打扰，原定 {at}）',
  'assistant.noSteps': '没有催付步骤',
  'assistant.reasons': '不建议催付',
  'reason.not-unpaid': '订单状态为“{status}”，不是待付款',
  'reason.auto-closed': '订单已于 {at} 自动关闭',
  'reason.sibling-paid': '买家已付款其他订单（一天内下的另一单已付款，本单可能是重复下单）',
  'reason.blacklisted': '买家在黑名单中',
  'reason.cap-reached': '24 小时内已催付 {count} 次，达到上限 {cap} 次；{at} 后可再催',
  'reason.unknown-status': '无法识别订单状态（{raw}），可能已付款：请先在平台核对，不催付',
  'assistant.pulled': '（提前：原定 {at} 晚于订单自动关闭）',
  'warning.quiet-hours': '现在是免打扰时段，{at} 结束',
  'warning.too-soon': '{ago}前刚联系过该买家（间隔少于 {gap} 分钟）',
  'warning.would-exceed-cap': '该买家 24 小时内已催付 {count} 次，再发一次将达到上限 {cap} 次',
  'assistant.tone': '语气',
  'tone.polite': '礼貌',
  'tone.brief': '简短',
  'tone.warm': '亲切',
  'channel.chat': '旺旺',
  'channel.chatIm': '聊天',
  'channel.phoneShort': '电话',
  'assistant.order': '订单',
  'assistant.messages': '消息',
  'assistant.templateRemind': '催付·{tone}',
  'assistant.lastContact': '上次联系',
  'channel.sms': '短信',
  'channel.email': '邮件',
  'channel.phone': '电话话术',
  'assistant.renderError': '模板无法生成消息：',
  'assistant.noTemplate': '没有找到模板 {id}',
  'assistant.copy': '复制',
  'assistant.copyAnyway': '仍要复制',
  'assistant.copying': '复制中…',
  'assistant.copied': '已复制',
  'assistant.copyFailed': '复制失败：{error}',
  'assistant.confirm': '复制前请确认：',
  'assistant.contacts': '最近联系',
  'assistant.noContacts': '暂无联系记录',
  'assistant.recentWarning': '{ago}前刚联系过该买家，{gap} 分钟内不宜重复联系',
  'assistant.staffUnknown': '未记名',
  'time.today': '今天',
  'time.tomorrow': '明天',
  'time.yesterday': '昨天',
  'time.ago.min': '{n} 分钟',
  'time.ago.hour': '{n} 小时',
  'time.ago.lessMin': '不到 1 分钟',
  'status.unpaid': '待付款',
  'status.paid': '已付款',
  'status.shipped': '已发货',
  'status.completed': '已完成',
  'status.closed': '已关闭',
  'status.refunding': '退款中',
  'status.refunded': '已退款',
  'status.partially_refunded': '部分退款',
  'status.unknown': '状态未知',
};

/** Every key the UI uses; the English table must have the same ones. */
export type StringKey = keyof typeof ZH;

const EN: Record<StringKey, string> = {
  'badges.label': 'Customer badges',
  'badge.firstOrder': 'First order',
  'badge.returningTimes': 'Returning ×{n}',
  'assistant.uncertainLadder':
    'Identity uncertain: we cannot tell whether this buyer bought before, so the new-customer ladder applies.',
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
  'fact.days': 'Days since last purchase: {days}',
  'fact.daysNone': 'No purchase before',
  'fact.count': 'Purchases: {count}',
  'fact.nth': 'This order is purchase #{n}',
  'fact.spend': 'Spent {total} in total, average order {avg}',
  'fact.percentile': '{p}% of the shop’s customers spent more',
  'fact.percentileNone': 'No spend ranking yet',
  'fact.lifecycle':
    'Current cuts: active ≤{active} d, sleeping ≤{sleeping} d, about to churn ≤{prechurn} d, churned beyond',
  'fact.tierRank':
    'Current rule: by spend rank, Super VIP top {svip}%, VIP top {vip}%, Senior top {senior}%',
  'fact.tierThreshold':
    'Current rule: thresholds, Super VIP {svipYuan} or {svipCount} purchases; VIP {vipYuan} or {vipCount}; Senior {seniorYuan} or {seniorCount}',
  'fact.rule': 'Rule: {rule}',
  'overlay.label': 'Kezhi',
  'overlay.remind': 'Remind',
  'overlay.remindNow': 'Remind · {channel} now',
  'overlay.remindAt': 'Remind · {time} {channel}',
  'overlay.remindBlocked': 'Remind · not advised',
  'overlay.remindNone': 'Remind · nothing due',
  'overlay.close': 'Close',
  'assistant.title': 'Payment reminder',
  'assistant.steps': 'Reminder steps',
  'assistant.autoClose': 'The order closes automatically in {left} ({at})',
  'assistant.autoClosed': 'The order closed automatically at {at}',
  'assistant.state.done': 'Done',
  'assistant.state.due': 'Now',
  'assistant.state.upcoming': 'Upcoming',
  'assistant.state.missed': 'Missed (order closes first)',
  'assistant.moved': '(moved out of quiet hours, planned {at})',
  'assistant.noSteps': 'No reminder steps',
  'assistant.reasons': 'Better not remind',
  'reason.not-unpaid': 'The order is “{status}”, not awaiting payment',
  'reason.auto-closed': 'The order closed automatically at {at}',
  'reason.sibling-paid':
    'The buyer paid another order (one placed within a day was paid; this may be a duplicate)',
  'reason.blacklisted': 'The buyer is blacklisted',
  'reason.cap-reached': '{count} reminders in 24 h reached the cap of {cap}; next allowed {at}',
  'reason.unknown-status':
    'The order status could not be read ({raw}); it may be paid: check on the platform, no reminder',
  'assistant.pulled': '(brought forward: planned {at}, after the order auto-closes)',
  'warning.quiet-hours': 'Quiet hours now, until {at}',
  'warning.too-soon': 'This buyer was contacted {ago} ago (less than {gap} min)',
  'warning.would-exceed-cap':
    '{count} reminders to this buyer in 24 h; one more reaches the cap of {cap}',
  'assistant.tone': 'Tone',
  'tone.polite': 'Polite',
  'tone.brief': 'Brief',
  'tone.warm': 'Warm',
  'channel.chat': 'Chat',
  'channel.chatIm': 'Chat',
  'channel.phoneShort': 'Phone',
  'assistant.order': 'Order',
  'assistant.messages': 'Messages',
  'assistant.templateRemind': 'Reminder · {tone}',
  'assistant.lastContact': 'Last contact',
  'channel.sms': 'SMS',
  'channel.email': 'Email',
  'channel.phone': 'Phone script',
  'assistant.renderError': 'The template cannot make a message:',
  'assistant.noTemplate': 'No template {id}',
  'assistant.copy': 'Copy',
  'assistant.copyAnyway': 'Copy anyway',
  'assistant.copying': 'Copying…',
  'assistant.copied': 'Copied',
  'assistant.copyFailed': 'Copy failed: {error}',
  'assistant.confirm': 'Please confirm before copying:',
  'assistant.contacts': 'Recent contacts',
  'assistant.noContacts': 'No contacts yet',
  'assistant.recentWarning':
    'This buyer was contacted {ago} ago; avoid contacting again within {gap} min',
  'assistant.staffUnknown': 'unnamed',
  'time.today': 'today',
  'time.tomorrow': 'tomorrow',
  'time.yesterday': 'yesterday',
  'time.ago.min': '{n} min',
  'time.ago.hour': '{n} h',
  'time.ago.lessMin': 'under 1 min',
  'status.unpaid': 'awaiting payment',
  'status.paid': 'paid',
  'status.shipped': 'shipped',
  'status.completed': 'completed',
  'status.closed': 'closed',
  'status.refunding': 'refunding',
  'status.refunded': 'refunded',
  'status.partially_refunded': 'partly refunded',
  'status.unknown': 'status unknown',
};

/** The UI strings by language; both tables have exactly the same keys (the type holds them to it). */
export const STRINGS: Readonly<Record<Lang, Readonly<Record<StringKey, string>>>> = {
  zh_CN: ZH,
  en: EN,
};

/**
 * The string for `key` in `lang`, with `{name}` filled from `vars`. Values are inserted in one pass
 * as plain text (a value containing `{x}` is not expanded again); a placeholder without a value is
 * left as written so a missing value is visible rather than blank.
 */
export function t(
  lang: Lang,
  key: StringKey,
  vars?: Readonly<Record<string, string | number>>,
): string {
  const template = STRINGS[lang][key];
  if (!vars) return template;
  return template.replace(/\{(\w+)\}/g, (whole, name: string) => {
    const v = vars[name];
    return v === undefined ? whole : String(v);
  });
}
