/** Order-page script for JD 京麦 (the order area of shop.jd.com). */
import jd from '@/lib/adapters/jd';
import { orderPageScript } from './orders.content/run';

export const adapters = [jd];

export default orderPageScript(['https://shop.jd.com/jdm/trade/orders/*'], adapters);
