import {
  ITEM_TITLE_MAX,
  TEMPLATE_VARIABLES,
  formatMoney,
  formatOrderTime,
  formatTimeLeft,
  renderTemplate,
  shortenItems,
  variableByName,
  type TemplateVars,
} from '../../lib/reminders';
import { HOUR, MIN, cn } from '../support/reminders';

const vars: TemplateVars = {
  buyer: '小明',
  items: [{ title: '纯棉T恤', quantity: 1 }],
  amount: 16900,
  orderTime: cn(2026, 5, 17, 10, 5),
  timeLeftMs: 5 * HOUR + 12 * MIN,
  shop: '客知小店',
  tier: 'VIP',
  orderId: '3306183637220018070',
};

const ALL_ZH = '{买家}|{商品}|{金额}|{下单时间}|{剩余时间}|{店铺}|{会员等级}|{订单号}';
const ALL_EN = '{buyer}|{items}|{amount}|{orderTime}|{timeLeft}|{shop}|{tier}|{orderId}';

describe('renderTemplate', () => {
  it('fills every Chinese variable', () => {
    expect(renderTemplate(ALL_ZH, vars, 'zh_CN')).toEqual({
      ok: true,
      text: '小明|纯棉T恤|¥169.00|5月17日 10:05|5小时12分|客知小店|VIP|3306183637220018070',
    });
  });

  it('fills the English aliases, formatted for English', () => {
    expect(renderTemplate(ALL_EN, vars, 'en')).toEqual({
      ok: true,
      text: '小明|纯棉T恤|¥169.00|May 17, 10:05|5 h 12 min|客知小店|VIP|3306183637220018070',
    });
  });

  it('aliases and Chinese names mean the same variable, in either language', () => {
    const zh = renderTemplate(ALL_ZH, vars, 'zh_CN');
    const en = renderTemplate(ALL_EN, vars, 'zh_CN');
    expect(en).toEqual(zh);
    expect(renderTemplate('{Buyer} { 买家 }', vars, 'en')).toEqual({ ok: true, text: '小明 小明' });
  });

  it('reports an unknown variable with its position, never a blank', () => {
    const template = '亲，{买家}，您的{金钱}';
    const r = renderTemplate(template, vars, 'zh_CN');
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.errors).toHaveLength(1);
    expect(r.errors[0]).toMatchObject({ code: 'unknown-variable', variable: '{金钱}', index: 9 });
    expect(template.slice(9, 13)).toBe('{金钱}');
    expect(r.errors[0]!.message).toContain('{金钱}');
  });

  it('reports every unbalanced brace', () => {
    const r = renderTemplate('a { b } c } d {买家', vars, 'en');
    expect(r.ok).toBe(false);
    if (r.ok) return;
    // "{ b }" is an unknown variable "b"; the lone "}" and the unclosed "{" are unbalanced.
    expect(r.errors.map((e) => [e.code, e.index])).toEqual([
      ['unknown-variable', 2],
      ['unbalanced', 10],
      ['unbalanced', 14],
    ]);
  });

  it('a brace opened inside another is unbalanced', () => {
    const r = renderTemplate('{买{家}', vars, 'zh_CN');
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.errors.map((e) => e.code)).toEqual(['unbalanced', 'unknown-variable']);
  });

  it('empty braces are an error', () => {
    const r = renderTemplate('亲{}', vars, 'zh_CN');
    expect(r.ok ? [] : r.errors.map((e) => e.code)).toEqual(['empty-variable']);
  });

  it('doubled braces write a literal brace', () => {
    expect(renderTemplate('{{买家}} is {买家}', vars, 'zh_CN')).toEqual({
      ok: true,
      text: '{买家} is 小明',
    });
  });

  it('a value that looks like a variable stays literal', () => {
    const r = renderTemplate('亲爱的{买家}，金额{金额}', { ...vars, buyer: '{金额}' }, 'zh_CN');
    expect(r).toEqual({ ok: true, text: '亲爱的{金额}，金额¥169.00' });
  });

  it('values with braces in items, shop and order id stay literal too', () => {
    const r = renderTemplate(
      '{商品}/{店铺}/{订单号}',
      { items: '{buyer}', shop: '}{', orderId: '{{x}}' },
      'en',
    );
    expect(r).toEqual({ ok: true, text: '{buyer}/}{/{{x}}' });
  });

  it('HTML in a value is kept as the given text, not interpreted or escaped', () => {
    const nick = '<img src=x onerror=alert(1)>&amp;';
    expect(renderTemplate('Hi {buyer}', { buyer: nick }, 'en')).toEqual({
      ok: true,
      text: `Hi ${nick}`,
    });
  });

  it('a variable with no value is an error, not a silent blank', () => {
    const r = renderTemplate('【{店铺}】亲', { ...vars, shop: '  ' }, 'zh_CN');
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.errors).toEqual([
      expect.objectContaining({ code: 'no-value', variable: '{店铺}', index: 1 }),
    ]);
    const missing = renderTemplate('{剩余时间}', {}, 'en');
    expect(missing.ok ? [] : missing.errors.map((e) => e.code)).toEqual(['no-value']);
  });

  it('text with no variables passes through unchanged', () => {
    expect(renderTemplate('亲，在吗？', {}, 'zh_CN')).toEqual({ ok: true, text: '亲，在吗？' });
  });
});

