/**
 * An order row's answer carries its view without the cards' sentences; the overlay rebuilds
 * them (explainView) when a chip is hovered. Every chip's card must read exactly as it would from
 * the full view describeCustomer gives, for any buyer, order and tier mode (property, fixed seed),
 * and the answer must really leave them out.
 */
import fc from 'fast-check';
import { chipHeads, type CustomerBadgesProps } from '../../components/badge-chips';
import { chipTip } from '../../components/chip-tips';
import type { Lang } from '../../lib/i18n';
import { describeCustomer } from '../../lib/customers';
import { DEFAULT_SETTINGS, type Settings } from '../../lib/settings';
import { summarizeRow } from '../../lib/summary';
import {
  DAY,
  NOW,
  SHOP,
  makeCustomer,
  makeOrder,
  settingsWith,
  shopStats,
} from '../support/component-fixtures';

const purchase = fc.record({
  daysAgo: fc.integer({ min: 0, max: 900 }),
  amount: fc.integer({ min: 0, max: 200_000 }),
});

const THRESHOLDS: Settings['tier'] = {
  ...DEFAULT_SETTINGS.tier,
  mode: 'threshold',
  thresholds: {
    svip: { spendYuan: 2000, count: 0 },
    vip: { spendYuan: 800, count: 5 },
    senior: { spendYuan: 0, count: 2 },
  },
};

function props(
  view: CustomerBadgesProps['view'],
  settings: Settings,
  lang: Lang,
  asOfOrder: boolean,
  shopCustomers?: number,
): CustomerBadgesProps {
  return {
    view,
    asOfOrder,
    ...(shopCustomers === undefined ? {} : { shopCustomers }),
    identity: 'known',
    tags: [],
    blacklisted: false,
    settings,
    lang,
  };
}

describe('chip cards from a slim row answer', () => {
  it('read as the full view reads, in both tier modes and languages (property)', () => {
    fc.assert(
      fc.property(
        fc.array(purchase, { maxLength: 6 }),
        fc.integer({ min: 0, max: 800 }),
        fc.boolean(),
        fc.constantFrom<Lang>('zh_CN', 'en'),
        fc.boolean(),
        (purchases, orderDaysAgo, threshold, lang, known) => {
          const settings = settingsWith(threshold ? { tier: THRESHOLDS } : {});
          const stats = shopStats(settings);
          const customer = known
            ? makeCustomer(
                purchases.map((p, i) => ({
                  at: NOW - p.daysAgo * DAY,
                  amount: p.amount,
                  orderId: `p${i}`,
                })),
                { key: 'taobao:shop1:nick:x', buyerId: 'nick:x', nick: 'x', searchTerms: ['x'] },
              )
            : undefined;
          const order = makeOrder({ nick: 'x', createdAt: NOW - orderDaysAgo * DAY });
          const row = summarizeRow({
            order,
            customer,
            meta: undefined,
            contacts: [],
            stats,
            settings,
            now: NOW,
          });
          expect('explanations' in row.view).toBe(false);
          const full = describeCustomer(customer, {
            asOf: { orderId: order.orderId, at: order.createdAt },
            stats,
            settings,
            now: NOW,
          });
          const slim = props(row.view, settings, lang, true, row.shopCustomers);
          const whole = props(full, settings, lang, true);
          expect(chipHeads(slim)).toEqual(chipHeads(whole));
          for (const head of chipHeads(whole))
            expect(chipTip(slim, head.key)).toEqual(chipTip(whole, head.key));
        },
      ),
      { numRuns: 200 },
    );
  });

  it('a wrong shop size changes the sentences (the rebuild reads it)', () => {
    const settings = settingsWith({});
    const stats = shopStats(settings);
    const full = describeCustomer(SHOP.champ, { stats, settings, now: NOW });
    const { explanations: _, ...figures } = full;
    const whole = chipTip(props(full, settings, 'zh_CN', false), 'tier');
    expect(chipTip(props(figures, settings, 'zh_CN', false, stats.customers), 'tier')).toEqual(
      whole,
    );
    expect(chipTip(props(figures, settings, 'zh_CN', false, 999), 'tier')).not.toEqual(whole);
  });
});
