/**
 * The popup as customer-service staff use it: history synced from fixture pages (plus one
 * imported order with a phone), then search by nick, pinyin initials, order-id tail and phone
 * tail; the card shows the right history; a tag added in the popup shows on the overlay.
 */
import type { Page } from 'playwright-core';
import {
  fixture,
  launch,
  readStore,
  sendFromPage,
  until,
  type Session,
} from '../../scripts/browser.mjs';
import { overlayOf } from '../../scripts/closed-root.mjs';
import { shiftStamps } from '../../scripts/fixture-time.mjs';

const DAY = 86400_000;
let s: Session;
let shopId = '';
beforeAll(async () => {
  s = await launch();
  const newest = Date.now() - 2 * DAY;
  await s.serve(
    'https://trade.taobao.com/trade/itemlist/list_sold_items.htm',
    shiftStamps(fixture('taobao-old', 'list_sold_items.html'), newest),
  );
  await s.serve(
    'https://trade.taobao.com/trade/itemlist/list_sold_items.htm?tabCode=waitBuyerPay',
    shiftStamps(fixture('taobao-old', 'unpaid.html'), newest),
  );
  const page = await s.context.newPage();
  await page.goto('https://trade.taobao.com/trade/itemlist/list_sold_items.htm');
  await until('history synced', async () => (await readStore(s.worker, 'orders')).length >= 8);
  await page.close();
  shopId = (await readStore<{ shopId: string }>(s.worker, 'shops'))[0]!.shopId;
  // One imported order with a (masked) phone and a Chinese nick, as an order-report import gives.
  const popup = await s.context.newPage();
  await popup.goto(`chrome-extension://${s.extensionId}/popup.html`);
  const reply = await sendFromPage(popup, 'importBatch', {
    orders: [
      {
        platform: 'taobao',
        shopId,
        orderId: '4250000000000000999',
        buyerId: 'nick:张三丰',
        buyerNick: '张三丰',
        identity: 'known',
        status: 'completed',
        createdAt: Date.now() - 30 * DAY,
        amount: 26800,
        items: [{ title: '有机绿茶 明前龙井 250g', quantity: 1 }],
        receiverName: '张三丰',
        receiverPhone: '138****4321',
        source: 'import',
      },
    ],
  });
  expect(reply).toMatchObject({ ok: true, value: { written: 1 } });
  await popup.close();
});
afterAll(async () => {
  await s?.close();
});

async function openPopup(): Promise<Page> {
  const page = await s.context.newPage();
  await page.setViewportSize({ width: 420, height: 640 });
  await page.goto(`chrome-extension://${s.extensionId}/popup.html`);
  await page.locator('[role="combobox"]').waitFor();
  return page;
}

/** Types `q` and waits for the list to settle on `want` as the first result (results follow each keystroke). */
async function expectFirst(page: Page, q: string, want: string): Promise<void> {
  await page.locator('[role="combobox"]').fill(q);
  const first = page.locator('[role="listbox"] [role="option"]').first().locator('.kp-nick');
  let seen = '';
  await until(
    `first result for ${q} to be ${want}`,
    async () => {
      seen = (await first.innerText({ timeout: 2000 })).trim();
      return seen === want;
    },
    8000,
  ).catch(() => {
    throw new Error(`first result for ${q}: expected ${want}, saw ${seen}`);
  });
}

