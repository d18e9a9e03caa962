/**
 * One order page's life: read rows with the adapter, send what is new to the background, mount
 * an overlay beside each row, keep up with re-renders, paging and SPA route changes.
 * One MutationObserver for the page; its reports are coalesced into one scan per animation frame.
 * Rows mount in slices of a few milliseconds with the page getting a turn between them, so a
 * page of a hundred orders never blocks input; the overlay's detail half (cards, 催付 assistant)
 * is fetched once the badges are up.
 */
import { render } from 'preact';
import type { ContentScriptContext } from 'wxt/utils/content-script-context';
import type { DetailSource } from '@/components/overlay/detail';
import { Overlay } from '@/components/overlay/Overlay';
import { OVERLAY_CSS } from '@/components/overlay/styles';
import { shopDisplayName } from '@/lib/shops';
import type { Adapter, AdapterContext, PageRow } from '@/lib/adapters/types';
import { send } from '@/lib/browser/rpc';
import { shopKey } from '@/lib/keys';
import { checkBeforeContact } from '@/lib/reminders/plan';
import type { OrderInput } from '@/lib/schemas';
import type { Settings } from '@/lib/settings';
import type { RowSummary } from '@/lib/summary';
import type { Bridge } from './bridge';
import { copyText } from './clipboard';
import { detailLoader } from './detail';
import {
  CLAIMED_TAG,
  createRowHost,
  sharedStyle,
  yieldToPage,
  type RowHost,
  type SharedStyle,
} from './mount';
import { showNotice, type Notice } from './notice';

/** Rows per sync message: the background answers each batch in one transaction. */
const BATCH = 200;
/** Longest stretch of mounting before the page gets a turn (a long task is 50 ms). */
const SLICE_MS = 12;

interface Mounted {
  orderId: string;
  row: Element;
  ui: RowHost;
  dark: boolean;
  summary?: RowSummary;
}

export class PageController {
  private observer?: MutationObserver;
  private frame = 0;
  /** What we last sent per order id (JSON), so unchanged rows are not sent again. */
  private sent = new Map<string, string>();
  private summaries = new Map<string, RowSummary>();
  private autoClose = new Map<string, number>();
  private mounted = new Map<Element, Mounted>();
  private notice?: Notice;
  private overlayEnabled = true;
  /** The page defined our host tag (mount.ts): no overlay on this page. */
  private claimed = false;
  private stopped = false;
  private shopId = 'default';
  private style?: SharedStyle;
  private scanning = false;
  private rescan = false;
  /** A first touch of an overlay loads the detail half (see prefetchDetail). */
  private awaitingTouch = false;
  private detail: DetailSource = detailLoader(() => send('loadDetail', {}));

  constructor(
    private ctx: ContentScriptContext,
    private adapter: Adapter,
    private bridge: Bridge | undefined,
    private settings: Settings,
  ) {}

  start(): void {
    this.shopId = this.adapter.shopId(new URL(location.href), document);
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
    this.untouch();
    cancelAnimationFrame(this.frame);
    this.unmountAll();
    this.notice?.remove();
  }

  private unmount(m: Mounted): void {
    render(null, m.ui.container);
    m.ui.host.remove();
    this.mounted.delete(m.row);
  }

  private unmountAll(): void {
    for (const m of [...this.mounted.values()]) this.unmount(m);
  }

  /** Settings changed: re-render with the new language/templates and ask for fresh figures. */
  updateSettings(s: Settings): void {
    this.settings = s;
    // The shop's overlay may have been switched off or on: apply it now, not at the next reload
    // (a refresh with no overlay mounted asks the background nothing, so it cannot tell us).
    this.overlayEnabled =
      s.shops[shopKey(this.adapter.platform, this.shopId)]?.overlayEnabled ?? true;
    void this.refresh().then(() => this.schedule());
  }

  /** Something the overlay shows changed in the background (tags, contacts): re-ask. */
  async refresh(): Promise<void> {
    const ids = [...this.mounted.values()].map((m) => m.orderId);
    await this.sync([], ids);
  }

  private schedule(): void {
    if (this.frame || this.stopped) return;
    this.frame = requestAnimationFrame(() => {
      this.frame = 0;
      void this.scan();
    });
  }

