// @vitest-environment jsdom
/**
 * PRIVACY.md and the welcome page explain every permission the manifest declares: the
 * permissions, host permissions and optional hosts from wxt.config.ts, and every host a content
 * script matches (entrypoints/*.content.ts). The built packages are checked the same way in
 * test/e2e/packages.e2e.ts.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { render } from '@testing-library/preact';
import config from '../../wxt.config';
import { HOST_WHY, PERMISSION_WHY, sitesOf } from '../../components/welcome/permissions';
import { Welcome } from '../../components/welcome/Welcome';
import { privacySection } from '../../components/welcome/markdown';

const ROOT = resolve(import.meta.dirname, '../..');
const privacy = readFileSync(join(ROOT, 'PRIVACY.md'), 'utf8');

interface Declared {
  permissions: string[];
  host_permissions: string[];
  optional_host_permissions: string[];
}
const manifestFn = config.manifest as (env: Record<string, unknown>) => Partial<Declared>;
const declared = (browser: string) => {
  const m = manifestFn({ browser, manifestVersion: 3, mode: 'production', command: 'build' });
  return {
    permissions: m.permissions ?? [],
    host_permissions: m.host_permissions ?? [],
    optional_host_permissions: m.optional_host_permissions ?? [],
  };
};

/** Every `matches` pattern of the content scripts, read from their source. */
function contentMatches(): string[] {
  const dir = join(ROOT, 'entrypoints');
  const out: string[] = [];
  for (const f of readdirSync(dir).filter((n) => n.endsWith('.content.ts'))) {
    const src = readFileSync(join(dir, f), 'utf8');
    const block = /matches:\s*\[([^\]]*)\]/.exec(src)?.[1] ?? '';
    for (const m of block.matchAll(/'([^']+)'/g)) out.push(m[1]!);
  }
  return out;
}

describe.each(['chrome', 'firefox'])('the %s manifest', (browser) => {
  const m = declared(browser);
  const sites = sitesOf({
    host_permissions: m.host_permissions,
    content_scripts: [{ matches: contentMatches() }],
  });

  it('declares the permissions this test knows (a new one must be explained first)', () => {
    expect(m.permissions.length).toBeGreaterThan(0);
    expect(sites).toContain('https://trade.taobao.com/*');
  });

  it.each(['zh_CN', 'en'] as const)('PRIVACY.md (%s) explains each of them', (lang) => {
    const section = privacySection(privacy, lang);
    expect(section.length).toBeGreaterThan(500);
    for (const p of [...m.permissions, ...sites, ...m.optional_host_permissions])
      expect(section, p).toContain(`\`${p}\``);
  });

  it('the welcome page lists each with its reason', () => {
    for (const p of m.permissions) expect(PERMISSION_WHY[p], p).toBeDefined();
    for (const h of sites) expect(HOST_WHY[h], h).toBeDefined();
    for (const lang of ['zh_CN', 'en'] as const) {
      const { getByTestId, unmount } = render(
        <Welcome
          lang={lang}
          permissions={m.permissions}
          hosts={sites}
          optionalHosts={m.optional_host_permissions}
          paused={false}
          onPause={() => {}}
          links={{ options: '#', importer: '#', privacy: '#' }}
        />,
      );
      const perms = getByTestId('permissions').textContent ?? '';
      for (const p of m.permissions) expect(perms).toContain(PERMISSION_WHY[p]![lang]);
      const hosts = getByTestId('hosts').textContent ?? '';
      for (const h of sites) expect(hosts).toContain(h);
      expect(perms + hosts).not.toContain('?');
      unmount();
    }
  });
});
