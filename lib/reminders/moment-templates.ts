/**
 * The built-in care, recall and repurchase messages, and every built-in template together. Apart
 * from the payment reminders (templates.ts) so that the order page's 催付 assistant, which sends
 * only reminders, does not carry them. Care, recall and repurchase SMS are marketing: each ends
 * with an opt-out (回T退订 / Reply STOP to opt out).
 */
import type { Lang } from '../i18n';
import {
  MOMENTS,
  MOMENT_CHANNELS,
  REMIND_TEMPLATES,
  momentTemplateId,
  templateAmong,
  type BuiltInTemplates,
  type Moment,
  type MomentChannel,
} from './templates';

type MomentSet = Record<Moment, Record<MomentChannel, string>>;

const MOMENT_ZH: MomentSet = {
  'care.day2': {
    chat: '亲，您的{商品}已经签收啦～第一次使用前，建议先看一下随货附带的说明或保养小贴士。使用中有任何问题，随时问我们哦。',
    sms: '【{店铺}】亲，您的{商品}已签收，使用前建议先看看随货的说明，有问题随时联系我们。回T退订',
  },
  'care.day7': {
    chat: '亲，{商品}用了一周啦，感觉怎么样？如果在使用上有什么不顺手的地方，告诉我们，帮您一起解决～',
    sms: '【{店铺}】亲，{商品}用了一周感觉如何？使用中有任何问题欢迎随时联系客服。回T退订',
  },
  'care.day15': {
    chat: '亲，{商品}陪伴您半个月了～我们整理了一些使用和保养的小方法，需要的话回复我就发给您，让它用得更久。',
    sms: '【{店铺}】亲，{商品}使用半个月啦，需要使用或保养指导可随时联系客服。回T退订',
  },
  'care.day30': {
    chat: '亲，{商品}陪伴您满一个月啦！{店铺}为您准备了一份满月小礼，进店找客服即可领取，感谢您的陪伴～',
    sms: '【{店铺}】亲，{商品}陪伴您满月啦，店铺为您准备了满月小礼，进店联系客服领取。回T退订',
  },
  'care.day45': {
    chat: '亲，{店铺}一直坚持用心挑选和打磨每一件商品，希望它们能让您的生活多一点舒心。谢谢您的信任，也欢迎随时跟我们聊聊您的使用感受～',
    sms: '【{店铺}】亲，谢谢您的信任，我们会继续用心为您挑选每一件好物。回T退订',
  },
  'care.day100': {
    chat: '亲，今天是{商品}陪伴您的第100天～{店铺}为您准备了一份百天礼，进店找客服即可领取，谢谢您一路的支持！',
    sms: '【{店铺}】亲，{商品}陪伴您100天啦，店铺为您准备了百天礼，进店联系客服领取。回T退订',
  },
  'care.day365': {
    chat: '亲，一年前的今天，{商品}来到了您身边～谢谢您一整年的陪伴！{店铺}为您准备了一份周年心意，进店找客服领取吧。',
    sms: '【{店铺}】亲，{商品}陪伴您一周年啦，感谢有您！店铺为您准备了周年心意，进店联系客服领取。回T退订',
  },
  'care.newcustomer': {
    chat: '亲，感谢您选择{店铺}！关于商品使用、售后的任何问题，都可以直接找我，我们会尽力让您满意～',
    sms: '【{店铺}】亲，感谢您选择我们！商品使用或售后有任何问题，欢迎随时联系客服。回T退订',
  },
  'recall.prechurn': {
    chat: '亲，好久不见～{店铺}最近上了不少新品，作为我们的{会员等级}，欢迎您回来看看，有喜欢的随时问我～',
    sms: '【{店铺}】亲，好久不见～店铺上新啦，欢迎您回店看看。回T退订',
  },
  'recall.churned': {
    chat: '亲，好久没见到您了，{店铺}一直记得您～这段时间我们改进了不少商品和服务，有空回来看看吧。',
    sms: '【{店铺}】亲，好久不见，我们改进了不少商品和服务，欢迎有空回店看看。回T退订',
  },
  'repurchase.due': {
    chat: '亲，您上次买的{商品}差不多快用完了吧？需要补货的话直接回店里下单，有问题随时找我～',
    sms: '【{店铺}】亲，您上次购买的{商品}差不多该补货啦，需要的话欢迎回店选购。回T退订',
  },
};

