// Idle pages: script time on matched non-order pages with the extension, minus the same page in
// a browser without it. Closes the bench's browser (the plain one runs after it).
import { chromium } from 'playwright-core';
import { IDLE_SPA_URL, IDLE_URL, fmt } from '../harness.mjs';
import { IDLE_PAGE, summarize } from '../lib.mjs';

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
      note: `${IDLE_SPA_URL} (千牛 app, not the sold list): only the route watcher runs (qianniu.js: the JSON capture channel, opened at document_start); the background injects the order script when the app routes to the sold list; minus without (${fmt(baseSpa)} ms)`,
    },
  );
}