describe('popup search', () => {
  test('the search box has focus when the popup opens', async () => {
    const page = await openPopup();
    expect(await page.evaluate(() => document.activeElement?.getAttribute('role'))).toBe(
      'combobox',
    );
    await page.close();
  });

  test('finds buyers by nick, pinyin initials, order-id tail and phone tail', async () => {
    const page = await openPopup();
    await expectFirst(page, 'tb_test_buyer02', 'tb_test_buyer02');
    await expectFirst(page, 'zsf', '张三丰');
    await expectFirst(page, 'zhangsanfeng', '张三丰');
    await expectFirst(page, '0000107', 'tb_test_buyer01');
    await expectFirst(page, '4321', '张三丰');
    await expectFirst(page, '测试买家甲', '测试买家甲');
    await page.close();
  });

  test('an open result list follows what the background writes meanwhile', async () => {
    const page = await openPopup();
    await page.locator('[role="combobox"]').fill('livewatch');
    await page.locator('.kp-empty').waitFor();
    // The background imports a buyer the query finds, while the popup stays open on it.
    const other = await s.context.newPage();
    await other.goto(`chrome-extension://${s.extensionId}/manifest.json`);
    const reply = await sendFromPage(other, 'importBatch', {
      orders: [
        {
          platform: 'taobao',
          shopId,
          orderId: '4250000000000000998',
          buyerId: 'nick:livewatch_buyer',
          buyerNick: 'livewatch_buyer',
          identity: 'known',
          status: 'completed',
          createdAt: Date.now() - DAY,
          amount: 9900,
          items: [{ title: '有机绿茶 明前龙井 250g', quantity: 1 }],
          source: 'import',
        },
      ],
    });
    expect(reply).toMatchObject({ ok: true, value: { written: 1 } });
    await other.close();
    const first = page.locator('[role="listbox"] [role="option"]').first().locator('.kp-nick');
    await until(
      'the new buyer listed',
      async () => (await first.innerText()) === 'livewatch_buyer',
    );
    await page.close();
  });

  test('loads pinyin-pro only for a query mixing Han and Latin, and finds by it', async () => {
    // Extension resources show in neither Playwright's requests nor resource timing: the
    // debugger's list of parsed scripts names every chunk the page evaluated.
    const page = await s.context.newPage();
    const cdp = await s.context.newCDPSession(page);
    const parsed: string[] = [];
    cdp.on('Debugger.scriptParsed', (e) => parsed.push(e.url));
    await cdp.send('Debugger.enable');
    await page.goto(`chrome-extension://${s.extensionId}/popup.html`);
    await page.locator('[role="combobox"]').waitFor();
    const pinyinLoaded = () => parsed.some((u) => /\/chunks\/pinyin-/.test(u));
    await expectFirst(page, 'zsf', '张三丰');
    expect(parsed.some((u) => /\/chunks\/popup-/.test(u))).toBe(true);
    expect(pinyinLoaded()).toBe(false);
    await page.locator('[role="combobox"]').fill('');
    await expectFirst(page, '张sanf', '张三丰');
    await until('pinyin-pro loaded', () => Promise.resolve(pinyinLoaded()), 5000);
    await page.close();
  });

  test('Enter opens the card with the history newest first; a tag added there shows on the overlay', async () => {
    const page = await openPopup();
    await expectFirst(page, 'tb_test_buyer01', 'tb_test_buyer01');
    await page.keyboard.press('Enter');
    const orders = page.locator('.kp-order');
    await orders.first().waitFor();
    const ids = await orders.evaluateAll((els) => els.map((e) => e.getAttribute('data-order-id')));
    expect(ids).toEqual(['4261124210500000101', '4261110083000000107']);
    await page.getByPlaceholder(/标签/).fill('高端');
    await page.getByPlaceholder(/标签/).press('Enter');
    await until('tag stored', async () => {
      const meta = await readStore<{ tags: string[] }>(s.worker, 'meta');
      return meta.some((m) => m.tags.includes('高端'));
    });
    await s.screenshot(page, 'popup-card');
    await page.keyboard.press('Escape');

    const orderPage = await s.context.newPage();
    await orderPage.goto(
      'https://trade.taobao.com/trade/itemlist/list_sold_items.htm?tabCode=waitBuyerPay',
    );
    const host = orderPage.locator('kezhi-overlay[data-kezhi-order="4261124210500000101"]');
    await host.waitFor({ state: 'attached' });
    await until('tag on overlay', async () =>
      (await overlayOf(orderPage, '4261124210500000101').innerText('.kz-badges')).includes('高端'),
    );
    await orderPage.close();
    await page.close();
  });

  test('screenshot of a search', async () => {
    const page = await openPopup();
    await page.locator('[role="combobox"]').fill('测试');
    await page.locator('[role="listbox"] [role="option"]').first().waitFor();
    await s.screenshot(page, 'popup-search');
    await page.close();
  });
});
