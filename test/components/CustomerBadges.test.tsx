// @vitest-environment jsdom
import { cleanup, fireEvent, render, screen } from '@testing-library/preact';
import {
  SEGMENTS,
  SEGMENT_LABELS,
  STAGES,
  TIERS,
  TIER_LABELS,
  type ViewFigures,
} from '../../lib/customers';
import { Settings } from '../../lib/settings';
import type { RowSummary } from '../../lib/summary';
import {
  BADGE_CSS,
  CustomerBadges,
  badgeChips,
  type CustomerBadgesProps,
} from '../../components/CustomerBadges';
import { makeRow, settingsWith, type ShopBuyer } from '../support/component-fixtures';

afterEach(cleanup);

const settings = settingsWith({});

function propsFor(row: RowSummary, over: Partial<CustomerBadgesProps> = {}): CustomerBadgesProps {
  return {
    view: row.view,
    asOfOrder: true,
    shopCustomers: row.shopCustomers,
    identity: row.uncertain ? 'masked' : 'known',
    tags: row.meta.tags,
    blacklisted: row.meta.blacklisted,
    blacklistReason: row.meta.blacklistReason,
    settings,
    lang: 'zh_CN',
    ...over,
  };
}

function renderRow(row: RowSummary, over: Partial<CustomerBadgesProps> = {}) {
  return render(<CustomerBadges {...propsFor(row, over)} />);
}

const chip = (container: Element, key: string) =>
  container.querySelector<HTMLElement>(`[data-chip="${key}"]`);

/** The tooltip a chip points to. */
function tipOf(el: HTMLElement): HTMLElement {
  const id = el.getAttribute('aria-describedby');
  const tip = id ? document.getElementById(id) : null;
  if (!tip) throw new Error('chip has no tooltip');
  return tip;
}

describe('tier chip', () => {
  const cases: [ShopBuyer, string, string][] = [
    ['champ', '至尊VIP', 'kz-tier-svip'],
    ['loyal', 'VIP', 'kz-tier-vip'],
    ['big', 'VIP', 'kz-tier-vip'],
    ['mid', '高级会员', 'kz-tier-senior'],
    ['steady', '高级会员', 'kz-tier-senior'],
    ['one', '普通会员', 'kz-tier-regular'],
  ];
  it.each(cases)('%s is %s', (who, label, cls) => {
    const { container } = renderRow(makeRow({ who }));
    const el = chip(container, 'tier')!;
    expect(el.textContent).toBe(label);
    expect(el.classList.contains(cls)).toBe(true);
  });

  it('each tier has its own colour family and label', () => {
    const base = makeRow({ who: 'champ' }).view;
    const classes = TIERS.map((tier) => {
      const spec = badgeChips(propsFor(makeRow({ who: 'champ' }), { view: { ...base, tier } }))[0]!;
      expect(spec.label).toBe(TIER_LABELS[tier].zh_CN);
      return spec.cls;
    });
    expect(classes).toEqual([
      'kz-tier-svip kz-c-svip',
      'kz-tier-vip kz-c-vip',
      'kz-tier-senior kz-c-senior',
      'kz-tier-regular kz-c-regular',
    ]);
    for (const f of ['svip', 'vip', 'senior', 'regular'])
      expect(BADGE_CSS).toContain(`.kz-c-${f}{background:var(--kz-${f}-bg)`);
  });

  it('tooltip has total and average spend, percentile and the rank cuts, shown on focus', () => {
    const { container } = renderRow(makeRow({ who: 'loyal' }));
    const el = chip(container, 'tier')!;
    const tip = tipOf(el);
    expect(tip.getAttribute('role')).toBe('tooltip');
    expect(tip.hidden).toBe(true);
    fireEvent.focus(el);
    expect(tip.hidden).toBe(false);
    const text = tip.textContent;
    expect(text).toContain('¥1200.00'); // 3 × ¥400
    expect(text).toContain('客单价 ¥400.00');
    expect(text).toContain('10%'); // one of ten buyers spent more
    expect(text).toContain('至尊VIP 前 10%');
    expect(text).toContain('VIP 前 25%');
    expect(text).toContain('高级会员 前 50%');
    expect(text).toContain('→ VIP');
    fireEvent.blur(el);
    expect(tip.hidden).toBe(true);
  });

  it('shows on hover and hides on Escape', () => {
    const { container } = renderRow(makeRow({ who: 'champ' }));
    const el = chip(container, 'tier')!;
    fireEvent.mouseEnter(el.parentElement!);
    expect(tipOf(el).hidden).toBe(false);
    fireEvent.mouseLeave(el.parentElement!);
    expect(tipOf(el).hidden).toBe(true);
    fireEvent.focus(el);
    fireEvent.keyDown(el, { key: 'Escape' });
    expect(tipOf(el).hidden).toBe(true);
  });

  it('threshold mode explains the thresholds in force', () => {
    const s = Settings.parse({ tier: { mode: 'threshold' } });
    const row = makeRow({ who: 'loyal', settings: s });
    const { container } = renderRow(row, { settings: s });
    const text = tipOf(chip(container, 'tier')!).textContent;
    expect(text).toContain('按门槛');
    expect(text).toContain('¥5000.00 或 10 次');
    expect(text).toContain('高级会员 ¥500.00 或 2 次');
    // 1200 yuan reaches the senior spend threshold (500) but not VIP (2000); count 3 ≥ senior 2.
    expect(chip(container, 'tier')!.textContent).toBe('高级会员');
  });
});

