/**
 * The options page as a seller uses it on a fresh install: import an order-report export (real
 * GBK bytes) through the file input, see the detected format, mapping, preview, progress and
 * report; import it again and nothing changes; a file that is not an order report is refused and
 * nothing is written. Settings changed through the form reach an open order page; an invalid
 * value shows its error and saves nothing. A passphrase-protected backup is exported, the shops
 * are deleted behind their typed confirmation, a wrong passphrase is refused, and the restore
 * brings back exactly what was there.
 */
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import {
  FIXTURES,
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
const importer = (file: string) => join(FIXTURES, 'importers', file);
const tid = (id: string) => `[data-testid="${id}"]`;
/** Attribute selector for test ids holding dots (settings paths). */
const field = (path: string) => `[data-testid="setting-${path}"]`;

/** The orders of taobao-orders.csv (see test/importers/taobao.test.ts). */
const FILE_ORDERS = [
  '3306183637220018070',
  '3306183637220018071',
  '3306183637220018072',
  '3306183637220018073',
  '3306183637220018074',
  '3306183637220018075',
];
const FILE_SHOP = 'taobao:100000001';
const ORDER_PAGE = 'https://trade.taobao.com/trade/itemlist/list_sold_items.htm';
const PASS = 'correct horse battery staple';

interface Keyed {
  key?: string;
  id?: string;
  customerKey?: string;
}
type Row = Keyed & Record<string, unknown>;

let s: Session;
beforeAll(async () => {
  s = await launch();
});
afterAll(async () => {
  await s?.close();
});

/** A store's records, sorted by their primary key, for exact comparisons. */
async function store(name: string): Promise<Row[]> {
  const rows = await readStore<Row>(s.worker, name);
  const k = (r: Row) => String(r.key ?? r.id ?? r.customerKey ?? '');
  return rows.sort((a, b) => (k(a) < k(b) ? -1 : k(a) > k(b) ? 1 : 0));
}

async function snapshot() {
  return {
    shops: await store('shops'),
    orders: await store('orders'),
    customers: await store('customers'),
    contacts: await store('contacts'),
    meta: await store('meta'),
  };
}

async function openOptions(tab: string): Promise<Page> {
  const page = await s.context.newPage();
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(e.message));
  page.on('close', () => expect(errors).toEqual([]));
  await page.goto(`chrome-extension://${s.extensionId}/options.html#${tab}`);
  await page.locator(tid(`section-${tab}`)).waitFor({ state: 'visible' });
  return page;
}

/** The settings as stored, read in the extension page. */
const storedSettings = (page: Page): Promise<unknown> =>
  page.evaluate(async () => {
    const { chrome } = globalThis as unknown as {
      chrome: { storage: { local: { get(k: string): Promise<Record<string, unknown>> } } };
    };
    return (await chrome.storage.local.get('kezhi:settings'))['kezhi:settings'];
  });

/** Records every value the progress bar shows, from before the import starts. */
async function watchProgress(page: Page): Promise<void> {
  await page.evaluate(() => {
    const seen: number[] = [];
    (window as unknown as { __progress: number[] }).__progress = seen;
    const look = () => {
      const bar = document.querySelector<HTMLProgressElement>('[data-testid="import-progress"]');
      if (bar) seen.push(bar.value);
    };
    new MutationObserver(look).observe(document.body, {
      subtree: true,
      childList: true,
      attributes: true,
      attributeFilter: ['value'],
    });
  });
}
const progressSeen = (page: Page) =>
  page.evaluate(() => (window as unknown as { __progress: number[] }).__progress);

