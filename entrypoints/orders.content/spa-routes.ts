/**
 * What the order script shares with 千牛's route watcher (entrypoints/qianniu.ts) and the
 * background that injects it on a route change (entrypoints/background/inject.ts). The slots are
 * names on the content scripts' isolated-world global, which only our scripts share.
 */

/** The 千牛 app: where the route watcher (entrypoints/qianniu.ts) runs, but for the sold list. */
export const QIANNIU_APP = [
  'https://myseller.taobao.com/home.htm*',
  'https://qn.taobao.com/home.htm*',
];

/** The route watcher's file (an unlisted script that wxt.config.ts lists in the manifest). */
export const WATCHER_FILE = 'qianniu.js';

/** 千牛's sold list: its order script's manifest match (qianniu-sold.content.ts), the watcher's exclusion. */
export const QIANNIU_SOLD = [
  'https://myseller.taobao.com/home.htm/trade-platform/tp/sold*',
  'https://qn.taobao.com/home.htm/trade-platform/tp/sold*',
];

/** Set while an order-page script runs in this tab: the background then injects none. */
export const ORDER_SCRIPT_SLOT = '__kezhiOrderScript';

/** A capture channel the route watcher opened at document_start, for the order script. */
export const BRIDGE_SLOT = '__kezhiBridge';

/** The route watcher's capture channel, taken once (the slot is emptied). */
export function takeEarlyBridge<T>(slot: Record<string, unknown> = globalThis): T | undefined {
  const early = slot[BRIDGE_SLOT] as T | undefined;
  delete slot[BRIDGE_SLOT];
  return early;
}
