import fc from 'fast-check';
import type { Settings } from '../lib/settings';
import { DEFAULT_SETTINGS, parseSettings } from '../lib/settings';
import { defaultSettings, readSettings } from '../lib/settings-read';

const numRuns = Number(process.env.KEZHI_FUZZ_RUNS ?? 300);

/** Values to put anywhere in a settings object: right ones, edge ones and wrong types. */
const junk = fc.oneof(
  fc.constantFrom(
    undefined,
    null,
    0,
    -1,
    1,
    5,
    20,
    21,
    100,
    101,
    1.5,
    1440,
    1441,
    3650,
    3651,
    Number.NaN,
    '',
    'en',
    'zh_CN',
    'warm',
    'loud',
    'threshold',
    'chat',
    'https://shop.example.com',
    'not a url',
    true,
    false,
    [],
    {},
  ),
  fc.string({ maxLength: 10 }),
  fc.integer({ min: -10, max: 5000 }),
);

const step = fc.oneof(
  fc.record({ channel: fc.constantFrom('chat', 'sms', 'fax'), afterMinutes: junk }),
  fc.record({ channel: fc.constantFrom('sms', 'phone'), dayOffset: junk, atMinute: junk }),
  junk,
);

/** Settings-like objects: mostly the right shape, with any field possibly wrong or missing. */
const settingsLike = fc.record(
  {
    version: fc.oneof(fc.constant(1), junk),
    language: fc.oneof(fc.constantFrom('zh_CN', 'en'), junk),
    lifecycle: fc.oneof(
      fc.record(
        {
          activeDays: fc.oneof(fc.integer({ min: 1, max: 400 }), junk),
          sleepingDays: fc.oneof(fc.integer({ min: 1, max: 400 }), junk),
          prechurnDays: junk,
        },
        { requiredKeys: [] },
      ),
      junk,
    ),
    recentDays: junk,
    mergeSameDayPurchases: junk,
    tier: fc.oneof(
      fc.record(
        {
          mode: fc.oneof(fc.constantFrom('rank', 'threshold'), junk),
          shares: fc.oneof(
            fc.record({ svip: junk, vip: junk, senior: junk }, { requiredKeys: [] }),
            junk,
          ),
          thresholds: fc.oneof(
            fc.record({
              svip: fc.record({ spendYuan: junk, count: junk }),
              vip: fc.record({ spendYuan: fc.constant(1), count: fc.constant(1) }),
              senior: fc.oneof(fc.record({ spendYuan: junk, count: junk }), junk),
            }),
            junk,
          ),
        },
        { requiredKeys: [] },
      ),
      junk,
    ),
    reminders: fc.oneof(
      fc.record(
        {
          largeOrderYuan: junk,
          quietStartMinute: junk,
          quietEndMinute: junk,
          maxPerOrderPer24h: junk,
          minGapMinutes: junk,
          tone: junk,
          newLadder: fc.oneof(fc.array(step, { maxLength: 3 }), junk),
          returningLadder: fc.oneof(fc.array(step, { maxLength: 11 }), junk),
          autoCloseMinutes: fc.oneof(
            fc.constant({ ...DEFAULT_SETTINGS.reminders.autoCloseMinutes }),
            fc.constant({ taobao: 60 }),
            fc.constant({ ...DEFAULT_SETTINGS.reminders.autoCloseMinutes, douyin: 4 }),
            fc.constant({ ...DEFAULT_SETTINGS.reminders.autoCloseMinutes, ebay: 60 }),
            junk,
          ),
        },
        { requiredKeys: [] },
      ),
      junk,
    ),
    staffName: junk,
    showPersonalData: junk,
    shops: fc.oneof(
      fc.dictionary(
        fc.string({ maxLength: 8 }),
        fc.oneof(fc.record({ name: junk, overlayEnabled: junk }, { requiredKeys: [] }), junk),
        { maxKeys: 3 },
      ),
      junk,
    ),
    wooShops: fc.oneof(fc.array(junk, { maxLength: 3 }), junk),
    templates: fc.oneof(fc.dictionary(fc.string({ maxLength: 120 }), junk, { maxKeys: 3 }), junk),
    unknownField: junk,
  },
  { requiredKeys: [] },
);

describe('readSettings: the content script reads settings without zod', () => {
  test('its defaults are the schema defaults', () => {
    expect(defaultSettings()).toEqual(DEFAULT_SETTINGS);
    expect(readSettings(undefined)).toEqual(DEFAULT_SETTINGS);
    expect(readSettings('garbage')).toEqual(DEFAULT_SETTINGS);
  });

  test('keeps valid settings as they are', () => {
    const s: Settings = {
      ...DEFAULT_SETTINGS,
      language: 'en',
      lifecycle: { activeDays: 30, sleepingDays: 60, prechurnDays: 200 },
      tier: { ...DEFAULT_SETTINGS.tier, mode: 'threshold' },
      reminders: {
        ...DEFAULT_SETTINGS.reminders,
        tone: 'warm',
        newLadder: [{ channel: 'sms', dayOffset: 2, atMinute: 600 }],
      },
      shops: { 'taobao:kz': { name: '小店', overlayEnabled: false } },
      wooShops: ['https://shop.example.com'],
      templates: { 'remind.new.chat.polite': '亲，{店铺}提醒您付款' },
    };
    expect(readSettings(s)).toEqual(s);
  });

  test('one broken field falls back alone', () => {
    const raw = { language: 'en', lifecycle: { activeDays: 200, sleepingDays: 100 }, staffName: 7 };
    expect(readSettings(raw)).toEqual({ ...DEFAULT_SETTINGS, language: 'en' });
  });

  test('equals parseSettings for any stored value', () => {
    fc.assert(
      fc.property(settingsLike, (raw) => {
        expect(readSettings(raw)).toEqual(parseSettings(raw));
      }),
      { numRuns },
    );
  }, 120_000);
});
