/**
 * The popup's zod-free settings reader (lib/browser/settings-read) against the schema's own
 * parseSettings: the same settings for every stored value, whether or not a note says the value
 * was checked; and the defaults written out by hand against Settings.parse({}).
 */
import fc from 'fast-check';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import {
  checkStoredSettings,
  loadSettings,
  resetSettings,
  saveSettings,
} from '../../lib/browser/settings-store';
import {
  canonicalJson,
  checkedSettings,
  isChecked,
  readSettings,
  SETTINGS_CHECK_KEY,
  settingsCheckOf,
  watchReadSettings,
} from '../../lib/browser/settings-read';
import { fnv1a } from '../../lib/keys';
import { parseSettings, Settings, SETTINGS_KEY } from '../../lib/settings';
import { DEFAULT_SETTINGS, SETTINGS_SCHEMA_FINGERPRINT } from '../../lib/settings-defaults';
import { z } from '../../lib/zod';

// The background's getSettings, as it answers (test/background/get-settings.test.ts): storage
// parsed with the schema. (Not the handler itself: it imports what imports this mock.)
vi.mock('../../lib/browser/rpc', async () => {
  const { parseSettings, SETTINGS_KEY } = await import('../../lib/settings');
  return {
    send: vi.fn(async (name: string) => {
      if (name !== 'getSettings') throw new Error(`unexpected message ${name}`);
      const got = await fakeBrowser.storage.local.get(SETTINGS_KEY);
      return { ok: true, value: parseSettings(got[SETTINGS_KEY]) };
    }),
  };
});

afterEach(() => fakeBrowser.reset());

/** Stored values as storage may hold them: the defaults with fields changed, dropped or odd. */
const storedValue = (() => {
  const odd = fc.oneof(
    fc.constant(undefined),
    fc.constant(null),
    fc.boolean(),
    fc.string({ maxLength: 4 }),
    fc.integer({ min: -5, max: 5000 }),
    fc.double({ noNaN: true }),
    fc.constantFrom('en', 'zh_CN', 'fr', 'https://shop.example.com', 'rank', 'threshold'),
    fc.array(fc.constantFrom('https://a.example', 'x', 1), { maxLength: 2 }),
    fc.dictionary(
      fc.constantFrom('svip', 'vip', 'senior', 'activeDays', 'taobao:s1'),
      fc.integer({ min: -1, max: 400 }),
      { maxKeys: 3 },
    ),
  );
  const keys = Object.keys(DEFAULT_SETTINGS);
  return fc
    .tuple(
      fc.dictionary(fc.constantFrom(...keys, 'legacy'), odd, { maxKeys: 2 }),
      fc.subarray(keys, { maxLength: 1 }),
      fc.boolean(),
    )
    .map(([changes, dropped, whole]) => {
      if (!whole) return changes;
      const v: Record<string, unknown> = { ...structuredClone(DEFAULT_SETTINGS), ...changes };
      for (const k of dropped) delete v[k];
      return v;
    });
})();

describe('the defaults written out without zod', () => {
  it('are what the schema gives for nothing stored', () => {
    expect(DEFAULT_SETTINGS).toEqual(Settings.parse({}));
    expect(parseSettings(undefined)).toEqual(DEFAULT_SETTINGS);
  });

  it('name the schema they were checked under (change the fingerprint with the schema)', () => {
    // A schema change must change SETTINGS_SCHEMA_FINGERPRINT, or values checked under the old
    // schema would be taken unparsed. This is the fingerprint of the schema as it is now.
    expect(fnv1a(JSON.stringify(z.toJSONSchema(Settings)))).toBe(SETTINGS_SCHEMA_FINGERPRINT);
  });
});

