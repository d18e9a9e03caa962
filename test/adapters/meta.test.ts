// @vitest-environment jsdom
/**
 * Rules every registered adapter keeps (style.md, "Platform adapters"): its own file, test and
 * fixtures; a `Fixtures:` footer naming files that exist; `SAMPLE_URLS` it accepts and every other
 * adapter rejects; selectors that parse; and fixtures without real-looking personal data.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { decodeBody } from '../../lib/adapters/response-text';
import { ADAPTERS, adapterFor } from '../../lib/adapters/index';
import type { Adapter } from '../../lib/adapters/types';
import { FIXTURES_DIR, listFixtureFiles } from '../support/fixtures';

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..', '..');

/** What the meta-test reads from each adapter module besides its default export. */
interface AdapterModule {
  default?: Adapter;
  SAMPLE_URLS?: unknown;
  selectors?: Record<string, readonly string[]>;
}
const modules = import.meta.glob<AdapterModule>('../../lib/adapters/*.ts', { eager: true });
const moduleOf = (id: string): AdapterModule | undefined => modules[`../../lib/adapters/${id}.ts`];
const samplesOf = (id: string): string[] => {
  const s = moduleOf(id)?.SAMPLE_URLS;
  return Array.isArray(s) ? s.filter((u): u is string => typeof u === 'string') : [];
};
const ids = ADAPTERS.map((a) => a.id);

describe('the registry', () => {
  test('holds the Taobao adapters, each id once', () => {
    expect(ids).toEqual(expect.arrayContaining(['taobao-old', 'taobao-qn']));
    expect(new Set(ids).size).toBe(ids.length);
  });
});

