/**
 * MAIN-world observer of the page's own order JSON. It never sends a request of its own (the
 * platforms sign requests and punish replays): it only reads responses the page already got,
 * on the endpoints the isolated script names, and hands them over a private MessagePort.
 * See lib/capture-protocol.ts for why the channel is safe from the page.
 */
import { defineContentScript } from 'wxt/utils/define-content-script';
import { installInterceptor } from '@/lib/capture-interceptor';

export default defineContentScript({
  // The order scripts' areas (entrypoints/<platform>.content.ts): only there is an isolated end
  // to hand JSON to, so nowhere else does this run.
  matches: [
    'https://trade.taobao.com/trade/itemlist/list_sold_items.htm*',
    'https://myseller.taobao.com/home.htm*',
    'https://qn.taobao.com/home.htm*',
    'https://mms.pinduoduo.com/*',
    'https://sff.jd.com/*',
    'https://shop.jd.com/jdm/trade/orders/*',
    'https://fxg.jinritemai.com/ffa/morder/*',
    'https://admin.shopify.com/store/*/orders*',
  ],
  world: 'MAIN',
  runAt: 'document_start',
  allFrames: false,
  main() {
    installInterceptor(window);
  },
});
