/**
 * The options page: browser glue around the presentational panels of components/options.
 * Reads settings from storage and the database with liveQuery; every database write goes
 * through the background (importBatch, restore, deleteShop).
 */
import type { ComponentChildren } from 'preact';
import { useEffect, useState } from 'preact/hooks';
import { browser } from 'wxt/browser';
import { BackupPanel } from '@/components/options/BackupPanel';
import { ImportPanel } from '@/components/options/ImportPanel';
import { SettingsForm } from '@/components/options/SettingsForm';
import { bound } from '@/lib/i18n';
import { t as optionsT, type OptionsKey } from '@/lib/i18n/options';
import { TemplateEditor, type TemplatePreviewSource } from '@/components/options/TemplateEditor';
import {
  loadSettings,
  resetSettings,
  saveSettings,
  watchSettings,
} from '@/lib/browser/settings-store';
import { getDb } from '@/lib/db';
import { useLiveQuery } from '@/lib/db/live';
import type { Shop } from '@/lib/schemas';
import type { Settings } from '@/lib/settings';
import { download } from './download';
import { useBackupPanel } from './backup';
import { useImportPanel } from './import-panel';
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

/** Optional origins we hold (the ones beyond the install-time platform hosts). */
async function grantedOrigins(): Promise<Set<string>> {
  return new Set((await browser.permissions.getAll()).origins ?? []);
}

const label = (s: Shop) => `${s.key}\u0000${s.platform}\u0000${s.shopId}\u0000${s.name}`;
const sameShopLabels = (a: readonly Shop[], b: readonly Shop[]) =>
  a.length === b.length && a.every((s, i) => label(s) === label(b[i]!));

/** The history import: its state re-renders this panel alone, not every tab of the page. */
function ImportTab(props: { lang: Settings['language']; shops: readonly Shop[] }) {
  const importPanel = useImportPanel();
  return <ImportPanel lang={props.lang} shops={props.shops} {...importPanel} />;
}

/** The options page root: tabs for settings, templates, history import, backup and data. */
export function App() {
  const [settings, setSettings] = useState<Settings | undefined>();
  const [loadError, setLoadError] = useState<string | undefined>();
  const [tab, setTab] = useState<Tab>(tabOf(location.hash));
  const [granted, setGranted] = useState<Set<string>>(new Set());
  const [preview, setPreview] = useState<TemplatePreviewSource | undefined>();
  // A shop shows here by its platform, id and name: an import rewrites every shop record it
  // touches (counters, evidence) each batch, and re-rendering every tab for that held the page.
  const shopsLive = useLiveQuery(() => getDb().shops.toArray(), [], { same: sameShopLabels });
  const shops: Shop[] = shopsLive.status === 'ok' ? shopsLive.value : [];

  const syncPanel = useSyncPanel(settings);
  const backupPanel = useBackupPanel();

  useEffect(() => {
    loadSettings().then(setSettings, (e: unknown) => setLoadError(String(e)));
    const unwatch = watchSettings(setSettings);
    const refreshGranted = () => void grantedOrigins().then(setGranted);
    refreshGranted();
    browser.permissions.onAdded.addListener(refreshGranted);
    browser.permissions.onRemoved.addListener(refreshGranted);
    const onHash = () => setTab(tabOf(location.hash));
    window.addEventListener('hashchange', onHash);
    return () => {
      unwatch();
      browser.permissions.onAdded.removeListener(refreshGranted);
      browser.permissions.onRemoved.removeListener(refreshGranted);
      window.removeEventListener('hashchange', onHash);
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
          <ImportTab lang={lang} shops={shops} />
        </TabPanel>
        <TabPanel id="backup" current={tab}>
          <BackupPanel lang={lang} shops={shops} {...backupPanel} />
        </TabPanel>
      </main>
    </div>
  );
}