describe('history import', () => {
  test('a fresh install imports the Taobao export: format, mapping, preview, progress, report, store', async () => {
    expect(await readStore(s.worker, 'orders')).toEqual([]);
    const page = await openOptions('import');
    await page.locator(tid('import-file')).setInputFiles(importer('taobao-orders.csv'));

    const ready = page.locator(tid('import-ready'));
    await ready.waitFor();
    // GBK bytes recognised as the Taobao order report, with the columns it found.
    expect(await page.locator(tid('import-format')).innerText()).toBe('淘宝订单报表');
    expect(await ready.innerText()).toContain('gb18030');
    const mapping = await page.locator(`${tid('import-mapping')} tbody tr`).allInnerTexts();
    expect(mapping.some((r) => r.includes('orderId') && r.includes('订单编号'))).toBe(true);
    expect(mapping.some((r) => r.includes('buyerNick') && r.includes('买家会员名'))).toBe(true);
    const preview = page.locator(`${tid('import-preview')} tbody tr`);
    expect(await preview.count()).toBe(6);
    expect(await preview.first().innerText()).toContain('3306183637220018070');
    expect(await preview.first().innerText()).toContain('tb_test_buyer01');
    // No shop yet: a new one, with the id the report names filled in.
    expect(await page.locator(tid('import-shop')).inputValue()).toBe('__new__');
    expect(await page.locator(tid('import-shop-id')).inputValue()).toBe('100000001');
    expect(await page.locator(tid('import-platform')).inputValue()).toBe('taobao');

    await watchProgress(page);
    await page.locator(tid('import-start')).click();
    const report = page.locator(tid('import-report'));
    await report.waitFor();
    expect(await report.locator('[role="status"]').innerText()).toBe('导入完成');
    // The bar was on screen and reached the end before the report replaced it.
    const seen = await progressSeen(page);
    expect(seen.length).toBeGreaterThan(0);
    expect(Math.max(...seen)).toBe(1);
    expect(await page.locator(tid('import-rows-read')).innerText()).toBe('6');
    expect(await page.locator(tid('import-written')).innerText()).toBe('6');
    expect(await page.locator(tid('import-unchanged')).innerText()).toBe('0');
    expect(await page.locator(tid('import-skipped')).innerText()).toBe('0');
    await s.screenshot(page, 'options-import-done');

    const orders = await store('orders');
    expect(orders.map((o) => o.orderId).sort()).toEqual(FILE_ORDERS);
    expect(orders.every((o) => o.platform === 'taobao' && o.shopId === '100000001')).toBe(true);
    const customers = await store('customers');
    // tb_test_buyer01 twice, three more named buyers, one masked buyer kept apart: five.
    expect(customers.map((c) => c.key)).toEqual(
      [...new Set(orders.map((o) => o.customerKey))].sort(),
    );
    expect(customers).toHaveLength(5);
    expect((await store('shops')).map((x) => x.key)).toEqual([FILE_SHOP]);

    // The same file again: the shop is picked, nothing is new, nothing in the store moves.
    const before = await snapshot();
    await page.locator(tid('import-again')).click();
    await page.locator(tid('import-file')).setInputFiles(importer('taobao-orders.csv'));
    await ready.waitFor();
    expect(await page.locator(tid('import-shop')).inputValue()).toBe(FILE_SHOP);
    await page.locator(tid('import-start')).click();
    await report.waitFor();
    expect(await page.locator(tid('import-written')).innerText()).toBe('0');
    expect(await page.locator(tid('import-unchanged')).innerText()).toBe('6');
    const after = await snapshot();
    expect(after.orders).toEqual(before.orders);
    expect(after.customers).toEqual(before.customers);
    await page.close();
  });

  test('files that are not order reports are refused with the reason and nothing is written', async () => {
    const before = await snapshot();
    const page = await openOptions('import');
    const cases: [string, RegExp][] = [
      ['not-an-order-report.csv', /这不是订单报表：缺少列.*第一行是：产品名称/],
      ['not-a-csv.png', /这是 PNG .*文件，不是订单报表/],
      ['empty.csv', /文件是空的/],
    ];
    for (const [file, reason] of cases) {
      const again = page.locator(tid('import-again'));
      if (await again.isVisible()) await again.click();
      await page.locator(tid('import-file')).setInputFiles(importer(file));
      const refused = page.locator(tid('import-refused'));
      await refused.waitFor();
      const text = await refused.innerText();
      expect(text).toContain('无法导入这个文件');
      expect(text).toContain(file);
      expect(text).toMatch(reason);
      // Nothing to start from a refused file.
      expect(await page.locator(tid('import-start')).count()).toBe(0);
      if (file === 'not-a-csv.png') await s.screenshot(page, 'options-import-refused');
    }
    expect(await snapshot()).toEqual(before);
    await page.close();
  });
});

