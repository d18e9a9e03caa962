/**
 * Order-page script for Taobao/Tmall's old 已卖出的宝贝 page. 千牛's sold list (the new page) has
 * its own script (qianniu-sold.content.ts): each page loads only the adapter it uses.
 */
import taobaoOld from '@/lib/adapters/taobao-old';
import { orderPageScript } from './orders.content/run';

export const adapters = [taobaoOld];

export default orderPageScript(
  // taobao-old serves this one page; the rest of trade.taobao.com gets nothing of ours.
  ['https://trade.taobao.com/trade/itemlist/list_sold_items.htm*'],
  adapters,
);
