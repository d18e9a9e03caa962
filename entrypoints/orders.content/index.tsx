/**
 * Content script for the platforms' order pages: pick the adapter, open the JSON capture channel
 * at document_start, then observe rows and mount overlays. No parsing here (adapters do it), no
 * database (the background owns it). On a matched host that is not an order page nothing runs
 * but a route-change listener.
 */
import { defineContentScript } from 'wxt/utils/define-content-script';
import { adapterFor } from '@/lib/adapters';
import { loadSettings, watchRevision, watchSettings } from '@/lib/browser/settings-watch';
import { openBridge } from './bridge';
import { PageController } from './controller';

export default defineContentScript({
  matches: [
    'https://trade.taobao.com/*',
    'https://myseller.taobao.com/*',
    'https://qn.taobao.com/*',
    'https://mms.pinduoduo.com/*',
    'https://shop.jd.com/*',
    'https://fxg.jinritemai.com/*',
    'https://admin.shopify.com/*',
  ],
  runAt: 'document_start',
  // Styles go into the overlays' shadow roots as one shared sheet: no per-row fetch of a CSS file.
  cssInjectionMode: 'manual',
  async main(ctx) {
    const adapter = adapterFor(new URL(location.href));
    if (!adapter) return;
    const bridge = adapter.jsonEndpoints.length ? openBridge(adapter.jsonEndpoints) : undefined;
    ctx.onInvalidated(() => bridge?.close());

    // Ask for the settings now; the answer arrives while the page is still parsing.
    const stored = loadSettings();
    if (document.readyState === 'loading')
      await new Promise<void>((r) =>
        document.addEventListener('DOMContentLoaded', () => r(), { once: true }),
      );
    let settings = await stored;
    let page: PageController | undefined;

    const route = () => {
      const onOrders = adapter.isOrderPage(new URL(location.href));
      if (onOrders && !page) {
        page = new PageController(ctx, adapter, bridge, settings);
        page.start();
      } else if (!onOrders && page) {
        page.stop();
        page = undefined;
      }
    };
    route();
    ctx.addEventListener(window, 'wxt:locationchange', route);
    const unwatchSettings = watchSettings((s) => {
      settings = s;
      page?.updateSettings(s);
    });
    const unwatchRevision = watchRevision(() => void page?.refresh());
    ctx.onInvalidated(() => {
      unwatchSettings();
      unwatchRevision();
      page?.stop();
    });
  },
});
