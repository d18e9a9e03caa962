/**
 * Template rendering: `{买家}` / `{buyer}` style variables filled from the order and customer.
 * Values go in as plain text in one pass, so a buyer nick written `{金额}` or `<b>` stays exactly
 * that; nothing is re-expanded or interpreted. Mistakes (unknown names, unbalanced braces, a value
 * that is missing) come back as errors with positions for the editor, never as a silent blank.
 */
import { formatOrderTime } from './order-time';

import type { Lang } from '../i18n';

/** An item as the order gives it; only the title and quantity matter for a message. */
export interface TemplateItem {
  title: string;
  quantity?: number;
}

/** The values a message can use. Anything left out is an error only if the template asks for it. */
export interface TemplateVars {
  /** Buyer nick or name as it should be addressed. */
  buyer?: string;
  /** The order's items (shortened to "first title 等N件"), or text already prepared. */
  items?: readonly TemplateItem[] | string;
  /** fen */
  amount?: number;
  /** epoch ms */
  orderTime?: number;
  /** Time left before the platform auto-closes the order, ms. */
  timeLeftMs?: number;
  shop?: string;
  /** Tier label, e.g. 至尊VIP. */
  tier?: string;
  orderId?: string;
}

export type TemplateVariableKey =
  'buyer' | 'items' | 'amount' | 'orderTime' | 'timeLeft' | 'shop' | 'tier' | 'orderId';

export interface TemplateVariable {
  key: TemplateVariableKey;
  /** The Chinese name, written `{买家}`. */
  zh: string;
  /** The English alias, written `{buyer}`. */
  en: string;
  description: Record<Lang, string>;
}

/** Each variable's Chinese name and description, in the editor's menu order. */
const VARIABLE_TEXT: Readonly<
  Record<TemplateVariableKey, { zh: string; description: Record<Lang, string> }>
> = {
  buyer: { zh: '买家', description: { zh_CN: '买家昵称', en: "Buyer's nickname" } },
  items: {
    zh: '商品',
    description: {
      zh_CN: '订单商品（多件时显示为“首件标题等N件”）',
      en: 'Items in the order (several shown as "first title + N more")',
    },
  },
  amount: {
    zh: '金额',
    description: { zh_CN: '订单金额，如 ¥169.00', en: 'Order amount, e.g. ¥169.00' },
  },
  orderTime: {
    zh: '下单时间',
    description: { zh_CN: '下单时间（北京时间）', en: 'When the order was placed (China time)' },
  },
  timeLeft: {
    zh: '剩余时间',
    description: {
      zh_CN: '距离订单自动关闭的剩余时间',
      en: 'Time left before the order closes automatically',
    },
  },
  shop: { zh: '店铺', description: { zh_CN: '店铺名称', en: 'Shop name' } },
  tier: {
    zh: '会员等级',
    description: { zh_CN: '买家的会员等级', en: "The buyer's membership tier" },
  },
  orderId: { zh: '订单号', description: { zh_CN: '订单编号', en: 'Order number' } },
};

/** Every variable, in menu order; the English alias is the key itself. */
export const TEMPLATE_VARIABLES: readonly TemplateVariable[] = (
  Object.keys(VARIABLE_TEXT) as TemplateVariableKey[]
).map((key) => ({
  key,
  zh: VARIABLE_TEXT[key].zh,
  en: key,
  description: VARIABLE_TEXT[key].description,
}));

const BY_NAME = new Map<string, TemplateVariableKey>();
for (const v of TEMPLATE_VARIABLES) {
  BY_NAME.set(v.zh, v.key);
  // English aliases are matched case-insensitively: {Buyer} is an obvious intent, not a typo.
  BY_NAME.set(v.en.toLowerCase(), v.key);
}

/** The variable a name inside braces stands for, or undefined when unknown. */
export function variableByName(name: string): TemplateVariableKey | undefined {
  return BY_NAME.get(name.trim()) ?? BY_NAME.get(name.trim().toLowerCase());
}

