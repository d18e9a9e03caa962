// Builds of earlier releases, for the update test (test/e2e/update.e2e.ts): a commit's tree from
// git (`git archive`, no checkout touched) built by its own wxt.config with this checkout's
// node_modules (a symlink: `npm ci` per release would take minutes). Kept under
// .output/releases/<commit>/ so a second run reuses them.
import { execFileSync } from 'node:child_process';
import { createHash, generateKeyPairSync } from 'node:crypto';
import {
  cpSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  readFileSync,
  rmSync,
  symlinkSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ROOT } from './browser.mjs';

/**
 * Makes sure git has `commit`: a shallow clone (as some CI checkouts are) is deepened from its
 * origin first. Throws, naming the commit, when it still cannot be found.
 */
function haveCommit(commit) {
  const has = () => {
    try {
      execFileSync('git', ['cat-file', '-e', `${commit}^{commit}`], { cwd: ROOT, stdio: 'ignore' });
      return true;
    } catch {
      return false;
    }
  };
  if (has()) return;
  for (const args of [
    ['fetch', '--quiet', '--unshallow'],
    ['fetch', '--quiet', 'origin', commit],
  ]) {
    try {
      execFileSync('git', args, { cwd: ROOT, stdio: 'ignore' });
    } catch {
      // not shallow, no origin, or the origin will not serve a bare commit: try the next way
    }
    if (has()) return;
  }
  throw new Error(`release ${commit} is not in this clone's git history (a full clone is needed)`);
}

/** The Chrome build of `commit` (built once, then reused); throws when git lacks the commit. */
export function buildRelease(commit) {
  const out = join(ROOT, '.output/releases', commit, 'chrome-mv3');
  if (existsSync(join(out, 'manifest.json'))) return out;
  haveCommit(commit);
  const tree = mkdtempSync(join(tmpdir(), `kezhi-release-${commit}-`));
  try {
    const tar = execFileSync('git', ['archive', '--format=tar', commit], {
      cwd: ROOT,
      maxBuffer: 1 << 30,
    });
    execFileSync('tar', ['-x', '-C', tree], { input: tar });
    symlinkSync(join(ROOT, 'node_modules'), join(tree, 'node_modules'), 'dir');
    const env = { ...process.env };
    delete env.KEZHI_OUT_DIR; // the release's own .output
    execFileSync(join(ROOT, 'node_modules/.bin/wxt'), ['build'], {
      cwd: tree,
      stdio: ['ignore', 'ignore', 'inherit'],
      env,
    });
    mkdirSync(join(out, '..'), { recursive: true });
    cpSync(join(tree, '.output/chrome-mv3'), out, { recursive: true });
    return out;
  } finally {
    rmSync(tree, { recursive: true, force: true });
  }
}

/**
 * A manifest `key` and the extension id Chromium derives from it: two builds given the same key
 * are the same extension, so the second one is an update of the first (same storage).
 */
export function extensionKey() {
  const { publicKey } = generateKeyPairSync('rsa', { modulusLength: 2048 });
  const der = publicKey.export({ type: 'spki', format: 'der' });
  const hex = createHash('sha256').update(der).digest('hex').slice(0, 32);
  const id = [...hex].map((c) => String.fromCharCode(97 + parseInt(c, 16))).join('');
  return { key: der.toString('base64'), id };
}

/** Replaces `dir` with a copy of the build at `from` whose manifest carries `key`. */
export function installBuild(from, dir, key) {
  rmSync(dir, { recursive: true, force: true });
  cpSync(from, dir, { recursive: true });
  const path = join(dir, 'manifest.json');
  const manifest = JSON.parse(readFileSync(path, 'utf8'));
  writeFileSync(path, JSON.stringify({ ...manifest, key }, null, 2));
}
