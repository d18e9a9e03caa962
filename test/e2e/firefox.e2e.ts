/**
 * Firefox as a first-class browser: the Firefox build in Debian's Firefox ESR (puppeteer-core over
 * WebDriver BiDi, installed as a temporary add-on). A fresh profile opens the welcome page; an
 * order page gets its overlay from the rows and the page's own data; the popup finds a buyer
 * from that page; an order report imports through the options page into the add-on's database.
 */
import { join } from 'node:path';
import type { ElementHandle, Page } from 'puppeteer-core';
import { FIXTURES, fixture, until } from '../../scripts/browser.mjs';
import { shiftStamps } from '../../scripts/fixture-time.mjs';
import { launchFirefox, readFirefoxStore, type FirefoxSession } from '../../scripts/firefox.mjs';

const DAY = 86400_000;
const LIST = 'https://trade.taobao.com/trade/itemlist/list_sold_items.htm';
const UNPAID = 'https://trade.taobao.com/trade/itemlist/list_sold_items.htm?tabCode=waitBuyerPay';
const tid = (id: string) => `[data-testid="${id}"]`;
const text = (page: Page, selector: string) =>
  page.$eval(selector, (el) => (el as HTMLElement).innerText).catch(() => '');

let ff: FirefoxSession;
let ext: Page;
beforeAll(async () => {
  ff = await launchFirefox();
  const newest = Date.now() - 2 * DAY;
  ff.serve(LIST, shiftStamps(fixture('taobao-old', 'list_sold_items.html'), newest));
  ff.serve(UNPAID, shiftStamps(fixture('taobao-old', 'unpaid.html'), newest));
});
afterAll(async () => {
  await ff?.close();
});

describe('Firefox ESR', () => {
  it('a fresh profile opens the welcome page with the permissions', async () => {
    const found = await until('the welcome page', async () =>
      (await ff.extensionPages()).find((p) => p.href.endsWith('/welcome.html')),
    );
    ext = found.page;
    await until('its heading', async () => (await text(ext, 'h1')) === '欢迎使用客知');
    const perms = await text(ext, tid('permissions'));
    for (const p of ['storage', 'unlimitedStorage', 'clipboardWrite', 'scripting', 'alarms'])
      expect(perms).toContain(p);
  });

  it('an order page shows the overlay on every row, and the unpaid page tells new from returning', async () => {
    const page = await ff.newPage();
    await page.goto(LIST);
    await until('badges on every row', async () =>
      (await page.$$('kezhi-overlay')).length >= 8 ? true : undefined,
    );
    const orders = await until('the history kept', async () => {
      const o = await readFirefoxStore<{ orderId: string }>(ext, 'orders');
      return o.length >= 8 && o;
    });
    expect(orders.map((o) => o.orderId)).toContain('4261124210500000101');
    const kinds = await page.$$eval('kezhi-overlay', (els) =>
      els.map((e) => e.getAttribute('data-kezhi-kind')),
    );
    expect(kinds.filter(Boolean).length).toBeGreaterThanOrEqual(8);
    await page.close();

    const unpaid = await ff.newPage();
    await unpaid.goto(UNPAID);
    const kindOf = (orderId: string) =>
      unpaid
        .$eval(`kezhi-overlay[data-kezhi-order="${orderId}"]`, (e) =>
          e.getAttribute('data-kezhi-kind'),
        )
        .catch(() => null);
    // As in Chromium (overlay.e2e.ts): 测试买家丙 never bought, tb_test_buyer02 bought before.
    await until('new and returning buyers told apart', async () =>
      (await kindOf('4261124230000000203')) === 'new' &&
      (await kindOf('4261125081520000202')) === 'returning'
        ? true
        : undefined,
    );
    await unpaid.close();
  });

  it('the popup finds a buyer of that page', async () => {
    const popup = await ff.openExtensionPage('popup.html');
    await popup.waitForSelector('[role="combobox"]');
    await popup.type('[role="combobox"]', 'tb_test_buyer01');
    await until(
      'the buyer in the results',
      async () =>
        (await text(popup, '[role="listbox"] [role="option"] .kp-nick')) === 'tb_test_buyer01',
    );
    await popup.close();
  });

  it('an order report imports through the options page', async () => {
    const options = await ff.openExtensionPage('options.html#import');
    const input = await options.waitForSelector(`input${tid('import-file')}`);
    await (input as ElementHandle<HTMLInputElement>).uploadFile(
      join(FIXTURES, 'importers', 'taobao-orders.csv'),
    );
    await options.waitForSelector(tid('import-ready'));
    expect(await text(options, tid('import-format'))).toBe('淘宝订单报表');
    await options.click(tid('import-start'));
    await options.waitForSelector(tid('import-report'));
    await until(
      'the import done',
      async () => (await text(options, `${tid('import-report')} [role="status"]`)) === '导入完成',
    );
    expect(await text(options, tid('import-written'))).toBe('6');
    // The report's orders (see options.e2e.ts), in the shop the import panel chose.
    const orders = await readFirefoxStore<{ orderId: string }>(options, 'orders');
    expect(orders.filter((o) => o.orderId.startsWith('33061836372200180'))).toHaveLength(6);
    await options.close();
  });

  it('with keeping paused from the welcome page, an order page writes nothing', async () => {
    const dump = async () => ({
      orders: await readFirefoxStore(ext, 'orders'),
      customers: await readFirefoxStore(ext, 'customers'),
      shops: await readFirefoxStore(ext, 'shops'),
    });
    const before = await dump();
    await ext.click(`${tid('pause-history')} input`);
    await until('paused', async () =>
      (await text(ext, `${tid('pause-history')} [role="status"]`)).includes('已暂停'),
    );
    // The paid order of the first visit has shipped: paused, the change is not kept.
    ff.serve(
      LIST,
      shiftStamps(fixture('taobao-old', 'list_sold_items.html'), Date.now() - 2 * DAY).replace(
        '买家已付款',
        '卖家已发货',
      ),
    );
    const page = await ff.newPage();
    await page.goto(LIST);
    await until('badges from the kept history', async () =>
      (await page.$$('kezhi-overlay')).length >= 8 ? true : undefined,
    );
    expect(await dump()).toEqual(before);
    await page.close();
  });
});