/** "¥169.00". English adds thousands separators; amounts are integer fen, no float arithmetic. */
export function formatMoney(fen: number, lang: Lang): string {
  const n = Math.round(fen);
  const sign = n < 0 ? '-' : '';
  const abs = Math.abs(n);
  let yuan = String(Math.floor(abs / 100));
  if (lang === 'en') yuan = yuan.replace(/\B(?=(\d{3})+(?!\d))/g, ',');
  return `${sign}¥${yuan}.${String(abs % 100).padStart(2, '0')}`;
}

/**
 * "5小时12分" / "5 h 12 min". Rounds down, so the buyer is never told there is more time than
 * there is; a day or more shows days and hours ("1天2小时" / "1 d 2 h").
 */
export function formatTimeLeft(ms: number, lang: Lang): string {
  const zh = lang === 'zh_CN';
  if (ms <= 0) return zh ? '0分' : '0 min';
  const totalMin = Math.floor(ms / 60_000);
  if (totalMin === 0) return zh ? '不到1分钟' : 'under 1 min';
  const days = Math.floor(totalMin / 1440);
  const hours = Math.floor((totalMin % 1440) / 60);
  const mins = totalMin % 60;
  if (days > 0) {
    if (hours === 0) return zh ? `${days}天` : `${days} d`;
    return zh ? `${days}天${hours}小时` : `${days} d ${hours} h`;
  }
  if (hours === 0) return zh ? `${mins}分` : `${mins} min`;
  if (mins === 0) return zh ? `${hours}小时` : `${hours} h`;
  return zh ? `${hours}小时${mins}分` : `${hours} h ${mins} min`;
}

/** Item titles longer than this many characters are cut: platform titles are keyword soup. */
export const ITEM_TITLE_MAX = 24;

/** Cuts by code point so an emoji or a rare character is never split in half. */
function clip(title: string): string {
  const chars = Array.from(title.trim());
  return chars.length > ITEM_TITLE_MAX
    ? chars.slice(0, ITEM_TITLE_MAX).join('') + '…'
    : chars.join('');
}

/**
 * One short phrase for the items: the first title, plus "等N件" (N = all pieces in the order) when
 * there is more than one piece. Empty when there are no items.
 */
export function shortenItems(items: readonly TemplateItem[], lang: Lang): string {
  const first = items[0];
  if (!first) return '';
  const pieces = items.reduce((n, it) => n + Math.max(1, Math.floor(it.quantity ?? 1)), 0);
  const title = clip(first.title);
  if (pieces <= 1) return title;
  return lang === 'zh_CN' ? `${title}等${pieces}件` : `${title} and ${pieces - 1} more`;
}

/** The text a variable stands for, or undefined when the value is missing or blank. */
function valueOf(key: TemplateVariableKey, vars: TemplateVars, lang: Lang): string | undefined {
  const text = (s: string | undefined) => (s === undefined || s.trim() === '' ? undefined : s);
  const num = (n: number | undefined) => (n === undefined || !Number.isFinite(n) ? undefined : n);
  switch (key) {
    case 'buyer':
      return text(vars.buyer);
    case 'items':
      return text(
        typeof vars.items === 'string' ? vars.items : shortenItems(vars.items ?? [], lang),
      );
    case 'amount': {
      const v = num(vars.amount);
      return v === undefined ? undefined : formatMoney(v, lang);
    }
    case 'orderTime': {
      const v = num(vars.orderTime);
      return v === undefined ? undefined : formatOrderTime(v, lang);
    }
    case 'timeLeft': {
      const v = num(vars.timeLeftMs);
      return v === undefined ? undefined : formatTimeLeft(v, lang);
    }
    case 'shop':
      return text(vars.shop);
    case 'tier':
      return text(vars.tier);
    case 'orderId':
      return text(vars.orderId);
  }
}

export type TemplateErrorCode = 'unknown-variable' | 'empty-variable' | 'unbalanced' | 'no-value';