describe('settings reach the order page', () => {
  let orderPage: Page;
  let pageShop = '';
  /** The chips of one row, inside its closed root (CDP: scripts/closed-root.mjs). */
  const badges = (orderId: string) => ({
    innerText: () => overlayOf(orderPage, orderId).innerText('.kz-badges'),
  });

  beforeAll(async () => {
    await s.serve(
      ORDER_PAGE,
      shiftStamps(fixture('taobao-old', 'list_sold_items.html'), Date.now() - 2 * DAY),
    );
    orderPage = await s.context.newPage();
    await orderPage.goto(ORDER_PAGE);
    await until('8 overlays', async () => (await orderPage.locator('kezhi-overlay').count()) >= 8);
    pageShop = (await store('shops')).map((x) => String(x.key)).find((k) => k !== FILE_SHOP)!;
    expect(pageShop).toMatch(/^taobao:/);
  });
  afterAll(async () => {
    await orderPage?.close();
  });

  test('an invalid value shows its error and nothing is saved', async () => {
    const page = await openOptions('settings');
    const saved = await storedSettings(page);
    const active = page.locator(field('lifecycle.activeDays'));
    await active.fill('abc');
    await page.locator(tid('error-lifecycle.activeDays')).waitFor();
    await page.locator(tid('settings-save')).click();
    expect(await page.locator(tid('settings-status')).innerText()).toContain('设置没有保存');
    // Active longer than sleeping: the cross-field rule speaks at the lifecycle group.
    await active.fill('200');
    await page.locator(tid('error-lifecycle')).waitFor();
    expect(await page.locator(tid('error-lifecycle.activeDays')).count()).toBe(0);
    await page.locator(tid('settings-save')).click();
    await page.locator(tid('settings-status')).waitFor();
    expect(await page.locator(tid('settings-status')).innerText()).toContain('设置没有保存');
    expect(await active.getAttribute('aria-invalid')).not.toBe('true');
    await s.screenshot(page, 'options-settings-invalid');
    expect(await storedSettings(page)).toEqual(saved);
    await page.close();
  });

  test('English and a changed active period show on the open overlay; overlay off hides it', async () => {
    // The oldest order of a returning buyer: their first purchase.
    const first = '4261105164500000108';
    await until('Chinese badges', async () => (await badges(first).innerText()).includes('首单'));

    const page = await openOptions('settings');
    await page.locator(field('lifecycle.activeDays')).fill('60');
    await page.locator(field('language')).selectOption('en');
    await page.locator(tid('settings-save')).click();
    // Confirmed in the language the seller was reading when they pressed Save.
    await until('saved', async () =>
      /设置已保存|Settings saved/.test(await page.locator(tid('settings-status')).innerText()),
    );
    expect(await storedSettings(page)).toMatchObject({
      language: 'en',
      lifecycle: { activeDays: 60, sleepingDays: 180, prechurnDays: 365 },
    });
    // The page itself speaks English now.
    expect(await page.locator(tid('tab-import')).innerText()).toBe('Import order history');

    await until('English badges', async () =>
      (await badges(first).innerText()).includes('First order'),
    );
    expect(await badges(first).innerText()).not.toContain('首单');
    await s.screenshot(orderPage, 'options-overlay-english');

    // The shop the order page belongs to: overlay off, and the open page drops its overlays.
    const toggle = page.locator(field(`shops.${pageShop}.overlayEnabled`));
    expect(await toggle.isChecked()).toBe(true);
    await toggle.uncheck();
    await page.locator(tid('settings-save')).click();
    await until('saved', async () => {
      const stored = (await storedSettings(page)) as { shops?: Record<string, unknown> };
      return (
        (stored.shops?.[pageShop] as { overlayEnabled?: boolean } | undefined)?.overlayEnabled ===
        false
      );
    });
    await until(
      'overlays gone',
      async () => (await orderPage.locator('kezhi-overlay').count()) === 0,
    );

    // And back on: they return.
    await toggle.check();
    await page.locator(tid('settings-save')).click();
    await until(
      'overlays back',
      async () => (await orderPage.locator('kezhi-overlay').count()) >= 8,
    );
    // Back to Chinese for the rest of the file.
    await page.locator(field('language')).selectOption('zh_CN');
    await page.locator(tid('settings-save')).click();
    await until('Chinese again', async () => (await badges(first).innerText()).includes('首单'));
    await page.close();
  });
});

