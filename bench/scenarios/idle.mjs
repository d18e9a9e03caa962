// Idle pages: script time on matched non-order pages with the extension, minus the same page in
// a browser without it. Closes the bench's browser (the plain one runs after it, then one with an
// extension of two empty scripts: the floor any document_start content script pays).
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium } from 'playwright-core';
import { launch } from '../../scripts/browser.mjs';
import { IDLE_SPA_URL, IDLE_URL, fmt } from '../harness.mjs';
import { IDLE_PAGE, summarize } from '../lib.mjs';

/**
 * An extension that runs what ours runs on 千牛's other routes, with the given code instead of
 * ours: one script in an isolated world and one in the page's world, both at document_start, on
 * the same pages.
 */
function scriptsExtension(isolated, main) {
  const dir = mkdtempSync(join(tmpdir(), 'kezhi-floor-ext-'));
  const matches = ['https://myseller.taobao.com/home.htm*'];
  const manifest = {
    manifest_version: 3,
    name: 'floor',
    version: '1.0.0',
    background: { service_worker: 'bg.js' },
    content_scripts: [
      { matches, js: ['isolated.js'], run_at: 'document_start' },
      { matches, js: ['main.js'], run_at: 'document_start', world: 'MAIN' },
    ],
  };
  writeFileSync(join(dir, 'manifest.json'), JSON.stringify(manifest));
  writeFileSync(join(dir, 'bg.js'), '');
  writeFileSync(join(dir, 'isolated.js'), isolated);
  writeFileSync(join(dir, 'main.js'), main);
  return dir;
}

/**
 * The least a private capture channel costs at document_start (lib/capture-protocol.ts): the
 * page's world listens for the hello and keeps the port it brings; the isolated world makes a
 * channel, hands one port over in an event dispatched synchronously (before any page script
 * exists to listen) and sends what to capture over the other. No native is taken, no request
 * watched, no secret made: less than any channel the page cannot read can do.
 */
const HANDSHAKE_MAIN = `addEventListener('kz-floor-hello', (e) => {
  const port = e.ports[0];
  port.onmessage = (m) => { globalThis.__floor = m.data; };
}, true);`;
const HANDSHAKE_ISOLATED = `const c = new MessageChannel();
dispatchEvent(new MessageEvent('kz-floor-hello', { ports: [c.port2] }));
c.port1.postMessage({ endpoints: ['^https://trade\\.taobao\\.com/trade/itemlist/asyncSold\\.htm'] });`;

/** ScriptDuration of the SPA page with an extension of the two given scripts there. */
async function withScripts(isolated, main) {
  const dir = scriptsExtension(isolated, main);
  const floor = await launch({ extensionDir: dir });
  try {
    await floor.serve(IDLE_SPA_URL, IDLE_PAGE);
    return await idleScript(floor.context, IDLE_SPA_URL);
  } finally {
    await floor.close();
    rmSync(dir, { recursive: true, force: true });
  }
}

/** ScriptDuration (ms) of five loads of `url` in `context`; fails if any kezhi element shows. */
async function idleScript(context, url) {
  const out = [];
  for (let run = 0; run < 5; run++) {
    const page = await context.newPage();
    const cdp = await context.newCDPSession(page);
    await cdp.send('Performance.enable');
    await page.goto(url, { waitUntil: 'load' });
    await page.waitForTimeout(500);
    const m = Object.fromEntries(
      (await cdp.send('Performance.getMetrics')).metrics.map((x) => [x.name, x.value]),
    );
    const ours = await page.locator('kezhi-overlay, kezhi-notice').count();
    if (ours) throw new Error('kezhi elements on a non-order page');
    out.push(m.ScriptDuration * 1000);
    await page.close();
  }
  return out;
}

export default async function idle(b) {
  // The extension's session serves both pages (bench/order-pages.mjs).
  const withExt = await idleScript(b.s.context, IDLE_URL);
  const withExtSpa = await idleScript(b.s.context, IDLE_SPA_URL);
  await b.close();
  const plain = await chromium.launch({
    executablePath: b.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    args: ['--no-sandbox', '--disable-gpu'],
  });
  const ctx = await plain.newContext({ locale: 'zh-CN', timezoneId: 'Asia/Shanghai' });
  await ctx.route(/^https?:\/\//, (r) => r.abort('blockedbyclient'));
  const serveIdle = (url) =>
    ctx.route(url, (r) =>
      r.fulfill({ status: 200, contentType: 'text/html; charset=utf-8', body: IDLE_PAGE }),
    );
  await serveIdle(IDLE_URL);
  const without = await idleScript(ctx, IDLE_URL);
  await serveIdle(IDLE_SPA_URL);
  const withoutSpa = await idleScript(ctx, IDLE_SPA_URL);
  await plain.close();
  const emptySpa = await withScripts('', '');
  const handshakeSpa = await withScripts(HANDSHAKE_ISOLATED, HANDSHAKE_MAIN);
  const base = summarize(without).median;
  const baseSpa = summarize(withoutSpa).median;
  b.record(
    'idle_page_script_ms',
    withExt.map((x) => x - base),
    {
      unit: 'ms',
      target: 1,
      note: `${IDLE_URL}: ScriptDuration with the extension minus without (${fmt(base)} ms); no kezhi element present. The order scripts' manifest matches are their adapters' areas, so nothing of ours runs here`,
    },
  );
  b.record(
    'idle_spa_page_script_ms',
    withExtSpa.map((x) => x - baseSpa),
    {
      unit: 'ms',
      target: 1,
      note: `${IDLE_SPA_URL} (千牛 app, not the sold list): only the route watcher runs (qianniu.js: the JSON capture channel, opened at document_start, no extension API touched) and the page-world interceptor; the background injects the order script when the app routes to the sold list; minus without (${fmt(baseSpa)} ms)`,
    },
  );
  b.record(
    'idle_spa_empty_scripts_ms',
    emptySpa.map((x) => x - baseSpa),
    {
      unit: 'ms',
      note: `the same page with an extension whose two document_start scripts there (one isolated, one in the page's world, as ours) are empty; minus without (${fmt(baseSpa)} ms)`,
    },
  );
  b.record(
    'idle_spa_handshake_floor_ms',
    handshakeSpa.map((x) => x - baseSpa),
    {
      unit: 'ms',
      note: `the floor of idle_spa_page_script_ms: the same two scripts doing only the capture channel's handshake (the page's world takes a port from an event dispatched synchronously at document_start, one message goes over it; no native kept, no request watched, no secret); minus without (${fmt(baseSpa)} ms)`,
    },
  );
}