describe('reading settings without the schema', () => {
  it('gives what parseSettings gives, for any stored value, noted or not (fixed seed)', async () => {
    let direct = 0;
    let asked = 0;
    await fc.assert(
      fc.asyncProperty(storedValue, fc.boolean(), async (raw, note) => {
        fakeBrowser.reset();
        await fakeBrowser.storage.local.set({ [SETTINGS_KEY]: raw });
        // The background's note: written only for a value the schema keeps unchanged.
        if (note) await checkStoredSettings();
        const expected = parseSettings(raw);
        expect(await readSettings()).toEqual(expected);
        const stored = await fakeBrowser.storage.local.get([SETTINGS_KEY, SETTINGS_CHECK_KEY]);
        const taken = checkedSettings(stored[SETTINGS_KEY], stored[SETTINGS_CHECK_KEY]);
        if (taken === undefined) asked++;
        else {
          direct++;
          expect(taken).toEqual(expected);
        }
      }),
      { seed: 1208, numRuns: 300 },
    );
    // Both ways were taken: values used as stored, and values the background parsed.
    expect(direct).toBeGreaterThan(10);
    expect(asked).toBeGreaterThan(20);
  });

  it('takes a noted value only when the note is this schema’s and matches the value', async () => {
    const mine = { ...DEFAULT_SETTINGS, staffName: '小王' };
    const note = settingsCheckOf(mine);
    expect(isChecked(mine, note)).toBe(true);
    expect(isChecked({ ...mine, staffName: '小李' }, note)).toBe(false);
    expect(isChecked(mine, { ...note, schema: 'older' })).toBe(false);
    expect(isChecked(mine, 'note')).toBe(false);
    expect(isChecked(mine, null)).toBe(false);
    expect(checkedSettings(mine, note)).toBe(mine);
    // Chrome's storage gives objects back with their keys sorted: still the value noted.
    const sorted: unknown = JSON.parse(canonicalJson(mine)!);
    expect(Object.keys(sorted as object)).not.toEqual(Object.keys(mine));
    expect(isChecked(sorted, note)).toBe(true);
    expect(isChecked({ ...(sorted as object), recentDays: 60 }, note)).toBe(false);
    expect(checkedSettings(mine, { ...note, schema: 'older' })).toBeUndefined();
    expect(checkedSettings(undefined, undefined)).toEqual(DEFAULT_SETTINGS);
    // Not believed, a wrong field is parsed (by the background) back to its default.
    const wrong = { ...mine, recentDays: 'many' };
    await fakeBrowser.storage.local.set({
      [SETTINGS_KEY]: wrong,
      [SETTINGS_CHECK_KEY]: { ...note, schema: 'older' },
    });
    expect((await readSettings()).recentDays).toBe(90);
  });

  it('reads what saveSettings and resetSettings store, noted, without parsing', async () => {
    const saved = await saveSettings({ ...DEFAULT_SETTINGS, staffName: '小王', recentDays: 60 });
    const stored = await fakeBrowser.storage.local.get([SETTINGS_KEY, SETTINGS_CHECK_KEY]);
    expect(isChecked(stored[SETTINGS_KEY], stored[SETTINGS_CHECK_KEY])).toBe(true);
    expect(await readSettings()).toEqual(saved);
    expect(await readSettings()).toEqual(await loadSettings());
    await saveSettings({ ...saved, historyPaused: true });
    const reset = await resetSettings();
    expect(reset).toEqual({ ...DEFAULT_SETTINGS, historyPaused: true });
    const again = await fakeBrowser.storage.local.get([SETTINGS_KEY, SETTINGS_CHECK_KEY]);
    expect(isChecked(again[SETTINGS_KEY], again[SETTINGS_CHECK_KEY])).toBe(true);
    expect(await readSettings()).toEqual(reset);
  });

  it('parses an older version’s value, and the background notes it only when it is unchanged', async () => {
    const older = { ...DEFAULT_SETTINGS, language: 'en' as const };
    await fakeBrowser.storage.local.set({ [SETTINGS_KEY]: older });
    expect(await readSettings()).toEqual(older);
    await checkStoredSettings();
    const noted = await fakeBrowser.storage.local.get([SETTINGS_KEY, SETTINGS_CHECK_KEY]);
    expect(noted[SETTINGS_KEY]).toEqual(older); // the value itself is never rewritten here
    expect(isChecked(noted[SETTINGS_KEY], noted[SETTINGS_CHECK_KEY])).toBe(true);

    await fakeBrowser.storage.local.remove(SETTINGS_CHECK_KEY);
    const damaged = { ...older, recentDays: 'many' };
    await fakeBrowser.storage.local.set({ [SETTINGS_KEY]: damaged });
    await checkStoredSettings();
    const after = await fakeBrowser.storage.local.get([SETTINGS_KEY, SETTINGS_CHECK_KEY]);
    expect(after[SETTINGS_CHECK_KEY]).toBeUndefined();
    expect(after[SETTINGS_KEY]).toEqual(damaged);
    expect((await readSettings()).recentDays).toBe(90);
    expect((await readSettings()).language).toBe('en');
  });

  it('tells a watcher the settings after each save', async () => {
    const seen: Settings[] = [];
    const stop = watchReadSettings((s) => seen.push(s));
    await saveSettings({ ...DEFAULT_SETTINGS, staffName: '小王' });
    await vi.waitFor(() => expect(seen.at(-1)?.staffName).toBe('小王'));
    stop();
    await saveSettings({ ...DEFAULT_SETTINGS, staffName: '小李' });
    await new Promise((r) => setTimeout(r, 20));
    expect(seen.at(-1)?.staffName).toBe('小王');
  });
});
