// Throwaway: trace one repeat visit of the bench order page; print main-thread events between rowsAt and doneAt.
import { writeFileSync } from 'node:fs';
import { createBench, ORDER_URL } from './harness.mjs';
import { serveOrderPages, BASELINE_URL } from './order-pages.mjs';
import mainShop from './scenarios/main-shop.mjs';

const b = createBench({ ...process.env, BENCH_N: process.env.BENCH_N ?? '5000', BENCH_ONLY: 'x' });
await b.open();
await mainShop(b);
await serveOrderPages(b);
const { s } = b;
async function visit(url, trace) {
  const page = await s.context.newPage();
  const cdp = await s.context.newCDPSession(page);
  if (trace) {
    await cdp.send('Tracing.start', {
      categories:
        'devtools.timeline,disabled-by-default-devtools.timeline,v8.execute,blink.user_timing,loading,toplevel,disabled-by-default-v8.cpu_profiler',
      transferMode: 'ReturnAsStream',
    });
  }
  if (trace) { await cdp.send('Profiler.enable'); await cdp.send('Profiler.setSamplingInterval', { interval: 50 }); await cdp.send('Profiler.start'); }
  await page.goto(url, { waitUntil: 'domcontentloaded' });
  if (url === BASELINE_URL) await page.waitForTimeout(1000); else await page.waitForFunction(() => window.__kz?.drawnAt > 0, null, { timeout: 60_000 });
  await page.waitForTimeout(500);
  const probe = await page.evaluate(() => ({
    ...window.__kz,
    origin: performance.timeOrigin,
    firstPaint: performance.getEntriesByName('first-paint')[0]?.startTime,
  }));
  let events = [];
  if (trace) {
    const { profile } = await cdp.send('Profiler.stop');
    writeFileSync(`/tmp/prof-${trace}.json`, JSON.stringify(profile));
    const done = new Promise((r) => cdp.once('Tracing.tracingComplete', r));
    await cdp.send('Tracing.end');
    const { stream } = await done;
    let data = '';
    for (;;) {
      const c = await cdp.send('IO.read', { handle: stream });
      data += c.base64Encoded ? Buffer.from(c.data, 'base64').toString() : c.data;
      if (c.eof) break;
    }
    events = JSON.parse(data).traceEvents ?? JSON.parse(data);
    writeFileSync(`/tmp/trace-${trace}.json`, JSON.stringify(events));
  }
  await page.close();
  return { probe, events };
}
await visit(ORDER_URL, false); // seed
await new Promise((r) => setTimeout(r, 1500));
for (const [name, url] of [
  ['base', BASELINE_URL],
  ['repeat', ORDER_URL],
  ['first', `${ORDER_URL}?kzfirst=9`],
]) {
  await visit(url, false);
  const v = await visit(url, name);
  console.log(name, 'ms', (v.probe.doneAt - v.probe.rowsAt).toFixed(1), 'fp', (v.probe.firstPaint - v.probe.rowsAt).toFixed(1), 'long', JSON.stringify(v.probe.longTasks));
  writeFileSync(`/tmp/probe-${name}.json`, JSON.stringify(v.probe));
}
await b.close();
