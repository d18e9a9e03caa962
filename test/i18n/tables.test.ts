import { LANGS, fill } from '@/lib/i18n';
import * as assistant from '@/lib/i18n/assistant';
import * as dashboard from '@/lib/i18n/dashboard';
import * as importer from '@/lib/i18n/importer';
import * as options from '@/lib/i18n/options';
import * as optionsData from '@/lib/i18n/options-data';
import * as optionsSettings from '@/lib/i18n/options-settings';
import * as optionsTemplates from '@/lib/i18n/options-templates';
import * as notice from '@/lib/i18n/notice';
import * as overlay from '@/lib/i18n/overlay';
import * as popup from '@/lib/i18n/popup';
import * as sync from '@/lib/i18n/sync';
import * as welcome from '@/lib/i18n/welcome';

const SURFACES = { overlay, assistant, notice, popup, options, dashboard, welcome, sync, importer };
// The options surface's parts, each checked on its own too.
const PARTS = { optionsSettings, optionsTemplates, optionsData };

/** The `{name}` placeholders a template names, sorted. */
const placeholders = (s: string) => [...s.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();

describe.each(Object.entries({ ...SURFACES, ...PARTS }))('the %s words', (_name, surface) => {
  const tables = surface.tables as Record<(typeof LANGS)[number], Record<string, string>>;
  const keys = Object.keys(tables.zh_CN);

  it('have the same keys in every language', () => {
    for (const lang of LANGS) expect(Object.keys(tables[lang]).sort()).toEqual([...keys].sort());
  });

  it('name the same placeholders in every language', () => {
    for (const key of keys)
      for (const lang of LANGS)
        expect([lang, key, placeholders(tables[lang][key]!)]).toEqual([
          lang,
          key,
          placeholders(tables.zh_CN[key]!),
        ]);
  });
});

describe('fill', () => {
  it('inserts each value once, as written, even one that looks like a placeholder', () => {
    expect(fill('{a} and {b}', { a: '{b}', b: 'B' })).toBe('{b} and B');
  });
  it('leaves a placeholder without a value visible', () => {
    expect(fill('{n} 单 {missing}', { n: 3 })).toBe('3 单 {missing}');
  });
  it('is the one the options page uses: a value naming another placeholder stays literal', () => {
    const key = (Object.keys(options.tables.zh_CN) as options.OptionsKey[]).find(
      (k) => placeholders(options.tables.zh_CN[k]).length >= 2,
    )!;
    const [a, b] = placeholders(options.tables.zh_CN[key]) as [string, string];
    const out = options.t('zh_CN', key, { [a]: `{${b}}`, [b]: 'VALUE' });
    expect(out).toContain(`{${b}}`);
  });
});

describe("the importer's say", () => {
  it('fills every language, a Label value in the language being filled', () => {
    const format = importer.say('format.jd');
    expect(importer.say('refuse.wrongPlatform', { format })).toEqual({
      zh_CN: '这是京东订单导出，与所选店铺的平台不符。',
      en: "This is a JD order export, which does not match the selected shop's platform.",
    });
    expect(importer.listOf(['a', 'b'])).toEqual({ zh_CN: 'a、b', en: 'a, b' });
  });
  it('takes only known keys', () => {
    // @ts-expect-error: a key that is not in the table must not compile
    importer.say('refuse.nope');
  });
});
