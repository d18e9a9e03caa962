/**
 * The order-page script for the seller's WooCommerce shops. Not in the manifest: the background
 * registers it at run time for the shop origins the seller granted (entrypoints/background/woo.ts
 * registers `content-scripts/orders.js`). The marketplaces each have their own script
 * (entrypoints/<platform>.content.ts); all share ./run.ts.
 */
import woocommerce from '@/lib/adapters/woocommerce';
import { orderPageScript } from './run';

export const adapters = [woocommerce];

export default orderPageScript([], adapters, 'runtime');
