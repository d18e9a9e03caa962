/** Order-page script for the Shopify admin (per-store app under /store/{handle}). */
import shopify from '@/lib/adapters/shopify';
import { orderPageScript } from './orders.content/run';

export const adapters = [shopify];

export default orderPageScript(['https://admin.shopify.com/store/*/orders*'], adapters);
