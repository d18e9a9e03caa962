/** Order-page script for Pinduoduo 商家后台 (a single-page app on one host). */
import pinduoduo from '@/lib/adapters/pinduoduo';
import { orderPageScript } from './orders.content/run';

export const adapters = [pinduoduo];

export default orderPageScript(['https://mms.pinduoduo.com/*'], adapters);
