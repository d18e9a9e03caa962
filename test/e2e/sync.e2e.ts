/**
 * The sync pipeline in a real browser: each platform's fixture page served under its real URL,
 * the built extension reads it, and IndexedDB (read back in the service worker) holds exactly
 * the fixture's orders. Also: page JSON captured from the page's own fetch, and drift shows the
 * "page changed" notice instead of badges.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import {
  FIXTURES,
  fixture,
  launch,
  readStore,
  until,
  type Session,
} from '../../scripts/browser.mjs';

interface Expected {
  rows: {
    orderId: string;
    order?: { orderId: string; status: string; amount: number; buyerNick: string };
  }[];
}
const expected = (platform: string, file: string): Expected =>
  JSON.parse(readFileSync(join(FIXTURES, platform, file), 'utf8')) as Expected;

const PAGES = [
  {
    platform: 'taobao-old',
    url: 'https://trade.taobao.com/trade/itemlist/list_sold_items.htm',
    file: 'list_sold_items',
  },
  {
    platform: 'taobao-qn',
    url: 'https://myseller.taobao.com/home.htm/trade-platform/tp/sold',
    file: 'sold',
  },
  { platform: 'pinduoduo', url: 'https://mms.pinduoduo.com/orders/list', file: 'orders' },
  {
    platform: 'jd',
    url: 'https://shop.jd.com/jdm/trade/orders/order-list?tabType=allOrders',
    file: 'orders',
  },
  { platform: 'douyin', url: 'https://fxg.jinritemai.com/ffa/morder/order/list', file: 'orders' },
  {
    platform: 'shopify',
    url: 'https://admin.shopify.com/store/kezhi-test-shop/orders',
    file: 'orders',
  },
];

let s: Session;
beforeAll(async () => {
  s = await launch();
});
afterAll(async () => {
  await s?.close();
});

type StoredOrder = {
  orderId: string;
  status: string;
  amount: number;
  buyerNick: string;
  platform: string;
};

describe('sync from each platform page', () => {
  for (const p of PAGES) {
    test(`${p.platform}: the stored orders are exactly the fixture's`, async () => {
      await s.serve(p.url, fixture(p.platform, `${p.file}.html`));
      const page = await s.context.newPage();
      await page.goto(p.url);
      const want = expected(p.platform, `${p.file}.expected.json`).rows.flatMap((r) =>
        r.order ? [r.order] : [],
      );
      const stored = await until(`${p.platform} orders in IndexedDB`, async () => {
        const all = (await readStore<StoredOrder>(s.worker, 'orders')).filter((o) =>
          want.some((w) => w.orderId === o.orderId),
        );
        return all.length === want.length ? all : undefined;
      });
      for (const w of want) {
        const o = stored.find((x) => x.orderId === w.orderId)!;
        expect({ status: o.status, amount: o.amount, buyerNick: o.buyerNick }).toEqual({
          status: w.status,
          amount: w.amount,
          buyerNick: w.buyerNick,
        });
      }
      await page.close();
    });
  }

  test('taobao: order JSON the page itself loads (asyncSold.htm) is captured and stored', async () => {
    const url = 'https://trade.taobao.com/trade/itemlist/list_sold_items.htm?capture=1';
    const json = fixture('taobao-old', 'asyncSold-masked.json');
    await s.serve(/asyncSold\.htm/, json, 'application/json;charset=UTF-8');
    const html = fixture('taobao-old', 'empty.html').replace(
      '</body>',
      `<script>fetch('https://trade.taobao.com/trade/itemlist/asyncSold.htm?event_submit_do_query=1&_input_charset=utf8', {method: 'POST', body: 'pageNum=1&pageSize=15'});</script></body>`,
    );
    await s.serve(url, html);
    const page = await s.context.newPage();
    await page.goto(url);
    const want = (
      JSON.parse(fixture('taobao-old', 'asyncSold-masked.expected.json')) as {
        items: { orderId: string }[];
      }
    ).items;
    expect(want.length).toBeGreaterThan(0);
    await until('captured JSON orders stored', async () => {
      const ids = new Set((await readStore<StoredOrder>(s.worker, 'orders')).map((o) => o.orderId));
      return want.every((w) => ids.has(w.orderId));
    });
    await page.close();
  });

  test('a list with no readable order id shows the notice, stores nothing, records health', async () => {
    const url = 'https://trade.taobao.com/trade/itemlist/list_sold_items.htm?drift=1';
    // A drifted page whose order ids cannot be read either (a row with its id keeps its badges).
    const html = fixture('taobao-old', 'drift.html')
      .replace(/name="orderid"/g, 'name="x-orderid"')
      .replace(/订单号/g, '单据');
    expect(html).not.toContain('订单号');
    await s.serve(url, html);
    const before = (await readStore(s.worker, 'orders')).length;
    const page = await s.context.newPage();
    await page.goto(url);
    await page.waitForSelector('kezhi-notice', { state: 'attached', timeout: 15_000 });
    expect(await page.locator('kezhi-overlay').count()).toBe(0);
    await s.screenshot(page, 'drift-notice', { fullPage: false });
    const shops = await until('health recorded', async () => {
      const all = await readStore<{ health?: { ok: boolean; problem?: string } }>(
        s.worker,
        'shops',
      );
      return all.some((x) => x.health && !x.health.ok) ? all : undefined;
    });
    expect(shops.find((x) => x.health && !x.health.ok)?.health?.problem).toBeTruthy();
    expect((await readStore(s.worker, 'orders')).length).toBe(before);
    await page.close();
  });
});
