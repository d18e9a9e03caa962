/**
 * One order page's life: observe the page, read rows with the adapter, mount an overlay beside
 * each row, keep up with re-renders, paging and SPA route changes. What goes to the background
 * and back is order-sync.ts; how a row is painted is paint-row.tsx.
 * One MutationObserver for the page; its reports are coalesced into one scan per animation frame.
 * Rows mount in slices of a few milliseconds with the page getting a turn between them, so a
 * page of a hundred orders never blocks input; the first slice (the rows in the window first,
 * then as many as fit) is drawn in a frame of its own before any rest mounts. The overlay's
 * on-demand half (cards, 催付 assistant) loads on the first touch of an overlay.
 */
import { render } from 'preact';
import type { ContentScriptContext } from 'wxt/utils/content-script-context';
import { OVERLAY_CSS } from '@/components/overlay/styles';
import { shopDisplayName } from '@/lib/shops';
import type { Adapter, AdapterContext, PageRow } from '@/lib/adapters/types';
import { send } from '@/lib/browser/rpc';
import { shopKey } from '@/lib/keys';
import type { Settings } from '@/lib/settings';
import type { RowSummary } from '@/lib/summary';
import { assistantLoader, loadOnFirstTouch, type TouchTrigger } from './assistant-loader';
import type { Bridge } from './bridge';
import {
  afterNextFrame,
  CLAIMED_TAG,
  createRowHost,
  frameWatch,
  inViewFirst,
  isOurs,
  sharedStyle,
  yieldToPage,
  type SharedStyle,
} from './mount';
import { showNotice, type Notice } from './notice';
import { OrderSync } from './order-sync';
import {
  hostIsDark,
  paintRow,
  paintRows,
  sameSummary,
  type Mounted,
  type PaintHost,
} from './paint-row';

/** Longest stretch of mounting before the page gets a turn (a long task is 50 ms). */
const SLICE_MS = 12;
/** The first slice's: the rows in the window and what else fits, drawn together. */
const FIRST_SLICE_MS = 20;
/**
 * Most new rows one frame lays out. A hundred rows' overlays took 35-50 ms of layout in one frame
 * on the bench machine (the page's own tables re-laid around them), 55-100 ms with pre-paint and
 * paint: half as many keeps each frame under a long task.
 */
const FRAME_ROWS = 50;

export class PageController {
  private observer?: MutationObserver;
  private frame = 0;
  private mounted = new Map<Element, Mounted>();
  private notice?: Notice;
  /** The page defined our host tag (mount.ts): no overlay on this page. */
  private claimed = false;
  private stopped = false;
  private style?: SharedStyle;
  private scanning = false;
  private rescan = false;
  private orders: OrderSync;
  private paintHost: PaintHost;
  /** A first touch of an overlay loads the on-demand half. */
  private touch: TouchTrigger;

  /** The seller's settings, once read (only drawing needs them). */
  private settings?: Settings;
  /**
   * Whether the settings came: the rows are read and asked about without them, and the answer is
   * drawn once they are here. False when they could not be read; the controller has stopped then.
   */
  readonly ready: Promise<boolean>;

  constructor(
    private ctx: ContentScriptContext,
    private adapter: Adapter,
    private bridge: Bridge | undefined,
    settings: Settings | Promise<Settings | undefined>,
  ) {
    this.ready = Promise.resolve(settings).then((s) => {
      if (!s) {
        this.stop();
        return false;
      }
      this.settings ??= s; // a change that came meanwhile is newer
      return true;
    });
    this.orders = new OrderSync(adapter, {
      apply: (summaries, onlyChanged) => this.repaint(summaries, onlyChanged),
      // The background could not answer: say it once, keep the page.
      fail: (error) => {
        this.notice ??= showNotice(ctx, this.language(), error);
      },
    });
    const detail = assistantLoader(() => send('loadAssistant', {}));
    this.touch = loadOnFirstTouch(ctx, detail, isOurs);
    this.paintHost = {
      settings: () => this.drawing(),
      shopName: () =>
        this.drawing().shops[shopKey(adapter.platform, this.orders.shopId)]?.name ||
        shopDisplayName(this.orders.shopId),
      detail,
      refresh: () => this.refresh(),
    };
  }

  /** The settings a paint uses: paints wait for `ready`, so they are here. */
  private drawing(): Settings {
    if (!this.settings) throw new Error('kezhi: drawing before the settings came');
    return this.settings;
  }

