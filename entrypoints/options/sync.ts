/** Browser glue for the options page's team-sync panel: storage, host permission, messages. */
import { useEffect, useState } from 'preact/hooks';
import { browser } from 'wxt/browser';
import type { SyncForm, SyncPanelProps, SyncView } from '@/components/options/SyncPanel';
import { bound } from '@/lib/i18n';
import { t as syncT } from '@/lib/i18n/sync';
import { send } from '@/lib/browser/rpc';
import { loadSettings, saveSettings } from '@/lib/browser/settings-store';
import { checkServerUrl, CouchError } from '@/lib/sync/couch';
import { parseSyncConfig, SyncConfig, SYNC_CONFIG_KEY, SYNC_STATUS_KEY } from '@/lib/sync/team';
import type { Settings } from '@/lib/settings';

/** The permission pattern for the server's origin. */
function patternOf(url: string): string {
  return `${new URL(checkServerUrl(url)).origin}/*`;
}

/** The panel's props, kept current from storage. */
export function useSyncPanel(
  settings: Settings | undefined,
): Omit<SyncPanelProps, 'lang'> | undefined {
  const [config, setConfig] = useState<SyncConfig | undefined>();
  const [status, setStatus] = useState<SyncView | undefined>();
  useEffect(() => {
    const read = () =>
      void browser.storage.local.get([SYNC_CONFIG_KEY, SYNC_STATUS_KEY]).then((r) => {
        setConfig(parseSyncConfig(r[SYNC_CONFIG_KEY]));
        setStatus(r[SYNC_STATUS_KEY] as SyncView | undefined);
      });
    read();
    const onChange = (changes: Record<string, unknown>, area: string) => {
      if (area === 'local' && (SYNC_CONFIG_KEY in changes || SYNC_STATUS_KEY in changes)) read();
    };
    browser.storage.onChanged.addListener(onChange);
    return () => browser.storage.onChanged.removeListener(onChange);
  }, []);
  if (!config || !settings) return undefined;
  const s = bound(syncT, settings.language);
  const say = (m: { zh_CN: string; en: string }) => (settings.language === 'en' ? m.en : m.zh_CN);
  const form: SyncForm = { ...config, staffName: settings.staffName };

  /** Asks for the server's host (synchronously, inside the click's user gesture). */
  const ask = (f: SyncForm): Promise<string | undefined> => {
    let pattern: string;
    try {
      pattern = patternOf(f.url);
    } catch (e) {
      return Promise.resolve(e instanceof CouchError ? say(e.text) : String(e));
    }
    return browser.permissions.request({ origins: [pattern] }).then((ok) =>
      ok
        ? undefined
        : say({
            zh_CN: '没有获得访问该服务器的权限',
            en: 'Permission to reach the server was not granted',
          }),
    );
  };

  return {
    form,
    status,
    onTest: (f) =>
      ask(f).then(async (denied) => {
        if (denied) return { ok: false, text: denied };
        const r = await send('syncTest', f);
        if (!r.ok) return { ok: false, text: r.error };
        const v = r.value;
        return v.ok
          ? {
              ok: true,
              text: `${s('ok')} · ${v.docCount} ${s('docs')} · ${v.sealed ? s('sealed') : s('plain')}`,
            }
          : { ok: false, text: say(v.message) };
      }),
    onSave: (f) =>
      ask(f).then(async (denied) => {
        if (denied && f.enabled) return denied;
        const { staffName, ...rest } = f;
        const parsed = SyncConfig.safeParse(rest);
        if (!parsed.success) return parsed.error.issues[0]?.message ?? 'invalid';
        await browser.storage.local.set({ [SYNC_CONFIG_KEY]: parsed.data });
        const current = await loadSettings();
        if (current.staffName !== staffName) await saveSettings({ ...current, staffName });
        return undefined;
      }),
    onSyncNow: () => void send('syncNow', {}),
  };
}
