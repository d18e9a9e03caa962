/**
 * The options page's words. `{name}` marks a value `t` fills in. One table per language, merged
 * from the parts each panel's words live in.
 */
import * as data from './options-data';
import * as settings from './options-settings';
import * as templates from './options-templates';
import { translator, type Vars } from './translate';

const zh_CN = {
  title: '客知 · 设置',
  navSettings: '设置',
  navTemplates: '消息模板',
  navImport: '导入历史订单',
  navBackup: '备份与数据',
  ...settings.zh_CN,
  ...templates.zh_CN,
  ...data.zh_CN,
};

const en: Record<keyof typeof zh_CN, string> = {
  title: 'Kezhi · Settings',
  navSettings: 'Settings',
  navTemplates: 'Message templates',
  navImport: 'Import order history',
  navBackup: 'Backup & data',
  ...settings.en,
  ...templates.en,
  ...data.en,
};

/** The options string for `key` in `lang`. */
export const tables = { zh_CN, en };
export const t = translator(tables);
/** A options string's key. */
export type OptionsKey = keyof typeof zh_CN;
/** The options translator with the language fixed, as the page's components pass it down. */
export type T = (key: OptionsKey, vars?: Vars) => string;
