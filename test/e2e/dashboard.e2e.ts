/**
 * The dashboard from a fresh install: the empty state points to the import; after an export file
 * is imported through the options page (plus a generated two-year history of another shop, with
 * a few 催付 reminders that were followed by payment) every chart card draws, the figures tables
 * open the customers behind a bucket from the keyboard, and the list exports as a CSV with a BOM,
 * the header and every row (more than the list shows).
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { Page } from 'playwright-core';
import {
  FIXTURES,
  ROOT,
  launch,
  readStore,
  sendFromPage,
  until,
  type Session,
} from '../../scripts/browser.mjs';

/** scripts/history.mjs (no type declarations): the part used here. */
type GenerateHistory = (o: {
  shopId: string;
  orders: number;
  buyers: number;
  now: number;
}) => unknown[];
const historyScript = pathToFileURL(join(ROOT, 'scripts/history.mjs')).href;

const HOUR = 3600_000;
const tid = (id: string) => `[data-testid="${id}"]`;
const CHARTS = [
  'new-returning',
  'stages',
  'groups',
  'rfm',
  'tiers',
  'ladder',
  'first-order',
  'repurchase',
  'reminders',
];
const GEN_SHOP = '200000002';
const GEN_ORDERS = 2000;

interface OrderRow {
  key: string;
  orderId: string;
  customerKey: string;
  buyerId: string;
  buyerNick: string;
  shopId: string;
}

let s: Session;
beforeAll(async () => {
  s = await launch();
});
afterAll(async () => {
  await s?.close();
});

async function openDashboard(): Promise<Page> {
  const page = await s.context.newPage();
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(e.message));
  page.on('close', () => expect(errors).toEqual([]));
  await page.goto(`chrome-extension://${s.extensionId}/dashboard.html`);
  return page;
}

/** The customers count the status line reports once the dashboard has computed. */
async function settledCount(page: Page): Promise<number> {
  const text = await until('dashboard computed', async () => {
    const t = await page.locator(tid('dashboard-status')).innerText();
    return /顾客 \d+ 位/.test(t) ? t : undefined;
  });
  return Number(/顾客 (\d+) 位/.exec(text)![1]);
}