describe('lifecycle chip', () => {
  const cases: [ShopBuyer | undefined, string, string, number | null][] = [
    ['champ', '活跃', 'kz-stage-active', 5],
    ['mid', '睡眠', 'kz-stage-sleeping', 150],
    ['steady', '预流失', 'kz-stage-prechurn', 250],
    ['big', '流失', 'kz-stage-churned', 370],
    [undefined, '首单', 'kz-stage-new', null],
  ];
  it.each(cases)('%s is %s', (who, label, cls, days) => {
    const { container } = renderRow(makeRow(who ? { who } : {}));
    const el = chip(container, 'stage')!;
    expect(el.textContent).toBe(label);
    expect(el.classList.contains(cls)).toBe(true);
    fireEvent.focus(el);
    const tip = tipOf(el);
    expect(tip.hidden).toBe(false);
    if (days !== null) expect(tip.textContent).toContain(`距上次购买 ${days} 天`);
    else expect(tip.textContent).toContain('此前没有购买记录');
    expect(tip.textContent).toContain('活跃 ≤90 天，睡眠 ≤180 天，预流失 ≤365 天');
  });

  it('follows the seller’s cuts', () => {
    const s = Settings.parse({
      lifecycle: { activeDays: 150, sleepingDays: 200, prechurnDays: 400 },
    });
    const { container } = renderRow(makeRow({ who: 'mid', settings: s }), { settings: s });
    expect(chip(container, 'stage')!.textContent).toBe('活跃');
    expect(tipOf(chip(container, 'stage')!).textContent).toContain('活跃 ≤150 天');
  });

  it('every stage has a distinct class', () => {
    const base = makeRow({ who: 'champ' });
    const cls = STAGES.map(
      (stage) =>
        badgeChips(propsFor(base, { view: { ...base.view, stage } })).find(
          (c) => c.key === 'stage',
        )!.cls,
    );
    expect(new Set(cls).size).toBe(STAGES.length);
  });
});

describe('new / returning chip', () => {
  it('a first purchase is 新客', () => {
    const { container } = renderRow(makeRow({}));
    const el = chip(container, 'kind')!;
    expect(el.textContent).toBe('新客');
    expect(el.classList.contains('kz-kind-new')).toBe(true);
    expect(tipOf(el).textContent).toContain('本单之前没有购买记录');
  });

  it('a buyer with 4 purchases before this order is on purchase 5', () => {
    const { container } = renderRow(makeRow({ who: 'champ' }));
    const el = chip(container, 'kind')!;
    expect(el.textContent).toBe('老客 ×5');
    expect(el.classList.contains('kz-kind-returning')).toBe(true);
    expect(tipOf(el).textContent).toContain('本单之前已购买 4 次');
    expect(tipOf(el).textContent).toContain('本单是第 5 次购买');
  });

  it('a buyer whose only purchase came before is on purchase 2', () => {
    const { container } = renderRow(makeRow({ who: 'one' }));
    expect(chip(container, 'kind')!.textContent).toBe('老客 ×2');
  });
});

describe('segment chip', () => {
  it('names the segment with its R/F/M scores and explains them', () => {
    const row = makeRow({ who: 'champ' });
    const { r, f, m } = row.view.rfm;
    const { container } = renderRow(row);
    const el = chip(container, 'segment')!;
    expect(row.view.segment).toBe('champions');
    expect(el.textContent).toBe(`冠军客户 R${r}F${f}M${m}`);
    expect(el.classList.contains('kz-seg-champions')).toBe(true);
    expect(el.classList.contains('kz-c-green')).toBe(true);
    const text = tipOf(el).textContent;
    expect(text).toContain('距上次购买 5 天');
    expect(text).toContain('购买 4 次');
    expect(text).toContain('累计消费 ¥2000.00');
    expect(text).toContain('客单价 ¥500.00');
    expect(text).toContain('10 位顾客');
  });

  it('a big spender gone for a year is at risk (red)', () => {
    const { container } = renderRow(makeRow({ who: 'big' }));
    const el = chip(container, 'segment')!;
    expect(el.textContent).toMatch(/^(流失风险客户|重要挽留客户) R1F\dM\d$/);
    expect(el.classList.contains('kz-c-red')).toBe(true);
  });

  it('a first purchase is 新客户', () => {
    const { container } = renderRow(makeRow({}));
    expect(chip(container, 'segment')!.textContent).toMatch(/^新客户 R\dF\dM\d$/);
    expect(tipOf(chip(container, 'segment')!).textContent).toContain('首次购买');
  });

  it('every segment has its label and a colour family', () => {
    const base = makeRow({ who: 'champ' });
    for (const segment of SEGMENTS) {
      const view: ViewFigures = { ...base.view, segment };
      const spec = badgeChips(propsFor(base, { view })).find((c) => c.key === 'segment')!;
      expect(spec.label.startsWith(SEGMENT_LABELS[segment].zh_CN + ' R')).toBe(true);
      expect(spec.cls).toMatch(new RegExp(`^kz-seg-${segment} kz-c-(green|teal|amber|red|slate)$`));
    }
  });
});

