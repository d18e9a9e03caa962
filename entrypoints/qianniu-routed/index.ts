/**
 * The 千牛 sold list's order script in its lean form: what the background injects when the app
 * routes to the sold list from a route where the watcher (qianniu.content.ts) runs. It serves the
 * list in the watcher's script context with the watcher's capture channel, so it carries neither
 * WXT's content-script runtime nor the capture code: the page loads those once. Where no valid
 * watcher runs (it was there before the extension was reloaded), the background injects the full
 * script (qianniu-sold.js) instead (entrypoints/background/inject.ts).
 */
import { defineUnlistedScript } from 'wxt/utils/define-unlisted-script';
import type { ContentScriptContext } from 'wxt/utils/content-script-context';
import taobaoQn from '@/lib/adapters/taobao-qn';
import { runOrderPage } from '../orders.content/run';
import { takeEarlyBridge, WATCHER_SLOT } from '../orders.content/spa-routes';

export default defineUnlistedScript(() => {
  const slot = globalThis as Record<string, unknown>;
  const ctx = slot[WATCHER_SLOT] as ContentScriptContext | undefined;
  if (!ctx || ctx.isInvalid) return;
  void runOrderPage(ctx, [taobaoQn], () => takeEarlyBridge(slot));
});
