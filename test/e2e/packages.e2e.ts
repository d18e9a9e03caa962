/**
 * The store packages `npm run zip` makes (.output/kezhi-<version>-{chrome,firefox,sources}.zip),
 * opened and checked as a store would see them: the version from package.json, the minimum
 * browser versions, exactly the pinned permissions, no source maps, no tests or fixtures, and a
 * sources archive that holds what SOURCE_BUILD.md says builds the Firefox add-on.
 * Not a browser test: it runs in this suite because `npm test` zips right before it.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import JSZip from 'jszip';

const ROOT = resolve(import.meta.dirname, '../..');
const { version } = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as {
  version: string;
};
const zipPath = (kind: string) => join(ROOT, '.output', `kezhi-${version}-${kind}.zip`);

/** What the extension asks for: a change here is a change to PRIVACY.md and store/. */
const PERMISSIONS = ['alarms', 'clipboardWrite', 'scripting', 'storage', 'unlimitedStorage'];
const HOSTS = [
  'https://admin.shopify.com/*',
  'https://fxg.jinritemai.com/*',
  'https://mms.pinduoduo.com/*',
  'https://myseller.taobao.com/*',
  'https://qn.taobao.com/*',
  'https://shop.jd.com/*',
  'https://trade.taobao.com/*',
];
const OPTIONAL_HOSTS = ['http://*/*', 'https://*/*'];
/** The page-JSON reader also runs on JD's API host (entrypoints/interceptor.content.ts). */
const SCRIPT_ONLY_HOST = 'https://sff.jd.com/*';

interface Manifest {
  manifest_version: number;
  version: string;
  permissions?: string[];
  host_permissions?: string[];
  optional_host_permissions?: string[];
  minimum_chrome_version?: string;
  browser_specific_settings?: {
    gecko?: { id?: string; strict_min_version?: string; data_collection_permissions?: unknown };
  };
  content_scripts?: { matches: string[] }[];
}

async function open(kind: string): Promise<{ zip: JSZip; names: string[] }> {
  const path = zipPath(kind);
  if (!existsSync(path)) throw new Error(`no ${path}: run npm run zip first`);
  const zip = await JSZip.loadAsync(readFileSync(path));
  return { zip, names: Object.keys(zip.files).filter((n) => !zip.files[n]!.dir) };
}
async function manifestOf(zip: JSZip): Promise<Manifest> {
  return JSON.parse(await zip.file('manifest.json')!.async('string')) as Manifest;
}
const sorted = (a: string[] | undefined) => [...(a ?? [])].sort();
const privacy = readFileSync(join(ROOT, 'PRIVACY.md'), 'utf8');

describe.each(['chrome', 'firefox'])('the %s package', (kind) => {
  let names: string[];
  let m: Manifest;
  beforeAll(async () => {
    const z = await open(kind);
    names = z.names;
    m = await manifestOf(z.zip);
  });

  it('has the version of package.json and manifest v3', () => {
    expect(m.version).toBe(version);
    expect(m.manifest_version).toBe(3);
  });

  it('asks for exactly the pinned permissions, each explained in PRIVACY.md', () => {
    expect(sorted(m.permissions)).toEqual(PERMISSIONS);
    expect(sorted(m.host_permissions)).toEqual(HOSTS);
    expect(sorted(m.optional_host_permissions)).toEqual(OPTIONAL_HOSTS);
    for (const p of [...PERMISSIONS, ...HOSTS, ...OPTIONAL_HOSTS])
      expect(privacy, p).toContain(`\`${p}\``);
    // Content scripts match only pages of the declared hosts (and JD's API host, for the page JSON).
    for (const cs of m.content_scripts ?? [])
      for (const match of cs.matches)
        expect(
          [...HOSTS, SCRIPT_ONLY_HOST].some((h) => match.startsWith(h.slice(0, -1))),
          match,
        ).toBe(true);
    expect(privacy).toContain(`\`${SCRIPT_ONLY_HOST}\``);
  });

  it('states its minimum browser version', () => {
    if (kind === 'chrome') {
      expect(m.minimum_chrome_version).toBe('120');
      expect(m.browser_specific_settings).toBeUndefined();
    } else {
      expect(m.minimum_chrome_version).toBeUndefined();
      const gecko = m.browser_specific_settings?.gecko;
      expect(gecko?.id).toBe('kezhi@kezhi.local');
      expect(gecko?.strict_min_version).toBe('128.0');
      expect(gecko?.data_collection_permissions).toEqual({ required: ['none'] });
    }
  });

  it('holds the pages, and no source map, test or fixture', () => {
    for (const page of ['popup.html', 'options.html', 'welcome.html', 'privacy.html'])
      expect(names).toContain(page);
    expect(names.filter((n) => n.endsWith('.map'))).toEqual([]);
    expect(
      names.filter((n) => /(^|\/)(test|tests|fixtures|e2e)\/|\.test\.|\.e2e\./.test(n)),
    ).toEqual([]);
    // The fixture pages' invented order ids never ship.
    expect(
      names.filter((n) => /\.html?$/.test(n) && /list_sold|unpaid|order-list/.test(n)),
    ).toEqual([]);
  });
});

describe('the sources package (Firefox Add-ons review)', () => {
  let names: string[];
  let zip: JSZip;
  beforeAll(async () => ({ zip, names } = await open('sources')));

  it('holds what SOURCE_BUILD.md builds from', () => {
    for (const f of [
      'SOURCE_BUILD.md',
      'PRIVACY.md',
      'CHANGELOG.md',
      'package.json',
      'package-lock.json',
      'tsconfig.json',
      'wxt.config.ts',
      'entrypoints/background/index.ts',
      'entrypoints/welcome/main.tsx',
      'public/_locales/zh_CN/messages.json',
    ])
      expect(names, f).toContain(f);
    expect(names.some((n) => n.startsWith('lib/'))).toBe(true);
    expect(names.some((n) => n.startsWith('components/'))).toBe(true);
  });

  it('holds no tests, fixtures, builds, dependencies or hidden files', () => {
    expect(
      names.filter((n) =>
        /^(test|bench|scripts|store|docs|node_modules|\.output|\.wxt|\.git)\/|(^|\/)\./.test(n),
      ),
    ).toEqual([]);
  });

  it('has the same version', async () => {
    const pkg = JSON.parse(await zip.file('package.json')!.async('string')) as { version: string };
    expect(pkg.version).toBe(version);
    expect(await zip.file('SOURCE_BUILD.md')!.async('string')).toMatch(/npm run build:firefox/);
  });
});
