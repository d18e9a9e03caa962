import { existsSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';

const ROOT = resolve(import.meta.dirname, '../..');

/**
 * The modules the popup loads up front: static imports from its entry, followed through our own
 * files (`import type` and dynamic `import()` are not followed). Bare specifiers are packages.
 */
function firstLoad(entry: string): { files: Set<string>; packages: Set<string> } {
  const files = new Set<string>();
  const packages = new Set<string>();
  const resolveFile = (from: string, spec: string): string | undefined => {
    const base = spec.startsWith('@/') ? join(ROOT, spec.slice(2)) : resolve(dirname(from), spec);
    return ['', '.ts', '.tsx', '/index.ts', '/index.tsx']
      .map((ext) => base + ext)
      .find((f) => existsSync(f) && statSync(f).isFile());
  };
  const visit = (file: string): void => {
    if (files.has(file)) return;
    files.add(file);
    const src = readFileSync(file, 'utf8');
    // `import x from '…'`, `import { … } from '…'`, `export … from '…'`, `import '…'`.
    const statics = src.matchAll(
      /^\s*(?:import|export)(?!\s+type\b)(?:[^'"();]*?\sfrom\s*)?\s*['"]([^'"]+)['"]/gm,
    );
    for (const [, spec] of statics) {
      if (spec!.startsWith('.') || spec!.startsWith('@/')) {
        const f = resolveFile(file, spec!);
        if (f && /\.tsx?$/.test(f)) visit(f);
      } else {
        packages.add(
          spec!.startsWith('@') ? spec!.split('/').slice(0, 2).join('/') : spec!.split('/')[0]!,
        );
      }
    }
  };
  visit(join(ROOT, entry));
  return { files, packages };
}

describe('the popup’s first load', () => {
  // Two files at once: the entry (database, settings, the recent list's read) and the App it
  // imports, which the popup's HTML preloads (wxt.config.ts preloadPopupApp).
  const entry = firstLoad('entrypoints/popup/main.tsx');
  const app = firstLoad('entrypoints/popup/App.tsx');
  const files = new Set([...entry.files, ...app.files]);
  const packages = new Set([...entry.packages, ...app.packages]);

  it('is followed through the popup’s own modules', () => {
    // The walk itself works: it reaches the search and the database.
    expect(files).toContain(join(ROOT, 'lib/search/search.ts'));
    expect(packages).toContain('dexie');
    expect(packages).toContain('preact');
  });

  it('starts the database before the App: the entry holds none of the App’s screens', () => {
    expect(entry.files).toContain(join(ROOT, 'entrypoints/popup/recent-read.ts'));
    expect(entry.packages).toContain('dexie');
    for (const f of ['entrypoints/popup/App.tsx', 'components/popup/SearchPanel.tsx'])
      expect(entry.files).not.toContain(join(ROOT, f));
  });

  it('leaves pinyin-pro (its dictionary) to an on-demand import', () => {
    expect(packages).not.toContain('pinyin-pro');
    for (const f of ['lib/search/plan.ts', 'lib/search/terms.ts', 'lib/search/index.ts'])
      expect(files).not.toContain(join(ROOT, f));
  });

  it('leaves the schema library to on-demand imports: settings are read without it', () => {
    // lib/browser/settings-read takes a value the schema already checked; zod builds its
    // schemas as it loads, which cost the popup's first script about half its evaluation.
    expect(files).not.toContain(join(ROOT, 'lib/zod.ts'));
    expect(packages).not.toContain('zod');
    for (const f of ['lib/schemas.ts', 'lib/settings.ts', 'lib/browser/settings-store.ts'])
      expect(files).not.toContain(join(ROOT, f));
    expect(files).toContain(join(ROOT, 'lib/browser/settings-read.ts'));
  });

  it('leaves the card and the care list to after the first list', () => {
    for (const f of [
      'components/popup/CustomerCard.tsx',
      'components/popup/DueList.tsx',
      'entrypoints/popup/card.ts',
      'entrypoints/popup/due.ts',
      'lib/care/index.ts',
      // The 催付 and care templates: the rows need only the China date of an order.
      'lib/reminders/index.ts',
      'lib/reminders/templates.ts',
    ])
      expect(files).not.toContain(join(ROOT, f));
  });
});
