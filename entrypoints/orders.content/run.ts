/**
 * The order-page content script, one per platform (entrypoints/<platform>.content.ts) so a page
 * loads only its own platform's adapter: pick the adapter, open the JSON capture channel at
 * document_start, then observe rows and mount overlays. No parsing here (adapters do it), no
 * database (the background owns it).
 *
 * The manifest `matches` of each script are its adapters' own `matches` areas, so on any other
 * page of a platform host the browser runs nothing of ours. Inside an area (a single-page app),
 * a page that is not an order list costs a URL check and a route-change listener; settings are
 * read and rows observed only once an order list shows. 千牛 is narrower still: its script is
 * matched to the sold list, and injected by the background when the app routes there
 * (entrypoints/qianniu.ts keeps the capture channel for it until then).
 */
import type { ContentScriptContext } from 'wxt/utils/content-script-context';
import { defineContentScript } from 'wxt/utils/define-content-script';
import type { Adapter } from '@/lib/adapters/types';
import { loadSettings, watchRevision, watchSettings } from '@/lib/browser/settings-watch';
import type { Settings } from '@/lib/settings';
import { takeBridge, type Bridge } from './bridge';
import { showNotice, type Notice } from './notice';
import { PageController } from './controller';
import { ORDER_SCRIPT_SLOT } from './spa-routes';

/** An order-page content script serving `adapters` on the pages `matches` names. */
export function orderPageScript(
  matches: string[],
  adapters: readonly Adapter[],
  registration: 'manifest' | 'runtime' = 'manifest',
): ReturnType<typeof defineContentScript> {
  return defineContentScript({
    matches,
    registration,
    runAt: 'document_start',
    // Styles go into the overlays' shadow roots as one shared sheet: no CSS file to fetch.
    cssInjectionMode: 'manual',
    main: (ctx) => runOrderPage(ctx, adapters, takeBridge),
  });
}

/**
 * Serves the order lists of `adapters` in `ctx`: `bridgeFor` gives the JSON capture channel for
 * an adapter's endpoints (the manifest scripts open one at document_start or take the route
 * watcher's; the lean routed script only takes the watcher's).
 */
export async function runOrderPage(
  ctx: ContentScriptContext,
  adapters: readonly Adapter[],
  bridgeFor: (endpoints: RegExp[]) => Bridge | undefined,
): Promise<void> {
  const url = new URL(location.href);
  const adapter = adapters.find((a) => a.matches(url));
  if (!adapter) return;
  // The background injects this script when a single-page app's route reaches an order list
  // (background/inject.ts), once: it looks here first.
  const slot = globalThis as Record<string, unknown>;
  slot[ORDER_SCRIPT_SLOT] = true;
  const bridge = adapter.jsonEndpoints.length ? bridgeFor(adapter.jsonEndpoints) : undefined;
  ctx.onInvalidated(() => {
    bridge?.close();
    delete slot[ORDER_SCRIPT_SLOT];
  });

  // On an order list, ask the background for the settings now: the answer arrives while the page
  // still parses (and a sleeping service worker wakes before the rows are asked about).
  let stored: Promise<Settings> | undefined = adapter.isOrderPage(url) ? loadSettings() : undefined;
  // The rows are read the moment the parser finishes (readyState turns 'interactive', in the
  // parser's own task), not at DOMContentLoaded: that event is a task of its own, queued behind
  // the page's first layout, and reading then made the question to the background wait for it.
  // Asked at once, the answer arrives while the page lays itself out.
  if (document.readyState === 'loading')
    await new Promise<void>((r) =>
      document.addEventListener('readystatechange', () => r(), { once: true }),
    );
  let settings: Settings | undefined;
  let page: PageController | undefined;
  let routing = Promise.resolve();

  /** Settings, and the listeners that keep them and the overlay current, from the first list on. */
  const ready = async (): Promise<Settings> => {
    if (settings) return settings;
    // Listen first: a change that lands while the first read is on its way must not be lost.
    if (!watching) watch();
    stored ??= loadSettings();
    const first = await stored.catch((e: unknown) => {
      stored = undefined; // the next order list asks again
      throw e;
    });
    settings ??= first;
    return settings;
  };
  let watching = false;
  const watch = () => {
    watching = true;
    const unwatchSettings = watchSettings((s) => {
      settings = s;
      page?.updateSettings(s);
    });
    const unwatchRevision = watchRevision(() => void page?.refresh());
    ctx.onInvalidated(() => {
      unwatchSettings();
      unwatchRevision();
    });
  };

  // The background could not give the settings: say so (in the default language, as we know no
  // other), and try again on the next route change.
  let notice: Notice | undefined;
  const settled = (): Promise<Settings | undefined> =>
    ready().then(
      (s) => {
        notice?.remove();
        notice = undefined;
        return s;
      },
      (e: unknown) => {
        notice ??= showNotice(ctx, 'zh_CN', e instanceof Error ? e.message : String(e));
        return undefined;
      },
    );

  const route = async () => {
    const onOrders = adapter.isOrderPage(new URL(location.href));
    if (onOrders && !page) {
      if (ctx.isInvalid) return;
      // The rows are read and asked about at once: the settings (asked for at document_start)
      // are needed only to draw the answer, and the controller waits for them there. When the
      // worker is busy (the last page's orders being stored), they can come after the page's
      // first frame, and the question waited for them.
      const current = new PageController(ctx, adapter, bridge, settled());
      page = current;
      current.start();
      // Not read (the notice says so): that controller stopped; the next route change tries again.
      if (!(await current.ready) && page === current) page = undefined;
    } else if (!onOrders && page) {
      page.stop();
      page = undefined;
    }
  };
  // One route change at a time (settings may still be on their way when the next one comes).
  const reroute = () => {
    routing = routing.then(route, route);
  };
  reroute();
  ctx.addEventListener(window, 'wxt:locationchange', reroute);
  ctx.onInvalidated(() => page?.stop());
}
