import { browser } from 'wxt/browser';
import { defineBackground } from 'wxt/utils/define-background';
import { dispatch } from '@/lib/messaging';
import { SETTINGS_KEY } from '@/lib/settings';
import { forgetSettings, handlers } from './handlers';

export default defineBackground(() => {
  const self = { extensionId: browser.runtime.id, extensionOrigin: browser.runtime.getURL('/') };
  // The polyfill sends a returned promise's value as the reply; dispatch never rejects.
  browser.runtime.onMessage.addListener(
    // eslint-disable-next-line @typescript-eslint/no-misused-promises -- returning the promise is the polyfill's reply API
    (message: unknown, sender): Promise<unknown> => dispatch(handlers, message, sender, self),
  );
  browser.storage.onChanged.addListener((changes, area) => {
    if (area === 'local' && SETTINGS_KEY in changes) forgetSettings();
  });
});
