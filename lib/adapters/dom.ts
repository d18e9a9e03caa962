/**
 * DOM reading for the adapters: element text and selector alternatives per page version.
 */
import { shopIdFrom } from '../shops';

/** Text content with whitespace collapsed, or '' for a missing element. */
export function textOf(el: Element | null | undefined): string {
  return (el?.textContent ?? '').replace(/\s+/g, ' ').trim();
}

/**
 * The elements of the first selector alternative that matches anything. Adapters keep
 * alternatives per page version; the first one that finds something is the page we are on.
 */
export function queryAlternatives(root: ParentNode, alternatives: readonly string[]): Element[] {
  for (const selector of alternatives) {
    const found = Array.from(root.querySelectorAll(selector));
    if (found.length > 0) return found;
  }
  return [];
}

/** The first element matched by the first selector alternative that matches anything. */
export function queryFirst(root: ParentNode, alternatives: readonly string[]): Element | null {
  // querySelector stops at the first match; the first of querySelectorAll is the same element.
  for (const selector of alternatives) {
    const found = root.querySelector(selector);
    if (found) return found;
  }
  return null;
}

/** The shop id a backend header shows: its shop-id element, else its shop-name element. */
export function headerShopId(
  root: ParentNode,
  idSelectors: readonly string[],
  nameSelectors: readonly string[],
): string {
  return shopIdFrom(textOf(queryFirst(root, idSelectors)), textOf(queryFirst(root, nameSelectors)));
}
