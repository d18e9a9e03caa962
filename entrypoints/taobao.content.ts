/** Order-page script for Taobao/Tmall: 已卖出的宝贝 (old) and 千牛 (new, a single-page app). */
import taobaoOld from '@/lib/adapters/taobao-old';
import taobaoQn from '@/lib/adapters/taobao-qn';
import { orderPageScript } from './orders.content/run';
import { QIANNIU_SOLD } from './orders.content/spa-routes';

export const adapters = [taobaoOld, taobaoQn];

export default orderPageScript(
  [
    // taobao-old serves this one page; the rest of trade.taobao.com gets nothing of ours.
    'https://trade.taobao.com/trade/itemlist/list_sold_items.htm*',
    // 千牛 is one app under /home.htm: a page loaded at its sold list runs this from here; a
    // route change into it gets this injected by the background (qianniu.content.ts).
    ...QIANNIU_SOLD,
  ],
  adapters,
);