  private context(): AdapterContext {
    return { url: new URL(location.href), now: Date.now(), shopId: this.shopId };
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
      await this.reportHealth(false, 0, result.problem);
      return;
    }
    if (!this.claimed) {
      this.notice?.remove();
      this.notice = undefined;
    }
    const rows = result.items;
    // Forget overlays whose rows left the page (paging re-renders rows in place).
    const present = new Set(rows.map((r) => r.row));
    for (const [row, m] of [...this.mounted]) {
      if (!present.has(row) || !row.isConnected || !m.ui.host.isConnected) this.unmount(m);
    }
    const fresh: OrderInput[] = [];
    for (const r of rows) {
      if (r.autoCloseAt) this.autoClose.set(r.orderId, r.autoCloseAt);
      if (r.order && this.sent.get(r.orderId) !== JSON.stringify(r.order)) fresh.push(r.order);
    }
    const needSummary = rows.filter(
      (r) => fresh.some((o) => o.orderId === r.orderId) || !this.summaries.has(r.orderId),
    );
    const health = {
      adapter: this.adapter.id,
      ok: true,
      recognised: rows.length,
      ...(result.coverage ? { coverage: result.coverage } : {}),
      at: Date.now(),
    };
    const ids = needSummary.map((r) => r.orderId);
    if (fresh.length > 0 && (await this.lookup(fresh, ids))) {
      // Badges before writes: the answer from what is stored paints now; the ingest runs while
      // the rows mount, and its answer repaints only the rows it changed.
      const stored = this.sync(fresh, ids, health, { onlyChanged: true });
      await this.mountRows(rows);
      await stored;
    } else if (fresh.length || needSummary.length) await this.sync(fresh, ids, health);
    await this.mountRows(rows);
  }

  /**
   * Asks the background for the rows' badges from what it already knows, the page's new orders
   * applied in memory (nothing written). False when it could not answer: the sync answers then.
   */
  private async lookup(orders: OrderInput[], rowIds: string[]): Promise<boolean> {
    for (let i = 0; i < Math.max(orders.length, rowIds.length); i += BATCH) {
      const reply = await send('lookup', {
        platform: this.adapter.platform,
        shopId: this.shopId,
        orders: orders.slice(i, i + BATCH),
        rows: rowIds
          .slice(i, i + BATCH)
          .map((orderId) => ({ orderId, autoCloseAt: this.autoClose.get(orderId) })),
      });
      if (!reply.ok) return false;
      this.overlayEnabled = reply.value.overlayEnabled;
      this.apply(reply.value.summaries, false);
    }
    return true;
  }

  private async onJson(url: string, body: unknown): Promise<void> {
    if (!this.adapter.parseJson || !this.adapter.jsonEndpoints.some((re) => re.test(url))) return;
    const result = this.adapter.parseJson(body, this.context());
    if (!result.ok) {
      // A bad capture costs that capture, not the overlay: page script can fetch any body from
      // an order endpoint. The rows on screen still come from the DOM, which pauses on its own.
      await this.reportHealth(false, 0, result.problem);
      return;
    }
    const fresh = result.items.filter((o) => this.sent.get(o.orderId) !== JSON.stringify(o));
    if (fresh.length === 0) return;
    const onScreen = [...this.mounted.values()].map((m) => m.orderId);
    // The body's coverage (unknown statuses, entries without an id) goes to health with it.
    const health = {
      adapter: this.adapter.id,
      ok: true,
      recognised: result.items.length,
      ...(result.coverage ? { coverage: result.coverage } : {}),
      at: Date.now(),
    };
    await this.sync(fresh, [...new Set([...fresh.map((o) => o.orderId), ...onScreen])], health);
    this.schedule();
  }

  private async reportHealth(ok: boolean, recognised: number, problem?: string): Promise<void> {
    await send('sync', {
      adapter: this.adapter.id,
      platform: this.adapter.platform,
      shopId: this.shopId,
      orders: [],
      rows: [],
      health: {
        adapter: this.adapter.id,
        ok,
        recognised,
        problem: problem?.slice(0, 300),
        at: Date.now(),
      },
    });
  }

  /** Wrong badges are worse than none: the page changed, so say so and show nothing. */
  private pause(problem: string): void {
    this.unmountAll();
    this.notice ??= showNotice(this.ctx, this.settings.language, problem);
  }

  private async sync(
    orders: OrderInput[],
    rowIds: string[],
    health?: { adapter: string; ok: boolean; recognised: number; coverage?: string; at: number },
    { onlyChanged = false } = {},
  ): Promise<void> {
    for (let i = 0; i < Math.max(orders.length, rowIds.length); i += BATCH) {
      const batch = orders.slice(i, i + BATCH);
      const rows = rowIds
        .slice(i, i + BATCH)
        .map((orderId) => ({ orderId, autoCloseAt: this.autoClose.get(orderId) }));
      const reply = await send('sync', {
        adapter: this.adapter.id,
        platform: this.adapter.platform,
        shopId: this.shopId,
        orders: batch,
        rows,
        health: i === 0 ? health : undefined,
      });
      if (!reply.ok) {
        // The background could not answer (stopped worker, full disk): say it once, keep the page.
        this.notice ??= showNotice(this.ctx, this.settings.language, reply.error);
        return;
      }
      const rejected = new Set(reply.value.rejected.map((r) => r.index));
      batch.forEach((o, j) => {
        if (!rejected.has(j)) this.sent.set(o.orderId, JSON.stringify(o));
      });
      this.overlayEnabled = reply.value.overlayEnabled;
      this.apply(reply.value.summaries, onlyChanged);
    }
  }

  /**
   * Keeps the background's answers and repaints the mounted rows they describe; with
   * `onlyChanged`, only rows whose answer differs from the one they show (after a lookup).
   */
  private apply(summaries: readonly RowSummary[], onlyChanged: boolean): void {
    const byOrder = new Map<string, Mounted[]>();
    for (const m of this.mounted.values())
      byOrder.set(m.orderId, [...(byOrder.get(m.orderId) ?? []), m]);
    const repaint: [Mounted, RowSummary][] = [];
    for (const s of summaries) {
      this.summaries.set(s.orderId, s);
      for (const m of byOrder.get(s.orderId) ?? [])
        if (!onlyChanged || !sameSummary(m.summary, s)) repaint.push([m, s]);
    }
    // Reads (the host page's colours) first, then writes: no style recalc per row.
    const themes = new Map<Element, boolean>();
    for (const [m] of repaint) m.dark = hostIsDark(m.row, themes);
    for (const [m, s] of repaint) this.paint(m, s);
  }

  private async mountRows(rows: PageRow[]): Promise<void> {
    if (!this.overlayEnabled || this.claimed) {
      this.unmountAll();
      return;
    }
    const todo = rows.filter((r) => this.summaries.has(r.orderId) && !this.mounted.has(r.row));
    if (todo.length === 0) return;
    this.style ??= sharedStyle(OVERLAY_CSS);
    // Read every row's surroundings before the first write (one style recalc for all).
    const themes = new Map<Element, boolean>();
    const dark = todo.map((r) => hostIsDark(r.row, themes));
    let sliceStart = performance.now();
    for (let i = 0; i < todo.length; i++) {
      if (performance.now() - sliceStart > SLICE_MS) {
        await yieldToPage();
        if (this.stopped || !this.overlayEnabled) return;
        sliceStart = performance.now();
      }
      const r = todo[i]!;
      const summary = this.summaries.get(r.orderId);
      // The page may have re-rendered the row while we yielded, or another scan mounted it.
      if (!summary || this.mounted.has(r.row) || !r.anchor.isConnected) continue;
      const ui = createRowHost(r.anchor, this.style);
      if (!ui) {
        this.claimed = true;
        this.pause(CLAIMED_TAG);
        return;
      }
      const entry: Mounted = {
        orderId: r.orderId,
        row: r.row,
        ui,
        dark: dark[i] ?? false,
        summary,
      };
      this.mounted.set(r.row, entry);
      this.paint(entry, summary);
    }
    this.prefetchDetail();
  }

  /**
   * Loads the cards and the assistant on the first hover, focus or touch of any overlay (the
   * pointer reaches the row's badges before a chip's card opens), never for a page nobody
   * touches: a page pays for the badges' script alone until the seller reaches for more.
   */
  private prefetchDetail(): void {
    if (this.detail.current() || this.mounted.size === 0 || this.awaitingTouch) return;
    this.awaitingTouch = true;
    const events = ['pointerover', 'focusin', 'touchstart'] as const;
    const onTouch = (e: Event) => {
      if (!(e.target instanceof Element) || !isOurs(e.target)) return;
      this.untouch();
      void this.detail.load().catch(() => {
        this.awaitingTouch = false; // not loaded (extension reloaded): the next mount listens again
      });
    };
    this.untouch = () => {
      for (const name of events) document.removeEventListener(name, onTouch, true);
      this.untouch = () => undefined;
    };
    for (const name of events)
      this.ctx.addEventListener(document, name, onTouch, { capture: true, passive: true });
  }

  private untouch = (): void => undefined;

  private paint(m: Mounted, s: RowSummary): void {
    m.summary = s;
    const host = m.ui.host;
    host.setAttribute('data-kezhi-order', s.orderId);
    host.setAttribute('data-kezhi-kind', s.view.kind);
    host.setAttribute('data-kezhi-identity', s.uncertain ? 'uncertain' : 'certain');
    host.setAttribute('data-kezhi-tier', s.view.tier);
    host.setAttribute('data-kezhi-stage', s.view.stage);
    if (s.plan) host.setAttribute('data-kezhi-remind', s.plan.dueNow ?? 'none');
    else host.removeAttribute('data-kezhi-remind');
    host.setAttribute('data-theme', m.dark ? 'dark' : 'light');
    const shopName =
      this.settings.shops[shopKey(this.adapter.platform, this.shopId)]?.name ||
      shopDisplayName(this.shopId);
    render(
      <Overlay
        summary={s}
        settings={this.settings}
        lang={this.settings.language}
        shopName={shopName}
        now={Date.now()}
        detail={this.detail}
        onCheck={() =>
          checkBeforeContact({
            orderKey: s.orderKey,
            purpose: 'remind',
            contacts: s.contacts,
            settings: this.settings,
            now: Date.now(),
          })
        }
        onAssistOpen={() =>
          void send('claimOrder', { orderKey: s.orderKey, customerKey: s.customerKey })
        }
        onCopy={async ({ channel, templateId, text, overrode }) => {
          const copied = await copyText(text, m.ui.root);
          if (!copied.ok) return copied;
          const entry = {
            customerKey: s.customerKey,
            orderKey: s.orderKey,
            channel,
            template: templateId,
            purpose: 'remind' as const,
            ...(overrode ? { overrode } : {}),
          };
          let logged = await send('logContact', entry);
          // The background logs only rows it described to this tab; a restarted service worker
          // has forgotten them, so describe the rows again and retry once.
          if (!logged.ok) {
            await this.refresh();
            logged = await send('logContact', entry);
          }
          return logged.ok ? { ok: true } : { ok: false, error: logged.error };
        }}
      />,
      m.ui.container,
    );
  }
}