describe('items', () => {
  it('shortens a list to the first title and the number of pieces', () => {
    const items = [
      { title: '纯棉T恤', quantity: 2 },
      { title: '帆布鞋', quantity: 1 },
    ];
    expect(shortenItems(items, 'zh_CN')).toBe('纯棉T恤等3件');
    expect(shortenItems(items, 'en')).toBe('纯棉T恤 and 2 more');
    expect(renderTemplate('{商品}', { items }, 'zh_CN')).toEqual({
      ok: true,
      text: '纯棉T恤等3件',
    });
  });

  it('a single piece is just its title', () => {
    expect(shortenItems([{ title: ' 帆布鞋 ' }], 'zh_CN')).toBe('帆布鞋');
  });

  it('clips a long keyword-soup title by characters, not UTF-16 units', () => {
    const title = '2026新款😀' + '夏季纯棉宽松短袖T恤男女同款'.repeat(3);
    const out = shortenItems([{ title }], 'zh_CN');
    expect(out.endsWith('…')).toBe(true);
    expect(Array.from(out)).toHaveLength(ITEM_TITLE_MAX + 1);
    expect(out.startsWith('2026新款😀')).toBe(true);
  });

  it('an empty item list has no value', () => {
    expect(shortenItems([], 'zh_CN')).toBe('');
    expect(renderTemplate('{商品}', { items: [] }, 'zh_CN').ok).toBe(false);
  });
});

describe('formatting', () => {
  it('money', () => {
    expect(formatMoney(16900, 'zh_CN')).toBe('¥169.00');
    expect(formatMoney(5, 'zh_CN')).toBe('¥0.05');
    expect(formatMoney(0, 'en')).toBe('¥0.00');
    expect(formatMoney(123456789, 'en')).toBe('¥1,234,567.89');
    expect(formatMoney(123456789, 'zh_CN')).toBe('¥1234567.89');
  });

  it('time left rounds down and never shows more time than there is', () => {
    expect(formatTimeLeft(5 * HOUR + 12 * MIN, 'zh_CN')).toBe('5小时12分');
    expect(formatTimeLeft(5 * HOUR + 12 * MIN, 'en')).toBe('5 h 12 min');
    expect(formatTimeLeft(5 * HOUR + 12 * MIN + 59_999, 'zh_CN')).toBe('5小时12分');
    expect(formatTimeLeft(3 * HOUR, 'zh_CN')).toBe('3小时');
    expect(formatTimeLeft(45 * MIN, 'en')).toBe('45 min');
    expect(formatTimeLeft(30_000, 'zh_CN')).toBe('不到1分钟');
    expect(formatTimeLeft(0, 'en')).toBe('0 min');
    expect(formatTimeLeft(-5 * MIN, 'zh_CN')).toBe('0分');
    expect(formatTimeLeft(26 * HOUR + 30 * MIN, 'zh_CN')).toBe('1天2小时');
    expect(formatTimeLeft(7 * 24 * HOUR, 'en')).toBe('7 d');
  });

  it('order time is China time', () => {
    // 2026-12-31 23:59 China is still 15:59 UTC on the 31st; the new year must not leak in.
    expect(formatOrderTime(cn(2026, 12, 31, 23, 59), 'zh_CN')).toBe('12月31日 23:59');
    expect(formatOrderTime(cn(2027, 1, 1, 0, 1), 'en')).toBe('Jan 1, 00:01');
  });
});

describe('TEMPLATE_VARIABLES', () => {
  it('lists all eight variables, each resolvable by both names, with descriptions', () => {
    expect(TEMPLATE_VARIABLES.map((v) => v.zh)).toEqual([
      '买家',
      '商品',
      '金额',
      '下单时间',
      '剩余时间',
      '店铺',
      '会员等级',
      '订单号',
    ]);
    for (const v of TEMPLATE_VARIABLES) {
      expect(variableByName(v.zh)).toBe(v.key);
      expect(variableByName(v.en)).toBe(v.key);
      expect(v.description.zh_CN.length).toBeGreaterThan(0);
      expect(v.description.en.length).toBeGreaterThan(0);
      // Every listed variable actually renders from full vars.
      expect(renderTemplate(`{${v.zh}}`, vars, 'zh_CN').ok).toBe(true);
    }
    expect(variableByName('constructor')).toBeUndefined();
  });
});
