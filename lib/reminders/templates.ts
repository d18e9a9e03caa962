/**
 * Template ids, the built-in payment reminders in the seller's voice, and how a template id is
 * resolved. The built-in care, recall and repurchase messages live in moment-templates.ts (the
 * order page's 催付 assistant does not carry them).
 *
 * Ids:
 * - payment reminders `remind.<group>.<channel>.<tone>`: group new / returning / large,
 *   channel chat / sms / email / phone, tone polite / brief / warm (e.g. `remind.new.chat.polite`);
 * - other moments `<moment>.<channel>` with channel chat / sms (e.g. `care.day7.sms`).
 *
 * Payment reminders are worded as order service (the order, its amount, when it closes, an offer
 * to help), never as marketing, so their SMS carry no opt-out. Care, recall and repurchase SMS are
 * marketing: each ends with an opt-out (回T退订 / Reply STOP to opt out). Nothing here offers
 * anything for a review (platforms forbid 好评返现). A test holds every template to checkCompliance.
 */
import type { Channel, Tone } from '../schemas';
import type { ContactPurpose, ReminderGroup } from './plan';
import type { Lang } from '../i18n';

export const REMINDER_GROUPS: readonly ReminderGroup[] = ['new', 'returning', 'large'];
export const REMINDER_CHANNELS: readonly Channel[] = ['chat', 'sms', 'email', 'phone'];
export const TONES: readonly Tone[] = ['polite', 'brief', 'warm'];

/** The moments other than 催付 that the guides plan messages for (domain.md). */
export const MOMENTS = [
  'care.day2',
  'care.day7',
  'care.day15',
  'care.day30',
  'care.day45',
  'care.day100',
  'care.day365',
  'care.newcustomer',
  'recall.prechurn',
  'recall.churned',
  'repurchase.due',
] as const;
export type Moment = (typeof MOMENTS)[number];
/** Care, recall and repurchase messages go by chat or SMS only. */
export const MOMENT_CHANNELS = ['chat', 'sms'] as const satisfies readonly Channel[];
export type MomentChannel = (typeof MOMENT_CHANNELS)[number];

/** `remind.new.chat.polite` */
export function remindTemplateId(group: ReminderGroup, channel: Channel, tone: Tone): string {
  return `remind.${group}.${channel}.${tone}`;
}

/** `care.day7.sms` */
export function momentTemplateId(moment: Moment, channel: MomentChannel): string {
  return `${moment}.${channel}`;
}

/** What a template is for, from its id's first segment; 'other' for a seller's own ids. */
export function templatePurpose(id: string): ContactPurpose {
  const head = id.split('.')[0];
  return head === 'remind' || head === 'care' || head === 'recall' || head === 'repurchase'
    ? head
    : 'other';
}

/** The channel an id names (third segment for reminders, last for moments), if any. */
export function templateChannel(id: string): Channel | undefined {
  const segs = id.split('.');
  const seg = templatePurpose(id) === 'remind' ? segs[2] : segs[segs.length - 1];
  return REMINDER_CHANNELS.find((c) => c === seg);
}

type RemindSet = Record<ReminderGroup, Record<Channel, Record<Tone, string>>>;

