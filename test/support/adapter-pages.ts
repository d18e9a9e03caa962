/**
 * The one adapter test contract (style.md, "Platform adapters"): each named fixture parses to its
 * committed `<name>.expected.json`, and every selector matches at least once across the fixtures.
 * It also hands back the page and body readers each adapter's own tests use, so those read the
 * fixtures the same way the contract does: shop id from the URL or page, then the rows.
 * DOM fixtures need `// @vitest-environment jsdom` on the calling test file.
 */
import type { Adapter } from '../../lib/adapters/types';
import type { OrderInput } from '../../lib/schemas';
import { contextFor, loadFixture, plainRows, readFixtureJson } from './fixtures';

export interface AdapterPages {
  /** test/fixtures/<dir>/. */
  dir: string;
  /** The page URL the fixtures stand for, or per fixture (the host may be the shop). */
  url: string | ((file: string) => string);
  /** Every HTML fixture: together they must match every selector. */
  fixtures: readonly string[];
  /** Fixtures with a committed `{ shopId, ...plainRows }` in `<name>.expected.json`. */
  expected: readonly string[];
  /** The adapter's selector table. */
  selectors: Readonly<Record<string, readonly string[]>>;
  /** The shop JSON bodies are parsed for. */
  shop?: string;
  /** The clock the adapter reads (contextFor's default day otherwise). */
  now?: number;
}

/** Registers the contract tests and returns the readers for the adapter's own tests. */
export function describeAdapterPages(adapter: Adapter, pages: AdapterPages) {
  const { dir, now } = pages;
  const urlOf = (file: string): string =>
    typeof pages.url === 'string' ? pages.url : pages.url(file);

  /** Reads a page the way the content script will: shop id first, then the rows. */
  function readPage(file: string) {
    const url = urlOf(file);
    const doc = loadFixture(dir, file);
    const shopId = adapter.shopId(new URL(url), doc);
    return { doc, shopId, result: adapter.readRows(doc, contextFor(url, shopId, now)) };
  }
  const expected = (file: string): unknown =>
    readFixtureJson(dir, file.replace(/\.\w+$/, '.expected.json'));
  const parseBody = (body: unknown) =>
    adapter.parseJson!(
      body,
      contextFor(urlOf(pages.fixtures[0] ?? ''), pages.shop ?? 'default', now),
    );
  /** The orders a page gives (rows without an order left out); a problem throws. */
  const ordersOf = (file: string): OrderInput[] => {
    const { result } = readPage(file);
    if (!result.ok) throw new Error(result.problem);
    return result.items.flatMap((r) => (r.order ? [r.order] : []));
  };
  const byId = (orders: OrderInput[], id: string): OrderInput =>
    orders.find((o) => o.orderId === id)!;

  describe(`${adapter.id}: the adapter contract`, () => {
    test.each([...pages.expected])('%s parses to its expected object', (file) => {
      const { shopId, result } = readPage(file);
      expect({ shopId, ...plainRows(result) }).toEqual(expected(file));
    });

    test('every selector matches at least once across the fixtures', () => {
      const docs = pages.fixtures.map((f) => loadFixture(dir, f));
      for (const [name, alternatives] of Object.entries(pages.selectors))
        for (const sel of alternatives) {
          // :scope selectors are relative to an order table (千牛's Fusion rows).
          const found = docs.some((d) =>
            sel.startsWith(':scope')
              ? Array.from(d.querySelectorAll('table')).some((t) => t.querySelector(sel))
              : d.querySelector(sel) !== null,
          );
          expect({ name, sel, found }).toEqual({ name, sel, found: true });
        }
    });
  });

  return { readPage, expected, parseBody, ordersOf, byId };
}
