/**
 * Trust (issue 13) in the built extension:
 * 1. In the popup, a seller writes a note, adds a tag, ticks blacklist, types the reason, closes
 *    the popup and opens the card again: all four are there (each edit changes only its field).
 * 2. A page script that patches Response.prototype and MessagePort.prototype before fetching its
 *    own order JSON changes no stored order, hears nothing of ours, and the real body still gets
 *    through (read with the natives the interceptor took at document_start).
 * 3. The overlay's roots are closed: page script reads only the hosts' data-kezhi-* attributes,
 *    its synthetic clicks neither copy, log nor open the assistant, a real click does; a page
 *    that defines <kezhi-overlay> itself (to take our root through attachInternals) gets none.
 */
import type { Page } from 'playwright-core';
import {
  fixture,
  launch,
  readStore,
  setSettings,
  until,
  type Session,
} from '../../scripts/browser.mjs';
import { overlayOf, rootMode } from '../../scripts/closed-root.mjs';
import { shiftStamps } from '../../scripts/fixture-time.mjs';
import type { Order } from '../../lib/schemas';

const DAY = 86400_000;
const LIST_URL = 'https://trade.taobao.com/trade/itemlist/list_sold_items.htm';
const ENDPOINT = 'https://trade.taobao.com/trade/itemlist/asyncSold.htm?event_submit_do_query=1';
const UNPAID_URL = `${LIST_URL}?tabCode=waitBuyerPay`;
let s: Session;
let newest = 0;

beforeAll(async () => {
  s = await launch();
  newest = Date.now() - 2 * DAY;
  await s.serve(LIST_URL, shiftStamps(fixture('taobao-old', 'list_sold_items.html'), newest));
  const page = await s.context.newPage();
  await page.goto(LIST_URL);
  await until('history synced', async () => (await readStore(s.worker, 'orders')).length >= 8);
  await page.close();
});
afterAll(async () => {
  await s?.close();
});

async function openCard(nick: string): Promise<Page> {
  const page = await s.context.newPage();
  await page.setViewportSize({ width: 420, height: 640 });
  await page.goto(`chrome-extension://${s.extensionId}/popup.html`);
  await page.locator('[role="combobox"]').fill(nick);
  const first = page.locator('[role="listbox"] [role="option"]').first().locator('.kp-nick');
  await until(`${nick} listed`, async () => (await first.innerText()).trim() === nick);
  await page.keyboard.press('Enter');
  await page.locator('#kp-note').waitFor();
  return page;
}

type Meta = { note: string; tags: string[]; blacklisted: boolean; blacklistReason: string };
const metaOf = async () =>
  (await readStore<Meta & { customerKey: string }>(s.worker, 'meta')).find((m) =>
    m.customerKey.endsWith(':nick:tb_test_buyer02'),
  );

describe('the popup keeps every edit', () => {
  test('note → tag → blacklist → reason, close, reopen: all four there', async () => {
    const NOTE = '只发顺丰，周末不收货';
    const TAG = '批发客';
    const REASON = '多次恶意退款';
    let page = await openCard('tb_test_buyer02');
    await page.locator('#kp-note').fill(NOTE);
    await page.locator('#kp-note').blur();
    await until('note stored', async () => (await metaOf())?.note === NOTE);
    await page.getByPlaceholder(/标签/).fill(TAG);
    await page.getByPlaceholder(/标签/).press('Enter');
    await until('tag stored', async () => !!(await metaOf())?.tags.includes(TAG));
    await page.locator('.kp-blacklist input[type="checkbox"]').check();
    await until('blacklisted', async () => (await metaOf())?.blacklisted === true);
    const reason = page.locator('.kp-blacklist input.kp-field');
    await reason.fill(REASON);
    await reason.blur();
    await until('reason stored', async () => (await metaOf())?.blacklistReason === REASON);
    expect(await metaOf()).toMatchObject({
      note: NOTE,
      tags: [TAG],
      blacklisted: true,
      blacklistReason: REASON,
    });
    await page.close();

    page = await openCard('tb_test_buyer02');
    expect(await page.locator('#kp-note').inputValue()).toBe(NOTE);
    expect(await page.locator('.kp-tag').allInnerTexts()).toEqual([expect.stringContaining(TAG)]);
    expect(await page.locator('.kp-blacklist input[type="checkbox"]').isChecked()).toBe(true);
    expect(await page.locator('.kp-blacklist input.kp-field').inputValue()).toBe(REASON);
    await s.screenshot(page, 'trust-popup-card-reopened');
    await page.close();
  });
});

