import { createBench, ORDER_URL } from './harness.mjs';
import { serveOrderPages } from './order-pages.mjs';
import mainShop from './scenarios/main-shop.mjs';
const b = createBench({ ...process.env, BENCH_N: '5000', BENCH_ONLY: 'x' });
await b.open();
await mainShop(b);
await serveOrderPages(b);
for (const url of [`${ORDER_URL}?kzfirst=1`, `${ORDER_URL}?kzfirst=2`, ORDER_URL, ORDER_URL]) {
  const page = await b.s.context.newPage();
  page.on('console', (m) => console.log('console', m.text()));
  await page.goto(url, { waitUntil: 'domcontentloaded' });
  await page.waitForTimeout(3000);
  console.log(url, await page.evaluate(() => ({ hosts: document.querySelectorAll('kezhi-overlay').length, kinds: document.querySelectorAll('kezhi-overlay[data-kezhi-kind]').length, rows: document.querySelectorAll('.item-mod__trade-order___').length, kz: { ...window.__kz, longTasks: undefined } })));
  await page.close();
}
await b.close();
