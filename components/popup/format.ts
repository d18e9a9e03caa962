/**
 * Small display helpers for the popup: China-time dates, masking of personal data, the items a
 * buyer buys most and a sentence for what a search matched. Pure functions of their arguments.
 */
import type { Lang } from '@/lib/i18n';
import { chinaDateParts } from '@/lib/china-time';
import { isPurchase, type OrderStatus } from '@/lib/order-status';
import { normalizeOrderId, normalizeText } from '@/lib/search/normalize';
import type { MatchType } from '@/lib/search/score';
import { t } from '@/lib/i18n/popup';

const pad = (n: number) => String(n).padStart(2, '0');

/** `2025-06-01`, China calendar (the day the buyer and platform see). */
export function formatDate(t: number): string {
  const p = chinaDateParts(t);
  return `${p.year}-${pad(p.month)}-${pad(p.day)}`;
}

/** `2025-06-01 14:05`, China time. */
export function formatDateTime(t: number): string {
  const p = chinaDateParts(t);
  return `${formatDate(t)} ${pad(p.hour)}:${pad(p.minute)}`;
}

/**
 * A phone number with the middle hidden: the first 3 and last 4 digits stay when there are at
 * least 8, else only the last 4 (a platform's own mask such as 138****5678 stays as it is).
 */
export function maskPhone(phone: string): string {
  const digits = phone.replace(/\D/g, '');
  if (digits.length >= 8) return `${digits.slice(0, 3)}****${digits.slice(-4)}`;
  if (digits.length >= 4) return `****${digits.slice(-4)}`;
  return '****';
}

/** An address cut to its first 6 characters (province and city), the rest hidden. */
export function maskAddress(address: string): string {
  const chars = Array.from(address.trim());
  if (chars.length <= 6) return chars.length > 0 ? `${chars.slice(0, 2).join('')}****` : '';
  return `${chars.slice(0, 6).join('')}****`;
}

/** What the card needs of an order for the favourites list. */
export interface FavouriteOrder {
  status: OrderStatus;
  items: readonly { title: string; quantity: number }[];
}

/**
 * Item titles the buyer bought most (pieces summed over purchases only), most first, ties by
 * title; at most `n`.
 */
export function favouriteItems(
  orders: readonly FavouriteOrder[],
  n = 5,
): { title: string; count: number }[] {
  const counts = new Map<string, number>();
  for (const o of orders) {
    if (!isPurchase(o.status)) continue;
    for (const item of o.items) {
      const title = item.title.trim();
      if (title) counts.set(title, (counts.get(title) ?? 0) + Math.max(1, item.quantity));
    }
  }
  return [...counts.entries()]
    .map(([title, count]) => ({ title, count }))
    .sort((a, b) => b.count - a.count || (a.title < b.title ? -1 : a.title > b.title ? 1 : 0))
    .slice(0, n);
}

/** The customer fields {@link describeMatch} reads. */
export interface MatchSubject {
  nick: string;
  receiverNames: readonly string[];
  orderIds: readonly string[];
  phoneTails: readonly string[];
}

/** A short phrase for how a search result matched `query`, e.g. `订单 3306…8070`. */
export function describeMatch(
  c: MatchSubject,
  query: string,
  match: MatchType,
  lang: Lang,
): string {
  const text = normalizeText(query);
  switch (match) {
    case 'order': {
      const id = normalizeOrderId(query);
      const hit = c.orderIds.find((o) => normalizeOrderId(o).endsWith(id));
      return t(lang, 'match.order', { id: hit ?? query.trim() });
    }
    case 'phone':
      return t(lang, 'match.phone', { tail: text });
    case 'pinyin':
      return t(lang, 'match.pinyin', { q: query.trim() });
    default: {
      if (normalizeText(c.nick).includes(text)) return t(lang, `match.${match}`);
      const receiver = c.receiverNames.find((n) => normalizeText(n).includes(text));
      return receiver === undefined
        ? t(lang, `match.${match}`)
        : t(lang, 'match.receiver', { name: receiver });
    }
  }
}