describe('dashboard', () => {
  test('a fresh install shows the empty state, whose button opens the import', async () => {
    const page = await openDashboard();
    const empty = page.locator(tid('dashboard-empty'));
    await empty.waitFor();
    const opened = s.context.waitForEvent('page', (p) => p.url().includes('/options.html'));
    await empty.locator('button').click();
    const options = await opened;
    await options.locator(tid('section-settings')).waitFor();
    await options.close();
    await page.close();
  });

  test('after an import every chart draws; a bucket opens its customers and exports them', async () => {
    // The seller's export file, through the options page.
    const options = await s.context.newPage();
    await options.goto(`chrome-extension://${s.extensionId}/options.html#import`);
    await options
      .locator(tid('import-file'))
      .setInputFiles(join(FIXTURES, 'importers', 'taobao-orders.csv'));
    await options.locator(tid('import-shop-id')).waitFor();
    expect(await options.locator(tid('import-shop-id')).inputValue()).toBe('100000001');
    await options.locator(tid('import-start')).click();
    await options.locator(tid('import-report')).waitFor();
    expect(await options.locator(tid('import-written')).innerText()).toBe('6');

    // A second shop with two years of history, sent as the import sends its batches.
    const now = Date.now();
    const { generateHistory } = (await import(historyScript)) as {
      generateHistory: GenerateHistory;
    };
    const history = generateHistory({ shopId: GEN_SHOP, orders: GEN_ORDERS, buyers: 1500, now });
    expect(history.length).toBeGreaterThan(1500);
    expect(await sendFromPage(options, 'importBatch', { orders: history })).toMatchObject({
      ok: true,
      value: { written: history.length },
    });
    // Three buyers leave an order unpaid an hour ago, get a 催付 and then pay.
    const orders = await readStore<OrderRow>(s.worker, 'orders');
    const buyers = [
      ...new Map(
        orders.filter((o) => o.shopId === GEN_SHOP).map((o) => [o.customerKey, o]),
      ).values(),
    ].slice(0, 3);
    const unpaid = buyers.map((b, i) => ({
      platform: 'taobao',
      shopId: GEN_SHOP,
      orderId: `42599999999999990${i}`,
      buyerId: b.buyerId,
      buyerNick: b.buyerNick,
      identity: 'known',
      status: 'unpaid',
      createdAt: now - HOUR,
      amount: 12900,
      items: [{ title: '316不锈钢保温杯 500ml', quantity: 1 }],
      source: 'import',
    }));
    expect(await sendFromPage(options, 'importBatch', { orders: unpaid })).toMatchObject({
      ok: true,
      value: { written: 3 },
    });
    const stored = await readStore<OrderRow>(s.worker, 'orders');
    for (const u of unpaid) {
      const o = stored.find((x) => x.orderId === u.orderId)!;
      expect(
        await sendFromPage(options, 'logContact', {
          customerKey: o.customerKey,
          orderKey: o.key,
          channel: 'sms',
          template: 'remind.returning.sms.polite',
          purpose: 'remind',
        }),
      ).toMatchObject({ ok: true });
    }
    const paid = unpaid.map((u) => ({ ...u, status: 'paid', paidAt: Date.now() }));
    expect(await sendFromPage(options, 'importBatch', { orders: paid })).toMatchObject({
      ok: true,
      value: { written: 3 },
    });
    const contacts = await readStore<{ paidAfterAt?: number }>(s.worker, 'contacts');
    expect(contacts.filter((c) => c.paidAfterAt !== undefined)).toHaveLength(3);
    await options.close();

    const customers = await readStore<{ key: string; shopId: string }>(s.worker, 'customers');
    const page = await openDashboard();
    expect(await settledCount(page)).toBe(customers.length);

    // Every card draws a canvas of real size.
    const cards = page.locator('[data-testid^="chart-"]');
    await until('nine cards', async () => (await cards.count()) === CHARTS.length);
    const names = await cards.evaluateAll((els) => els.map((e) => e.getAttribute('data-testid')));
    expect(names.sort()).toEqual(CHARTS.map((c) => `chart-${c}`).sort());
    await until('every card drew its chart', async () =>
      (
        await cards.evaluateAll((els) =>
          els.map((e) => {
            const c = e.querySelector('canvas');
            return !!c && c.width > 0 && c.height > 0;
          }),
        )
      ).every(Boolean),
    );
    // The reminder card counts the three reminders and the three payments.
    expect(await page.locator(tid('chart-reminders')).innerText()).toContain(
      '共催付 3 次，其中 3 次之后付款',
    );
    await s.screenshot(page, 'dashboard-full');

    // From the keyboard: open the tiers card's figures and the biggest bucket (regular members).
    const tiers = page.locator(tid('chart-tiers'));
    await tiers.locator('summary').focus();
    await page.keyboard.press('Enter');
    const buttons = tiers.locator('[data-testid^="bucket-tiers-"]');
    await buttons.first().waitFor({ state: 'visible' });
    const last = buttons.last();
    await last.focus();
    await page.keyboard.press('Enter');
    const list = page.locator(tid('customer-list'));
    await list.waitFor();
    const title = await list.locator('h2').innerText();
    const n = Number(/ · (\d+) 位顾客$/.exec(title)?.[1]);
    expect(n).toBeGreaterThan(200);
    // Focus moved to the list; the list shows the first 200 and says so.
    expect(await page.evaluate(() => document.activeElement?.tagName)).toBe('H2');
    expect(await list.locator('tbody tr').count()).toBe(200);
    expect(await list.locator('.list-more').innerText()).toContain(String(n));
    await s.screenshot(page, 'dashboard-list', { fullPage: false });

    const downloading = page.waitForEvent('download');
    await list.locator(tid('export-csv')).click();
    const download = await downloading;
    expect(download.suggestedFilename()).toMatch(/^kezhi-customers-.+\.csv$/);
    const bytes = readFileSync(await download.path());
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const lines = bytes.toString('utf8').slice(1).split('\r\n');
    expect(lines[0]).toBe('昵称,店铺,等级,购买次数,累计消费 (¥),最近下单');
    expect(lines.slice(1)).toHaveLength(n);
    expect(lines.slice(1).every((l) => l.split(',').length === 6)).toBe(true);

    // Escape closes the list; the imported shop alone shows its five customers.
    await page.keyboard.press('Escape');
    await list.waitFor({ state: 'detached' });
    await page.locator(tid('filter-shop')).selectOption('taobao:100000001');
    await until('the imported shop alone', async () =>
      (await page.locator(tid('dashboard-status')).innerText()).startsWith('顾客 5 位'),
    );
    expect(customers.filter((c) => c.shopId === '100000001')).toHaveLength(5);
    await page.close();
  });
});