describe('a page script cannot feed the capture channel', () => {
  test('patched Response and MessagePort prototypes change no stored order', async () => {
    const before = new Map(
      (await readStore<Order>(s.worker, 'orders')).map((o) => [o.orderId, o] as const),
    );
    expect(before.size).toBeGreaterThanOrEqual(8);
    // The forged body: the page's own orders moved to another buyer, zeroed and closed.
    const forged = fixture('taobao-old', 'asyncSold.json')
      .replace(/"(nick|decodeNick)": "[^"]*"/g, '"$1": "thief_buyer"')
      .replace(/"id": "22\d{11}"/g, '"id": "9900000000009"')
      .replace(/"actualFee": "[^"]*"/g, '"actualFee": "0.00"')
      .replace(/"tradeStatus": "[^"]*"/g, '"tradeStatus": "TRADE_CLOSED"');
    expect(forged).toContain('thief_buyer');
    // The real body the page fetches: orders no page showed yet, so its arrival proves capture.
    const real = fixture('taobao-old', 'asyncSold-masked.json');
    const realIds = (
      JSON.parse(fixture('taobao-old', 'asyncSold-masked.expected.json')) as {
        items: { orderId: string }[];
      }
    ).items.map((o) => o.orderId);
    await s.serve(/asyncSold\.htm/, real, 'application/json;charset=UTF-8');
    await s.serve(/\/forged\.json/, forged, 'application/json;charset=UTF-8');

    // Runs as the page's own script, after our document_start reader, before the page fetches.
    const hostile = `<script>
      window.__heard = [];
      const FORGED = ${JSON.stringify(forged)};
      const ENDPOINT = ${JSON.stringify(ENDPOINT)};
      const post = MessagePort.prototype.postMessage;
      MessagePort.prototype.postMessage = function (m, t) {
        window.__heard.push(JSON.stringify(m).slice(0, 200));
        // With a secret in hand, post the forged body as a capture of ours would.
        if (m && typeof m === 'object' && typeof m.secret === 'string')
          post.call(this, { secret: m.secret, url: ENDPOINT, contentType: 'application/json', body: FORGED });
        return post.call(this, m, t);
      };
      Response.prototype.arrayBuffer = function () {
        return Promise.resolve(new TextEncoder().encode(FORGED).buffer);
      };
      Response.prototype.text = function () { return Promise.resolve(FORGED); };
      Response.prototype.json = function () { return Promise.resolve(JSON.parse(FORGED)); };
      Response.prototype.clone = function () { return this; };
      Object.defineProperty(Response.prototype, 'url', { get() { return ENDPOINT; } });
      window.addEventListener('load', () => setTimeout(async () => {
        await fetch('/forged.json');
        await fetch(ENDPOINT, { method: 'POST', body: 'pageNum=1' });
        window.__done = true;
      }, 300));
    </script>`;
    const url = `${LIST_URL}?hostile-prototypes=1`;
    const html = shiftStamps(fixture('taobao-old', 'list_sold_items.html'), newest).replace(
      /<head([^>]*)>/i,
      `<head$1>${hostile}`,
    );
    expect(html).toContain('__heard');
    await s.serve(url, html);
    const page = await s.context.newPage();
    await page.goto(url);
    await until('the page fetched', () =>
      page.evaluate(() => (window as unknown as { __done?: boolean }).__done === true),
    );
    await until('the real body captured and stored', async () => {
      const ids = new Set((await readStore<Order>(s.worker, 'orders')).map((o) => o.orderId));
      return realIds.every((id) => ids.has(id));
    });
    const heard = await page.evaluate(() => (window as unknown as { __heard: string[] }).__heard);
    const after = await readStore<Order>(s.worker, 'orders');
    const changed = after
      .filter((o) => before.has(o.orderId))
      .filter((o) => {
        const b = before.get(o.orderId)!;
        return (
          b.buyerId !== o.buyerId ||
          b.buyerNick !== o.buyerNick ||
          b.amount !== o.amount ||
          b.status !== o.status
        );
      })
      .map((o) => o.orderId);
    expect({
      heardFromUs: heard.filter((h) => h.includes('secret')).length,
      changed,
      thief: after.filter((o) => o.buyerNick === 'thief_buyer').length,
    }).toEqual({ heardFromUs: 0, changed: [], thief: 0 });
    await page.close();
  });
});

