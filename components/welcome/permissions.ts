/**
 * Why the extension asks for each permission, in both languages: the welcome page lists these,
 * PRIVACY.md explains the same names, and test/ship/privacy.test.ts checks every permission the
 * manifest declares (wxt.config.ts) is here and there.
 */
import type { Lang } from '@/lib/i18n';

type Text = Readonly<Record<Lang, string>>;

export const PERMISSION_WHY: Readonly<Record<string, Text>> = {
  storage: {
    zh_CN: '保存你的设置（阈值、模板、店铺名称、语言）。',
    en: 'Keeps your settings (thresholds, templates, shop names, language).',
  },
  unlimitedStorage: {
    zh_CN: '多年的订单历史可能超过浏览器的默认配额；数据仍只在本浏览器里。',
    en: 'Years of order history can exceed the default quota; it still stays in this browser.',
  },
  clipboardWrite: {
    zh_CN: '一键复制催付话术，由你自己粘贴发送；扩展从不自己给买家发消息。',
    en: 'Copies a reminder message for you to paste; the extension never messages a buyer itself.',
  },
  scripting: {
    zh_CN:
      '在订单页上加载买家卡片和催付助手；并在你添加并授权的 WooCommerce 店铺后台运行订单脚本。',
    en: 'Loads the buyer cards and the reminder assistant into an order page, and runs the order script on the WooCommerce hosts you add and grant.',
  },
  alarms: {
    zh_CN: '开启团队同步时每 30 秒唤醒一次，与你自己的服务器交换已加密的记录。',
    en: 'With team sync on, wakes every 30 s to exchange sealed records with your own server.',
  },
};

export const HOST_WHY: Readonly<Record<string, Text>> = {
  'https://trade.taobao.com/*': { zh_CN: '淘宝/天猫 已卖出的宝贝', en: 'Taobao/Tmall sold items' },
  'https://myseller.taobao.com/*': { zh_CN: '千牛 已卖出的宝贝', en: 'Qianniu sold items' },
  'https://qn.taobao.com/*': { zh_CN: '千牛 已卖出的宝贝', en: 'Qianniu sold items' },
  'https://mms.pinduoduo.com/*': { zh_CN: '拼多多商家后台订单列表', en: 'Pinduoduo order list' },
  'https://shop.jd.com/*': { zh_CN: '京麦订单列表', en: 'JD (Jingmai) order list' },
  'https://fxg.jinritemai.com/*': { zh_CN: '抖店订单列表', en: 'Douyin shop order list' },
  'https://admin.shopify.com/*': { zh_CN: 'Shopify 后台订单', en: 'Shopify admin orders' },
  // Not a host permission: the page-JSON reader's content script also matches JD's API host.
  'https://sff.jd.com/*': {
    zh_CN: '京麦订单接口：只读取页面自己收到的订单数据',
    en: "JD's order API host: only the order data the page itself receives is read",
  },
};

/** The sites a manifest lets us read: host permissions and every content script's host. */
export function sitesOf(m: {
  host_permissions?: string[];
  content_scripts?: { matches?: string[] }[];
}): string[] {
  const out = new Set(m.host_permissions ?? []);
  for (const cs of m.content_scripts ?? [])
    for (const match of cs.matches ?? []) {
      const origin = /^(https?:\/\/[^/]+)\//.exec(match)?.[1];
      if (origin) out.add(`${origin}/*`);
    }
  return [...out];
}

export const OPTIONAL_HOST_WHY: Text = {
  zh_CN:
    '可选，安装时不授予：只有你在设置里添加 WooCommerce 店铺或团队同步服务器时，浏览器才会询问那一个网站。',
  en: 'Optional, not granted at install: the browser asks for one site only when you add a WooCommerce shop or your team-sync server in the options.',
};
