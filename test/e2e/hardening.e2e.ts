/**
 * Hardening in the real browser, on the built extension:
 * - the manifest asks for exactly the permissions we mean, declares no externally_connectable and
 *   exposes no web-accessible resources;
 * - a Taobao page whose buyers chose hostile nicks and titles shows them as text, nothing runs,
 *   the page's own error listener hears nothing from us and its click handler still fires;
 * - a page script posting fake capture hellos and fake order JSON to the window (without our
 *   port and secret) changes nothing in IndexedDB;
 * - the service worker stopped (CDP) while a 5,000-order import is being written leaves the
 *   database consistent, and sending the batch again completes it;
 * - four tabs syncing overlapping pages at once lose nothing;
 * - a whole session (order pages, popup, options, dashboard, copying a message) makes zero
 *   requests from the extension's origins.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { recomputeCustomer } from '../../lib/db/aggregate';
import type { Customer, Order } from '../../lib/schemas';
import {
  EXTENSION_DIR,
  FIXTURES,
  fixture,
  launch,
  readStore,
  sendFromPage,
  setSettings,
  until,
  type Session,
} from '../../scripts/browser.mjs';
import { overlayOf } from '../../scripts/closed-root.mjs';
import { shiftStamps } from '../../scripts/fixture-time.mjs';

const MANIFEST = join(EXTENSION_DIR, 'manifest.json');
const built = existsSync(MANIFEST);
const DAY = 86400_000;
const UNPAID_URL =
  'https://trade.taobao.com/trade/itemlist/list_sold_items.htm?tabCode=waitBuyerPay';
const LIST_URL = 'https://trade.taobao.com/trade/itemlist/list_sold_items.htm';

// A browser suite that cannot run fails instead of vanishing from the count as "skipped".
test('the built extension is there to test (run npx wxt build first)', () => {
  expect(built, `${MANIFEST} is missing: run npx wxt build`).toBe(true);
});

describe.each([MANIFEST])(
  'built manifest %s (fails, never skips, when missing: run npx wxt build)',
  () => {
    const m = built
      ? (JSON.parse(readFileSync(MANIFEST, 'utf8')) as Record<string, unknown>)
      : ({} as Record<string, unknown>);

    it('pins the permissions: a new one is a conscious change to this list', () => {
      expect({
        permissions: m.permissions,
        host_permissions: m.host_permissions,
        optional_host_permissions: m.optional_host_permissions,
        optional_permissions: m.optional_permissions,
      }).toEqual({
        // storage + unlimitedStorage: settings and the order history (IndexedDB) stay local and
        // are not evicted; clipboardWrite: 催付 copy; scripting: WooCommerce hosts at run time.
        permissions: ['storage', 'unlimitedStorage', 'clipboardWrite', 'scripting', 'alarms'],
        host_permissions: [
          'https://trade.taobao.com/*',
          'https://myseller.taobao.com/*',
          'https://qn.taobao.com/*',
          'https://mms.pinduoduo.com/*',
          'https://shop.jd.com/*',
          'https://fxg.jinritemai.com/*',
          'https://admin.shopify.com/*',
        ],
        // Asked for one host at a time, when the seller adds a WooCommerce shop.
        optional_host_permissions: ['https://*/*', 'http://*/*'],
        optional_permissions: undefined,
      });
    });

    it('lets no web page or other extension talk to us, and exposes no files', () => {
      expect(m).not.toHaveProperty('externally_connectable');
      // WXT needs none for this build: the overlay CSS is injected into its shadow root from the
      // content script bundle (cssInjectionMode 'ui'), and the MAIN-world interceptor is a declared
      // content script (world: MAIN), not a <script src> pointing at an extension URL.
      expect(m.web_accessible_resources).toBeUndefined();
      expect(m).not.toHaveProperty('content_security_policy');
    });

    it('content scripts run only on the platform order hosts, top frame only', () => {
      const scripts = m.content_scripts as {
        matches: string[];
        all_frames?: boolean;
        world?: string;
        js: string[];
      }[];
      const allowed = [
        ...(m.host_permissions as string[]),
        // JD's 商家后台 also serves order JSON from sff.jd.com; only the MAIN-world observer runs
        // there (it never sends a request of its own).
        'https://sff.jd.com/*',
      ];
      // Each match lies inside a host we hold (scripts may narrow a host to its order area).
      const inside = (match: string) =>
        allowed.some((host) => match === host || match.startsWith(host.slice(0, -1)));
      for (const s of scripts) {
        for (const match of s.matches) expect(inside(match), match).toBe(true);
        expect(s.all_frames ?? false).toBe(false);
      }
      // One isolated order script per marketplace (WooCommerce's orders.js is registered at run
      // time for the hosts the seller grants), 千牛's route watcher (the capture channel on the
      // app's other routes), and the MAIN-world JSON observer.
      expect(
        scripts
          .map((s) => [s.js, s.world ?? 'ISOLATED'])
          .sort((a, b) => String(a).localeCompare(String(b))),
      ).toEqual([
        [['content-scripts/douyin.js'], 'ISOLATED'],
        [['content-scripts/interceptor.js'], 'MAIN'],
        [['content-scripts/jd.js'], 'ISOLATED'],
        [['content-scripts/pinduoduo.js'], 'ISOLATED'],
        [['content-scripts/qianniu-sold.js'], 'ISOLATED'],
        [['content-scripts/shopify.js'], 'ISOLATED'],
        [['content-scripts/taobao.js'], 'ISOLATED'],
        [['qianniu.js'], 'ISOLATED'],
      ]);
    });
  },
);

