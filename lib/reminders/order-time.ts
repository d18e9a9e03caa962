/**
 * An order's time as the messages and the overlay print it. Apart from render.ts so that the
 * order page's badge row formats a time without loading the templates' renderer.
 */
import { chinaDateParts } from '../china-time';
import type { Lang } from '../i18n';

const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

/** "5月17日 10:00" / "May 17, 10:00", China time (the clock the buyer and the platform show). */
export function formatOrderTime(t: number, lang: Lang): string {
  const p = chinaDateParts(t);
  const hm = `${String(p.hour).padStart(2, '0')}:${String(p.minute).padStart(2, '0')}`;
  return lang === 'zh_CN'
    ? `${p.month}月${p.day}日 ${hm}`
    : `${MONTHS[p.month - 1]} ${p.day}, ${hm}`;
}