describe('masked identity', () => {
  it('shows 身份不确定 and a ? tier, and no tier, segment or kind', () => {
    const row = makeRow({ identity: 'masked', nick: '牛**' });
    expect(row.identity).toBe('masked');
    const { container } = renderRow(row);
    expect(chip(container, 'uncertain')!.textContent).toBe('身份不确定');
    const tier = chip(container, 'tier')!;
    expect(tier.textContent).toBe('?');
    expect(tier.className).not.toMatch(/kz-tier-(svip|vip|senior|regular)/);
    expect(tipOf(tier).textContent).toContain('无法匹配到该买家的历史订单');
    expect(chip(container, 'segment')).toBeNull();
    expect(chip(container, 'kind')).toBeNull();
    const labels = [...container.querySelectorAll('.kz-chip')].map((c) => c.textContent).join(' ');
    expect(labels).toBe('身份不确定 ?');
    for (const label of ['至尊VIP', '普通会员', '高级会员', '新客户', '新客', '首单'])
      expect(labels).not.toContain(label);
  });
});

describe('blacklist and tags', () => {
  it('blacklist is red and says why; tags are chips', () => {
    const row = makeRow({
      who: 'one',
      meta: { blacklisted: true, blacklistReason: '职业打假', tags: ['高端', '活动顾客'] },
    });
    const { container } = renderRow(row);
    const bl = chip(container, 'blacklist')!;
    expect(bl.textContent).toBe('黑名单');
    expect(bl.classList.contains('kz-c-red')).toBe(true);
    fireEvent.focus(bl);
    expect(tipOf(bl).textContent).toContain('原因：职业打假');
    expect(chip(container, 'tag-0')!.textContent).toBe('高端');
    expect(chip(container, 'tag-1')!.textContent).toBe('活动顾客');
  });

  it('compact keeps two tags and folds the rest into +N', () => {
    const row = makeRow({ who: 'one', meta: { tags: ['a', 'b', 'c', 'd'] } });
    const { container } = renderRow(row, { compact: true });
    expect(chip(container, 'tag-2')).toBeNull();
    const more = chip(container, 'more-tags')!;
    expect(more.textContent).toBe('+2');
    expect(tipOf(more).textContent).toContain('c、d');
  });

  it('hostile tags stay text and long ones are bounded in the title', () => {
    const evil = '<img src=x onerror=alert(1)>';
    const long = '长'.repeat(10_000);
    const { container } = renderRow(makeRow({ who: 'one' }), { tags: [evil, long] });
    expect(container.querySelector('img')).toBeNull();
    expect(chip(container, 'tag-0')!.textContent).toBe(evil);
    const title = chip(container, 'tag-1')!.getAttribute('title')!;
    expect(title.length).toBeLessThanOrEqual(301);
    expect(chip(container, 'tag-1')!.querySelector('bdi')).not.toBeNull();
  });
});

describe('keyboard and language', () => {
  it('every chip is focusable and described by its tooltip', () => {
    const { container } = renderRow(makeRow({ who: 'champ', meta: { tags: ['x'] } }));
    const chips = container.querySelectorAll<HTMLElement>('.kz-chip');
    expect(chips.length).toBe(5);
    for (const el of chips) {
      expect(el.tabIndex).toBe(0);
      expect(tipOf(el).getAttribute('role')).toBe('tooltip');
    }
    expect(screen.getByRole('group').getAttribute('aria-label')).toBe('顾客标签');
  });

  it('speaks English', () => {
    const { container } = renderRow(makeRow({ who: 'champ' }), { lang: 'en' });
    expect(chip(container, 'tier')!.textContent).toBe('Super VIP');
    expect(chip(container, 'kind')!.textContent).toBe('Returning ×5');
    expect(chip(container, 'stage')!.textContent).toBe('Active');
    expect(chip(container, 'segment')!.textContent).toMatch(/^Champions R5F\dM\d$/);
    expect(tipOf(chip(container, 'stage')!).textContent).toContain('Days since last purchase: 5');
    const masked = renderRow(makeRow({ identity: 'masked', nick: 'a***b' }), { lang: 'en' });
    expect(chip(masked.container, 'uncertain')!.textContent).toBe('Identity uncertain');
  });
});
