/**
 * The README's map of the tree ("How it is built") stays true: every path it names exists, every
 * file it names beside a folder is in that folder, and every folder of entrypoints/ and lib/ is
 * on it (and every folder of components/ named).
 */
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';

const root = resolve(__dirname, '../..');
const ROOTED = /^(entrypoints|lib|components|test|bench)\//;

interface Entry {
  /** The first column's paths, relative to the root (`welcome/ privacy/`: privacy/ beside welcome/). */
  paths: string[];
  /** The description, continuation lines joined. */
  text: string;
}

/** The map's entries: a line that starts in column 0 opens one, indented lines continue it. */
function readMap(readme: string): Entry[] {
  const section = readme.slice(readme.indexOf('## How it is built'));
  const start = section.indexOf('```\n') + 4;
  const block = section.slice(start, section.indexOf('\n```', start));
  const entries: Entry[] = [];
  for (const line of block.split('\n')) {
    if (/^\S/.test(line)) {
      const [first = '', text = ''] = line.split(/ {2,}/);
      const words = first.split(' ');
      const parent = words[0]!.replace(/[^/]+\/?$/, '');
      entries.push({ paths: words.map((w) => (ROOTED.test(w) ? w : parent + w)), text });
    } else if (entries.length > 0) entries[entries.length - 1]!.text += ` ${line.trim()}`;
  }
  return entries;
}

/** Whether a path exists; `<platform>` in a file name matches any lowercase name. */
function exists(path: string): boolean {
  if (!path.includes('<')) return existsSync(join(root, path));
  const dir = path.slice(0, path.lastIndexOf('/'));
  const pattern = path.slice(path.lastIndexOf('/') + 1);
  const re = new RegExp(`^${pattern.replace(/\./g, '\\.').replace(/<[^>]+>/g, '[a-z]+')}$`);
  return readdirSync(join(root, dir)).some((f) => re.test(f));
}

const folders = (dir: string): string[] =>
  readdirSync(join(root, dir))
    .filter((f) => statSync(join(root, dir, f)).isDirectory())
    .map((f) => `${dir}/${f}/`);

describe("the README's map of the tree", () => {
  const map = readMap(readFileSync(join(root, 'README.md'), 'utf8'));

  it('is there', () => {
    expect(map.length).toBeGreaterThan(10);
  });

  it('names only paths that exist', () => {
    expect(map.flatMap((e) => e.paths.filter((p) => !exists(p)))).toEqual([]);
  });

  it('names only files that are in the folder it describes (or in lib/)', () => {
    const missing = map.flatMap((e) => {
      const dir = e.paths.length === 1 && e.paths[0]!.endsWith('/') ? e.paths[0]! : null;
      if (!dir) return [];
      return [...e.text.matchAll(/(?<![\w/.-])([\w-]+\.(?:ts|tsx|mjs))\b/g)]
        .map((m) => m[1]!)
        .filter((f) => !existsSync(join(root, dir, f)) && !existsSync(join(root, 'lib', f)))
        .map((f) => dir + f);
    });
    expect(missing).toEqual([]);
  });

  it('lists every folder of entrypoints/ and lib/, and names every folder of components/', () => {
    const listed = new Set(map.flatMap((e) => e.paths));
    const text = map.map((e) => e.text).join(' ');
    const unlisted = [...folders('entrypoints'), ...folders('lib')].filter((f) => !listed.has(f));
    const unnamed = folders('components').filter(
      (f) => !text.includes(f.slice('components/'.length)),
    );
    expect([...unlisted, ...unnamed]).toEqual([]);
  });
});
