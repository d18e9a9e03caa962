/**
 * Puts our scripts into a tab's content-script world (executeScript's default): the overlay's
 * on-demand half when its content script asks, and the order script when a single-page app
 * routes to an order list. Neither file is web-accessible: only the extension can put it there.
 */
import { browser } from 'wxt/browser';
import taobaoQn from '@/lib/adapters/taobao-qn';
import type { Handlers } from '@/lib/messaging';
import { REMIND_TEMPLATES } from '@/lib/reminders/templates';
import { ORDER_SCRIPT_SLOT } from '../orders.content/spa-routes';

/** The unlisted script entrypoints/overlay-assistant builds to. */
export const ASSISTANT_FILE = '/overlay-assistant.js';

export const loadAssistant: Handlers['loadAssistant'] = async (_input, sender) => {
  if (sender.tabId === undefined) throw new Error('loadAssistant needs a tab');
  // Top frame only: the order content script does not run in frames.
  await browser.scripting.executeScript({
    target: { tabId: sender.tabId },
    files: [ASSISTANT_FILE],
    injectImmediately: true,
  });
  // The script's reminder texts come with the answer: data for the page, not code it must parse.
  return { injected: true, templates: REMIND_TEMPLATES };
};

/**
 * Order lists that are routes of a single-page app, and the script that serves them. The
 * manifest runs it on a page loaded there; a route change into one gets it from here, so the
 * app's other routes carry only the route watcher (entrypoints/qianniu.ts).
 */
const ROUTED = [{ adapter: taobaoQn, file: '/qianniu-routed.js' as const }];

/** Tabs with an injection on its way (a route change and a load can report at once). */
const injecting = new Set<number>();

/**
 * A tab's page finished loading or changed its URL: if it is now on a routed order list and no
 * order script runs there, inject one. Only a loaded page: while it loads, the manifest may
 * still be about to run the script itself.
 */
export async function injectOnRoute(
  tabId: number,
  tab: { url?: string; status?: string },
): Promise<boolean> {
  if (tab.status !== 'complete' || !tab.url || !URL.canParse(tab.url)) return false;
  const url = new URL(tab.url);
  const routed = ROUTED.find((r) => r.adapter.isOrderPage(url));
  if (!routed || injecting.has(tabId)) return false;
  injecting.add(tabId);
  try {
    const target = { tabId };
    const [probe] = await browser.scripting.executeScript({
      target,
      func: (slot: string) => slot in globalThis,
      args: [ORDER_SCRIPT_SLOT],
    });
    if (probe?.result === true) return false;
    await browser.scripting.executeScript({
      target,
      files: [routed.file],
      injectImmediately: true,
    });
    return true;
  } finally {
    injecting.delete(tabId);
  }
}
