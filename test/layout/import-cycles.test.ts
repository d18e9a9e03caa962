import { resolve } from 'node:path';
import { parseCircular, parseDependencyTree } from 'dpdm';

const root = resolve(__dirname, '../..');

/** Import cycles among `globs`, type-only imports left out, as paths relative to the root. */
async function cycles(globs: string[]): Promise<string[][]> {
  const tree = await parseDependencyTree(globs, {
    context: root,
    cwd: root,
    tsconfig: resolve(root, 'tsconfig.json'),
    transform: true, // drops `import type` and type-only specifiers before reading the graph
    extensions: ['.ts', '.tsx', '.mjs', '.js'],
  });
  return parseCircular(tree);
}

describe('the import graph', () => {
  it('has no cycle among lib, components and entrypoints outside type-only imports', async () => {
    const found = await cycles([
      'lib/**/*.ts',
      'lib/**/*.tsx',
      'components/**/*.ts',
      'components/**/*.tsx',
      'entrypoints/**/*.ts',
      'entrypoints/**/*.tsx',
    ]);
    expect(found.map((c) => c.join(' → '))).toEqual([]);
  }, 180_000); // reads every product file; slow only on a busy machine

  it('is read by a checker that does see a runtime cycle and does not count a type-only one', async () => {
    expect(await cycles(['test/fixtures/layout/cycle/*.ts'])).toHaveLength(1);
    expect(await cycles(['test/fixtures/layout/type-only/*.ts'])).toEqual([]);
  });
});
