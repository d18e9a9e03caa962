/**
 * The item lines of a one-row-per-order report, from its title, 宝贝种类 and quantity cells.
 */
import type { OrderItem } from '../schemas';
import { clip } from './messages';

/** Splits "A，B" into titles only when the count agrees with 宝贝种类. */
function splitTitles(titles: string, kinds: number): string[] | undefined {
  for (const sep of ['；', ';', '，', ',', '|']) {
    const parts = titles
      .split(sep)
      .map((t) => t.trim())
      .filter(Boolean);
    if (parts.length === kinds) return parts;
  }
  return undefined;
}

/**
 * Items of a one-row-per-order report. Titles are split per item only when that is exact
 * (as many titles as 宝贝种类 and one piece each); otherwise one line carries all titles and the
 * total quantity, rather than inventing per-item quantities. The items report fills in detail.
 */
export function itemsOf(
  title: string,
  kinds: number | undefined,
  quantity: number | undefined,
  extra: { sku?: string; itemId?: string; unitPrice?: number },
): OrderItem[] {
  if (!title) return [];
  if (kinds !== undefined && kinds > 1 && quantity === kinds) {
    const parts = splitTitles(title, kinds);
    if (parts) return parts.map((t) => ({ title: clip(t, 500), quantity: 1 }));
  }
  const item: OrderItem = { title: clip(title, 500), quantity: Math.max(1, quantity ?? 1) };
  if (extra.sku) item.sku = clip(extra.sku, 300);
  if (extra.itemId) item.itemId = extra.itemId;
  if (extra.unitPrice !== undefined) item.unitPrice = extra.unitPrice;
  return [item];
}