const REMIND_ZH: RemindSet = {
  new: {
    chat: {
      polite:
        '亲，您好～您在{店铺}拍下的{商品}还没有付款哦，订单金额{金额}。订单将在{剩余时间}后自动关闭，如对商品、尺码或发货有任何疑问，随时问我就好～',
      brief: '亲，您拍下的{商品}（{金额}）还未付款，订单{剩余时间}后自动关闭，方便时记得付款哦。',
      warm: '亲爱的{买家}，您好呀～看到您挑中了{商品}，眼光真好！订单还差付款这一步，{剩余时间}后会自动关闭。有什么想了解的都可以问我，{店铺}随时为您服务～',
    },
    sms: {
      polite:
        '【{店铺}】亲，您{下单时间}拍下的{商品}（{金额}）尚未付款，订单将在{剩余时间}后自动关闭，如需购买请及时付款，有疑问可联系店铺客服。',
      brief: '【{店铺}】亲，您的订单{订单号}尚未付款，将在{剩余时间}后自动关闭，请及时处理。',
      warm: '【{店铺}】亲爱的{买家}，您挑选的{商品}还在等您付款哦，订单{剩余时间}后自动关闭，有任何问题随时找我们～',
    },
    email: {
      polite:
        '亲爱的{买家}：\n\n您好！您于{下单时间}在{店铺}拍下的订单（订单号：{订单号}）尚未完成付款。\n商品：{商品}\n金额：{金额}\n\n订单将在{剩余时间}后自动关闭。如果您在付款时遇到问题，或对商品还有疑问，直接回复这封邮件即可，我们会尽快协助您。\n\n{店铺}',
      brief:
        '您好，{买家}：\n\n您在{店铺}的订单{订单号}（{商品}，{金额}）尚未付款，将在{剩余时间}后自动关闭。如需购买，请及时完成付款。\n\n{店铺}',
      warm: '亲爱的{买家}：\n\n感谢您第一次来到{店铺}！您挑选的{商品}已经为您保留好了，订单金额{金额}，只差付款这一步啦。\n\n订单将在{剩余时间}后自动关闭。如果有任何顾虑，比如尺码、材质或发货时间，回复这封邮件告诉我们，我们很乐意为您解答。\n\n{店铺} 客服',
    },
    phone: {
      polite:
        '您好，请问是{买家}吗？我是{店铺}的客服。您在{下单时间}拍下的{商品}，订单金额{金额}，目前还没有付款，想跟您确认一下是不是付款时遇到了问题，或者对商品还有什么疑问？订单会在{剩余时间}后自动关闭，有需要我们随时为您处理。',
      brief:
        '您好，我是{店铺}客服。您拍下的{商品}（{金额}）还未付款，订单{剩余时间}后自动关闭，请问需要帮您处理什么吗？',
      warm: '您好，是{买家}吧？我是{店铺}的客服，耽误您一分钟～看到您挑中了{商品}，订单还没有付款，是遇到什么问题了吗？有任何疑问我都可以帮您解答，订单会为您保留{剩余时间}。',
    },
  },
  returning: {
    chat: {
      polite:
        '亲，感谢您一直以来对{店铺}的支持！您拍下的{商品}（{金额}）还未付款，订单将在{剩余时间}后自动关闭，方便时记得付款哦～',
      brief: '亲，您的{商品}（{金额}）还未付款，订单{剩余时间}后自动关闭～',
      warm: '亲爱的{买家}，又见面啦～谢谢您再次光临{店铺}！您拍下的{商品}还差付款这一步，订单{剩余时间}后会自动关闭。作为我们的{会员等级}，有任何需要随时找我～',
    },
    sms: {
      polite:
        '【{店铺}】亲，感谢您再次光临！您拍下的{商品}（{金额}）尚未付款，订单将在{剩余时间}后自动关闭，如需购买请及时付款。',
      brief: '【{店铺}】亲，您的订单{订单号}尚未付款，将在{剩余时间}后自动关闭。',
      warm: '【{店铺}】亲爱的{买家}，谢谢您一直以来的支持～您挑选的{商品}还在等您付款，订单{剩余时间}后自动关闭哦。',
    },
    email: {
      polite:
        '亲爱的{买家}：\n\n您好！感谢您一直以来对{店铺}的支持。您于{下单时间}拍下的订单（订单号：{订单号}）尚未完成付款。\n商品：{商品}\n金额：{金额}\n\n订单将在{剩余时间}后自动关闭。如有任何问题，直接回复这封邮件即可。\n\n{店铺}',
      brief:
        '您好，{买家}：\n\n您在{店铺}的订单{订单号}（{商品}，{金额}）尚未付款，将在{剩余时间}后自动关闭。\n\n{店铺}',
      warm: '亲爱的{买家}：\n\n很高兴再次见到您！作为{店铺}的{会员等级}，您的每一次光临我们都很珍惜。您挑选的{商品}（{金额}）已经为您保留好，只差付款这一步啦。\n\n订单将在{剩余时间}后自动关闭，有任何需要，回复这封邮件告诉我们就好。\n\n{店铺} 客服',
    },
    phone: {
      polite:
        '您好，请问是{买家}吗？我是{店铺}的客服，感谢您一直以来的支持。您在{下单时间}拍下的{商品}，订单金额{金额}，目前还没有付款，想跟您确认一下是否遇到了什么问题？订单会在{剩余时间}后自动关闭。',
      brief:
        '您好，我是{店铺}客服。您的订单{订单号}还未付款，{剩余时间}后自动关闭，需要帮您处理吗？',
      warm: '您好，{买家}！我是{店铺}的客服，谢谢您又来支持我们～看到您拍下了{商品}还没付款，是不是遇到什么问题了？作为我们的{会员等级}，有什么需要我都帮您优先处理。',
    },
  },
  large: {
    chat: {
      polite:
        '亲，感谢您对{店铺}的信任！您拍下的{商品}，订单金额{金额}，目前还未付款。大额付款如遇到银行卡限额等问题，可以告诉我们一起想办法。订单将在{剩余时间}后自动关闭。',
      brief:
        '亲，您的订单{订单号}（{金额}）还未付款，{剩余时间}后自动关闭，付款遇到问题可以随时找我。',
      warm: '亲爱的{买家}，谢谢您一直以来对{店铺}的支持～您这次挑选的{商品}我们已经为您备好，只差付款这一步。金额较大时如遇到支付限额，告诉我帮您处理。作为{会员等级}，有任何需要我都优先为您安排～',
    },
    sms: {
      polite:
        '【{店铺}】亲，您拍下的{商品}（{金额}）尚未付款，订单将在{剩余时间}后自动关闭。如付款遇到限额等问题，可联系店铺客服协助。',
      brief: '【{店铺}】亲，您的订单{订单号}（{金额}）尚未付款，将在{剩余时间}后自动关闭。',
      warm: '【{店铺}】亲爱的{买家}，您挑选的{商品}已为您备好，只差付款这一步啦，订单{剩余时间}后自动关闭，有问题随时找我们～',
    },
    email: {
      polite:
        '亲爱的{买家}：\n\n您好！感谢您对{店铺}的信任。您于{下单时间}拍下的订单（订单号：{订单号}）尚未完成付款。\n商品：{商品}\n金额：{金额}\n\n订单将在{剩余时间}后自动关闭。大额付款有时会遇到银行卡单笔限额，如需协助，直接回复这封邮件即可。\n\n{店铺}',
      brief:
        '您好，{买家}：\n\n您在{店铺}的订单{订单号}（{金额}）尚未付款，将在{剩余时间}后自动关闭。付款如遇问题，请回复此邮件。\n\n{店铺}',
      warm: '亲爱的{买家}：\n\n谢谢您一直以来的支持！您这次挑选的{商品}（{金额}）我们已经为您备好，只差付款这一步。\n\n如果付款时遇到限额或其他问题，回复这封邮件告诉我们，我们会一步步帮您处理。订单将在{剩余时间}后自动关闭。\n\n{店铺} 客服',
    },
    phone: {
      polite:
        '您好，请问是{买家}吗？我是{店铺}的客服。您在{下单时间}拍下的{商品}，订单金额{金额}，目前还没有付款。大额付款有时会遇到银行卡限额，想问问您是否需要帮助？订单会在{剩余时间}后自动关闭。',
      brief:
        '您好，我是{店铺}客服。您的订单{订单号}，金额{金额}，还未付款，{剩余时间}后自动关闭，请问需要协助吗？',
      warm: '您好，{买家}！我是{店铺}的客服，一直很感谢您的支持～您这次挑选的{商品}我们都备好了，就差付款这一步。如果付款时遇到限额或其他问题，我可以陪您一步步处理。',
    },
  },
};

