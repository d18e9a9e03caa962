// npm run store: the store screenshots (1280×800) and the small promo tile (440×280) under
// store/screenshots/, made from the demo shop (fixture pages under the platforms' real URLs and a
// generated history) with the built extension in Debian's Chromium. Nothing goes to the network.
import { mkdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fixture, launch, readStore, ROOT, sendFromPage, setSettings, until } from './browser.mjs';
import { shiftStamps } from './fixture-time.mjs';
import { generateHistory } from './history.mjs';

const OUT = join(ROOT, 'store/screenshots');
const SIZE = { width: 1280, height: 800 };
const DAY = 86400000;
const week = 7 * 24 * 60;
mkdirSync(OUT, { recursive: true });

const s = await launch();
const newest = Date.now() - 2 * DAY;
// Quiet hours off and a week's auto-close: every 催付 step shows whatever hour this runs.
await setSettings(s, {
  reminders: {
    quietStartMinute: 0,
    quietEndMinute: 0,
    autoCloseMinutes: Object.fromEntries(
      ['taobao', 'pinduoduo', 'jd', 'douyin', 'woocommerce', 'shopify'].map((p) => [p, week]),
    ),
  },
});
const LIST = 'https://trade.taobao.com/trade/itemlist/list_sold_items.htm';
const UNPAID = `${LIST}?tabCode=waitBuyerPay`;
await s.serve(LIST, shiftStamps(fixture('taobao-old', 'list_sold_items.html'), newest));
await s.serve(UNPAID, shiftStamps(fixture('taobao-old', 'unpaid.html'), newest));
await s.context.grantPermissions(['clipboard-read', 'clipboard-write'], {
  origin: 'https://trade.taobao.com',
});
const shots = [];
const shot = async (page, name) => {
  const path = join(OUT, `${name}.png`);
  await page.screenshot({ path, fullPage: false });
  shots.push(path);
};
const extPage = async (path, size = SIZE) => {
  const page = await s.context.newPage();
  await page.setViewportSize(size);
  await page.goto(`chrome-extension://${s.extensionId}/${path}`);
  return page;
};

// The welcome page a fresh install opens.
const welcome = await until('the welcome page', () =>
  Promise.resolve(s.context.pages().find((p) => p.url().endsWith('/welcome.html'))),
);
await welcome.setViewportSize(SIZE);
await welcome.locator('h1').waitFor();

// History: the sold list, then two years as an order-report import gives.
const tab = await s.context.newPage();
await tab.setViewportSize(SIZE);
await tab.goto(LIST);
await until('the first page synced', async () => (await readStore(s.worker, 'orders')).length >= 8);
const shop = (await readStore(s.worker, 'shops')).find((x) => x.platform === 'taobao');
const importer = await extPage('popup.html');
const history = generateHistory({
  shopId: shop.shopId,
  orders: 3000,
  buyers: 900,
  knownBuyers: ['tb_test_buyer01', 'tb_test_buyer02', '测试买家甲'],
  now: newest - 5 * DAY,
});
for (let i = 0; i < history.length; i += 1000)
  await sendFromPage(importer, 'importBatch', { orders: history.slice(i, i + 1000) });
await importer.close();

// 1. Badges on the unpaid orders; 2. the 催付 assistant open on a new customer's order.
await tab.goto(UNPAID);
await tab.locator('kezhi-overlay[data-kezhi-kind]').nth(3).waitFor({ state: 'attached' });
await tab.waitForTimeout(500);
await shot(tab, '1-overlay');
const chatDue = tab.locator('kezhi-overlay[data-kezhi-remind="chat"]').first();
const host = tab.locator(
  `kezhi-overlay[data-kezhi-order="${await chatDue.getAttribute('data-kezhi-order')}"]`,
);
// The row near the top (room below the short fixture list), so the assistant shows in full.
await host.evaluate((el) => {
  document.body.style.paddingBottom = '800px';
  el.scrollIntoView({ block: 'start' });
  window.scrollBy(0, -300);
});
await host.locator('.kz-toggle').click();
await host.locator('[data-copy="chat"]').waitFor();
await shot(tab, '2-assistant');

// 3. The popup's customer card, framed on a 1280×800 canvas.
const popup = await extPage('popup.html', { width: 420, height: 640 });
await popup.locator('[role="combobox"]').fill('tb_test_buyer01');
await popup.locator('[role="option"]').first().waitFor();
await popup.keyboard.press('Enter');
await popup.locator('.kp-order').first().waitFor();
const popupPng = (await popup.screenshot()).toString('base64');
const icon = readFileSync(join(ROOT, 'public/icon/128.png')).toString('base64');
const frame = await s.context.newPage();
await frame.setViewportSize(SIZE);
await frame.setContent(`<!doctype html><meta charset="utf-8"><style>
  body{margin:0;width:1280px;height:800px;display:flex;align-items:center;justify-content:center;
    gap:72px;background:linear-gradient(135deg,#fff7f0,#fde3d5);font-family:'Noto Sans CJK SC',sans-serif}
  .t{max-width:520px} h1{font-size:44px;margin:16px 0;color:#d4380d} p{font-size:22px;color:#333;line-height:1.6}
  img.p{box-shadow:0 12px 40px rgba(0,0,0,.25);border-radius:8px}</style>
  <div class="t"><img src="data:image/png;base64,${icon}" width="72"><h1>一搜就知道 TA 是谁</h1>
  <p>按昵称、拼音首字母、订单号或手机尾号搜索买家：会员等级、RFM 分群、购买记录、备注与联系记录一目了然。Alt+K 随时打开。</p></div>
  <img class="p" src="data:image/png;base64,${popupPng}" width="420" height="640">`);
await shot(frame, '3-popup');

// 4. The dashboard; 5. the first-run page.
const dash = await extPage('dashboard.html');
await dash
  .locator('[data-testid^="chart-"] canvas')
  .first()
  .waitFor({ timeout: 30000 })
  .catch(() => undefined);
await dash.waitForTimeout(1500);
await shot(dash, '4-dashboard');
await shot(welcome, '5-welcome');

// The small promo tile, 440×280.
await frame.setViewportSize({ width: 440, height: 280 });
await frame.setContent(`<!doctype html><meta charset="utf-8"><style>
  body{margin:0;width:440px;height:280px;display:flex;flex-direction:column;align-items:center;
    justify-content:center;background:linear-gradient(135deg,#d4380d,#fa8c16);color:#fff;
    font-family:'Noto Sans CJK SC',sans-serif;text-align:center}
  h1{font-size:40px;margin:8px 0 4px} p{font-size:18px;margin:0 24px;opacity:.95}</style>
  <img src="data:image/png;base64,${icon}" width="72"><h1>客知 Kezhi</h1>
  <p>每一单都知道买家是谁 · 催付话术一键复制</p>`);
await shot(frame, 'promo-440x280');

await s.close();
console.log('store images:');
for (const p of shots) console.log(`  ${p}`);
