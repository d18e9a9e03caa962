/**
 * The overlay and the 催付 assistant on realistic pages: history is built by visiting pages of
 * older orders, then the unpaid-orders page shows who each buyer is, the step due now, and a
 * click copies the message (read back from the clipboard) and writes the contact log.
 * Fixture stamps are shifted so the newest order is two days old: with auto-close set to a week
 * and no quiet hours, every step of the ladder has come, whatever the hour of the run.
 */
import {
  fixture,
  launch,
  readStore,
  sendFromPage,
  setSettings,
  until,
  type Session,
} from '../../scripts/browser.mjs';
import { evalInRoot, overlayOf } from '../../scripts/closed-root.mjs';
import { shiftStamps } from '../../scripts/fixture-time.mjs';
import type { Page } from 'playwright-core';

const DAY = 86400_000;
const WEEK_MIN = 7 * 24 * 60;
const UNPAID_URL =
  'https://trade.taobao.com/trade/itemlist/list_sold_items.htm?tabCode=waitBuyerPay';

let s: Session;
let newest: number;
beforeAll(async () => {
  s = await launch();
  newest = Date.now() - 2 * DAY;
  const min = WEEK_MIN;
  await setSettings(s, {
    reminders: {
      quietStartMinute: 0,
      quietEndMinute: 0,
      autoCloseMinutes: {
        taobao: min,
        pinduoduo: min,
        jd: min,
        douyin: min,
        woocommerce: min,
        shopify: min,
      },
    },
  });
});
afterAll(async () => {
  await s?.close();
});

async function visit(
  url: string,
  platform: string,
  file: string,
  expectRows: number,
): Promise<Page> {
  await s.serve(url, shiftStamps(fixture(platform, file), newest));
  const page = await s.context.newPage();
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(e.message));
  await page.goto(url);
  await until(
    `${expectRows} overlays on ${file}`,
    async () => (await page.locator('kezhi-overlay').count()) >= expectRows,
  );
  expect(errors).toEqual([]);
  return page;
}

const attrs = (page: Page, orderId: string) =>
  page.locator(`kezhi-overlay[data-kezhi-order="${orderId}"]`).evaluate((el) => ({
    kind: el.getAttribute('data-kezhi-kind'),
    tier: el.getAttribute('data-kezhi-tier'),
    stage: el.getAttribute('data-kezhi-stage'),
    remind: el.getAttribute('data-kezhi-remind'),
  }));

/** The unpaid list (served by the first test) opened again, once `orderId`'s row has its overlay. */
async function openUnpaidRow(orderId: string) {
  const page = await s.context.newPage();
  await page.goto(UNPAID_URL);
  await page.locator(`kezhi-overlay[data-kezhi-order="${orderId}"]`).waitFor({ state: 'attached' });
  return { page, ov: overlayOf(page, orderId) };
}

