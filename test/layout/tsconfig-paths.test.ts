import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import ts from 'typescript';

/** A tsconfig's `paths`, each target resolved to an absolute folder. */
function resolvedPaths(file: string): Record<string, string[]> {
  const { config, error } = ts.readConfigFile(file, (f) => readFileSync(f, 'utf8'));
  if (error) throw new Error(ts.flattenDiagnosticMessageText(error.messageText, '\n'));
  const paths = (config as { compilerOptions: { paths: Record<string, string[]> } }).compilerOptions
    .paths;
  const dir = resolve(file, '..');
  return Object.fromEntries(
    Object.entries(paths).map(([alias, targets]) => [alias, targets.map((t) => resolve(dir, t))]),
  );
}

describe("the project's tsconfig paths", () => {
  it('name the same aliases and folders as the ones WXT generates', () => {
    const ours = resolvedPaths('tsconfig.json');
    const wxt = resolvedPaths('.wxt/tsconfig.json');
    expect(ours).toEqual(wxt);
  });
});
