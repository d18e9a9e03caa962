// CSV import of N rows through the options page's file input. Past BENCH_CSV_BUDGET_S (default
// 900) seconds into the run, the import (minutes at 100k) is left out and the table says so.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { generateHistory } from '../../scripts/history.mjs';
import { taobaoCsv } from '../lib.mjs';

export default async function csv(b) {
  const { s, ext, n, now, started, record, log } = b;
  const budget = Number(b.env.BENCH_CSV_BUDGET_S ?? 900);
  const csvLate = (Date.now() - started) / 1000 > budget;
  if (csvLate) {
    const at = Math.round((Date.now() - started) / 1000);
    log(`CSV: left out, the run had taken ${at} s`);
    for (const key of ['csv_import_100k_s', 'csv_import_longest_task_ms'])
      record(key, [], {
        unit: key.endsWith('_s') ? 's' : 'ms',
        note: `not measured in this run: left out after ${at} s (over BENCH_CSV_BUDGET_S=${budget}) on a loaded machine`,
      });
  }
  if (!csvLate) {
    // Generated here, not in a page: the same scripts/history.mjs, but 100k orders returned
    // through page.evaluate took about 40 s of the run (3 s here). The file goes to the input by
    // its path, so its 35 MB do not cross the DevTools protocol either.
    const csvOrders = generateHistory({
      platform: 'taobao',
      shopId: 'csv',
      orders: n,
      buyers: n,
      now,
      seed: 31,
      idPrefix: '3306',
    });
    const csv = Buffer.from(taobaoCsv(csvOrders), 'utf8');
    const dir = mkdtempSync(join(tmpdir(), 'kezhi-bench-csv-'));
    const csvPath = join(dir, 'ExportOrderList202601011200.csv');
    writeFileSync(csvPath, csv);
    log(`CSV: ${csvOrders.length} rows, ${(csv.length / 2 ** 20).toFixed(1)} MB`);
    const secs = [];
    const longest = [];
    for (let run = 1; run <= 3; run++) {
      // The whole bench must stay under 10 minutes here: a run that would not fit is left out
      // (and the spread says n=…). The first run goes whatever the time (its figure is reported).
      const elapsed = (Date.now() - started) / 1000;
      // 75 s: the idle pages after it (about 50 s alone: a plain browser and six new ones).
      if (run > 1 && elapsed + secs.at(-1) + 75 > 570) {
        log(`CSV: run ${run} left out to stay under 10 minutes`);
        break;
      }
      const page = await s.context.newPage();
      await page.goto(`${ext}/options.html#import`);
      await page.waitForSelector('[data-testid="import-file"]', { state: 'attached' });
      await page.setInputFiles('[data-testid="import-file"]', csvPath, { timeout: 120_000 });
      await page.waitForSelector('[data-testid="import-ready"]', { timeout: 120_000 });
      await page.selectOption('[data-testid="import-shop"]', '__new__');
      await page.fill('[data-testid="import-shop-id"]', `bench-csv-${run}`);
      await page.evaluate(() => {
        window.__lt = [];
        new PerformanceObserver((l) =>
          l.getEntries().forEach((e) => window.__lt.push(e.duration)),
        ).observe({ type: 'longtask' });
        window.__t0 = performance.now();
      });
      await page.click('[data-testid="import-start"]');
      await page.waitForSelector('[data-testid="import-report"]', { timeout: 300_000 });
      const r = await page.evaluate(() => ({
        ms: performance.now() - window.__t0,
        longest: Math.max(0, ...window.__lt),
        written: document.querySelector('[data-testid="import-written"]')?.textContent,
      }));
      if (Number(String(r.written).replace(/\D/g, '')) !== csvOrders.length)
        throw new Error(`CSV run ${run}: written ${r.written}`);
      secs.push(r.ms / 1000);
      longest.push(r.longest);
      log(`CSV run ${run}: ${(r.ms / 1000).toFixed(1)} s, longest task ${r.longest.toFixed(0)} ms`);
      await page.close();
    }
    rmSync(dir, { recursive: true, force: true });
    record('csv_import_100k_s', secs, {
      unit: 's',
      note: `${n} rows, start click to report; options page (worker parses, background ingests)`,
    });
    record('csv_import_longest_task_ms', longest, {
      unit: 'ms',
      target: 50,
      note: 'longtask on the options page during the import',
    });
  }
}
