import {
  DEFAULT_TEMPLATES,
  MOMENTS,
  MOMENT_CHANNELS,
  REMINDER_CHANNELS,
  REMINDER_GROUPS,
  TONES,
  checkCompliance,
  hasOptOut,
  momentTemplateId,
  remindTemplateId,
  renderTemplate,
  templateChannel,
  templateFor,
  templatePurpose,
  type TemplateVars,
} from '../../lib/reminders';
import type { Lang } from '@/lib/i18n';
import { HOUR, cn } from '../support/reminders';

const LANGS: Lang[] = ['zh_CN', 'en'];

const fullVars: TemplateVars = {
  buyer: '小明',
  items: [
    { title: '纯棉宽松短袖T恤', quantity: 1 },
    { title: '帆布鞋', quantity: 2 },
  ],
  amount: 16900,
  orderTime: cn(2026, 5, 17, 10, 0),
  timeLeftMs: 20 * HOUR,
  shop: '客知小店',
  tier: '至尊VIP',
  orderId: '3306183637220018070',
};

const expectedIds = [
  ...REMINDER_GROUPS.flatMap((g) =>
    REMINDER_CHANNELS.flatMap((c) => TONES.map((t) => remindTemplateId(g, c, t))),
  ),
  ...MOMENTS.flatMap((m) => MOMENT_CHANNELS.map((c) => momentTemplateId(m, c))),
].sort();

describe('DEFAULT_TEMPLATES', () => {
  it.each(LANGS)('%s has every reminder (group × channel × tone) and every moment', (lang) => {
    expect(Object.keys(DEFAULT_TEMPLATES[lang]).sort()).toEqual(expectedIds);
    expect(expectedIds).toHaveLength(3 * 4 * 3 + 11 * 2);
    expect(expectedIds).toContain('remind.new.chat.polite');
    expect(expectedIds).toContain('remind.returning.sms.brief');
    expect(expectedIds).toContain('remind.large.phone.warm');
    expect(expectedIds).toContain('care.day365.sms');
    expect(expectedIds).toContain('recall.churned.chat');
  });

  const all = LANGS.flatMap((lang) =>
    Object.entries(DEFAULT_TEMPLATES[lang]).map(([id, text]) => ({ lang, id, text })),
  );

  it.each(all)('$lang $id renders with full vars and passes compliance', ({ lang, id, text }) => {
    const channel = templateChannel(id)!;
    const purpose = templatePurpose(id);
    expect(channel).toBeDefined();
    expect(purpose).not.toBe('other');
    const rendered = renderTemplate(text, fullVars, lang);
    if (!rendered.ok) throw new Error(`${id}: ${JSON.stringify(rendered.errors)}`);
    expect(rendered.text).not.toMatch(/[{}]/);
    // Nothing at all, not even a warning, on the template or on the message it produces.
    expect(checkCompliance(text, { channel, purpose })).toEqual([]);
    expect(checkCompliance(rendered.text, { channel, purpose })).toEqual([]);
  });

  it('payment reminders read as order service: no opt-out line, no marketing', () => {
    for (const lang of LANGS)
      for (const [id, text] of Object.entries(DEFAULT_TEMPLATES[lang]))
        if (templatePurpose(id) === 'remind') expect(hasOptOut(text), id).toBe(false);
  });

  it('every marketing SMS carries an opt-out', () => {
    for (const lang of LANGS)
      for (const [id, text] of Object.entries(DEFAULT_TEMPLATES[lang]))
        if (templatePurpose(id) !== 'remind' && templateChannel(id) === 'sms')
          expect(hasOptOut(text), id).toBe(true);
  });

  it('the Chinese set speaks to the buyer as 亲 or 您', () => {
    for (const [id, text] of Object.entries(DEFAULT_TEMPLATES.zh_CN))
      expect(/亲|您/.test(text), id).toBe(true);
  });
});

describe('templateFor', () => {
  it('returns the built-in template in the asked language', () => {
    expect(templateFor('remind.new.chat.polite', 'zh_CN', {})).toBe(
      DEFAULT_TEMPLATES.zh_CN['remind.new.chat.polite'],
    );
    expect(templateFor('remind.new.chat.polite', 'en', {})).toBe(
      DEFAULT_TEMPLATES.en['remind.new.chat.polite'],
    );
  });

  it("the seller's override wins, in either language", () => {
    const overrides = { 'remind.new.chat.polite': '亲，{买家}，记得付款哦' };
    expect(templateFor('remind.new.chat.polite', 'zh_CN', overrides)).toBe(
      '亲，{买家}，记得付款哦',
    );
    expect(templateFor('remind.new.chat.polite', 'en', overrides)).toBe('亲，{买家}，记得付款哦');
    expect(templateFor('remind.new.chat.brief', 'zh_CN', overrides)).toBe(
      DEFAULT_TEMPLATES.zh_CN['remind.new.chat.brief'],
    );
  });

  it('a blank override falls back to the built-in one', () => {
    expect(templateFor('care.day7.chat', 'zh_CN', { 'care.day7.chat': '  ' })).toBe(
      DEFAULT_TEMPLATES.zh_CN['care.day7.chat'],
    );
  });

  it('a seller-only id works through overrides', () => {
    expect(
      templateFor('other.holiday.chat', 'en', { 'other.holiday.chat': 'Happy holidays!' }),
    ).toBe('Happy holidays!');
  });

  it('a moment asked with a tone falls back to its single voice', () => {
    expect(templateFor('care.day7.sms.warm', 'zh_CN', {})).toBe(
      DEFAULT_TEMPLATES.zh_CN['care.day7.sms'],
    );
  });

  it('unknown ids and object-prototype names give undefined', () => {
    expect(templateFor('remind.new.fax.polite', 'zh_CN', {})).toBeUndefined();
    expect(templateFor('constructor', 'zh_CN', {})).toBeUndefined();
    expect(templateFor('__proto__', 'en', {})).toBeUndefined();
  });
});

describe('template ids', () => {
  it('purpose and channel come from the id', () => {
    expect(templatePurpose('remind.large.phone.warm')).toBe('remind');
    expect(templateChannel('remind.large.phone.warm')).toBe('phone');
    expect(templatePurpose('care.day100.sms')).toBe('care');
    expect(templateChannel('care.day100.sms')).toBe('sms');
    expect(templatePurpose('recall.prechurn.chat')).toBe('recall');
    expect(templatePurpose('repurchase.due.sms')).toBe('repurchase');
    expect(templatePurpose('holiday.chat')).toBe('other');
    expect(templateChannel('care.day7')).toBeUndefined();
  });
});