describe.each(ADAPTERS.map((a) => [a.id, a] as const))('adapter %s', (id, adapter) => {
  const source = join(ROOT, 'lib', 'adapters', `${id}.ts`);
  const fixtures = join(FIXTURES_DIR, id);

  test('lives in lib/adapters/<id>.ts as its default export', () => {
    expect(existsSync(source)).toBe(true);
    expect(moduleOf(id)?.default).toBe(adapter);
  });

  test('has test/adapters/<id>.test.ts and a non-empty test/fixtures/<id>/', () => {
    expect(existsSync(join(ROOT, 'test', 'adapters', `${id}.test.ts`))).toBe(true);
    expect(existsSync(fixtures) && readdirSync(fixtures).length).toBeGreaterThan(0);
  });

  test('ends with a Fixtures: footer whose named files exist', () => {
    const text = readFileSync(source, 'utf8').trimEnd();
    // The last comment of the file: a /* */ block, or a run of // lines.
    const footer = text.endsWith('*/')
      ? text.slice(text.lastIndexOf('/*'))
      : (/(?:^[ \t]*\/\/.*\n?)+$/m.exec(text)?.[0] ?? '');
    expect(footer).toContain('Fixtures:');
    const named = footer.match(/[\w./*-]+\.(?:html|json|csv|xlsx|txt)\b/g) ?? [];
    for (const name of named) {
      const path = name.includes('/') ? join(ROOT, name) : join(fixtures, name);
      const pattern = new RegExp(
        `^${path
          .split('/')
          .pop()!
          .replace(/[.+?^${}()|[\]\\]/g, '\\$&')
          .replace(/\*/g, '.*')}$`,
      );
      const dir = dirname(path);
      const found = existsSync(dir) && readdirSync(dir).some((f) => pattern.test(f));
      expect({ name, found }).toEqual({ name, found: true });
    }
  });

  test('exports SAMPLE_URLS that it serves as order pages', () => {
    const samples = samplesOf(id);
    expect(samples.length).toBeGreaterThan(0);
    for (const url of samples) {
      const u = new URL(url);
      expect({ url, matches: adapter.matches(u), order: adapter.isOrderPage(u) }).toEqual({
        url,
        matches: true,
        order: true,
      });
      expect(adapterFor(u)?.id).toBe(id);
    }
  });

  test("rejects every other adapter's SAMPLE_URLS", () => {
    for (const other of ids.filter((o) => o !== id))
      for (const url of samplesOf(other))
        expect({ url, matchedBy: adapter.matches(new URL(url)) ? id : null }).toEqual({
          url,
          matchedBy: null,
        });
  });

  test('has selectors that parse, and a parser for every JSON endpoint it listens to', () => {
    expect(() => document.querySelectorAll(adapter.rowsHint)).not.toThrow();
    const table = document.createElement('table');
    for (const alternatives of Object.values(moduleOf(id)?.selectors ?? {}))
      for (const sel of alternatives) expect(() => table.querySelectorAll(sel)).not.toThrow();
    if (adapter.jsonEndpoints.length > 0) expect(typeof adapter.parseJson).toBe('function');
  });
});

/**
 * Fixtures are synthetic. What counts as real-looking personal data here:
 * - MOBILE: an 11-digit run 1[3-9]xxxxxxxxx standing alone (masked 138****5678 is fine);
 * - LANDLINE: 0xx(x)-xxxxxxx(x) standing alone;
 * - ID_CARD: an 18-character run shaped like a resident ID (region digit, 19xx/20xx birth date);
 *   in JSON, values under id-like keys (id, orderId, order_sn, idStr, ...) are order ids, not IDs;
 * - EMAIL: any address outside the reserved example.com/.net/.org and .test/.example/.invalid/
 *   .localhost/.local domains.
 * Binary files (anything with a NUL byte: images, xlsx) are not scanned.
 */
const PRIVACY: [string, RegExp][] = [
  ['mobile number', /(?<!\d)1[3-9]\d{9}(?!\d)/],
  ['landline number', /(?<!\d)0\d{2,3}-\d{7,8}(?!\d)/],
  [
    'ID-card number',
    /(?<![\dA-Za-z])[1-8]\d{5}(?:19|20)\d{2}(?:0[1-9]|1[0-2])(?:0[1-9]|[12]\d|3[01])\d{3}[\dXx](?![\dA-Za-z])/,
  ],
  [
    'real-looking email',
    /[\w.+-]+@(?!(?:[\w-]+\.)*(?:example\.(?:com|net|org)|[\w-]+\.(?:test|example|invalid|localhost|local))\b)(?:[\w-]+\.)+[A-Za-z]{2,}/,
  ],
];
const ID_KEY = /(?:^|_)(?:id|sn|no)$|Id$|Ids$|IdStr$|^idStr$|order_?sn/i;

/** Strings to scan in a JSON value, leaving out order ids under id-like keys. */
function jsonStrings(value: unknown, key = ''): string[] {
  if (Array.isArray(value)) return value.flatMap((v) => jsonStrings(v, key));
  if (value && typeof value === 'object')
    return Object.entries(value).flatMap(([k, v]) => [k, ...jsonStrings(v, k)]);
  if (ID_KEY.test(key)) return [];
  return typeof value === 'string' || typeof value === 'number' ? [String(value)] : [];
}

describe('privacy scan of test/fixtures', () => {
  const files = listFixtureFiles();

  test('finds the fixtures', () => {
    expect(files.length).toBeGreaterThan(0);
  });

  test.each(files)('%s holds no real-looking personal data', (file) => {
    const bytes = new Uint8Array(readFileSync(join(FIXTURES_DIR, file)));
    if (bytes.includes(0)) return; // binary
    const text = decodeBody(bytes);
    let parts = [text];
    if (file.endsWith('.json')) {
      // Raw text too, minus id-keyed values: a JSON number loses digits once parsed.
      parts = [
        ...jsonStrings(JSON.parse(text)),
        text.replace(/"(\w+)":\s*("?)[^",\n]*\2/g, (m, k: string) => (ID_KEY.test(k) ? '' : m)),
      ];
    }
    for (const [what, re] of PRIVACY)
      for (const part of parts)
        expect({ file, what, found: re.exec(part)?.[0] ?? null }).toEqual({
          file,
          what,
          found: null,
        });
  });

  test('the patterns catch what they are for', () => {
    const hit = (what: string, s: string) => PRIVACY.find(([w]) => w === what)![1].test(s);
    expect(hit('mobile number', '联系手机 13912345678')).toBe(true);
    expect(hit('mobile number', '139****5678 / 4261124210500000101')).toBe(false);
    expect(hit('landline number', '电话 0571-88881234')).toBe(true);
    expect(hit('ID-card number', '身份证 11010519491231002X')).toBe(true);
    expect(hit('ID-card number', '订单 4261124210500000101')).toBe(false);
    expect(hit('real-looking email', 'jane@gmail.com')).toBe(true);
    expect(hit('real-looking email', 'jane.doe@example.com, a@shop.test')).toBe(false);
    expect(jsonStrings({ orderId: '110105194912310021', note: 'x' })).toEqual([
      'orderId',
      'note',
      'x',
    ]);
  });
});
