/**
 * The popup's browser glue: copy to the clipboard, open Settings and the dashboard.
 */
import { browser, type PublicPath } from 'wxt/browser';

/**
 * Copies text. The async Clipboard API first; where it is missing or refused (an unfocused
 * document, an older browser) the classic hidden-textarea + execCommand('copy') fallback, which
 * the manifest's clipboardWrite permission allows. Resolves false when both fail.
 */
export async function copyText(text: string): Promise<boolean> {
  try {
    if (navigator.clipboard?.writeText) {
      await navigator.clipboard.writeText(text);
      return true;
    }
  } catch {
    // fall through to the fallback
  }
  const area = document.createElement('textarea');
  area.value = text;
  area.setAttribute('readonly', '');
  area.style.position = 'fixed';
  area.style.opacity = '0';
  document.body.appendChild(area);
  const focused = document.activeElement as HTMLElement | null;
  area.select();
  let ok: boolean;
  try {
    // Deprecated but still the only synchronous path when the Clipboard API is unavailable.
    ok = document.execCommand('copy');
  } catch {
    ok = false;
  }
  area.remove();
  focused?.focus();
  return ok;
}

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
