/**
 * The explicit adapter registry. Adding a platform touches: lib/adapters/<id>.ts,
 * test/adapters/<id>.test.ts, test/fixtures/<id>/, and one import line here.
 */
import douyin from './douyin';
import jd from './jd';
import pinduoduo from './pinduoduo';
import shopify from './shopify';
import taobaoOld from './taobao-old';
import taobaoQn from './taobao-qn';
import woocommerce from './woocommerce';
import type { Adapter } from './types';

export const ADAPTERS: readonly Adapter[] = [
  taobaoOld,
  taobaoQn,
  pinduoduo,
  jd,
  douyin,
  woocommerce,
  shopify,
];

/** The adapter that serves this URL, if any. WooCommerce hosts come from settings. */
export function adapterFor(url: URL): Adapter | undefined {
  return ADAPTERS.find((a) => a.matches(url));
}
