/**
 * Buyer identity in a real browser, on the 千牛 sold page in its 2026 shape (every nick masked,
 * buyer.id 0, an opaque encodeId per buyer in the page's own asyncSold.htm JSON). Two visits each:
 * where the tokens recur, a returning buyer's second order shows 老客; where the platform hands
 * out new tokens for the same orders, no order claims 新客 and the popup's shop status says why.
 * Fixtures: test/fixtures/taobao-qn/qn2026-*.html|json (invented values).
 */
import type { Page } from 'playwright-core';
import { fixture, launch, readStore, until, type Session } from '../../scripts/browser.mjs';
import { overlayOf } from '../../scripts/closed-root.mjs';
import { shiftStamps } from '../../scripts/fixture-time.mjs';

const DAY = 86400_000;
const SOLD = 'https://myseller.taobao.com/home.htm/trade-platform/tp/sold';

let s: Session;
let newest: number;
beforeAll(async () => {
  s = await launch();
  newest = Date.now() - 2 * DAY;
});
afterAll(async () => {
  await s?.close();
});

/** Serves one visit: the DOM page, which loads its own JSON the way the 千牛 app does. */
async function visit(file: string, rows: number): Promise<Page> {
  const url = `${SOLD}?kz=${file}`;
  const json = shiftStamps(fixture('taobao-qn', `${file}.json`), newest);
  await s.serve(new RegExp(`asyncSold\\.htm.*kz=${file}`), json, 'application/json;charset=UTF-8');
  const html = shiftStamps(fixture('taobao-qn', `${file}.html`), newest).replace(
    '</body>',
    `<script>fetch('https://trade.taobao.com/trade/itemlist/asyncSold.htm?event_submit_do_query=1&_input_charset=utf8&isQnNew=true&isHideNick=true&kz=${file}', {method: 'POST', body: 'pageNum=1&pageSize=15'});</script></body>`,
  );
  await s.serve(url, html);
  const page = await s.context.newPage();
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(e.message));
  await page.goto(url);
  await until(`${rows} overlays on ${file}`, async () => {
    return (await page.locator('kezhi-overlay[data-kezhi-identity]').count()) >= rows;
  });
  expect(errors).toEqual([]);
  return page;
}

/** What one row's overlay says: its attributes and the chips' text. */
const overlay = async (page: Page, orderId: string) => ({
  ...(await page.locator(`kezhi-overlay[data-kezhi-order="${orderId}"]`).evaluate((el) => ({
    kind: el.getAttribute('data-kezhi-kind'),
    identity: el.getAttribute('data-kezhi-identity'),
  }))),
  // The chips' text, from inside the closed root (CDP: scripts/closed-root.mjs).
  text: (await overlayOf(page, orderId).textContent()) ?? '',
});

/** Waits until the JSON's tokens reached the stored orders (the DOM rows alone carry none). */
const tokensStored = (orderIds: string[]) =>
  until('token-keyed orders stored', async () => {
    const orders = await readStore<{ orderId: string; identity: string }>(s.worker, 'orders');
    return orderIds.every((id) => orders.find((o) => o.orderId === id)?.identity === 'token');
  });

describe('千牛 2026: masked buyers keyed by their encodeId', () => {
  test('tokens that recur over two visits: the returning buyer’s second order shows 老客', async () => {
    const first = await visit('qn2026-visit1', 3);
    await tokensStored(['4261120100000001001', '4261121100000001002', '4261122100000001003']);
    await first.reload();
    await until(
      'visit 1 repainted',
      async () => (await first.locator('kezhi-overlay').count()) >= 3,
    );
    // Nothing has recurred yet: nobody is claimed 新客.
    for (const id of ['4261120100000001001', '4261121100000001002', '4261122100000001003']) {
      const o = await until(`row ${id} painted uncertain`, async () => {
        const r = await overlay(first, id);
        return r.identity === 'uncertain' ? r : undefined;
      });
      expect(o.text).toContain('身份不确定');
      expect(o.text).not.toContain('新客');
    }
    await s.screenshot(first, 'identity-qn2026-visit1');
    await first.close();

    const second = await visit('qn2026-visit2', 3);
    await tokensStored(['4261124100000001004']);
    await second.reload();
    const again = await until('the returning buyer’s order shows 老客', async () => {
      const r = await overlay(second, '4261124100000001004');
      return r.kind === 'returning' && r.identity === 'certain' ? r : undefined;
    });
    expect(again.text).toContain('老客');
    expect(again.text).not.toContain('身份不确定');
    await s.screenshot(second, 'identity-qn2026-visit2');
    await second.close();
  });

  test('tokens that change for the same orders: no order claims 新客, and the shop status says why', async () => {
    const first = await visit('qn2026-rotating-visit1', 3);
    await tokensStored(['4261121200000002001']);
    await first.close();
    const second = await visit('qn2026-rotating-visit2', 4);
    await until('the shop judged its tokens unstable', async () => {
      const shops = await readStore<{
        name: string;
        identityEvidence?: { token?: { changedOnRevisit: number } };
      }>(s.worker, 'shops');
      return shops.some((x) => (x.identityEvidence?.token?.changedOnRevisit ?? 0) > 0);
    });
    await second.reload();
    const ids = [
      '4261124200000002004',
      '4261123200000002003',
      '4261122200000002002',
      '4261121200000002001',
    ];
    for (const id of ids) {
      const o = await until(`row ${id} uncertain`, async () => {
        const r = await overlay(second, id);
        return r.identity === 'uncertain' ? r : undefined;
      });
      expect(o.text, id).not.toContain('新客');
      expect(o.text, id).not.toContain('老客');
    }
    await s.screenshot(second, 'identity-qn2026-rotating');
    await second.close();

    const popup = await s.context.newPage();
    await popup.setViewportSize({ width: 420, height: 700 });
    await popup.goto(`chrome-extension://${s.extensionId}/popup.html`);
    const note = popup.locator('[data-kz-ident]');
    await until('the shop status on returning buyers', async () => (await note.count()) > 0);
    const text = (await note.allTextContents()).join('\n');
    expect(text).toContain('回头客识别：否：淘宝会更换这些买家标识');
    // The recurring shop recognises returning buyers: no warning for it.
    expect(text).not.toContain('是：');
    await popup.locator('details.kp-health summary').click();
    await s.screenshot(popup, 'identity-popup-status');
    await popup.close();
  });
});
