/**
 * What the order script shares with 千牛's route watcher (entrypoints/qianniu.content.ts) and the
 * background that injects it on a route change (entrypoints/background/inject.ts). The slots are
 * names on the content scripts' isolated-world global, which only our scripts share.
 */

/** 千牛's sold list: its order script's manifest match (qianniu-sold.content.ts), the watcher's exclusion. */
export const QIANNIU_SOLD = [
  'https://myseller.taobao.com/home.htm/trade-platform/tp/sold*',
  'https://qn.taobao.com/home.htm/trade-platform/tp/sold*',
];

/** Set while an order-page script runs in this tab: the background then injects none. */
export const ORDER_SCRIPT_SLOT = '__kezhiOrderScript';

/** A capture channel the route watcher opened at document_start, for the order script. */
export const BRIDGE_SLOT = '__kezhiBridge';

/**
 * The route watcher's script context, while it is valid: the lean order script the background
 * injects on a route change (entrypoints/qianniu-routed) runs in it, so it carries no WXT
 * runtime and no capture code of its own.
 */
export const WATCHER_SLOT = '__kezhiRouteWatcher';

/** The route watcher's capture channel, taken once (the slot is emptied). */
export function takeEarlyBridge<T>(slot: Record<string, unknown> = globalThis): T | undefined {
  const early = slot[BRIDGE_SLOT] as T | undefined;
  delete slot[BRIDGE_SLOT];
  return early;
}
