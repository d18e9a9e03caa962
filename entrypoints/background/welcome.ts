/** The first-run page (entrypoints/welcome) opens once, when the extension is installed. */
import { browser } from 'wxt/browser';

/** Opens the welcome page on a fresh install; an update or a browser update opens nothing. */
export function openWelcomeOnInstall(details: { reason: string }): void {
  if (details.reason !== 'install') return;
  void browser.tabs
    .create({ url: browser.runtime.getURL('/welcome.html') })
    .catch((e: unknown) => console.warn('kezhi: could not open the welcome page', e));
}
