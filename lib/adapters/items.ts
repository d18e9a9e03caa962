/**
 * Item lines, read by one table per platform: from the item rows of a page, or from the entries
 * of a body. A missing title, sku, price or id costs that field; an item whose quantity cannot be
 * read is left out (a guessed quantity would be a wrong figure).
 */
import { yuanToFen } from '../parse/money';
import { parseQuantity } from '../parse/quantity';
import type { OrderItem } from '../schemas';
import { queryFirst, textOf } from './dom';
import { as, optional, pick } from './fields';

/**
 * Where an item keeps each field: selector alternatives in a page's item row (the first that
 * matches wins), or dotted paths in a body's item entry (the first that reads wins).
 */
export interface ItemTable {
  title: readonly string[];
  quantity: readonly string[];
  sku?: readonly string[];
  unitPrice?: readonly string[];
  /** On a page: the digits in this element's text are the item id. */
  itemId?: readonly string[];
}

/** Item rows -> items. */
export function itemsFromDom(rows: readonly Element[], sels: ItemTable): OrderItem[] {
  return rows.flatMap((el) => {
    const read = (s: readonly string[] | undefined): string => (s ? textOf(queryFirst(el, s)) : '');
    const quantity = parseQuantity(read(sels.quantity));
    if (quantity === undefined) return [];
    return [
      {
        title: read(sels.title),
        quantity,
        ...optional('sku', read(sels.sku)),
        ...optional('unitPrice', yuanToFen(read(sels.unitPrice))),
        ...optional('itemId', /\d{3,20}/.exec(read(sels.itemId))?.[0]),
      },
    ];
  });
}

/** How a platform writes what the paths point at; text, counts and ids read the same everywhere. */
export interface JsonItemReaders {
  /** Defaults to yuan (yuanToFen). */
  unitPrice?: (v: unknown) => number | undefined;
  /** Defaults to as.id. */
  itemId?: (v: unknown) => string | undefined;
  /** For a sku the platform spreads over several fields: read from the whole entry. */
  sku?: (entry: unknown) => string | undefined;
}

/** Item entries -> items. */
export function itemsFromJson(
  entries: readonly unknown[],
  f: ItemTable,
  read: JsonItemReaders = {},
): OrderItem[] {
  return entries.flatMap((it) => {
    const quantity = pick(it, f.quantity, as.count);
    if (quantity === undefined) return [];
    const sku = read.sku ? read.sku(it) : pick(it, f.sku ?? [], as.text);
    return [
      {
        title: pick(it, f.title, as.text) ?? '',
        quantity,
        ...optional('sku', sku),
        ...optional('unitPrice', pick(it, f.unitPrice ?? [], read.unitPrice ?? yuanToFen)),
        ...optional('itemId', pick(it, f.itemId ?? [], read.itemId ?? as.id)),
      },
    ];
  });
}
