/** First-run page entry: opened once on install (background/welcome.ts), linked from popup and options. */
import { render } from 'preact';
import { pageRoot } from '@/components/page-root';
import { useEffect, useState } from 'preact/hooks';
import { browser } from 'wxt/browser';
import { sitesOf } from '@/components/welcome/permissions';
import { Welcome } from '@/components/welcome/Welcome';
import { loadSettings, saveSettings, watchSettings } from '@/lib/browser/settings-store';
import type { Settings } from '@/lib/settings';
import '@/components/page-base.css';
import './style.css';

function App() {
  const [settings, setSettings] = useState<Settings>();
  useEffect(() => {
    void loadSettings().then(setSettings);
    return watchSettings(setSettings);
  }, []);
  useEffect(() => {
    if (!settings) return;
    document.documentElement.lang = settings.language === 'en' ? 'en' : 'zh-CN';
    document.title = settings.language === 'en' ? 'Kezhi · Welcome' : '客知 · 欢迎';
  }, [settings?.language]);
  if (!settings) return null;
  const manifest = browser.runtime.getManifest();
  return (
    <Welcome
      lang={settings.language}
      permissions={manifest.permissions ?? []}
      hosts={sitesOf(manifest)}
      optionalHosts={
        (manifest as { optional_host_permissions?: string[] }).optional_host_permissions ?? []
      }
      paused={settings.historyPaused}
      onPause={(historyPaused) =>
        void loadSettings()
          .then((now) => saveSettings({ ...now, historyPaused }))
          .then(setSettings)
      }
      links={{
        options: browser.runtime.getURL('/options.html'),
        importer: browser.runtime.getURL('/options.html#import'),
        privacy: browser.runtime.getURL('/privacy.html'),
      }}
    />
  );
}

render(<App />, pageRoot());