/** Every customer equals a recompute from its orders; every order has its customer. */
async function expectConsistent(page: Page): Promise<{ orders: Order[]; customers: Customer[] }> {
  const orders = await readStore<Order>(page, 'orders');
  const customers = await readStore<Customer>(page, 'customers');
  const byKey = new Map<string, Order[]>();
  for (const o of orders) byKey.set(o.customerKey, [...(byKey.get(o.customerKey) ?? []), o]);
  expect(customers.map((c) => c.key).sort()).toEqual([...byKey.keys()].sort());
  for (const c of customers) expect(c).toEqual(recomputeCustomer(byKey.get(c.key)!));
  return { orders, customers };
}

const orderIdsOf = (html: string) =>
  [...html.matchAll(/name="orderid" value="(\d+)"/g)].map((m) => m[1]!);

describe('in the browser', () => {
  let s: Session;
  let ext: Page;
  const newest = Date.now() - 2 * DAY;
  beforeAll(async () => {
    s = await launch();
    await setSettings(s, { reminders: { quietStartMinute: 0, quietEndMinute: 0 } });
    ext = await s.context.newPage();
    await ext.goto(`chrome-extension://${s.extensionId}/popup.html`);
  });
  afterAll(async () => {
    console.info('hardening e2e: extension requests seen', s?.requests.length, s?.requests);
    await s?.close();
  });

  test('hostile nicks and titles are shown as text; nothing runs; the page keeps working', async () => {
    const payloads = JSON.parse(
      readFileSync(join(FIXTURES, 'hostile', 'payloads.json'), 'utf8'),
    ) as {
      nick: string;
      title: string;
    }[];
    const html = shiftStamps(fixture('hostile', 'taobao-old.html'), newest);
    const ids = orderIdsOf(html);
    expect(ids).toHaveLength(4);
    await s.serve(UNPAID_URL, html);
    const page = await s.context.newPage();
    const pageErrors: string[] = [];
    page.on('pageerror', (e) => pageErrors.push(e.message));
    await page.goto(UNPAID_URL);
    // Rows 1-3 carry payloads within bounds; row 4's 10,000-char nick is refused at the boundary.
    await until(
      '3 overlays on the hostile page',
      async () => (await page.locator('kezhi-overlay').count()) === 3,
    );
    for (let i = 0; i < 3; i++) {
      // Inside the row's closed shadow root, through CDP (scripts/closed-root.mjs).
      const ov = overlayOf(page, ids[i]!);
      await ov.click('.kz-toggle');
      await ov.waitFor('.kz-nick');
      expect(await ov.textContent('.kz-nick')).toBe(payloads[i]!.nick);
      // The message quotes the item title (cut to length), as text.
      const message = await ov.textContent('[data-testid="message-chat"]');
      expect(message).toContain(Array.from(payloads[i]!.title).slice(0, 12).join(''));
      // Nothing active was created inside our shadow roots.
      const active = await ov.evaluate(
        (root) =>
          root.querySelectorAll('script, img, iframe, object, embed, svg').length +
          [...root.querySelectorAll('*')].filter((n) =>
            n.getAttributeNames().some((a) => a.startsWith('on')),
          ).length,
      );
      expect(active).toBe(0);
      // Closed again, so the next row's toggle is not under this popover.
      await ov.click('.kz-close');
    }
    expect(await page.locator(`kezhi-overlay[data-kezhi-order="${ids[3]}"]`).count()).toBe(0);
    // The page's own handler on the row still fires, with our overlay mounted beside it.
    const before = await page.evaluate(
      () => (window as unknown as { __rowClicks: number }).__rowClicks,
    );
    await page.locator(`input[name="orderid"][value="${ids[0]}"]`).click();
    const after = await page.evaluate(
      () => (window as unknown as { __rowClicks: number }).__rowClicks,
    );
    expect(after).toBe(before + 1);
    const seen = await page.evaluate(() => ({
      errors: (window as unknown as { __kezhiErrors: string[] }).__kezhiErrors,
      pwned: (window as unknown as { __kezhiPwned?: unknown }).__kezhiPwned ?? null,
    }));
    expect(seen).toEqual({ errors: [], pwned: null });
    expect(pageErrors).toEqual([]);
    // Stored as the literal text too.
    const stored = await readStore<Order>(ext, 'orders');
    for (let i = 0; i < 3; i++)
      expect(stored.find((o) => o.orderId === ids[i])?.buyerNick).toBe(payloads[i]!.nick);
    expect(stored.some((o) => o.orderId === ids[3])).toBe(false);
    await page.close();
  });

  test('fake capture hellos and fake order JSON posted by a page script change nothing', async () => {
    const url = `${LIST_URL}?hostile-channel=1`;
    // Fake orders: the real asyncSold fixture with ids no page ever showed (9261…).
    const fake = fixture('taobao-old', 'asyncSold.json').replace(/42611(\d{14})/g, '92611$1');
    expect(fake).toMatch(/92611\d{14}/);
    // A real capture afterwards (the page's own fetch) goes through the same port: once its
    // orders are stored, anything posted before it has been dealt with.
    const marker = fixture('taobao-old', 'asyncSold-masked.json');
    const markerIds = (
      JSON.parse(fixture('taobao-old', 'asyncSold-masked.expected.json')) as {
        items: { orderId: string }[];
      }
    ).items.map((o) => o.orderId);
    expect(markerIds.length).toBeGreaterThan(0);
    await s.serve(/asyncSold\.htm/, marker, 'application/json;charset=UTF-8');
    await s.serve(url, shiftStamps(fixture('hostile', 'taobao-old.html'), newest));
    const page = await s.context.newPage();
    await page.goto(url);
    await page.locator('kezhi-overlay').first().waitFor({ state: 'attached' });
    const result = await page.evaluate((body) => {
      type Heard = { data: unknown; port: MessagePort | null };
      const w = window as unknown as { __heard: Heard[] };
      const endpoint =
        'https://trade.taobao.com/trade/itemlist/asyncSold.htm?event_submit_do_query=1';
      const guess = 'x'.repeat(32);
      const captured = (secret: unknown) => ({
        secret,
        url: endpoint,
        contentType: 'application/json',
        body,
      });
      // 1. A hello of the page's own, both ways the protocol has ever used.
      const ch = new MessageChannel();
      window.postMessage({ tag: 'kezhi-capture-hello-v1', secret: guess, endpoints: ['.*'] }, '*', [
        ch.port2,
      ]);
      const ch2 = new MessageChannel();
      window.dispatchEvent(new MessageEvent('kezhi-capture-hello', { ports: [ch2.port2] }));
      ch2.port1.postMessage({ tag: 'kezhi-capture-hello-v1', secret: guess, endpoints: ['.*'] });
      // 2. Captured bodies with guessed secrets, straight to the window.
      for (const secret of ['', guess, undefined]) window.postMessage(captured(secret), '*');
      window.postMessage({ ...captured(guess), body: { json: JSON.parse(body) } }, '*');
      // 3. Ask the isolated side to say hello again (its late-interceptor path).
      document.dispatchEvent(new CustomEvent('kezhi-capture-ready'));
      // 4. Anything the page heard from us: use its port and secret to send the fake orders.
      return new Promise<{ ours: number }>((res) =>
        setTimeout(() => {
          let ours = 0;
          for (const h of w.__heard) {
            const d = h.data as { tag?: string; secret?: string } | string | null;
            const own =
              h.port === ch.port2 ||
              h.port === ch2.port2 ||
              (typeof d === 'object' && d?.secret === guess);
            if (own || !h.port) continue;
            ours++;
            const secret = typeof d === 'object' && d ? d.secret : '';
            h.port.postMessage(captured(secret));
          }
          // Then the page's own request, captured for real.
          void fetch(endpoint, { method: 'POST', body: 'pageNum=1' });
          res({ ours });
        }, 0),
      );
    }, fake);
    await until('the real capture stored', async () => {
      const ids = new Set((await readStore<Order>(ext, 'orders')).map((o) => o.orderId));
      return markerIds.every((id) => ids.has(id));
    });
    const stored = (await readStore<Order>(ext, 'orders')).map((o) => o.orderId);
    expect({
      heardFromUs: result.ours,
      fakeStored: stored.filter((id) => id.startsWith('92611')),
    }).toEqual({
      heardFromUs: 0,
      fakeStored: [],
    });
    await page.close();
  });

  for (const first of ['isolated', 'page-world'] as const) {
    test(`the capture channel opens when the ${first} end starts first, and says hello once`, async () => {
      // The two built ends in one plain page (nothing of ours matches it), in the given order:
      // when the isolated end comes first its hello finds no listener and the interceptor's
      // ready event opens the channel; either way, a ready event after that gets no new hello.
      const read = (file: string) => readFileSync(join(EXTENSION_DIR, file), 'utf8');
      const ends = {
        isolated: read('qianniu.js'),
        'page-world': read('content-scripts/interceptor.js'),
      };
      const order =
        first === 'isolated'
          ? ends.isolated + ends['page-world']
          : ends['page-world'] + ends.isolated;
      const url = `https://kezhi.test/capture-${first}`;
      await s.serve(
        /asyncSold\.htm/,
        fixture('taobao-old', 'asyncSold.json'),
        'application/json;charset=UTF-8',
      );
      await s.serve(
        url,
        `<!doctype html><html><head><script>${order}</script></head><body><script>
          window.__hellos = 0;
          addEventListener('kezhi-capture-hello', () => window.__hellos++, true);
          document.dispatchEvent(new CustomEvent('kezhi-capture-ready'));
          window.__got = new Promise((res) => { globalThis.__kezhiBridge.onJson((c) => res(c.url)); setTimeout(() => res('nothing captured in 10 s'), 10000); });
          fetch('https://trade.taobao.com/trade/itemlist/asyncSold.htm?event_submit_do_query=1', { method: 'POST' });
        </script></body></html>`,
      );
      const page = await s.context.newPage();
      await page.goto(url);
      const got = await page.evaluate(
        () => (window as unknown as { __got: Promise<string> }).__got,
      );
      expect(got).toMatch(/asyncSold\.htm/);
      expect(await page.evaluate(() => (window as unknown as { __hellos: number }).__hellos)).toBe(
        0,
      );
      await page.close();
    });
  }

  test('service worker stopped mid-import: consistent afterwards, and the resend completes', async () => {
    const cdp = await s.context.newCDPSession(ext);
    // Proof the fault happened: the worker's running status as CDP reports it.
    const statuses: string[] = [];
    cdp.on('ServiceWorker.workerVersionUpdated', (e: { versions: { runningStatus: string }[] }) =>
      e.versions.forEach((v) => statuses.push(v.runningStatus)),
    );
    await cdp.send('ServiceWorker.enable');
    const T0 = Date.UTC(2025, 0, 1);
    const batchFor = (shop: string) =>
      Array.from({ length: 5000 }, (_, i) => ({
        platform: 'pinduoduo',
        shopId: shop,
        orderId: `F${String(i).padStart(6, '0')}`,
        buyerId: `nick:fault-buyer-${i % 700}`,
        buyerNick: `fault-buyer-${i % 700}`,
        identity: 'known',
        status: (['paid', 'shipped', 'completed', 'unpaid', 'closed'] as const)[i % 5],
        createdAt: T0 + i * 3_600_000,
        amount: 100 + (i % 977),
        items: [{ title: `商品${i % 13}`, quantity: 1 + (i % 3) }],
        source: 'import',
      }));
    const shops = ['fault1', 'fault2', 'fault3'];
    let faults = 0;
    let interrupted = 0;
    for (const shop of shops) {
      let settled = false;
      const sending = sendFromPage(ext, 'importBatch', { orders: batchFor(shop) }).then(
        (r) => ((settled = true), r),
        (e: unknown) => ((settled = true), { failed: String(e) }),
      );
      // Stop the worker again and again while the import is pending, so a stop lands inside the
      // write whatever its speed. The pauses only space the faults; no assertion depends on time.
      for (let n = 0; n < 30 && !settled; n++) {
        await cdp.send('ServiceWorker.stopAllWorkers');
        faults++;
        await new Promise((r) => setTimeout(r, 50 * (n + 1)));
      }
      const reply = (await sending) as { ok?: boolean } | { failed: string } | undefined;
      if (!reply || !('ok' in reply) || !reply.ok) interrupted++;
      // Whatever happened, the database is consistent: all of the batch or none of it.
      const { orders } = await expectConsistent(ext);
      expect([0, 5000]).toContain(orders.filter((o) => o.shopId === shop).length);
    }
    // CDP saw the worker stop.
    expect(statuses).toContain('stopped');
    // The next page visit sends each batch again: it completes.
    for (const shop of shops) {
      const reply = (await sendFromPage(ext, 'importBatch', { orders: batchFor(shop) })) as {
        ok: boolean;
        value?: { written: number; unchanged: number; rejected: unknown[] };
      };
      expect(reply.ok).toBe(true);
      expect(reply.value!.written + reply.value!.unchanged).toBe(5000);
      expect(reply.value!.rejected).toEqual([]);
    }
    const { orders, customers } = await expectConsistent(ext);
    for (const shop of shops) {
      expect(orders.filter((o) => o.shopId === shop)).toHaveLength(5000);
      expect(customers.filter((c) => c.shopId === shop)).toHaveLength(700);
    }
    console.info(
      `hardening e2e: SW stops injected ${faults}, imports interrupted ${interrupted}/${shops.length}, stops seen ${statuses.filter((x) => x === 'stopped').length}, records checked ${orders.length + customers.length}`,
    );
    await cdp.detach();
  });

  test('four tabs syncing overlapping pages at once lose nothing', async () => {
    const pages = [
      { url: `${LIST_URL}?tab=1`, file: 'list_sold_items.html' },
      { url: `${LIST_URL}?tab=2`, file: 'list_sold_items.html' },
      { url: `${UNPAID_URL}&tab=3`, file: 'unpaid.html' },
      { url: `${UNPAID_URL}&tab=4`, file: 'unpaid.html' },
    ];
    const want = new Set<string>();
    for (const p of pages) {
      const html = shiftStamps(fixture('taobao-old', p.file), newest);
      orderIdsOf(html).forEach((id) => want.add(id));
      await s.serve(p.url, html);
    }
    const tabs = await Promise.all(pages.map(() => s.context.newPage()));
    await Promise.all(tabs.map((t, i) => t.goto(pages[i]!.url)));
    await until('every order of the four tabs stored', async () => {
      const ids = new Set((await readStore<Order>(ext, 'orders')).map((o) => o.orderId));
      return [...want].every((id) => ids.has(id));
    });
    const { orders } = await expectConsistent(ext);
    const taobao = orders.filter((o) => want.has(o.orderId));
    expect(taobao).toHaveLength(want.size);
    await Promise.all(tabs.map((t) => t.close()));
  });

  test('a whole session makes zero requests from the extension', async () => {
    await s.context.grantPermissions(['clipboard-read', 'clipboard-write'], {
      origin: 'https://trade.taobao.com',
    });
    const page = await s.context.newPage();
    await page.goto(`${UNPAID_URL}&tab=3`);
    const host = page.locator('kezhi-overlay[data-kezhi-remind]').first();
    await host.waitFor({ state: 'attached' });
    const ov = overlayOf(page, (await host.getAttribute('data-kezhi-order'))!);
    const contactsBefore = (await readStore(ext, 'contacts')).length;
    await ov.click('.kz-toggle');
    await ov.click('[data-copy]');
    if (await ov.count('.kz-confirm')) await ov.click('[data-copy]');
    await until(
      'the copy logged a contact',
      async () => (await readStore(ext, 'contacts')).length > contactsBefore,
    );
    for (const path of ['popup.html', 'options.html', 'dashboard.html']) {
      const p = await s.context.newPage();
      await p.goto(`chrome-extension://${s.extensionId}/${path}`);
      await p.waitForLoadState('load');
      await p.locator('body *').first().waitFor({ state: 'attached' });
      await p.close();
    }
    await page.close();
    expect(s.requests).toEqual([]);
  });
});
