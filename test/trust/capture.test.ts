/**
 * A capture channel the page cannot feed (issue 13, part 2), the parts a unit test can hold:
 * every endpoint is anchored to its origin and path, and captured JSON is trusted like DOM text:
 * it may add orders and move them forward, but an order's known buyer never changes. A sighting
 * naming another buyer is refused and recorded in the shop's health; a JSON batch holding one
 * is dropped whole. (The natives taken at document_start are held by the browser test in
 * test/e2e/trust.e2e.ts.)
 */
import { handlers } from '../../entrypoints/background/handlers';
import { ADAPTERS } from '../../lib/adapters';
import { getDb } from '../../lib/db';
import { buyerConflict, toStoredOrder } from '../../lib/db/aggregate';
import { dispatch } from '../../lib/messaging';
import type { OrderInput } from '../../lib/schemas';
import { order, NOW } from '../support/make-order';

describe('endpoints are anchored to origin and path', () => {
  const all = ADAPTERS.flatMap((a) => a.jsonEndpoints.map((re) => ({ id: a.id, re })));
  it('every pattern starts with ^https://<host>/', () => {
    expect(all.length).toBeGreaterThan(0);
    for (const { id, re } of all) expect(re.source, id).toMatch(/^\^https:\\\/\\\/[\w\\.-]+\\\//);
  });

  const real = [
    'https://trade.taobao.com/trade/itemlist/asyncSold.htm?event_submit_do_query=1',
    'https://mms.pinduoduo.com/mangkhut/mms/recentOrderList',
    'https://fxg.jinritemai.com/api/order/searchlist?page=0',
    'https://sff.jd.com/api?v=1.0&api=dsm.order.manage.orderlist.queryOrderPage',
  ];
  it('captures the real endpoints', () => {
    for (const url of real)
      expect(
        all.some(({ re }) => re.test(url)),
        url,
      ).toBe(true);
  });
  it('captures nothing that only contains an endpoint', () => {
    for (const url of real) {
      const u = new URL(url);
      const forged = [
        `https://elsewhere.example/x/${u.host}${u.pathname}${u.search}`,
        `https://elsewhere.example/?u=${url}`,
        `https://${u.host}.elsewhere.example${u.pathname}${u.search}`,
        `http://${u.host}${u.pathname}${u.search}`,
        `https://${u.host}${u.pathname}.evil${u.search}`,
      ];
      for (const f of forged)
        expect(
          all.some(({ re }) => re.test(f)),
          f,
        ).toBe(false);
    }
  });
});

describe('an order’s known buyer never changes', () => {
  const stored = (p: Partial<OrderInput>) => toStoredOrder(order({ orderId: '1', ...p }), NOW);
  it('buyerConflict: the table of sightings', () => {
    const known = stored({});
    // [incoming, conflict?]
    const table: [Partial<OrderInput>, boolean][] = [
      [{}, false],
      [{ buyerId: 'nick:other', buyerNick: 'other' }, true],
      [{ buyerId: 'id:42', buyerNick: 'other' }, true],
      // The same nick, now with the platform's id: the same buyer, better named.
      [{ buyerId: 'id:42', buyerNick: 'buyer1' }, false],
      // A masked sighting never moves a known buyer (merge keeps the known one).
      [{ buyerId: 'order:1', buyerNick: 'b***1', identity: 'masked' }, false],
    ];
    for (const [p, want] of table)
      expect(buyerConflict(known, stored(p)), JSON.stringify(p)).toBe(want);
    // A masked order may become known.
    const masked = stored({ buyerId: 'order:1', buyerNick: 'b***1', identity: 'masked' });
    expect(buyerConflict(masked, known)).toBe(false);
  });

  const SELF = {
    extensionId: 'kezhiextensionid',
    extensionOrigin: 'chrome-extension://kezhiextensionid/',
  };
  const TAB = {
    id: SELF.extensionId,
    url: 'https://trade.taobao.com/trade/itemlist/list_sold_items.htm',
    tab: { id: 501 },
  };
  const sync = (orders: unknown[]) =>
    dispatch(
      handlers,
      {
        kezhi: 1,
        name: 'sync',
        input: { adapter: 'taobao-old', platform: 'taobao', shopId: 'shop1', orders, rows: [] },
      },
      TAB,
      SELF,
    );

  it('a JSON body naming another buyer for a stored order is dropped whole, and said so', async () => {
    const A = '4100000000000000001';
    expect(await sync([order({ orderId: A, source: 'dom' })])).toMatchObject({ ok: true });
    const before = await getDb().orders.get(`taobao:shop1:${A}`);
    const forged = [
      order({ orderId: '4100000000000000002', source: 'json' }),
      order({
        orderId: A,
        buyerId: 'nick:thief',
        buyerNick: 'thief',
        amount: 0,
        status: 'closed',
        source: 'json',
      }),
    ];
    const r = await sync(forged);
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect((r.value as { rejected: { index: number }[] }).rejected.map((x) => x.index)).toEqual([
      0, 1,
    ]);
    expect(await getDb().orders.get(`taobao:shop1:${A}`)).toEqual(before);
    expect(await getDb().orders.get('taobao:shop1:4100000000000000002')).toBeUndefined();
    expect(await getDb().customers.get('taobao:shop1:nick:thief')).toBeUndefined();
    const shop = await getDb().shops.get('taobao:shop1');
    expect(shop?.health?.problem).toMatch(/another buyer/);
  });

  it('a DOM row naming another buyer costs that row only', async () => {
    const B = '4200000000000000001';
    await sync([order({ orderId: B })]);
    const r = await sync([
      order({ orderId: B, buyerId: 'nick:thief', buyerNick: 'thief' }),
      order({ orderId: '4200000000000000002' }),
    ]);
    expect(
      r.ok && (r.value as { rejected: { index: number }[] }).rejected.map((x) => x.index),
    ).toEqual([0]);
    expect((await getDb().orders.get(`taobao:shop1:${B}`))?.buyerNick).toBe('buyer1');
    expect(await getDb().orders.get('taobao:shop1:4200000000000000002')).toBeDefined();
  });
});