/** Two answers for one row that paint the same (JSON: summaries are plain data). */
function sameSummary(a: RowSummary | undefined, b: RowSummary): boolean {
  return a !== undefined && JSON.stringify(a) === JSON.stringify(b);
}

function isOurs(n: Node): boolean {
  return n instanceof Element && (n.tagName === 'KEZHI-OVERLAY' || n.tagName === 'KEZHI-NOTICE');
}

/**
 * Is the host page dark around this row? Computed-style reads only (no layout); `seen` remembers
 * the answer per ancestor, so rows in one table cost one walk between them.
 */
function hostIsDark(el: Element, seen: Map<Element, boolean>): boolean {
  const walked: Element[] = [];
  let dark: boolean | undefined;
  for (let e: Element | null = el; e && dark === undefined; e = e.parentElement) {
    dark = seen.get(e);
    if (dark !== undefined) break;
    walked.push(e);
    const bg = getComputedStyle(e).backgroundColor;
    const m = /rgba?\((\d+),\s*(\d+),\s*(\d+)(?:,\s*([\d.]+))?\)/.exec(bg);
    if (m && (m[4] === undefined || Number(m[4]) > 0.5)) {
      const [r, g, b] = [Number(m[1]), Number(m[2]), Number(m[3])];
      dark = 0.2126 * r + 0.7152 * g + 0.0722 * b < 110;
    }
  }
  dark ??= matchMedia('(prefers-color-scheme: dark)').matches;
  for (const e of walked) seen.set(e, dark);
  return dark;
}
