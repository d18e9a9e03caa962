/**
 * Injects the overlay's on-demand half into the tab whose content script asked for it. The file
 * is not web-accessible: only the extension can put it into a page, and only into the content
 * script's isolated world (executeScript's default), where it registers itself for the overlay.
 */
import { browser } from 'wxt/browser';
import type { Handlers } from '@/lib/messaging';

/** The unlisted script entrypoints/overlay-assistant builds to. */
export const ASSISTANT_FILE = '/overlay-assistant.js';

export const loadDetail: Handlers['loadDetail'] = async (_input, sender) => {
  if (sender.tabId === undefined) throw new Error('loadDetail needs a tab');
  // Top frame only: the order content script does not run in frames.
  await browser.scripting.executeScript({
    target: { tabId: sender.tabId },
    files: [ASSISTANT_FILE],
    injectImmediately: true,
  });
  return { injected: true };
};