  /** The language for a notice: the seller's once known, else the default. */
  private language(): Settings['language'] {
    return this.settings?.language ?? 'zh_CN';
  }

  start(): void {
    this.orders.shopId = this.adapter.shopId(new URL(location.href), document);
    this.bridge?.onJson((c) => void this.onJson(c.url, c.body));
    this.observer = new MutationObserver((records) => {
      // Our own shadow hosts appearing are not news.
      if (records.every((r) => [...r.addedNodes, ...r.removedNodes].every((n) => isOurs(n))))
        return;
      this.schedule();
    });
    this.observer.observe(document.body, { childList: true, subtree: true });
    // The rows a loaded page already has are read now, not a frame later.
    void this.scan();
    // The step due now and the auto-close countdown move with the clock: while unpaid orders are
    // on screen, ask again once a minute (one message, no page work otherwise).
    this.ctx.setInterval(() => {
      if (!this.stopped && [...this.mounted.values()].some((m) => m.summary?.plan))
        void this.refresh();
    }, 60_000);
  }

  stop(): void {
    this.stopped = true;
    this.observer?.disconnect();
    this.touch.disarm();
    cancelAnimationFrame(this.frame);
    this.unmountAll();
    this.notice?.remove();
  }

  /** Settings changed: re-render with the new language/templates and ask for fresh figures. */
  updateSettings(s: Settings): void {
    this.settings = s;
    // The shop's overlay may have been switched off or on: apply it now, not at the next reload
    // (a refresh with no overlay mounted asks the background nothing, so it cannot tell us).
    this.orders.overlayEnabled =
      s.shops[shopKey(this.adapter.platform, this.orders.shopId)]?.overlayEnabled ?? true;
    void this.refresh().then(() => this.schedule());
  }

  /** Something the overlay shows changed in the background (tags, contacts): re-ask. */
  async refresh(): Promise<void> {
    const ids = [...this.mounted.values()].map((m) => m.orderId);
    await this.orders.sync([], ids);
  }

  private unmount(m: Mounted): void {
    render(null, m.ui.container);
    m.ui.host.remove();
    this.mounted.delete(m.row);
  }

  private unmountAll(): void {
    for (const m of [...this.mounted.values()]) this.unmount(m);
  }

  private schedule(): void {
    if (this.frame || this.stopped) return;
    this.frame = requestAnimationFrame(() => {
      this.frame = 0;
      void this.scan();
    });
  }

  private context(): AdapterContext {
    return { url: new URL(location.href), now: Date.now(), shopId: this.orders.shopId };
  }

  /** One scan at a time: changes that arrive meanwhile get one more scan after it. */
  private async scan(): Promise<void> {
    if (this.scanning) {
      this.rescan = true;
      return;
    }
    this.scanning = true;
    try {
      await this.scanOnce();
    } finally {
      this.scanning = false;
    }
    if (this.rescan) {
      this.rescan = false;
      this.schedule();
    }
  }

  private async scanOnce(): Promise<void> {
    const result = this.adapter.readRows(document, this.context());
    if (!result.ok) {
      this.pause(result.problem);
      await this.orders.reportHealth(false, 0, result.problem);
      return;
    }
    if (!this.claimed) {
      this.notice?.remove();
      this.notice = undefined;
    }
    const rows = result.items;
    // Has the page drawn these rows yet when their answer comes (then the ones in view go first)?
    const drawn = frameWatch();
    // Forget overlays whose rows left the page (paging re-renders rows in place).
    const present = new Set(rows.map((r) => r.row));
    for (const [row, m] of [...this.mounted]) {
      if (!present.has(row) || !row.isConnected || !m.ui.host.isConnected) this.unmount(m);
    }
    const { fresh, ids } = this.orders.news(rows);
    const health = this.orders.health(rows.length, result.coverage);
    if (fresh.length > 0 && (await this.orders.lookup(fresh, ids))) {
      // Badges before writes: the answer from what is stored is mounted first; only then does
      // the page go to be stored (the worker's writes and their answer would compete with the
      // mounting for the same cores), and that answer repaints only the rows it changed.
      await this.mountRows(rows, drawn);
      if (this.stopped) return;
      await this.orders.sync(fresh, ids, health, { onlyChanged: true });
    } else if (fresh.length || ids.length) await this.orders.sync(fresh, ids, health);
    await this.mountRows(rows, drawn);
  }

