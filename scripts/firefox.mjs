// Debian's Firefox ESR with the built Firefox add-on, driven by puppeteer-core over WebDriver
// BiDi (browser tests in test/e2e/*.firefox.e2e.ts). Like scripts/browser.mjs: every http(s)
// request not served by the test is refused, so nothing leaves the machine.
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import puppeteer from 'puppeteer-core';
import { readStore, ROOT, until } from './browser.mjs';

export const FIREFOX_EXTENSION_DIR = join(ROOT, '.output/firefox-mv3');
/** The add-on's id (wxt.config.ts) and the moz-extension host we pin it to. */
export const GECKO_ID = 'kezhi@kezhi.local';
export const FIREFOX_UUID = '6b1f1e0c-4a55-4c39-9a3e-2f0d5a0f7e11';

/** Launches Firefox ESR and installs the add-on as a temporary add-on. */
export async function launchFirefox({
  extensionDir = FIREFOX_EXTENSION_DIR,
  headless = true,
} = {}) {
  if (!existsSync(join(extensionDir, 'manifest.json')))
    throw new Error(`no Firefox build at ${extensionDir}: run npm run build:firefox first`);
  const browser = await puppeteer.launch({
    browser: 'firefox',
    executablePath: process.env.FIREFOX_PATH ?? '/usr/bin/firefox-esr',
    headless,
    defaultViewport: { width: 1400, height: 900 },
    extraPrefsFirefox: {
      // A fixed moz-extension:// host, so the tests can open the add-on's pages.
      'extensions.webextensions.uuids': JSON.stringify({ [GECKO_ID]: FIREFOX_UUID }),
      'intl.locale.requested': 'zh-CN',
      'intl.accept_languages': 'zh-CN, zh',
      'datareporting.policy.dataSubmissionEnabled': false,
      'toolkit.telemetry.enabled': false,
      'app.update.enabled': false,
      'browser.shell.checkDefaultBrowser': false,
    },
    env: { ...process.env, TZ: 'Asia/Shanghai' },
  });
  const id = await browser.installExtension(extensionDir);
  const routes = new Map();
  /** Serves `body` at `url` (exact, query included) on every page opened after this call. */
  const serve = (url, body, contentType = 'text/html; charset=utf-8') => {
    routes.set(url, { body, contentType });
  };
  /** A new tab whose http(s) requests are answered from the routes or refused. */
  const newPage = async () => {
    const page = await browser.newPage();
    await page.setRequestInterception(true);
    page.on('request', (req) => {
      const url = req.url();
      if (!/^https?:/.test(url)) return void req.continue();
      const r = routes.get(url);
      if (r) return void req.respond({ status: 200, contentType: r.contentType, body: r.body });
      return void req.abort('blockedbyclient');
    });
    return page;
  };
  return {
    browser,
    id,
    origin: `moz-extension://${FIREFOX_UUID}`,
    serve,
    newPage,
    /**
     * An extension page (its own origin: no interception). Over BiDi a moz-extension:// load never
     * reports its navigation done to puppeteer, so the page's own location and readiness are polled.
     */
    async openExtensionPage(path) {
      const page = await browser.newPage();
      const url = `moz-extension://${FIREFOX_UUID}/${path}`;
      void page.goto(url, { timeout: 60_000 }).catch(() => {});
      await until(`${path} loaded`, () =>
        page
          .evaluate(() => `${location.href} ${document.readyState}`)
          .then((s) => s === `${url} complete`),
      );
      return page;
    },
    /** The add-on's pages open in the browser (by their own location; see openExtensionPage). */
    async extensionPages() {
      const out = [];
      for (const page of await browser.pages()) {
        const href = await page.evaluate(() => location.href).catch(() => '');
        if (href.startsWith(`moz-extension://${FIREFOX_UUID}/`)) out.push({ page, href });
      }
      return out;
    },
    close: () => browser.close(),
  };
}

/**
 * Reads a whole object store of the add-on's IndexedDB from one of its pages: the Chromium
 * reader's own code, since puppeteer's page.evaluate takes (fn, arg) as Playwright's does.
 */
export function readFirefoxStore(page, store) {
  return readStore(page, store);
}