describe('overlay on Taobao (old page)', () => {
  test('history from older orders, then the unpaid page shows buyers as of each order', async () => {
    const history = await visit(
      'https://trade.taobao.com/trade/itemlist/list_sold_items.htm',
      'taobao-old',
      'list_sold_items.html',
      8,
    );
    // The oldest order of a returning buyer still says 新客: it was their first purchase.
    expect(await attrs(history, '4261105164500000108')).toMatchObject({
      kind: 'new',
      stage: 'new',
    });
    expect(await attrs(history, '4261124183000000102')).toMatchObject({
      kind: 'returning',
      stage: 'active',
    });
    await history.close();

    const page = await visit(UNPAID_URL, 'taobao-old', 'unpaid.html', 4);
    // 测试买家丙: never bought -> new, the new-customer ladder starts with chat.
    expect(await attrs(page, '4261124230000000203')).toEqual({
      kind: 'new',
      tier: 'regular',
      stage: 'new',
      remind: 'chat',
    });
    // tb_test_buyer02 bought before -> returning: SMS next afternoon.
    expect(await attrs(page, '4261125081520000202')).toMatchObject({
      kind: 'returning',
      stage: 'active',
      remind: 'sms',
    });
    // 测试买家甲 paid another order the day before: no reminder.
    expect(await attrs(page, '4261125093000000201')).toMatchObject({
      kind: 'returning',
      remind: 'none',
    });
    await s.screenshot(page, 'taobao-old-unpaid-overlay');
    await page.close();
  });

  test("the page's inherited styles do not reach the badges", async () => {
    // Every inherited property a page might set around its rows that acts on the badges, set on
    // the rows' ancestors (page CSS reaches our shadow content only by inheritance through the
    // host). Those with nothing to act on inside (tables, lists, quotes, paged media, text inputs,
    // underlines, tabs, vertical text) are not checked.
    const hostile = `<style>body, table, tbody, tr, td, div, span, p {
      letter-spacing: 7px; word-spacing: 11px; text-transform: uppercase; text-indent: 33px;
      text-shadow: 3px 3px red; font: italic small-caps 900 22px/3 serif; color: rgb(255, 0, 0);
      white-space: pre; word-break: break-all; overflow-wrap: anywhere; cursor: wait;
      direction: rtl; text-align: right; font-feature-settings: "smcp"; hyphens: auto;
      -webkit-text-stroke: 1px red; font-kerning: none; text-rendering: optimizeSpeed;
      line-break: anywhere;
      text-align-last: right; font-synthesis: none; font-stretch: condensed;
      -webkit-text-fill-color: blue; color-scheme: dark; pointer-events: none; user-select: all;
      font-variation-settings: "wght" 900; text-emphasis: circle red }</style>`;
    const props = [
      'letter-spacing',
      'word-spacing',
      'text-transform',
      'text-indent',
      'text-shadow',
      'font-style',
      'font-variant-caps',
      'font-weight',
      'font-size',
      'line-height',
      'font-family',
      'font-stretch',
      'color',
      'white-space-collapse',
      'text-wrap-mode',
      'word-break',
      'overflow-wrap',
      'cursor',
      'direction',
      'text-align',
      'font-feature-settings',
      'hyphens',
      '-webkit-text-stroke-width',
      'font-kerning',
      'text-rendering',
      'line-break',
      'text-align-last',
      'font-synthesis-weight',
      '-webkit-text-fill-color',
      'color-scheme',
      'pointer-events',
      'user-select',
      'font-variation-settings',
      'text-emphasis-style',
    ];
    const chipStyle = async (url: string, html: string) => {
      await s.serve(url, html);
      const page = await s.context.newPage();
      await page.goto(url);
      await page.locator('kezhi-overlay[data-kezhi-kind]').first().waitFor({ state: 'attached' });
      const style = await evalInRoot(
        page,
        'kezhi-overlay[data-kezhi-kind]',
        (root: ShadowRoot, names: string[]) => {
          const chip = root.querySelector('.kz-chip');
          if (!chip) return null;
          const cs = getComputedStyle(chip);
          return Object.fromEntries(names.map((n) => [n, cs.getPropertyValue(n)]));
        },
        props,
      );
      await page.close();
      return style;
    };
    const html = shiftStamps(fixture('taobao-old', 'list_sold_items.html'), newest);
    const url = 'https://trade.taobao.com/trade/itemlist/list_sold_items.htm';
    const plain = await chipStyle(`${url}?styles=plain`, html);
    const styled = await chipStyle(
      `${url}?styles=hostile`,
      html.replace('</head>', `${hostile}</head>`),
    );
    expect(plain).not.toBeNull();
    expect(styled).toEqual(plain);
  });

  test('the assistant copies the due message, logs the contact and moves to the next step', async () => {
    await s.context.grantPermissions(['clipboard-read', 'clipboard-write'], {
      origin: 'https://trade.taobao.com',
    });
    // Inside the row's closed shadow root, through CDP (scripts/closed-root.mjs).
    const { page, ov } = await openUnpaidRow('4261124230000000203');
    expect(await ov.mode()).toBe('closed');
    await ov.click('.kz-toggle');
    await ov.waitFor('[data-testid="message-chat"]');
    const shown = await ov.innerText('[data-testid="message-chat"]');
    // The shop's name (from the page's seller nick), the item and the amount are filled in.
    expect(shown).toContain('客知测试店');
    expect(shown).toContain('手工皂礼盒');
    expect(shown).toContain('109.00');
    await ov.click('[data-copy="chat"]');
    // A warning (e.g. contacted moments ago) needs a second click; none is expected here.
    await ov.waitFor('.kz-copied', { timeout: 10_000 });
    await s.screenshot(page, 'taobao-old-assistant-open', { fullPage: false });
    const clip = await page.evaluate(() => navigator.clipboard.readText());
    expect(clip).toBe(shown);
    const contacts = await until('contact logged', async () => {
      const all = await readStore<{
        orderKey?: string;
        channel: string;
        template: string;
        purpose: string;
      }>(s.worker, 'contacts');
      return all.length ? all : undefined;
    });
    expect(contacts).toHaveLength(1);
    expect(contacts[0]).toMatchObject({ channel: 'chat', purpose: 'remind' });
    expect(contacts[0]!.orderKey).toMatch(/:4261124230000000203$/);
    expect(contacts[0]!.template).toMatch(/^remind\.new\.chat\./);
    // The chat step is done now: the overlay follows without a reload.
    await until(
      'next step due',
      async () => (await attrs(page, '4261124230000000203')).remind === 'email',
    );

    // Copying again right away warns (too soon) and needs a second click.
    if (!(await ov.isVisible('.kz-pop'))) await ov.click('.kz-toggle');
    if (!(await ov.isVisible('[data-copy="email"]')))
      await ov.click('details[data-channel="email"] > summary');
    await ov.click('[data-copy="email"]');
    await ov.waitFor('.kz-confirm');
    expect((await readStore(s.worker, 'contacts')).length).toBe(1);
    await ov.click('[data-copy="email"]');
    await until('second contact', async () => (await readStore(s.worker, 'contacts')).length === 2);
    await page.close();
  });

  test("a chip's card explains it from the row's figures: the order's place and the shop's size", async () => {
    const { page, ov } = await openUnpaidRow('4261125081520000202');
    // The row's answer carries no sentences: the on-demand half, loaded by this hover, writes them.
    await ov.hover('[data-chip="kind"]');
    await ov.waitFor('.kz-tip[data-tip-for="kind"]', { state: 'visible' });
    const kind = await ov.innerText('.kz-tip[data-tip-for="kind"]');
    const chip = await ov.innerText('[data-chip="kind"]');
    const n = /×(\d+)/.exec(chip)?.[1];
    expect(n).toBeDefined();
    expect(kind).toContain(`本单是第 ${n} 次购买`);
    // The kind chip's card may cover the next chip in the narrow column: leave it first.
    await page.mouse.move(0, 0);
    await ov.hover('[data-chip="segment"]');
    await ov.waitFor('.kz-tip[data-tip-for="segment"]', { state: 'visible' });
    // Ranked among the shop's customers as the background counted them (its stored statistics;
    // uncertain buyers are left out), which the row's answer carries as a number, not a sentence.
    const stats = await readStore<{ shopKey: string; stats: { customers: number } }>(
      s.worker,
      'stats',
    );
    const ranked = stats.find((r) => r.shopKey.startsWith('taobao:'))?.stats.customers;
    expect(ranked).toBeGreaterThan(1);
    const segment = await until('the segment card', async () => {
      const text = await ov.innerText('.kz-tip[data-tip-for="segment"]');
      return text.includes(`在本店 ${ranked} 位顾客中`) ? text : undefined;
    });
    expect(segment).toMatch(/^R \d 分/);
    await s.screenshot(page, 'taobao-old-chip-card', { fullPage: false });
    await page.close();
  });

  test("keyboard: a chip's card on focus, Esc hides it, Tab to the next chip, Enter opens 催付", async () => {
    const { page, ov } = await openUnpaidRow('4261125093000000201');
    // Focus, as Tab would bring it there.
    await ov.evaluate((root) => (root.querySelector('[data-chip="tier"]') as HTMLElement).focus());
    await ov.waitFor('.kz-tip[data-tip-for="tier"]', { state: 'visible' });
    expect(await ov.innerText('.kz-tip[data-tip-for="tier"]')).toContain('至尊VIP');
    await page.keyboard.press('Escape');
    await until('the card to hide', async () => (await ov.count('.kz-tip')) === 0);
    await page.keyboard.press('Tab'); // the next chip
    await ov.waitFor('.kz-tip[data-tip-for="kind"]', { state: 'visible' });
    await ov.evaluate((root) => (root.querySelector('.kz-toggle') as HTMLElement).focus());
    await page.keyboard.press('Enter');
    await ov.waitFor('.kz-pop[role="dialog"]', { state: 'visible' });
    expect(
      await ov.evaluate((root) => root.querySelector('.kz-toggle')!.getAttribute('aria-expanded')),
    ).toBe('true');
    await page.close();
  });

  test('a tag set through the background shows on the open overlay', async () => {
    const { page, ov } = await openUnpaidRow('4261125081520000202');
    const popup = await s.context.newPage();
    await popup.goto(`chrome-extension://${s.extensionId}/popup.html`);
    const customers = await readStore<{ key: string; nick: string }>(s.worker, 'customers');
    const key = customers.find((c) => c.nick === 'tb_test_buyer02')!.key;
    expect(
      await sendFromPage(popup, 'updateMeta', { customerKey: key, tags: ['高端'] }),
    ).toMatchObject({ ok: true });
    await until('tag chip on the overlay', async () =>
      (await ov.innerText('.kz-badges')).includes('高端'),
    );
    await popup.close();
    await page.close();
  });
});