export interface TemplateError {
  code: TemplateErrorCode;
  /** What was written, e.g. `{金钱}` or a lone `{`. */
  variable: string;
  /** Position in the template (UTF-16 index, as the editor's selection counts). */
  index: number;
  message: string;
}

/** A template split into literal text and variables. */
export type TemplatePart =
  { text: string } | { variable: TemplateVariableKey; written: string; index: number };

const MESSAGES: Record<Lang, Record<Exclude<TemplateErrorCode, 'no-value'>, string>> = {
  zh_CN: {
    'unknown-variable': '未知变量',
    'empty-variable': '花括号里没有变量名',
    unbalanced: '花括号不成对（如需显示花括号本身，请写成 {{ 或 }}）',
  },
  en: {
    'unknown-variable': 'Unknown variable',
    'empty-variable': 'Empty braces: no variable name',
    unbalanced: 'Unbalanced brace (write {{ or }} for a literal brace)',
  },
};

/**
 * Splits a template into text and variables. `{{` and `}}` stand for literal braces, so a seller
 * can still write one; any other brace must open or close a known variable.
 */
export function parseTemplate(
  template: string,
  lang: Lang = 'zh_CN',
): { parts: TemplatePart[]; errors: TemplateError[] } {
  const parts: TemplatePart[] = [];
  const errors: TemplateError[] = [];
  const msg = MESSAGES[lang];
  let buf = '';
  const flush = () => {
    if (buf) parts.push({ text: buf });
    buf = '';
  };
  let i = 0;
  while (i < template.length) {
    const c = template[i];
    const following = template[i + 1];
    if (c === '{' && following === '{') {
      buf += '{';
      i += 2;
    } else if (c === '}' && following === '}') {
      buf += '}';
      i += 2;
    } else if (c === '}') {
      errors.push({ code: 'unbalanced', variable: '}', index: i, message: msg.unbalanced });
      i += 1;
    } else if (c === '{') {
      const close = template.indexOf('}', i + 1);
      const reopen = template.indexOf('{', i + 1);
      if (close === -1 || (reopen !== -1 && reopen < close)) {
        errors.push({ code: 'unbalanced', variable: '{', index: i, message: msg.unbalanced });
        i += 1;
        continue;
      }
      const written = template.slice(i, close + 1);
      const name = template.slice(i + 1, close);
      const key = variableByName(name);
      if (name.trim() === '')
        errors.push({
          code: 'empty-variable',
          variable: written,
          index: i,
          message: msg['empty-variable'],
        });
      else if (!key)
        errors.push({
          code: 'unknown-variable',
          variable: written,
          index: i,
          message: `${msg['unknown-variable']} ${written}`,
        });
      else {
        flush();
        parts.push({ variable: key, written, index: i });
      }
      i = close + 1;
    } else {
      buf += c;
      i += 1;
    }
  }
  flush();
  return { parts, errors };
}

/**
 * Fills a template. Values are inserted verbatim in a single pass: a value containing braces or
 * markup is never re-read as a template or as HTML. Errors list every problem, with positions.
 */
export function renderTemplate(
  template: string,
  vars: TemplateVars,
  lang: Lang,
): { ok: true; text: string } | { ok: false; errors: TemplateError[] } {
  const { parts, errors } = parseTemplate(template, lang);
  let text = '';
  for (const part of parts) {
    if ('text' in part) {
      text += part.text;
      continue;
    }
    const value = valueOf(part.variable, vars, lang);
    if (value === undefined)
      errors.push({
        code: 'no-value',
        variable: part.written,
        index: part.index,
        message: lang === 'zh_CN' ? `${part.written} 没有可填的值` : `No value for ${part.written}`,
      });
    else text += value;
  }
  if (errors.length > 0) return { ok: false, errors: errors.sort((a, b) => a.index - b.index) };
  return { ok: true, text };
}

export { formatOrderTime };