describe('a page script cannot read or drive the overlay', () => {
  // Two unpaid orders with a step due (tb_test_buyer02, blacklisted above, has none).
  const A = '4261124230000000203';
  const B = '4261124210500000101';
  const contactsOf = async (orderId: string) =>
    (await readStore<{ orderKey?: string }>(s.worker, 'contacts')).filter((c) =>
      c.orderKey?.endsWith(`:${orderId}`),
    ).length;

  beforeAll(async () => {
    // No quiet hours and a week to pay: every step has come, whatever the hour of the run.
    const week = 7 * 24 * 60;
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
    await s.serve(UNPAID_URL, shiftStamps(fixture('taobao-old', 'unpaid.html'), newest));
    await s.context.grantPermissions(['clipboard-read', 'clipboard-write'], {
      origin: 'https://trade.taobao.com',
    });
  });

  test('closed roots: the page reads the hosts’ attributes and nothing inside', async () => {
    // The page's own script also patches attachShadow, to force roots open and keep them.
    const patch = `<script>
      window.__roots = [];
      const attach = Element.prototype.attachShadow;
      Element.prototype.attachShadow = function (init) {
        const root = attach.call(this, { ...init, mode: 'open' });
        window.__roots.push(root);
        return root;
      };
    </script>`;
    const url = `${UNPAID_URL}&patched-attach-shadow=1`;
    await s.serve(
      url,
      shiftStamps(fixture('taobao-old', 'unpaid.html'), newest).replace(
        /<head([^>]*)>/i,
        `<head$1>${patch}`,
      ),
    );
    const page = await s.context.newPage();
    await page.goto(url);
    await until('4 overlays', async () => (await page.locator('kezhi-overlay').count()) === 4);
    // Open A's assistant (a real click): its messages and the buyer's contacts are on screen.
    const a = overlayOf(page, A);
    await a.click('.kz-toggle');
    await a.waitFor('[data-testid="message-chat"]');
    const message = await a.innerText('[data-testid="message-chat"]');
    expect(message).toContain('手工皂礼盒');
    expect(await rootMode(page, `kezhi-overlay[data-kezhi-order="${A}"]`)).toBe('closed');
    // Everything the page's own script can find of ours.
    const seen = await page.evaluate(() =>
      [...document.querySelectorAll('kezhi-overlay')].map((h) => ({
        shadowRoot: h.shadowRoot === null ? null : 'readable',
        children: h.childNodes.length,
        text: h.textContent,
        attributes: h.getAttributeNames().sort(),
      })),
    );
    expect(seen).toHaveLength(4);
    for (const h of seen) {
      expect(h).toMatchObject({ shadowRoot: null, children: 0, text: '' });
      expect(h.attributes.every((n) => n.startsWith('data-kezhi-') || n === 'data-theme')).toBe(
        true,
      );
    }
    const leaked = await page.evaluate(
      (needle) => ({
        chips: document.querySelectorAll('.kz-chip, .kz-pop, [data-copy]').length,
        inText: document.body.innerText.includes(needle),
        patchCalls: (window as unknown as { __roots: unknown[] }).__roots.length,
      }),
      message.slice(0, 20),
    );
    expect(leaked).toEqual({ chips: 0, inText: false, patchCalls: 0 });
    await page.close();
  });

  test('synthetic clicks copy, log and open nothing; the seller’s real clicks do', async () => {
    const page = await s.context.newPage();
    await page.goto(UNPAID_URL);
    await until('4 overlays', async () => (await page.locator('kezhi-overlay').count()) === 4);
    await page.evaluate(() => navigator.clipboard.writeText('the page’s own text'));
    const a = overlayOf(page, A);
    const b = overlayOf(page, B);
    expect([await contactsOf(A), await contactsOf(B)]).toEqual([0, 0]);

    // Page script holding A's toggle: el.click() and a dispatched click (isTrusted false).
    await a.pageScriptClick('.kz-toggle');
    // The seller opens B for real; by the time B's panel is up, A's clicks were long handled.
    await b.click('.kz-toggle');
    await b.waitFor('.kz-pop [data-copy]');
    expect(await a.count('.kz-pop')).toBe(0);
    expect(
      await a.evaluate((r) => r.querySelector('.kz-toggle')!.getAttribute('aria-expanded')),
    ).toBe('false');
    await b.click('.kz-close');

    // Page script holding A's Copy button (A opened for real, as a seller would leave it).
    await a.click('.kz-toggle');
    await a.waitFor('[data-copy="chat"]');
    await a.pageScriptClick('[data-copy="chat"]');
    await a.pageScriptClick('[data-copy="chat"]'); // past a confirmation, had there been one
    await a.click('.kz-close');
    // The seller copies B's message for real, and that one is logged.
    await b.click('.kz-toggle');
    await b.waitFor('details[open] .kz-msg');
    const shown = await b.textContent('details[open] .kz-msg');
    await b.click('details[open] [data-copy]');
    if (await b.count('.kz-confirm')) await b.click('details[open] [data-copy]');
    await until('B logged', async () => (await contactsOf(B)) === 1);
    await b.waitFor('.kz-copied');
    // A's synthetic clicks went first and left nothing: no contact, no copy, no state.
    expect(await contactsOf(A)).toBe(0);
    expect(await a.count('.kz-copied, .kz-confirm, .kz-copy-error')).toBe(0);
    expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(shown);
    await page.close();
  });

  test('a page that defines <kezhi-overlay> to take our root via attachInternals gets none', async () => {
    const attack = `<script>
      window.__internals = [];
      customElements.define('kezhi-overlay', class extends HTMLElement {
        constructor() { super(); window.__internals.push(this.attachInternals()); }
      });
    </script>`;
    const url = `${UNPAID_URL}&claims-our-tag=1`;
    await s.serve(
      url,
      shiftStamps(fixture('taobao-old', 'unpaid.html'), newest).replace(
        /<head([^>]*)>/i,
        `<head$1>${attack}`,
      ),
    );
    const page = await s.context.newPage();
    await page.goto(url);
    // The seller is told; nothing is mounted.
    await page.locator('kezhi-notice').waitFor({ state: 'attached' });
    const got = await page.evaluate(() => ({
      constructed: (window as unknown as { __internals: unknown[] }).__internals.length,
      roots: (window as unknown as { __internals: { shadowRoot: unknown }[] }).__internals.filter(
        (i) => i.shadowRoot !== null,
      ).length,
      hosts: document.querySelectorAll('kezhi-overlay').length,
    }));
    // The page's constructor ran on the element we made (so it was armed), and got no root.
    expect(got.constructed).toBeGreaterThan(0);
    expect(got).toMatchObject({ roots: 0, hosts: 0 });
    await page.close();
  });
});
