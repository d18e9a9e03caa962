/**
 * The popup's browser glue: open Settings, the dashboard and the welcome page (copying is
 * components/copy-text, which the order pages share).
 */
import { browser, type PublicPath } from 'wxt/browser';

/** Opens the options page. */
export async function openOptions(): Promise<void> {
  await browser.runtime.openOptionsPage();
}

/** Opens one of our pages in a new tab. */
async function openPage(path: string): Promise<void> {
  // A string, not a literal: the entrypoint may not be generated into PublicPath yet.
  await browser.tabs.create({ url: browser.runtime.getURL(path as PublicPath) });
}

/** Opens the dashboard in a new tab. */
export const openDashboard = (): Promise<void> => openPage('/dashboard.html');

/** Opens the first-run page (what is kept, permissions, the pause switch) in a new tab. */
export const openWelcome = (): Promise<void> => openPage('/welcome.html');
