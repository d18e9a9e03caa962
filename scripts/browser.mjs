// Debian's Chromium with the built extension loaded, driven by playwright-core. Shared by the
// browser tests (test/e2e), the demo (npm run demo) and the benchmarks (npm run bench).
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { chromium } from 'playwright-core';

export const ROOT = resolve(import.meta.dirname, '..');
export const EXTENSION_DIR = join(ROOT, '.output/chrome-mv3');
export const FIXTURES = join(ROOT, 'test/fixtures');
export const SHOTS = join(ROOT, 'test-results/screenshots');

/** A fixture file's text. */
export function fixture(platform, file) {
  return readFileSync(join(FIXTURES, platform, file), 'utf8');
}

/**
 * Launches Chromium with the extension. Every http(s) request not served by a route is refused,
 * so nothing leaves the machine; `requests` records every request the extension itself made.
 */
export async function launch({
  headless = true,
  extensionDir = EXTENSION_DIR,
  userDataDir = undefined,
} = {}) {
  if (!existsSync(join(extensionDir, 'manifest.json')))
    throw new Error(`no built extension at ${extensionDir}: run npm run build first`);
  // A given profile (the update test's) outlives the session; a fresh one is removed on close.
  const dir = userDataDir ?? mkdtempSync(join(tmpdir(), 'kezhi-chromium-'));
  const context = await chromium.launchPersistentContext(dir, {
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    headless,
    viewport: { width: 1400, height: 900 },
    locale: 'zh-CN',
    timezoneId: 'Asia/Shanghai',
    args: [
      `--disable-extensions-except=${extensionDir}`,
      `--load-extension=${extensionDir}`,
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
    ],
  });
  const requests = [];
  context.on('request', (r) => {
    let fromExtension = !!r.serviceWorker();
    try {
      fromExtension ||= r.frame().url().startsWith('chrome-extension://');
    } catch {
      // a service-worker request has no frame
    }
    if (fromExtension && /^https?:/.test(r.url())) requests.push(r.url());
  });
  await context.route(/^https?:\/\//, (route) => route.abort('blockedbyclient'));
  const worker =
    context.serviceWorkers()[0] ??
    (await context.waitForEvent('serviceworker', { timeout: 30_000 }));
  const extensionId = new URL(worker.url()).host;
  mkdirSync(SHOTS, { recursive: true });
  return {
    context,
    worker,
    extensionId,
    requests,
    async serve(url, body, contentType = 'text/html; charset=utf-8') {
      await context.route(url, (route) => route.fulfill({ status: 200, contentType, body }));
    },
    async screenshot(page, name, opts = {}) {
      const path = join(SHOTS, `${name}.png`);
      await page.screenshot({ path, fullPage: opts.fullPage ?? true });
      return path;
    },
    async close() {
      await context.close();
      if (!userDataDir) rmSync(dir, { recursive: true, force: true });
    },
  };
}

/** Reads a whole object store of the extension's IndexedDB, inside the service worker. */
export function readStore(worker, store) {
  return worker.evaluate(
    (name) =>
      new Promise((res, rej) => {
        const open = indexedDB.open('kezhi');
        open.onerror = () => rej(open.error);
        open.onsuccess = () => {
          const db = open.result;
          if (!db.objectStoreNames.contains(name)) {
            db.close();
            res([]);
            return;
          }
          const req = db.transaction(name, 'readonly').objectStore(name).getAll();
          req.onsuccess = () => {
            db.close();
            res(req.result);
          };
          req.onerror = () => rej(req.error);
        };
      }),
    store,
  );
}

/** Polls `fn` until it returns something truthy, or throws naming `what`. */
export async function until(what, fn, timeoutMs = 20_000) {
  const end = Date.now() + timeoutMs;
  let last;
  while (Date.now() < end) {
    try {
      const v = await fn();
      if (v) return v;
    } catch (e) {
      last = e;
    }
    await new Promise((r) => setTimeout(r, 150));
  }
  throw new Error(`timed out waiting for ${what}${last ? `: ${String(last)}` : ''}`);
}

/** Sends a contract message from an extension page (the popup), as our own pages do. */
export async function sendFromPage(page, name, input) {
  return page.evaluate(
    // eslint-disable-next-line no-undef -- runs in the extension page, where chrome is defined
    ([n, i]) => chrome.runtime.sendMessage({ kezhi: 1, name: n, input: i }),
    [name, input],
  );
}

/** Writes the seller's settings (partial: defaults fill the rest) as the options page would. */
export async function setSettings(session, settings) {
  const page = await session.context.newPage();
  await page.goto(`chrome-extension://${session.extensionId}/popup.html`);
  // eslint-disable-next-line no-undef -- runs in the extension page, where chrome is defined
  await page.evaluate((s) => chrome.storage.local.set({ 'kezhi:settings': s }), settings);
  await page.close();
}