const REMIND_EN: RemindSet = {
  new: {
    chat: {
      polite:
        'Hi {buyer}, thank you for your order at {shop}! Your order for {items} ({amount}) is still waiting for payment and will close automatically in {timeLeft}. If you have any questions about the item, sizing or delivery, just ask here.',
      brief:
        'Hi {buyer}, your order for {items} ({amount}) is awaiting payment and closes in {timeLeft}.',
      warm: "Hi {buyer}! Great choice with {items}. Your order just needs payment to go through; it will close automatically in {timeLeft}. Anything you'd like to know first? {shop} is happy to help.",
    },
    sms: {
      polite:
        '[{shop}] Hi {buyer}, your order for {items} ({amount}) placed {orderTime} is awaiting payment and will close in {timeLeft}. Questions? Contact our customer service.',
      brief: '[{shop}] Order {orderId} is awaiting payment and closes in {timeLeft}.',
      warm: "[{shop}] Hi {buyer}, {items} is reserved for you and just needs payment. The order closes in {timeLeft}. We're here if you need anything.",
    },
    email: {
      polite:
        'Dear {buyer},\n\nThank you for your order at {shop}. Your order {orderId}, placed {orderTime}, has not been paid yet.\nItems: {items}\nAmount: {amount}\n\nThe order will close automatically in {timeLeft}. If anything went wrong with the payment, or you have a question about the items, simply reply to this email and we will help.\n\n{shop}',
      brief:
        'Hello {buyer},\n\nYour order {orderId} at {shop} ({items}, {amount}) is awaiting payment and will close in {timeLeft}.\n\n{shop}',
      warm: "Dear {buyer},\n\nWelcome to {shop}! We've set aside {items} for you ({amount}); the order only needs payment to go through.\n\nIt will close automatically in {timeLeft}. If you're unsure about sizing, materials or delivery, reply to this email and we'll gladly help.\n\nThe {shop} team",
    },
    phone: {
      polite:
        "Hello, is this {buyer}? I'm calling from {shop} customer service. Your order for {items} from {orderTime}, {amount}, hasn't been paid yet. Did something go wrong with the payment, or is there anything about the items I can answer? The order will close automatically in {timeLeft}.",
      brief:
        "Hello, this is {shop} customer service. Your order for {items} ({amount}) hasn't been paid and closes in {timeLeft}. Can I help with anything?",
      warm: 'Hi {buyer}, this is {shop}, just a quick call. I saw you picked {items} and the order is still waiting for payment. Is anything holding you back? Happy to answer any question; the order stays open for {timeLeft}.',
    },
  },
  returning: {
    chat: {
      polite:
        'Hi {buyer}, thank you for shopping with {shop} again! Your order for {items} ({amount}) is awaiting payment and will close automatically in {timeLeft}.',
      brief:
        'Hi {buyer}, your order for {items} ({amount}) is awaiting payment; it closes in {timeLeft}.',
      warm: 'Hi {buyer}, great to see you again! Your order for {items} just needs payment and will close in {timeLeft}. As one of our {tier} members, just let me know if you need anything.',
    },
    sms: {
      polite:
        '[{shop}] Hi {buyer}, thanks for coming back! Your order for {items} ({amount}) is awaiting payment and will close in {timeLeft}.',
      brief: '[{shop}] Order {orderId} is awaiting payment and closes in {timeLeft}.',
      warm: '[{shop}] Hi {buyer}, thank you for your continued support. {items} is waiting for your payment; the order closes in {timeLeft}.',
    },
    email: {
      polite:
        'Dear {buyer},\n\nThank you for your continued support of {shop}. Your order {orderId}, placed {orderTime}, has not been paid yet.\nItems: {items}\nAmount: {amount}\n\nThe order will close automatically in {timeLeft}. If you have any questions, simply reply to this email.\n\n{shop}',
      brief:
        'Hello {buyer},\n\nYour order {orderId} at {shop} ({items}, {amount}) is awaiting payment and will close in {timeLeft}.\n\n{shop}',
      warm: "Dear {buyer},\n\nLovely to see you again! As a {tier} member of {shop}, every visit means a lot to us. We've set aside {items} ({amount}) for you; the order only needs payment.\n\nIt will close automatically in {timeLeft}. Reply to this email if there's anything we can do.\n\nThe {shop} team",
    },
    phone: {
      polite:
        "Hello, is this {buyer}? I'm calling from {shop} customer service; thank you for your continued support. Your order for {items} from {orderTime}, {amount}, hasn't been paid yet. Is there anything I can help with? The order will close automatically in {timeLeft}.",
      brief:
        "Hello, this is {shop} customer service. Your order {orderId} hasn't been paid and closes in {timeLeft}. Can I help with anything?",
      warm: "Hi {buyer}, this is {shop}, thanks for coming back to us! I saw your order for {items} is still waiting for payment. Did anything come up? As a {tier} member, whatever you need, we'll look after it first.",
    },
  },
  large: {
    chat: {
      polite:
        'Hi {buyer}, thank you for trusting {shop}! Your order for {items} ({amount}) is still awaiting payment. Large payments sometimes hit a card limit; if that happens, tell us and we will help. The order closes automatically in {timeLeft}.',
      brief:
        'Hi {buyer}, order {orderId} ({amount}) is awaiting payment and closes in {timeLeft}. Ask me if the payment gives you any trouble.',
      warm: "Hi {buyer}, thank you for your continued support! {items} is ready for you and only needs payment. If a payment limit gets in the way, tell me and I'll help sort it out. As a {tier} member, you're always first in line for help.",
    },
    sms: {
      polite:
        '[{shop}] Hi {buyer}, your order for {items} ({amount}) is awaiting payment and closes in {timeLeft}. If a payment limit gets in the way, contact our customer service.',
      brief: '[{shop}] Order {orderId} ({amount}) is awaiting payment and closes in {timeLeft}.',
      warm: "[{shop}] Hi {buyer}, {items} is ready for you and only needs payment. The order closes in {timeLeft}; we're here if you need help.",
    },
    email: {
      polite:
        'Dear {buyer},\n\nThank you for trusting {shop}. Your order {orderId}, placed {orderTime}, has not been paid yet.\nItems: {items}\nAmount: {amount}\n\nThe order will close automatically in {timeLeft}. Large payments sometimes hit a card limit; if you need a hand, simply reply to this email.\n\n{shop}',
      brief:
        'Hello {buyer},\n\nYour order {orderId} at {shop} ({amount}) is awaiting payment and will close in {timeLeft}. Reply to this email if the payment gives you trouble.\n\n{shop}',
      warm: "Dear {buyer},\n\nThank you for your continued support! {items} ({amount}) is ready for you; the order only needs payment.\n\nIf a payment limit or anything else gets in the way, reply to this email and we'll help you step by step. The order will close automatically in {timeLeft}.\n\nThe {shop} team",
    },
    phone: {
      polite:
        "Hello, is this {buyer}? I'm calling from {shop} customer service. Your order for {items} from {orderTime}, {amount}, hasn't been paid yet. Large payments sometimes hit a card limit; can I help with anything? The order will close automatically in {timeLeft}.",
      brief:
        "Hello, this is {shop} customer service. Your order {orderId}, {amount}, hasn't been paid and closes in {timeLeft}. Do you need any help?",
      warm: "Hi {buyer}, this is {shop}, thank you for your continued support! {items} is ready for you and just needs payment. If a payment limit or anything else gets in the way, I'm happy to walk you through it.",
    },
  },
};

