/**
 * Fixture loading for adapter, identity and fuzz tests. Fixtures live in test/fixtures/<platformId>/.
 * DOM fixtures need the jsdom environment: put `// @vitest-environment jsdom` on the test file's
 * first line (the node environment has no DOMParser).
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { OrderInput } from '../../lib/schemas';
import type { AdapterContext, AdapterResult, PageRow } from '../../lib/adapters/types';

/** Absolute path of test/fixtures. */
// A string, not new URL(): under jsdom the global URL is jsdom's, which fileURLToPath refuses.
export const FIXTURES_DIR = join(dirname(fileURLToPath(import.meta.url)), '..', 'fixtures');

/** Absolute path of one fixture file. */
export const fixturePath = (platformId: string, file: string): string =>
  join(FIXTURES_DIR, platformId, file);

/** A fixture's text (UTF-8). */
export const readFixtureText = (platformId: string, file: string): string =>
  readFileSync(fixturePath(platformId, file), 'utf8');

/** A JSON fixture, parsed. */
export const readFixtureJson = (platformId: string, file: string): unknown =>
  JSON.parse(readFixtureText(platformId, file)) as unknown;

/** An HTML fixture as a Document (scripts do not run; the file must be self-contained). */
export function loadFixture(platformId: string, file: string): Document {
  if (typeof DOMParser === 'undefined')
    throw new Error('loadFixture needs `// @vitest-environment jsdom` on the test file');
  return new DOMParser().parseFromString(readFixtureText(platformId, file), 'text/html');
}

/** Every file under test/fixtures (recursively), as paths relative to it. */
export function listFixtureFiles(dir = FIXTURES_DIR): string[] {
  return readdirSync(dir).flatMap((name) => {
    const full = join(dir, name);
    return statSync(full).isDirectory() ? listFixtureFiles(full) : [relative(FIXTURES_DIR, full)];
  });
}

/** An AdapterContext for a test: today is 2026-11-25 12:00 China time unless told otherwise. */
export function contextFor(
  url: string,
  shopId: string,
  now = Date.UTC(2026, 10, 25, 4),
): AdapterContext {
  return { url: new URL(url), now, shopId };
}

/** What a readRows result looks like without its DOM elements, for comparing to expected JSON. */
export type PlainRows =
  | { ok: true; rows: { orderId: string; order?: OrderInput }[]; skipped: string[] }
  | { ok: false; problem: string };

/** Drops the elements from a readRows result so it can be compared with a committed object. */
export function plainRows(result: AdapterResult<PageRow>): PlainRows {
  if (!result.ok) return result;
  return {
    ok: true,
    rows: result.items.map((r) => ({ orderId: r.orderId, ...(r.order ? { order: r.order } : {}) })),
    skipped: result.skipped,
  };
}
