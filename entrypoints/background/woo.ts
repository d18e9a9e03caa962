/**
 * WooCommerce shops live on the seller's own hosts. The seller adds the address in the options
 * page, which asks for that host at run time; here the order content script is registered for
 * exactly the granted shop origins (nothing at install time).
 */
import { browser } from 'wxt/browser';
import type { Settings } from '@/lib/settings';

const SCRIPT_ID = 'kezhi-woo-orders';

/** The match patterns of the seller's WooCommerce shops we hold a permission for. */
export async function grantedWooPatterns(settings: Settings): Promise<string[]> {
  const granted = new Set((await browser.permissions.getAll()).origins ?? []);
  return settings.wooShops
    .map((u) => `${new URL(u).origin}/*`)
    .filter((p) => granted.has(p) || granted.has(p.replace(/^https?/, '*')));
}

/** (Re)registers the order content script for the granted WooCommerce shops. */
export async function registerWooScripts(settings: Settings): Promise<void> {
  const matches = await grantedWooPatterns(settings);
  const existing = await browser.scripting.getRegisteredContentScripts({ ids: [SCRIPT_ID] });
  if (existing.length) await browser.scripting.unregisterContentScripts({ ids: [SCRIPT_ID] });
  if (matches.length === 0) return;
  await browser.scripting.registerContentScripts([
    {
      id: SCRIPT_ID,
      matches,
      js: ['content-scripts/orders.js'],
      runAt: 'document_start',
      persistAcrossSessions: true,
    },
  ]);
}
