import fc from 'fast-check';
import {
  EXPLANATION_TEMPLATES,
  GROUP_LABELS,
  KIND_LABELS,
  RHYTHM_LABELS,
  SEGMENT_LABELS,
  STAGE_LABELS,
  TIER_LABELS,
  computeShopStats,
  describeCustomer,
  explain,
  whyStage,
} from '../../lib/customers';
import { DEFAULT_SETTINGS, type Settings } from '../../lib/settings';
import {
  DAY,
  NOW,
  buildCustomer,
  customerWith,
  fuzzRuns,
  makeCustomer,
} from '../support/make-customer';

const settings = DEFAULT_SETTINGS;

describe('explanations', () => {
  it('says how a stage was reached, with the cut in force', () => {
    const e = whyStage('active', 45, settings.lifecycle);
    expect(explain(e, 'zh_CN')).toBe('距上次购买 45 天 ≤ 活跃期 90 天 → 活跃');
    expect(explain(e, 'en')).toBe('45 days since last purchase ≤ active window 90 days → Active');
    expect(explain(whyStage('churned', 400, settings.lifecycle), 'zh_CN')).toBe(
      '距上次购买 400 天 > 预流失期 365 天 → 流失',
    );
  });

  it('mentions days, count, total and average spend, percentile and thresholds', () => {
    const c = makeCustomer([
      { at: NOW - 100 * DAY, amount: 12_000 },
      { at: NOW - 45 * DAY, amount: 30_050 },
    ]);
    const shop = [c, customerWith([3], 100_000), customerWith([9], 500), customerWith([200], 700)];
    const stats = computeShopStats(shop, settings, NOW);
    const view = describeCustomer(c, { stats, settings, now: NOW });
    const zh = Object.fromEntries(
      Object.entries(view.explanations).map(([k, e]) => [k, explain(e, 'zh_CN')]),
    );
    expect(zh.stage).toContain('45 天');
    expect(zh.stage).toContain('90 天');
    expect(zh.kind).toContain('2 次');
    expect(zh.rfm).toContain('45 天');
    expect(zh.rfm).toContain('¥420.50'); // total
    expect(zh.rfm).toContain('¥210.25'); // average
    expect(zh.rfm).toContain(`R ${view.rfm.r} 分`);
    // one of four customers spent more: 25 %; svip top 10 %, vip top 25 %, senior top 50 %
    expect(view.spendPercentile).toBe(25);
    expect(view.tier).toBe('senior');
    expect(zh.tier).toBe(
      '累计消费 ¥420.50，本店 4 位顾客中 25% 消费更多（至尊VIP 前 10%，VIP 前 25%，高级会员 前 50%）→ 高级会员',
    );
    expect(zh.segment).toContain(SEGMENT_LABELS[view.segment].zh_CN);
    expect(explain(view.explanations.tier, 'en')).toContain(
      '25% of the shop’s 4 customers spent more',
    );
  });

  it('explains threshold tiers with the threshold that was reached', () => {
    const s: Settings = { ...settings, tier: { ...settings.tier, mode: 'threshold' } };
    const c = customerWith([1, 2], 300_000);
    const view = describeCustomer(c, {
      stats: computeShopStats([c], s, NOW),
      settings: s,
      now: NOW,
    });
    expect(explain(view.explanations.tier, 'zh_CN')).toBe(
      '累计消费 ¥6000.00 ≥ 至尊VIP门槛 ¥5000.00 → 至尊VIP',
    );
  });

  it('explains a first purchase as of its order', () => {
    const c = customerWith([30, 20, 10]);
    const stats = computeShopStats([c], settings, NOW);
    const view = describeCustomer(c, {
      stats,
      settings,
      now: NOW,
      asOf: { orderId: 'o1', at: NOW - 30 * DAY },
    });
    expect(explain(view.explanations.kind, 'zh_CN')).toBe('本单之前没有购买记录 → 首次购买，新客');
    expect(explain(view.explanations.stage, 'en')).toBe('No purchase before → New');
    expect(explain(view.explanations.segment, 'zh_CN')).toBe('首次购买 → 新客户');
    const third = describeCustomer(c, {
      stats,
      settings,
      now: NOW,
      asOf: { orderId: 'o3', at: NOW - 10 * DAY },
    });
    expect(explain(third.explanations.kind, 'zh_CN')).toBe('本单之前已购买 2 次 → 回购，老客');
  });

  it('falls back to the rule and its values for a rule without a sentence', () => {
    expect(explain({ rule: 'x.unknown', values: { tier: 'vip', days: 3 } }, 'zh_CN')).toBe(
      'x.unknown: tier=VIP, days=3',
    );
  });

  it('fills every placeholder of every explanation it produces, in both languages (property)', () => {
    const modes: Settings['tier']['mode'][] = ['rank', 'threshold'];
    fc.assert(
      fc.property(
        fc.array(
          fc.array(
            fc.record({ d: fc.integer({ min: 0, max: 900 }), a: fc.integer({ min: 0, max: 1e7 }) }),
            {
              maxLength: 5,
            },
          ),
          { minLength: 1, maxLength: 12 },
        ),
        fc.constantFrom(...modes),
        fc.option(fc.integer({ min: 0, max: 900 }), { nil: undefined }),
        (spec, mode, asOfDays) => {
          const s: Settings = { ...settings, tier: { ...settings.tier, mode } };
          const shop = spec.map((ps) =>
            buildCustomer(ps.map((p) => ({ at: NOW - p.d * DAY, amount: p.a }))),
          );
          const stats = computeShopStats(shop, s, NOW);
          for (const c of shop) {
            const asOf =
              asOfDays === undefined ? undefined : { orderId: 'zz', at: NOW - asOfDays * DAY };
            const view = describeCustomer(c, { stats, settings: s, now: NOW, asOf });
            for (const e of Object.values(view.explanations)) {
              expect(EXPLANATION_TEMPLATES[e.rule]).toBeDefined();
              for (const lang of ['zh_CN', 'en'] as const) {
                const text = explain(e, lang);
                expect(text).not.toMatch(/[{}]|undefined|NaN/);
              }
            }
          }
        },
      ),
      { numRuns: fuzzRuns },
    );
  });
});

describe('label maps', () => {
  it('name every value in both languages', () => {
    for (const map of [
      TIER_LABELS,
      STAGE_LABELS,
      KIND_LABELS,
      GROUP_LABELS,
      SEGMENT_LABELS,
      RHYTHM_LABELS,
    ]) {
      for (const label of Object.values(map)) {
        expect(label.zh_CN.length).toBeGreaterThan(0);
        expect(label.en.length).toBeGreaterThan(0);
      }
    }
    expect(TIER_LABELS.svip.zh_CN).toBe('至尊VIP');
    expect(GROUP_LABELS.sleepingReturning.zh_CN).toBe('沉睡老客');
  });
});
