/** Order-page script for Taobao/Tmall: 已卖出的宝贝 (old) and 千牛 (new, a single-page app). */
import taobaoOld from '@/lib/adapters/taobao-old';
import taobaoQn from '@/lib/adapters/taobao-qn';
import { orderPageScript } from './orders.content/run';

export const adapters = [taobaoOld, taobaoQn];

export default orderPageScript(
  [
    // taobao-old serves this one page; the rest of trade.taobao.com gets nothing of ours.
    'https://trade.taobao.com/trade/itemlist/list_sold_items.htm*',
    // 千牛 is one app under /home.htm: route changes into the sold list happen inside it.
    'https://myseller.taobao.com/home.htm*',
    'https://qn.taobao.com/home.htm*',
  ],
  adapters,
);
