/** The order page's notice words: the page changed (or the background cannot answer), badges paused. */
import { translator } from './translate';

const zh_CN = {
  title: '客知：此页面结构已变化，徽章已暂停',
  close: '关闭',
};

const en: Record<keyof typeof zh_CN, string> = {
  title: 'Kezhi: this page changed, badges paused',
  close: 'Close',
};

/** The notice string for `key` in `lang`. */
export const tables = { zh_CN, en };
export const t = translator(tables);