describe('overlay on Taobao 千牛 (new page), Pinduoduo and JD', () => {
  test('千牛: masked nicks are shown as uncertain, never as a known customer', async () => {
    const page = await visit(
      'https://myseller.taobao.com/home.htm/trade-platform/tp/sold',
      'taobao-qn',
      'sold.html',
      5,
    );
    expect(await attrs(page, '4261125101000000301')).toMatchObject({
      kind: 'new',
      stage: 'new',
      tier: 'regular',
    });
    expect(await overlayOf(page, '4261125101000000301').innerText('.kz-badges')).toContain(
      '身份不确定',
    );
    await s.screenshot(page, 'taobao-qn-overlay');
    await page.close();
  });

  test('千牛: an app page that routes to the sold list gets its order script from the background', async () => {
    // The app loads at another route: only the route watcher (qianniu.js) runs there.
    const overview = 'https://myseller.taobao.com/home.htm/shop-manage/overview';
    await s.serve(
      overview,
      '<!doctype html><html><body><div id="app">店铺概览</div></body></html>',
    );
    const page = await s.context.newPage();
    const errors: string[] = [];
    page.on('pageerror', (e) => errors.push(e.message));
    await page.goto(overview);
    await page.waitForTimeout(300);
    expect(await page.locator('kezhi-overlay').count()).toBe(0);
    // The app routes to the sold list and draws its rows (no page load: history.pushState).
    const sold = shiftStamps(fixture('taobao-qn', 'sold.html'), newest);
    const body = sold.slice(sold.indexOf('<body'), sold.lastIndexOf('</body>'));
    await page.evaluate((html) => {
      history.pushState({}, '', '/home.htm/trade-platform/tp/sold?tabCode=all');
      document.body.innerHTML = html.slice(html.indexOf('>') + 1);
    }, body);
    await until(
      '5 overlays after the route change',
      async () => (await page.locator('kezhi-overlay').count()) >= 5,
    );
    expect(await attrs(page, '4261125101000000301')).toMatchObject({ kind: 'new' });
    expect(errors).toEqual([]);
    await page.close();
  });

  test('Pinduoduo: history page then unpaid page', async () => {
    await (
      await visit('https://mms.pinduoduo.com/orders/list', 'pinduoduo', 'orders.html', 7)
    ).close();
    const page = await visit(
      'https://mms.pinduoduo.com/orders/list?tab=unpaid',
      'pinduoduo',
      'unpaid.html',
      3,
    );
    // 测试买家乙 bought twice before; 测试买家戊 never did.
    expect(await attrs(page, '261125-100000000000002')).toMatchObject({ kind: 'returning' });
    expect(await attrs(page, '261125-100000000000003')).toMatchObject({
      kind: 'new',
      stage: 'new',
      remind: 'chat',
    });
    await s.screenshot(page, 'pinduoduo-unpaid-overlay');
    await page.close();
  });

  test('JD: history page then unpaid page', async () => {
    const history = await visit(
      'https://shop.jd.com/jdm/trade/orders/order-list?tabType=allOrders',
      'jd',
      'orders.html',
      7,
    );
    await history.close();
    const page = await visit(
      'https://shop.jd.com/jdm/trade/orders/order-list?tabType=notPay',
      'jd',
      'unpaid.html',
      3,
    );
    expect(await attrs(page, '301234568002')).toMatchObject({ kind: 'returning' });
    expect(await attrs(page, '301234568003')).toMatchObject({
      kind: 'new',
      stage: 'new',
      remind: 'chat',
    });
    await s.screenshot(page, 'jd-unpaid-overlay');
    await page.close();
  });
});