describe('backup and restore', () => {
  test('an encrypted backup restores exactly what was deleted; a wrong passphrase writes nothing', async () => {
    const page = await openOptions('backup');
    // Something in every table: a tag and a logged contact besides the orders and customers.
    const customers = await store('customers');
    const buyer = customers.find((c) => c.nick === 'tb_test_buyer02')!;
    expect(
      await sendFromPage(page, 'updateMeta', { customerKey: buyer.key, tags: ['高端'] }),
    ).toMatchObject({ ok: true });
    expect(
      await sendFromPage(page, 'logContact', {
        customerKey: buyer.key,
        channel: 'chat',
        template: 'care.day7',
        purpose: 'care',
      }),
    ).toMatchObject({ ok: true });
    const before = await snapshot();
    expect(before.orders.length).toBeGreaterThan(6);
    expect(before.meta).toHaveLength(1);
    expect(before.contacts).toHaveLength(1);

    // Export everything, with a passphrase.
    await page.locator(tid('backup-passphrase')).fill(PASS);
    await page.locator(tid('backup-passphrase2')).fill(PASS);
    const downloading = page.waitForEvent('download');
    await page.locator(tid('backup-export')).click();
    const download = await downloading;
    const file = join(mkdtempSync(join(tmpdir(), 'kezhi-backup-')), download.suggestedFilename());
    await download.saveAs(file);
    expect(download.suggestedFilename()).toMatch(/^kezhi-backup-.*\.json$/);
    await page.locator(tid('backup-status')).waitFor();
    const text = readFileSync(file, 'utf8');
    // Encrypted: no buyer's nick or order id readable in the file.
    expect(text).not.toContain('tb_test_buyer02');
    expect(text).not.toContain('3306183637220018070');

    // Delete both shops, each behind its typed shop id.
    for (const shop of before.shops) {
      await page.locator(tid('delete-shop')).selectOption(String(shop.key));
      const button = page.locator(tid('delete-shop-button'));
      await page.locator(tid('delete-shop-confirm-text')).fill('wrong');
      expect(await button.isDisabled()).toBe(true);
      await page.locator(tid('delete-shop-confirm-text')).fill(String(shop.shopId));
      await button.click();
      await until('shop deleted', async () =>
        /已删除|Deleted/.test(await page.locator(tid('delete-shop-status')).innerText()),
      );
    }
    const empty = await snapshot();
    expect(empty).toEqual({ shops: [], orders: [], customers: [], contacts: [], meta: [] });

    // A wrong passphrase: refused, nothing written.
    await page.locator(tid('restore-file')).setInputFiles(file);
    await page.locator(tid('restore-passphrase')).fill('not the passphrase');
    await page.locator(tid('restore-check')).click();
    await page.locator(tid('restore-error')).waitFor();
    expect(await page.locator(tid('restore-plan')).count()).toBe(0);
    expect(await snapshot()).toEqual(empty);

    // The right one: the plan counts every record as added; confirm restores them.
    await page.locator(tid('restore-passphrase')).fill(PASS);
    await page.locator(tid('restore-check')).click();
    await page.locator(tid('restore-plan')).waitFor();
    const planRow = async (table: string) =>
      (await page.locator(`${tid(`restore-plan-${table}`)} td`).allInnerTexts()).slice(1);
    const n = (x: unknown[]) => String(x.length);
    expect(await planRow('orders')).toEqual([n(before.orders), n(before.orders), '0', '0']);
    expect(await planRow('customers')).toEqual([
      n(before.customers),
      n(before.customers),
      '0',
      '0',
    ]);
    expect(await planRow('meta')).toEqual(['1', '1', '0', '0']);
    await s.screenshot(page, 'options-restore-plan');
    // Nothing is written by checking.
    expect(await snapshot()).toEqual(empty);
    await page.locator(tid('restore-confirm')).click();
    await until(
      'restored',
      async () => (await page.locator(tid('restore-status')).innerText()).includes('恢复完成'), // zh_CN again by now
    );
    const after = await snapshot();
    expect(after.orders).toEqual(before.orders);
    expect(after.customers).toEqual(before.customers);
    expect(after.meta).toEqual(before.meta);
    expect(after.contacts).toEqual(before.contacts);
    expect(after.shops).toEqual(before.shops);
    await page.close();
  });
});
