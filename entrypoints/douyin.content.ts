/** Order-page script for Douyin 抖店 (the order area of fxg.jinritemai.com). */
import douyin from '@/lib/adapters/douyin';
import { orderPageScript } from './orders.content/run';

export const adapters = [douyin];

export default orderPageScript(['https://fxg.jinritemai.com/ffa/morder/*'], adapters);
