/**
 * Trust (issue 13) in the built extension:
 * 1. In the popup, a seller writes a note, adds a tag, ticks blacklist, types the reason, closes
 *    the popup and opens the card again: all four are there (each edit changes only its field).
 * 2. A page script that patches Response.prototype and MessagePort.prototype before fetching its
 *    own order JSON changes no stored order, hears nothing of ours, and the real body still gets
 *    through (read with the natives the interceptor took at document_start).
 */
import type { Page } from 'playwright-core';
import { fixture, launch, readStore, until, type Session } from '../../scripts/browser.mjs';
import { shiftStamps } from '../../scripts/fixture-time.mjs';
import type { Order } from '../../lib/schemas';

const DAY = 86400_000;
const LIST_URL = 'https://trade.taobao.com/trade/itemlist/list_sold_items.htm';
const ENDPOINT = 'https://trade.taobao.com/trade/itemlist/asyncSold.htm?event_submit_do_query=1';
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
