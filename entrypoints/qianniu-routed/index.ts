/**
 * The 千牛 sold list's order script in its lean form: what the background injects when the app
 * routes to the sold list (entrypoints/background/inject.ts). It takes the capture channel the
 * route watcher (entrypoints/qianniu.ts) opened at document_start, if one is there, and carries
 * no capture code of its own: the page loads that once. Without a channel it reads rows from the
 * DOM alone (a hello sent now would reach page scripts).
 */
import { defineUnlistedScript } from 'wxt/utils/define-unlisted-script';
import { ContentScriptContext } from 'wxt/utils/content-script-context';
import taobaoQn from '@/lib/adapters/taobao-qn';
import { runOrderPage } from '../orders.content/run';
import { takeEarlyBridge } from '../orders.content/spa-routes';

export default defineUnlistedScript(() => {
  // WXT's older start signal is a window message, which the app's own listeners would handle.
  const ctx = new ContentScriptContext('qianniu-routed', { noScriptStartedPostMessage: true });
  void runOrderPage(ctx, [taobaoQn], () => takeEarlyBridge(globalThis));
});
