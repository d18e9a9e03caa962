/**
 * First run in Chromium: a fresh profile opens the welcome page once, in the seller's language,
 * listing every permission of the manifest with its reason; the privacy page shows PRIVACY.md;
 * the popup and options link to both. With keeping history paused from the welcome page, an
 * order page still gets badges from what is kept but nothing is written (a changed status is
 * not stored, an import is refused); switched back, the same page is stored.
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
import { shiftStamps } from '../../scripts/fixture-time.mjs';
import { isChecked, SETTINGS_CHECK_KEY } from '../../lib/browser/settings-read';
import { SETTINGS_KEY } from '../../lib/settings-key';

const DAY = 86400_000;
const LIST = 'https://trade.taobao.com/trade/itemlist/list_sold_items.htm';
const TABLES = ['orders', 'customers', 'meta', 'contacts', 'shops', 'stats', 'figures'];
const tid = (id: string) => `[data-testid="${id}"]`;
/** The extension page's own API (the evaluated functions run there). */
declare const chrome: {
  runtime: { getManifest(): { permissions?: string[]; host_permissions?: string[] } };
  storage: { local: { get(keys: string[]): Promise<Record<string, unknown>> } };
};

let s: Session;
let page: string;
beforeAll(async () => {
  s = await launch();
  page = shiftStamps(fixture('taobao-old', 'list_sold_items.html'), Date.now() - 2 * DAY);
});
afterAll(async () => {
  await s?.close();
});

async function dump(): Promise<Record<string, unknown[]>> {
  const out: Record<string, unknown[]> = {};
  for (const t of TABLES) out[t] = await readStore(s.worker, t);
  return out;
}

/** Opens the order list (served as `html`) and waits for every row's badge. */
async function openList(html: string): Promise<Page> {
  await s.context.unroute(LIST);
  await s.serve(LIST, html);
  const tab = await s.context.newPage();
  await tab.goto(LIST);
  await until('badges on every row', async () => (await tab.locator('kezhi-overlay').count()) >= 8);
  return tab;
}

describe('first run', () => {
  let welcome: Page;
  it('opens the welcome page once, in Chinese, with every permission and its reason', async () => {
    welcome = await until('the welcome page', () =>
      Promise.resolve(s.context.pages().find((p) => p.url().endsWith('/welcome.html'))),
    );
    await welcome.locator('h1').waitFor();
    expect(await welcome.locator('h1').innerText()).toBe('欢迎使用客知');
    const manifest = await welcome.evaluate(() => chrome.runtime.getManifest());
    const perms = await welcome.locator(tid('permissions')).innerText();
    for (const p of manifest.permissions ?? []) expect(perms).toContain(p);
    expect(perms).not.toContain('?');
    const hosts = await welcome.locator(tid('hosts')).innerText();
    for (const h of manifest.host_permissions ?? []) expect(hosts).toContain(h);
    expect(await welcome.locator(`${tid('first-steps')} li`).count()).toBe(3);
    expect(await welcome.locator('body').innerText()).toContain('从不自己给买家发消息');
    await s.screenshot(welcome, 'welcome');
    expect(s.context.pages().filter((p) => p.url().endsWith('/welcome.html'))).toHaveLength(1);
  });

  it('the privacy page shows the policy, and the popup and options link to both pages', async () => {
    await welcome.locator('footer a', { hasText: '隐私政策' }).click();
    await welcome.waitForURL(/privacy\.html$/);
    await welcome.locator('h1').waitFor();
    expect(await welcome.locator('h1').innerText()).toBe('客知隐私政策');
    expect(await welcome.locator('body').innerText()).toContain('unlimitedStorage');
    const popup = await s.context.newPage();
    await popup.goto(`chrome-extension://${s.extensionId}/popup.html`);
    await popup.locator('.kp-search').waitFor();
    await expect(popup.locator('button', { hasText: '说明与隐私' }).count()).resolves.toBe(1);
    await popup.close();
    const options = await s.context.newPage();
    await options.goto(`chrome-extension://${s.extensionId}/options.html`);
    expect(await options.locator(tid('link-welcome')).getAttribute('href')).toMatch(
      /welcome\.html$/,
    );
    expect(await options.locator(tid('link-privacy')).getAttribute('href')).toMatch(
      /privacy\.html$/,
    );
    await options.close();
    await welcome.goto(`chrome-extension://${s.extensionId}/welcome.html`);
  });

  it('with keeping paused, an order page gets its badges and nothing is written', async () => {
    await (await openList(page)).close();
    await until('the page kept', async () => (await readStore(s.worker, 'orders')).length >= 8);
    // The background settles (statistics, health) before the snapshot.
    const tab = await openList(page);
    await tab.close();
    const before = await dump();

    await welcome.locator(`${tid('pause-history')} input`).check();
    await until('paused', async () =>
      (await welcome.locator(`${tid('pause-history')} [role="status"]`).innerText()).includes(
        '已暂停',
      ),
    );
    // The order paid (买家已付款) on the first visit has shipped now.
    const shipped = page.replace('买家已付款', '卖家已发货');
    const paused = await openList(shipped);
    expect(await dump()).toEqual(before);
    const popup = await s.context.newPage();
    await popup.goto(`chrome-extension://${s.extensionId}/popup.html`);
    // The load event comes before the App has rendered (it renders once its reads are in).
    await popup.locator('.kp-search').waitFor();
    expect(await popup.locator(tid('paused')).count()).toBe(1);
    // The welcome page saved the switch with its note, and the popup can take the value as the
    // browser's storage gives it back (keys in the browser's order) without parsing it.
    const stored = await popup.evaluate(
      (keys) => chrome.storage.local.get(keys),
      [SETTINGS_KEY, SETTINGS_CHECK_KEY],
    );
    expect(isChecked(stored[SETTINGS_KEY], stored[SETTINGS_CHECK_KEY])).toBe(true);
    const refused = await sendFromPage(popup, 'importBatch', { orders: [] });
    expect(JSON.stringify(refused)).toMatch(/paused/);
    await popup.close();
    await paused.close();
    expect(await dump()).toEqual(before);

    // Switched back, the same page is kept: the check above could fail.
    await welcome.locator(`${tid('pause-history')} input`).uncheck();
    await until('resumed', async () =>
      (await welcome.locator(`${tid('pause-history')} [role="status"]`).innerText()).includes(
        '正在记录',
      ),
    );
    await (await openList(shipped)).close();
    await until('the shipped status kept', async () =>
      (await readStore<{ status: string }>(s.worker, 'orders')).every((o) => o.status !== 'paid'),
    );
  });
});
