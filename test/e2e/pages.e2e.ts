/**
 * Real page shapes in a real browser (issue 12): a Taobao sold page whose title cells are plain
 * text and whose amount cells are gone still badges every row once the page's own asyncSold.htm
 * JSON is captured; JD's card layout and Douyin's table layout sync and badge.
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

let s: Session;
beforeAll(async () => {
  s = await launch();
});
afterAll(async () => {
  await s?.close();
});

const SHOTS = process.env.KEZHI_SHOT_DIR;

interface Rows {
  rows: { orderId: string; order?: { orderId: string; status: string; amount: number } }[];
}
const expectedRows = (platform: string, file: string): Rows =>
  JSON.parse(readFileSync(join(FIXTURES, platform, file), 'utf8')) as Rows;

/** Opens a served page and waits until every one of `ids` carries an overlay. */
async function badgesOn(url: string, html: string, ids: string[], shot: string) {
  await s.serve(url, html);
  const page = await s.context.newPage();
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(e.message));
  await page.goto(url);
  await until(`${ids.length} overlays`, async () => {
    const shown = await page
      .locator('kezhi-overlay')
      .evaluateAll((els) => els.map((e) => e.getAttribute('data-kezhi-order')));
    return ids.every((id) => shown.includes(id)) ? shown : undefined;
  });
  expect(errors).toEqual([]);
  // No "page changed" notice on a page we can read.
  expect(await page.locator('kezhi-notice').count()).toBe(0);
  if (SHOTS) await page.screenshot({ path: join(SHOTS, `${shot}.png`), fullPage: true });
  return page;
}

test('taobao: plain-text titles, no amount cells, JSON captured: every row has its badges', async () => {
  const url = 'https://trade.taobao.com/trade/itemlist/list_sold_items.htm?plain=1';
  await s.serve(
    /asyncSold\.htm/,
    fixture('taobao-old', 'asyncSold.json'),
    'application/json;charset=UTF-8',
  );
  const html = fixture('taobao-old', 'list_sold_items.html')
    // Title links become plain text; the snapshot links go too.
    .replace(
      /<a href="\/\/item\.taobao\.com\/item\.htm\?id=\d+" target="_blank">(<span>[^<]*<\/span>)<\/a>/g,
      '$1',
    )
    .replace(/<a class="snap"[^>]*>\[交易快照\]<\/a>/g, '')
    .replace(
      /<a href="\/\/item\.taobao\.com\/item\.htm\?id=\d+" target="_blank" class="pic">([^<]*)<\/a>/g,
      '$1',
    )
    // The amount block goes: the DOM alone can no longer build an order.
    .replace(
      /<div class="amount price-mod__price___\w+">[\s\S]*?<\/span><\/span><\/div>/g,
      '<div></div>',
    )
    .replace(
      '</body>',
      `<script>fetch('https://trade.taobao.com/trade/itemlist/asyncSold.htm?event_submit_do_query=1&_input_charset=utf8', {method: 'POST', body: 'pageNum=1&pageSize=15'});</script></body>`,
    );
  expect(html).not.toContain('item.htm?id=');
  expect(html).not.toContain('amount price-mod__price');
  const ids = expectedRows('taobao-old', 'list_sold_items.expected.json').rows.map(
    (r) => r.orderId,
  );
  expect(ids).toHaveLength(8);
  const page = await badgesOn(url, html, ids, 'pages-taobao-plain-titles');
  await page.close();
});

for (const p of [
  {
    platform: 'jd',
    url: 'https://shop.jd.com/jdm/trade/orders/order-list?tabType=allOrders&cards=1',
    file: 'cards',
  },
  { platform: 'douyin', url: 'https://fxg.jinritemai.com/ffa/morder/order/list', file: 'table' },
]) {
  test(`${p.platform}: the ${p.file} layout syncs every order and badges every row`, async () => {
    const want = expectedRows(p.platform, `${p.file}.expected.json`).rows;
    expect(want.length).toBeGreaterThan(0);
    const page = await badgesOn(
      p.url,
      fixture(p.platform, `${p.file}.html`),
      want.map((r) => r.orderId),
      `pages-${p.platform}-${p.file}`,
    );
    const stored = await readStore<{ orderId: string; status: string; amount: number }>(
      s.worker,
      'orders',
    );
    for (const w of want) {
      const o = stored.find((x) => x.orderId === w.orderId);
      expect({ id: w.orderId, status: o?.status, amount: o?.amount }).toEqual({
        id: w.orderId,
        status: w.order?.status,
        amount: w.order?.amount,
      });
    }
    await page.close();
  });
}
