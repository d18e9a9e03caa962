import { browser } from 'wxt/browser';
import { defineBackground } from 'wxt/utils/define-background';
import { getDb, useBackgroundCache } from '@/lib/db';
import { repairFigures } from '@/lib/db/figures-log';
import { dropStale } from '@/lib/importers/staging';
import { dispatch } from '@/lib/messaging';
import { checkStoredSettings } from '@/lib/browser/settings-store';
import { SETTINGS_KEY } from '@/lib/settings';
import { forgetSettings, handlers, loadSettings, tabs } from './handlers';
import { injectOnRoute } from './inject';
import { registerWooScripts } from './woo';
import { restartSync, startSync } from './sync';
import { openWelcomeOnInstall } from './welcome';
import { startSearchIndex } from './search';

export default defineBackground(() => {
  // The background writes everything, so it alone may cache what it reads (the overlay's rows).
  useBackgroundCache();
  // Figure blocks a stopped worker left unwritten behind their customers (lib/db/figures-log).
  repairFigures(getDb()).catch((e: unknown) => console.warn('kezhi: figure repair failed', e));
  // Report-import batches an import page left staged when it closed mid-way (lib/importers/staging).
  dropStale().catch((e: unknown) => console.warn('kezhi: staged import batches not cleared', e));
  // The popup's search index follows every write to customers from here on.
  startSearchIndex();
  // Settings an older version saved are parsed once here, so the popup need not load the schema.
  checkStoredSettings().catch((e: unknown) => console.warn('kezhi: settings not checked', e));
  const self = { extensionId: browser.runtime.id, extensionOrigin: browser.runtime.getURL('/') };
  browser.runtime.onMessage.addListener(
    // eslint-disable-next-line @typescript-eslint/no-misused-promises -- returning the promise is the polyfill's reply API
    (message: unknown, sender): Promise<unknown> => dispatch(handlers, message, sender, self),
  );
  const refreshWoo = () =>
    void loadSettings()
      .then(registerWooScripts)
      .catch((e: unknown) => console.warn('kezhi: WooCommerce registration failed', e));
  browser.storage.onChanged.addListener((changes, area) => {
    if (area === 'local' && SETTINGS_KEY in changes) {
      forgetSettings();
      refreshWoo();
      // Pausing or resuming keeping history stops or restarts team sync.
      const was = (changes[SETTINGS_KEY]?.oldValue as { historyPaused?: boolean } | undefined)
        ?.historyPaused;
      const now = (changes[SETTINGS_KEY]?.newValue as { historyPaused?: boolean } | undefined)
        ?.historyPaused;
      if (!!was !== !!now) restartSync();
    }
  });
  // A tab that loads a new document, or closes, starts over: its shop binding, what it was
  // shown and its budget (lib/sender-gate). Route changes inside a single-page app keep them.
  browser.tabs.onUpdated.addListener((tabId, change, tab) => {
    if (change.status === 'loading') tabs.forget(tabId);
    // A single-page app that routed to an order list gets its order script now.
    if (change.url || change.status === 'complete')
      injectOnRoute(tabId, tab).catch((e: unknown) =>
        console.warn('kezhi: order script injection failed', e),
      );
  });
  browser.tabs.onRemoved.addListener((tabId) => tabs.forget(tabId));
  browser.permissions.onAdded.addListener(refreshWoo);
  browser.permissions.onRemoved.addListener(refreshWoo);
  browser.runtime.onInstalled.addListener(refreshWoo);
  // The first-run page, once: on install, never on an update.
  browser.runtime.onInstalled.addListener(openWelcomeOnInstall);
  // Team sync: resumes from its checkpoint whenever the worker starts, and on a 30 s alarm.
  startSync();
});