const MOMENT_EN: MomentSet = {
  'care.day2': {
    chat: 'Hi {buyer}, your {items} has arrived! Before first use, take a look at the instructions or care tips in the parcel. Any questions, just ask us.',
    sms: '[{shop}] Your {items} has arrived. Please check the instructions before first use; contact us with any questions. Reply STOP to opt out',
  },
  'care.day7': {
    chat: "Hi {buyer}, you've had {items} for a week now. How is it going? If anything doesn't feel right, tell us and we'll sort it out together.",
    sms: '[{shop}] How is {items} after a week? Contact our customer service with any questions. Reply STOP to opt out',
  },
  'care.day15': {
    chat: "Hi {buyer}, it's been two weeks with {items}. We've put together a few tips on use and care; reply and I'll send them so it lasts longer.",
    sms: '[{shop}] Two weeks with {items}: contact us any time for tips on use and care. Reply STOP to opt out',
  },
  'care.day30': {
    chat: "Hi {buyer}, it's one month since {items} arrived! {shop} has a small one-month gift for you; ask our customer service in the shop to collect it.",
    sms: '[{shop}] One month with {items}! We have a small gift for you; ask our customer service to collect it. Reply STOP to opt out',
  },
  'care.day45': {
    chat: "Hi {buyer}, at {shop} we choose and refine every product with care, hoping each one makes life a little easier. Thank you for your trust; we'd love to hear how things are going.",
    sms: '[{shop}] Thank you for your trust. We will keep choosing every product with care. Reply STOP to opt out',
  },
  'care.day100': {
    chat: 'Hi {buyer}, today is day 100 with {items}! {shop} has a 100-day gift for you; ask our customer service in the shop to collect it. Thanks for being with us!',
    sms: '[{shop}] 100 days with {items}! We have a gift for you; ask our customer service to collect it. Reply STOP to opt out',
  },
  'care.day365': {
    chat: 'Hi {buyer}, one year ago today {items} arrived. Thank you for a whole year together! {shop} has an anniversary gift for you; ask our customer service to collect it.',
    sms: '[{shop}] One year with {items}! Thank you. We have an anniversary gift for you; ask our customer service to collect it. Reply STOP to opt out',
  },
  'care.newcustomer': {
    chat: "Hi {buyer}, thank you for choosing {shop}! For any question about using your items or after-sales service, just message me; we'll do our best for you.",
    sms: '[{shop}] Thank you for choosing us! Contact our customer service with any question about your items. Reply STOP to opt out',
  },
  'recall.prechurn': {
    chat: "Hi {buyer}, it's been a while! {shop} has plenty of new arrivals. As one of our {tier} members, you're warmly welcome back; ask me about anything you like.",
    sms: "[{shop}] It's been a while! We have new arrivals; come and have a look. Reply STOP to opt out",
  },
  'recall.churned': {
    chat: "Hi {buyer}, we haven't seen you for a long time and {shop} still remembers you. We've improved many products and services since; drop by when you have a moment.",
    sms: "[{shop}] It's been a long time! We've improved our products and service; drop by any time. Reply STOP to opt out",
  },
  'repurchase.due': {
    chat: 'Hi {buyer}, you may be running low on {items} by now. If you need more, you can order again in the shop; ask me anything.',
    sms: '[{shop}] Running low on {items}? Restock any time in our shop. Reply STOP to opt out',
  },
};

function flatten(moments: MomentSet): Record<string, string> {
  const out: Record<string, string> = {};
  for (const moment of MOMENTS)
    for (const channel of MOMENT_CHANNELS)
      out[momentTemplateId(moment, channel)] = moments[moment][channel];
  return out;
}

function allTemplates(): BuiltInTemplates {
  return {
    zh_CN: { ...REMIND_TEMPLATES.zh_CN, ...flatten(MOMENT_ZH) },
    en: { ...REMIND_TEMPLATES.en, ...flatten(MOMENT_EN) },
  };
}

/**
 * The built-in templates by language and id. Sellers override any id in settings.templates.
 * Marked pure so that a bundle importing lib/reminders for other names leaves these messages out.
 */
export const DEFAULT_TEMPLATES: BuiltInTemplates = /* @__PURE__ */ allTemplates();

/** The template for an id among every built-in one (see templateAmong). */
export function templateFor(
  id: string,
  lang: Lang,
  overrides: Readonly<Record<string, string>>,
): string | undefined {
  return templateAmong(DEFAULT_TEMPLATES, id, lang, overrides);
}
