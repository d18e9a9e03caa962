/**
 * 千牛 is one single-page app under /home.htm; the sold list is one of its routes. On its other
 * routes this is all that runs of ours: the JSON capture channel, opened at document_start (the
 * only moment its hello reaches no page script) and left in a slot for the lean order script the
 * background injects when the app routes to the sold list (entrypoints/qianniu-routed,
 * entrypoints/background/inject.ts).
 *
 * Listed in the manifest by wxt.config.ts (QIANNIU_APP minus QIANNIU_SOLD, document_start) rather
 * than as a WXT content script: it touches no extension API and carries no script context, so a
 * 千牛 page that never shows the sold list pays for no extension bindings (bench:
 * idle_spa_page_script_ms). The routed script brings its own context.
 */
import { defineUnlistedScript } from 'wxt/utils/define-unlisted-script';
import { ASYNC_SOLD_ENDPOINT } from '@/lib/adapters/taobao-json';
import { openBridge } from './orders.content/bridge';
import { BRIDGE_SLOT } from './orders.content/spa-routes';

export default defineUnlistedScript(() => {
  const slot = globalThis as Record<string, unknown>;
  slot[BRIDGE_SLOT] ??= openBridge([ASYNC_SOLD_ENDPOINT]);
});
