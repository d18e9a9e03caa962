/**
 * The options page: browser glue around the presentational panels of components/options.
 * Reads settings from storage and the database with liveQuery; every database write goes
 * through the background (importBatch, restore, deleteShop).
 */
import type { ComponentChildren } from 'preact';
import { useEffect, useMemo, useState } from 'preact/hooks';
import { browser } from 'wxt/browser';
import { BackupPanel, type BackupCheck, type StorageInfo } from '@/components/options/BackupPanel';
import { ImportPanel } from '@/components/options/ImportPanel';
import type { ImportState } from '@/components/options/import-state';
import { SettingsForm } from '@/components/options/SettingsForm';
import { readText } from '@/components/options/read-file';
import { bound } from '@/lib/i18n';
import { t as optionsT, type OptionsKey } from '@/lib/i18n/options';
import { TemplateEditor, type TemplatePreviewSource } from '@/components/options/TemplateEditor';
import {
  backupFileName,
  backupFileParts,
  exportBackup,
  previewRestore,
  readBackup,
  type Backup,
} from '@/lib/backup';
import { send } from '@/lib/browser/rpc';
import {
  loadSettings,
  resetSettings,
  saveSettings,
  watchSettings,
} from '@/lib/browser/settings-store';
import { getDb } from '@/lib/db';
import { deepEqual, mergeOrder, recomputeCustomer } from '@/lib/db/aggregate';
import { useLiveQuery } from '@/lib/db/live';
import type { Shop } from '@/lib/schemas';
import type { Settings } from '@/lib/settings';
import { download } from './download';
import { ImportController, type WorkerLike } from './import-controller';
import { loadPreviewSource, sampleSource } from './preview-order';
import { SyncPanel } from '@/components/options/SyncPanel';
import { PauseSwitch } from '@/components/welcome/PauseSwitch';
import { t as welcomeT } from '@/lib/i18n/welcome';
import { useSyncPanel } from './sync';

const TABS = ['settings', 'templates', 'import', 'backup'] as const;
type Tab = (typeof TABS)[number];
const tabOf = (hash: string): Tab => TABS.find((t) => `#${t}` === hash) ?? 'settings';
const TAB_LABEL = {
  settings: 'navSettings',
  templates: 'navTemplates',
  import: 'navImport',
  backup: 'navBackup',
} as const satisfies Record<Tab, OptionsKey>;

/** One tab's content; the others stay mounted but hidden, keeping their drafts. */
function TabPanel(props: { id: Tab; current: Tab; children: ComponentChildren }) {
  return (
    <section hidden={props.current !== props.id} data-testid={`section-${props.id}`}>
      {props.children}
    </section>
  );
}

const restoreRules = { mergeOrder, recomputeCustomer, deepEqual };

/** Optional origins we hold (the ones beyond the install-time platform hosts). */
async function grantedOrigins(): Promise<Set<string>> {
  return new Set((await browser.permissions.getAll()).origins ?? []);
}

async function readStorage(): Promise<StorageInfo> {
  const s = navigator.storage as StorageManager | undefined;
  if (!s) return {};
  const [persisted, estimate] = await Promise.all([
    s.persisted ? s.persisted() : Promise.resolve(undefined),
    s.estimate ? s.estimate() : Promise.resolve(undefined),
  ]);
  return { persisted, usage: estimate?.usage, quota: estimate?.quota };
}

/** Unwraps a background reply, turning an error reply into a thrown Error. */
function value<T>(reply: { ok: true; value: T } | { ok: false; error: string }): T {
  if (!reply.ok) throw new Error(reply.error);
  return reply.value;
}

