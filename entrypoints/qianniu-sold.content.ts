/**
 * Order-page script for 千牛's sold list (Taobao/Tmall's new 已卖出的宝贝, a route of one
 * single-page app). A page loaded at the sold list runs this from the manifest; a route change
 * into it gets this injected by the background (background/inject.ts), while the app's other
 * routes carry only the route watcher (entrypoints/qianniu.ts).
 */
import taobaoQn from '@/lib/adapters/taobao-qn';
import { orderPageScript } from './orders.content/run';
import { QIANNIU_SOLD } from './orders.content/spa-routes';

export const adapters = [taobaoQn];

export default orderPageScript(QIANNIU_SOLD, adapters);
