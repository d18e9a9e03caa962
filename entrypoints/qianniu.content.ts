/**
 * 千牛 is one single-page app under /home.htm; the sold list is one of its routes. On its other
 * routes this is all that runs of ours: the JSON capture channel, opened at document_start (the
 * only moment its hello reaches no page script) and left for the sold list's order script
 * (qianniu-sold.content.ts), which the background injects when the app routes to the sold list
 * (entrypoints/background/inject.ts).
 */
import { defineContentScript } from 'wxt/utils/define-content-script';
import { ASYNC_SOLD_ENDPOINT } from '@/lib/adapters/taobao-json';
import { openBridge } from './orders.content/bridge';
import { BRIDGE_SLOT, QIANNIU_SOLD, WATCHER_SLOT } from './orders.content/spa-routes';

export default defineContentScript({
  matches: ['https://myseller.taobao.com/home.htm*', 'https://qn.taobao.com/home.htm*'],
  excludeMatches: QIANNIU_SOLD,
  runAt: 'document_start',
  cssInjectionMode: 'manual',
  // WXT's older start signal is a window message, which the app's own listeners would handle.
  noScriptStartedPostMessage: true,
  main(ctx) {
    const slot = globalThis as Record<string, unknown>;
    const bridge = openBridge([ASYNC_SOLD_ENDPOINT]);
    slot[BRIDGE_SLOT] = bridge;
    slot[WATCHER_SLOT] = ctx;
    ctx.onInvalidated(() => {
      bridge.close();
      if (slot[BRIDGE_SLOT] === bridge) delete slot[BRIDGE_SLOT];
      if (slot[WATCHER_SLOT] === ctx) delete slot[WATCHER_SLOT];
    });
  },
});