/** The options page root: tabs for settings, templates, history import, backup and data. */
export function App() {
  const [settings, setSettings] = useState<Settings | undefined>();
  const [loadError, setLoadError] = useState<string | undefined>();
  const [tab, setTab] = useState<Tab>(tabOf(location.hash));
  const [granted, setGranted] = useState<Set<string>>(new Set());
  const [storage, setStorage] = useState<StorageInfo>({});
  const [preview, setPreview] = useState<TemplatePreviewSource | undefined>();
  const shopsLive = useLiveQuery(() => getDb().shops.toArray(), []);
  const shops: Shop[] = shopsLive.status === 'ok' ? shopsLive.value : [];

  const importer = useMemo(
    () =>
      new ImportController({
        createWorker: () =>
          new Worker(new URL('./import-worker.ts', import.meta.url), {
            type: 'module',
          }) as unknown as WorkerLike,
        sendBatch: (orders) => send('importBatch', { orders }),
      }),
    [],
  );
  const [importState, setImportState] = useState<ImportState>(importer.current);
  const syncPanel = useSyncPanel(settings);

  useEffect(() => {
    loadSettings().then(setSettings, (e: unknown) => setLoadError(String(e)));
    const unwatch = watchSettings(setSettings);
    const refreshGranted = () => void grantedOrigins().then(setGranted);
    refreshGranted();
    browser.permissions.onAdded.addListener(refreshGranted);
    browser.permissions.onRemoved.addListener(refreshGranted);
    void readStorage().then(setStorage);
    const onHash = () => setTab(tabOf(location.hash));
    window.addEventListener('hashchange', onHash);
    const unsub = importer.subscribe(setImportState);
    return () => {
      unwatch();
      browser.permissions.onAdded.removeListener(refreshGranted);
      browser.permissions.onRemoved.removeListener(refreshGranted);
      window.removeEventListener('hashchange', onHash);
      unsub();
      importer.dispose();
    };
  }, []);

  useEffect(() => {
    if (!settings || tab !== 'templates') return;
    loadPreviewSource(getDb(), settings, Date.now()).then(setPreview, () =>
      setPreview(sampleSource(settings.language, Date.now())),
    );
  }, [tab, settings]);

  useEffect(() => {
    if (settings) document.documentElement.lang = settings.language === 'en' ? 'en' : 'zh-CN';
  }, [settings?.language]);

  if (loadError) return <p class="field-error">{loadError}</p>;
  if (!settings) return <p>…</p>;
  const lang = settings.language;
  const t = bound(optionsT, lang);

  const saveTemplates = async (templates: Record<string, string>) => {
    const current = await loadSettings();
    setSettings(await saveSettings({ ...current, templates }));
  };

  const woo = {
    shops: settings.wooShops.map((origin) => ({ origin, granted: granted.has(`${origin}/*`) })),
    onAdd: (origin: string): Promise<string | undefined> => {
      // Called straight from the click: the permission prompt needs the user gesture.
      const asked = browser.permissions.request({ origins: [`${origin}/*`] });
      return asked.then(async (ok) => {
        setGranted(await grantedOrigins());
        if (!ok) return t('wooDenied');
        const current = await loadSettings();
        if (!current.wooShops.includes(origin))
          setSettings(await saveSettings({ ...current, wooShops: [...current.wooShops, origin] }));
        return undefined;
      });
    },
    onRemove: async (origin: string): Promise<string | undefined> => {
      await browser.permissions.remove({ origins: [`${origin}/*`] });
      const current = await loadSettings();
      setSettings(
        await saveSettings({ ...current, wooShops: current.wooShops.filter((o) => o !== origin) }),
      );
      setGranted(await grantedOrigins());
      return undefined;
    },
  };

  const onExport = async (opts: { shopKey?: string; passphrase: string }) => {
    const now = Date.now();
    const backup = await exportBackup(getDb(), {
      now,
      ...(opts.shopKey ? { shopKey: opts.shopKey } : {}),
    });
    const name = backupFileName(now, opts.shopKey);
    download(name, await backupFileParts(backup, opts.passphrase));
    return name;
  };

  const onCheck = async (file: File, passphrase: string): Promise<BackupCheck> => {
    const read = await readBackup(await readText(file), passphrase);
    if (!read.ok) return read;
    const summary = await previewRestore(getDb(), read.backup, restoreRules);
    return { ok: true, backup: read.backup, summary, encrypted: read.encrypted };
  };

  const onRestore = async (backup: Backup) => {
    const { tables } = value(await send('restore', { backup }));
    void readStorage().then(setStorage);
    return Object.values(tables).reduce((a, b) => a + b, 0);
  };

  return (
    <div class="page">
      <header>
        <h1>{t('title')}</h1>
        <nav>
          {TABS.map((id) => (
            <a
              key={id}
              href={`#${id}`}
              class={tab === id ? 'active' : undefined}
              data-testid={`tab-${id}`}
              aria-current={tab === id ? 'page' : undefined}
            >
              {t(TAB_LABEL[id])}
            </a>
          ))}
          <a href={browser.runtime.getURL('/welcome.html')} data-testid="link-welcome">
            {welcomeT(lang, 'welcome')}
          </a>
          <a href={browser.runtime.getURL('/privacy.html')} data-testid="link-privacy">
            {welcomeT(lang, 'privacy')}
          </a>
        </nav>
      </header>
      <main>
        <TabPanel id="settings" current={tab}>
          <fieldset>
            <legend>{welcomeT(lang, 'pauseTitle')}</legend>
            <PauseSwitch
              lang={lang}
              paused={settings.historyPaused}
              onChange={(historyPaused) =>
                void loadSettings()
                  .then((now) => saveSettings({ ...now, historyPaused }))
                  .then(setSettings)
              }
            />
          </fieldset>
          <SettingsForm
            lang={lang}
            settings={settings}
            shops={shops}
            // The pause switch saves on its own: a form draft never turns it back.
            onSave={async (next) =>
              setSettings(
                await saveSettings({
                  ...next,
                  historyPaused: (await loadSettings()).historyPaused,
                }),
              )
            }
            onReset={async () => setSettings(await resetSettings())}
            woo={woo}
          />
          {syncPanel && <SyncPanel lang={lang} {...syncPanel} />}
        </TabPanel>
        <TabPanel id="templates" current={tab}>
          <TemplateEditor
            lang={lang}
            overrides={settings.templates}
            defaultTone={settings.reminders.tone}
            preview={preview}
            onSave={saveTemplates}
            onDownload={(name, text) => download(name, [text])}
          />
        </TabPanel>
        <TabPanel id="import" current={tab}>
          <ImportPanel
            lang={lang}
            shops={shops}
            state={importState}
            onFiles={(files) => importer.choose(files)}
            onStart={(target) => importer.start(target)}
            onCancel={() => importer.cancel()}
            onReset={() => importer.reset()}
          />
        </TabPanel>
        <TabPanel id="backup" current={tab}>
          <BackupPanel
            lang={lang}
            shops={shops}
            onExport={onExport}
            onCheck={onCheck}
            onRestore={onRestore}
            storage={storage}
            onPersist={async () => {
              await navigator.storage.persist();
              setStorage(await readStorage());
            }}
            onDeleteShop={async (shopKey) => {
              const r = value(await send('deleteShop', { shopKey }));
              setStorage(await readStorage());
              return r;
            }}
          />
        </TabPanel>
      </main>
    </div>
  );
}