function flatten(remind: RemindSet): Record<string, string> {
  const out: Record<string, string> = {};
  for (const group of REMINDER_GROUPS)
    for (const channel of REMINDER_CHANNELS)
      for (const tone of TONES)
        out[remindTemplateId(group, channel, tone)] = remind[group][channel][tone];
  return out;
}

/** A set of built-in templates by language and id. */
export type BuiltInTemplates = Record<Lang, Record<string, string>>;

/**
 * The built-in payment reminders alone, by language and id: what the order page's 催付 assistant
 * needs, without the care and recall messages (lib/reminders/moment-templates.ts). The background
 * sends them to the page with the assistant script (entrypoints/background/inject.ts), which
 * does not bundle them.
 */
export const REMIND_TEMPLATES: BuiltInTemplates = /* @__PURE__ */ remindTemplates();

/** Built once; pure, so that a bundle importing this module's ids alone leaves the texts out. */
function remindTemplates(): BuiltInTemplates {
  return { zh_CN: flatten(REMIND_ZH), en: flatten(REMIND_EN) };
}

/**
 * The template for an id among `builtIns`: the seller's override when set (a blank override means
 * "use the default", so clearing the editor restores it), else the built-in one in `lang`. An id
 * with a tone on a moment (`care.day7.chat.warm`) falls back to the moment's single voice
 * (`care.day7.chat`). Undefined when nothing matches. `templateFor` (moment-templates.ts) looks
 * among every built-in template.
 */
export function templateAmong(
  builtIns: BuiltInTemplates,
  id: string,
  lang: Lang,
  overrides: Readonly<Record<string, string>>,
): string | undefined {
  const candidates = [id];
  const last = id.slice(id.lastIndexOf('.') + 1);
  if (id.includes('.') && TONES.some((t) => t === last))
    candidates.push(id.slice(0, id.lastIndexOf('.')));
  for (const c of candidates) {
    const own = Object.hasOwn(overrides, c) ? overrides[c] : undefined;
    if (own !== undefined && own.trim() !== '') return own;
    const builtIn = Object.hasOwn(builtIns[lang], c) ? builtIns[lang][c] : undefined;
    if (builtIn !== undefined) return builtIn;
  }
  return undefined;
}
