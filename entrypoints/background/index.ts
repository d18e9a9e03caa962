import { browser } from 'wxt/browser';
import { defineBackground } from 'wxt/utils/define-background';
import { useBackgroundCache } from '@/lib/db';
import { dispatch } from '@/lib/messaging';
import { SETTINGS_KEY } from '@/lib/settings';
import { forgetSettings, handlers, loadSettings } from './handlers';
import { registerWooScripts } from './woo';

export default defineBackground(() => {
  // The background writes everything, so it alone may cache what it reads (the overlay's rows).
  useBackgroundCache();
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
    }
  });
  browser.permissions.onAdded.addListener(refreshWoo);
  browser.permissions.onRemoved.addListener(refreshWoo);
  browser.runtime.onInstalled.addListener(refreshWoo);
});
