// The pages the overlay, lookup and idle scenarios visit: a Taobao old list of 100 orders of
// known buyers, first-visit lists of orders the shop never saw, and plain non-order pages.
import { IDLE_SPA_URL, IDLE_URL, ORDER_URL } from './harness.mjs';
import { IDLE_PAGE, chinaStamp, taobaoOldPage } from './lib.mjs';

export const BASELINE_URL = 'https://trade.taobao.com/kzbench-baseline.htm';
/** The main list with its badges in its own markup (bench/scenarios/overlay.mjs serves it). */
export const BADGED_URL = 'https://trade.taobao.com/kzbench-badged.htm';
/** The same list with the same badges added by a plain page script after its first frame. */
export const LATE_BADGES_URL = 'https://trade.taobao.com/kzbench-late-badges.htm';

/** Serves the pages on the bench's session; sets `b.pageOrders` (the main list's orders). */
export async function serveOrderPages(b) {
  const { n, now, s } = b;
  // Even-numbered generated buyers have reproducible nicks (tb_demo_…): the page uses those.
  b.pageOrders = Array.from({ length: 100 }, (_, i) => {
    const buyer = 2 * (1 + ((i * 997) % Math.floor(n / 2 - 1)));
    return {
      orderId: `4400${String(i).padStart(15, '0')}`,
      nick: `tb_demo_${String(buyer).padStart(5, '0')}`,
      time: chinaStamp(now - (i + 1) * 600_000),
    };
  });
  await s.serve(ORDER_URL, taobaoOldPage(b.pageOrders));
  /**
   * First visits: each run a list page of 100 orders the shop has never seen (ids of its own):
   * four in five from the shop's known buyers, one in five from buyers new to the shop.
   */
  const firstVisitOrders = (run) =>
    Array.from({ length: 100 }, (_, i) => {
      const buyer = 2 * (1 + ((i * 7919 + run * 104_729) % Math.floor(n / 2 - 1)));
      return {
        orderId: `45${String(run).padStart(2, '0')}${String(i).padStart(15, '0')}`,
        nick: i % 5 === 4 ? `kz_new_${run}_${i}` : `tb_demo_${String(buyer).padStart(5, '0')}`,
        time: chinaStamp(now - (i + 1) * 300_000),
      };
    });
  await s.context.route(/list_sold_items\.htm\?kzfirst=\d+$/, (route) =>
    route.fulfill({
      status: 200,
      contentType: 'text/html; charset=utf-8',
      body: taobaoOldPage(firstVisitOrders(Number(/kzfirst=(\d+)/.exec(route.request().url())[1]))),
    }),
  );
  await s.serve(/https:\/\/trade\.taobao\.com\/kzbench-baseline\.htm/, taobaoOldPage(b.pageOrders));
  await s.serve(IDLE_URL, IDLE_PAGE);
  await s.serve(IDLE_SPA_URL, IDLE_PAGE);
}