  private async onJson(url: string, body: unknown): Promise<void> {
    if (!this.adapter.parseJson || !this.adapter.jsonEndpoints.some((re) => re.test(url))) return;
    const result = this.adapter.parseJson(body, this.context());
    if (!result.ok) {
      // A bad capture costs that capture, not the overlay: page script can fetch any body from
      // an order endpoint. The rows on screen still come from the DOM, which pauses on its own.
      await this.orders.reportHealth(false, 0, result.problem);
      return;
    }
    const fresh = result.items.filter((o) => this.orders.isFresh(o));
    if (fresh.length === 0) return;
    const onScreen = [...this.mounted.values()].map((m) => m.orderId);
    // The body's coverage (unknown statuses, entries without an id) goes to health with it.
    const health = this.orders.health(result.items.length, result.coverage);
    const ids = [...new Set([...fresh.map((o) => o.orderId), ...onScreen])];
    await this.orders.sync(fresh, ids, health);
    this.schedule();
  }

  /** Wrong badges are worse than none: the page changed, so say so and show nothing. */
  private pause(problem: string): void {
    this.unmountAll();
    this.notice ??= showNotice(this.ctx, this.language(), problem);
  }

  /** Repaints the mounted rows the answers describe (with `onlyChanged`, those that differ). */
  private repaint(summaries: readonly RowSummary[], onlyChanged: boolean): void {
    const byOrder = new Map<string, Mounted[]>();
    for (const m of this.mounted.values())
      byOrder.set(m.orderId, [...(byOrder.get(m.orderId) ?? []), m]);
    const rows: [Mounted, RowSummary][] = [];
    for (const s of summaries)
      for (const m of byOrder.get(s.orderId) ?? [])
        if (!onlyChanged || !sameSummary(m.summary, s)) rows.push([m, s]);
    paintRows(rows, this.paintHost);
  }

  /** Mounts the rows' overlays; `drawn` says whether the page has drawn a frame with them yet. */
  private async mountRows(rows: PageRow[], drawn: () => boolean): Promise<void> {
    // Drawing needs the settings (language, templates); the answer may come first.
    if (!(await this.ready)) return;
    // Stopped (the app routed away) while an answer was on its way: mount nothing.
    if (this.stopped) return;
    if (!this.orders.overlayEnabled || this.claimed) {
      this.unmountAll();
      return;
    }
    const { summaries } = this.orders;
    // The rows in the window first: they are the first slice, drawn in a frame of their own.
    const { rows: todo, inView } = inViewFirst(
      rows.filter((r) => summaries.has(r.orderId) && !this.mounted.has(r.row)),
      drawn,
    );
    if (todo.length === 0) return;
    this.style ??= sharedStyle(OVERLAY_CSS);
    // Read every row's surroundings before the first write (one style recalc for all).
    const themes = new Map<Element, boolean>();
    const dark = todo.map((r) => hostIsDark(r.row, themes));
    let sliceStart = performance.now();
    let sliced = false;
    let framed = 0; // rows mounted since the last frame was drawn
    for (let i = 0; i < todo.length; i++) {
      // The first slice starts with the rows in the window and takes as many more as fit in
      // FIRST_SLICE_MS; it is drawn in a frame of its own before more is added, so the seller
      // sees the top of the list then. Later slices only give the page a turn, except that no
      // frame lays out more than FRAME_ROWS new rows: their layout is the frame's (the page's
      // tables around them included), and a frame over 50 ms is a long task like any other.
      const budget = sliced ? SLICE_MS : FIRST_SLICE_MS;
      const full = framed >= FRAME_ROWS;
      const due =
        full ||
        (performance.now() - sliceStart > budget &&
          (sliced || inView === undefined || i >= inView));
      if (i > 0 && due) {
        if (sliced && !full) await yieldToPage();
        else {
          await afterNextFrame();
          framed = 0;
        }
        sliced = true;
        if (this.stopped || !this.orders.overlayEnabled) return;
        sliceStart = performance.now();
      }
      framed++;
      const r = todo[i]!;
      const summary = summaries.get(r.orderId);
      // The page may have re-rendered the row while we yielded, or another scan mounted it.
      if (!summary || this.mounted.has(r.row) || !r.anchor.isConnected) continue;
      const ui = createRowHost(r.anchor, this.style);
      if (!ui) {
        this.claimed = true;
        this.pause(CLAIMED_TAG);
        return;
      }
      const entry: Mounted = { orderId: r.orderId, row: r.row, ui, dark: dark[i] ?? false };
      this.mounted.set(r.row, entry);
      paintRow(entry, summary, this.paintHost);
    }
    if (this.mounted.size > 0) this.touch.arm();
  }
}
