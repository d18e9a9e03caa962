// npm run demo: the extension in Chromium on a local demo shop. Fixture order pages are served
// under the platforms' real URLs (nothing goes to the network), a generated history is imported,
// then the unpaid-orders page, the 催付 assistant, the popup, the dashboard and the options page
// are opened and screenshotted. Headed when a display exists (close the window to end), else
// headless; the screenshot paths are printed either way.
import { fixture, launch, readStore, sendFromPage, setSettings, until } from './browser.mjs';
import { overlayOf } from './closed-root.mjs';
import { shiftStamps } from './fixture-time.mjs';
import { generateHistory } from './history.mjs';

const DAY = 86400000;
const headed = !!process.env.DISPLAY && process.env.KEZHI_HEADLESS !== '1';
const s = await launch({ headless: !headed });
const shots = [];
const newest = Date.now() - 2 * DAY;
const week = 7 * 24 * 60;

// Quiet hours off and a week's auto-close, so every 催付 step shows whatever hour the demo runs.
await setSettings(s, {
  reminders: {
    quietStartMinute: 0,
    quietEndMinute: 0,
    autoCloseMinutes: {
      taobao: week,
      pinduoduo: week,
      jd: week,
      douyin: week,
      woocommerce: week,
      shopify: week,
    },
  },
});

const pages = [
  [
    'https://trade.taobao.com/trade/itemlist/list_sold_items.htm',
    'taobao-old',
    'list_sold_items.html',
  ],
  [
    'https://trade.taobao.com/trade/itemlist/list_sold_items.htm?tabCode=waitBuyerPay',
    'taobao-old',
    'unpaid.html',
  ],
  ['https://myseller.taobao.com/home.htm/trade-platform/tp/sold', 'taobao-qn', 'sold.html'],
  ['https://mms.pinduoduo.com/orders/list', 'pinduoduo', 'orders.html'],
  ['https://mms.pinduoduo.com/orders/list?tab=unpaid', 'pinduoduo', 'unpaid.html'],
  ['https://shop.jd.com/jdm/trade/orders/order-list?tabType=allOrders', 'jd', 'orders.html'],
  ['https://shop.jd.com/jdm/trade/orders/order-list?tabType=notPay', 'jd', 'unpaid.html'],
  ['https://fxg.jinritemai.com/ffa/morder/order/list', 'douyin', 'orders.html'],
  ['https://admin.shopify.com/store/kezhi-test-shop/orders', 'shopify', 'orders.html'],
];
for (const [url, platform, file] of pages)
  await s.serve(url, shiftStamps(fixture(platform, file), newest));
await s.context.grantPermissions(['clipboard-read', 'clipboard-write'], {
  origin: 'https://trade.taobao.com',
});

// 1. Visit the older orders: the history starts to build from what the pages show.
const tab = await s.context.newPage();
await tab.goto(pages[0][0]);
await until('the first page synced', async () => (await readStore(s.worker, 'orders')).length >= 8);
const shop = (await readStore(s.worker, 'shops')).find((x) => x.platform === 'taobao');

// 2. A generated two-year history for the same shop, as an order-report import would give.
const ext = await s.context.newPage();
await ext.goto(`chrome-extension://${s.extensionId}/popup.html`);
const history = generateHistory({
  shopId: shop.shopId,
  orders: 3000,
  buyers: 900,
  knownBuyers: ['tb_test_buyer01', 'tb_test_buyer02', '测试买家甲'],
  now: newest - 5 * DAY,
});
for (let i = 0; i < history.length; i += 1000)
  await sendFromPage(ext, 'importBatch', { orders: history.slice(i, i + 1000) });
await ext.close();

// 3. The other platforms' pages.
for (const [url] of pages.slice(2)) {
  await tab.goto(url);
  await tab
    .locator('kezhi-overlay')
    .first()
    .waitFor({ state: 'attached', timeout: 15000 })
    .catch(() => undefined);
}

// 4. The unpaid orders, with the assistant open on a new customer's order.
await tab.goto(pages[1][0]);
await tab.locator('kezhi-overlay[data-kezhi-kind]').nth(3).waitFor({ state: 'attached' });
shots.push(await s.screenshot(tab, 'demo-1-taobao-unpaid'));
// Pin the row by its order id: after the copy its due step moves on from chat.
const chatDue = tab.locator('kezhi-overlay[data-kezhi-remind="chat"]').first();
const orderId = (await chatDue.count()) ? await chatDue.getAttribute('data-kezhi-order') : null;
if (orderId) {
  // Inside the row's closed shadow root, through CDP; the clicks are real (trusted) ones.
  const ov = overlayOf(tab, orderId);
  await ov.click('.kz-toggle');
  await ov.click('[data-copy="chat"]');
  await ov.waitFor('.kz-copied').catch(() => undefined);
  if (!(await ov.isVisible('.kz-pop'))) await ov.click('.kz-toggle');
  shots.push(await s.screenshot(tab, 'demo-2-assistant', { fullPage: false }));
}

// 5. Popup, dashboard, options.
const popup = await s.context.newPage();
await popup.setViewportSize({ width: 420, height: 640 });
await popup.goto(`chrome-extension://${s.extensionId}/popup.html`);
await popup.locator('[role="combobox"]').fill('tb_test_buyer01');
await popup.locator('[role="option"]').first().waitFor();
await popup.keyboard.press('Enter');
await popup
  .locator('.kp-order')
  .first()
  .waitFor()
  .catch(() => undefined);
shots.push(await s.screenshot(popup, 'demo-3-popup-card'));

const dash = await s.context.newPage();
await dash.goto(`chrome-extension://${s.extensionId}/dashboard.html`);
await dash
  .locator('[data-testid^="chart-"] canvas')
  .first()
  .waitFor({ timeout: 30000 })
  .catch(() => undefined);
await dash.waitForTimeout(1500);
shots.push(await s.screenshot(dash, 'demo-4-dashboard'));

const options = await s.context.newPage();
await options.goto(`chrome-extension://${s.extensionId}/options.html`);
await options.waitForLoadState('domcontentloaded');
await options.waitForTimeout(500);
shots.push(await s.screenshot(options, 'demo-5-options'));

console.log('\nKezhi demo: screenshots');
for (const p of shots) console.log(`  ${p}`);
if (headed) {
  console.log('\nChromium is open on the demo shop; close its window to end.');
  await tab.bringToFront();
  await new Promise((r) => s.context.on('close', r));
} else {
  await s.close();
}
