/**
 * One order page's life: read rows with the adapter, send what is new to the background, mount
 * an overlay beside each row, keep up with re-renders, paging and SPA route changes.
 * One MutationObserver for the page; its reports are coalesced into one scan per animation frame.
 */
import { render } from 'preact';
import type { ContentScriptContext } from 'wxt/utils/content-script-context';
import {
  createShadowRootUi,
  type ShadowRootContentScriptUi,
} from 'wxt/utils/content-script-ui/shadow-root';
import { Overlay } from '@/components/overlay/Overlay';
import { OVERLAY_CSS } from '@/components/overlay/styles';
import { shopDisplayName } from '@/lib/adapters/parse';
import type { Adapter, AdapterContext, PageRow } from '@/lib/adapters/types';
import { send } from '@/lib/browser/rpc';
import { checkBeforeContact } from '@/lib/reminders';
import type { OrderInput } from '@/lib/schemas';
import { shopKey } from '@/lib/schemas';
import type { Settings } from '@/lib/settings';
import type { RowSummary } from '@/lib/summary';
import type { Bridge } from './bridge';
import { copyText } from './clipboard';
import { showNotice, type Notice } from './notice';

/** Rows per sync message: the background answers each batch in one transaction. */
const BATCH = 200;

interface Mounted {
  orderId: string;
  row: Element;
  ui: ShadowRootContentScriptUi<void>;
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
  private stopped = false;
  private shopId = 'default';

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
    this.schedule();
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
    cancelAnimationFrame(this.frame);
    for (const m of this.mounted.values()) m.ui.remove();
    this.mounted.clear();
    this.notice?.remove();
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

  private async scan(): Promise<void> {
    const result = this.adapter.readRows(document, this.context());
    if (!result.ok) {
      this.pause(result.problem);
      await this.reportHealth(false, 0, result.problem);
      return;
    }
    this.notice?.remove();
    this.notice = undefined;
    const rows = result.items;
    // Forget overlays whose rows left the page (paging re-renders rows in place).
    const present = new Set(rows.map((r) => r.row));
    for (const [row, m] of this.mounted) {
      if (!present.has(row) || !row.isConnected || !m.ui.shadowHost.isConnected) {
        m.ui.remove();
        this.mounted.delete(row);
      }
    }
    const fresh: OrderInput[] = [];
    for (const r of rows) {
      if (r.autoCloseAt) this.autoClose.set(r.orderId, r.autoCloseAt);
      if (r.order && this.sent.get(r.orderId) !== JSON.stringify(r.order)) fresh.push(r.order);
    }
    const needSummary = rows.filter(
      (r) => fresh.some((o) => o.orderId === r.orderId) || !this.summaries.has(r.orderId),
    );
    const health = { adapter: this.adapter.id, ok: true, recognised: rows.length, at: Date.now() };
    if (fresh.length || needSummary.length)
      await this.sync(
        fresh,
        needSummary.map((r) => r.orderId),
        health,
      );
    await this.mountRows(rows);
  }

  private async onJson(url: string, body: unknown): Promise<void> {
    if (!this.adapter.parseJson || !this.adapter.jsonEndpoints.some((re) => re.test(url))) return;
    const result = this.adapter.parseJson(body, this.context());
    if (!result.ok) {
      this.pause(result.problem);
      await this.reportHealth(false, 0, result.problem);
      return;
    }
    const fresh = result.items.filter((o) => this.sent.get(o.orderId) !== JSON.stringify(o));
    if (fresh.length === 0) return;
    const onScreen = [...this.mounted.values()].map((m) => m.orderId);
    await this.sync(fresh, [...new Set([...fresh.map((o) => o.orderId), ...onScreen])]);
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
    for (const m of this.mounted.values()) m.ui.remove();
    this.mounted.clear();
    this.notice ??= showNotice(this.ctx, this.settings.language, problem);
  }

  private async sync(
    orders: OrderInput[],
    rowIds: string[],
    health?: { adapter: string; ok: boolean; recognised: number; at: number },
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
      for (const s of reply.value.summaries) {
        this.summaries.set(s.orderId, s);
        for (const m of this.mounted.values()) if (m.orderId === s.orderId) this.paint(m, s);
      }
    }
  }

  private async mountRows(rows: PageRow[]): Promise<void> {
    if (!this.overlayEnabled) {
      for (const m of this.mounted.values()) m.ui.remove();
      this.mounted.clear();
      return;
    }
    for (const r of rows) {
      const summary = this.summaries.get(r.orderId);
      if (!summary || this.mounted.has(r.row)) continue;
      const entry: Mounted = {
        orderId: r.orderId,
        row: r.row,
        ui: await this.createUi(r),
        summary,
      };
      this.mounted.set(r.row, entry);
      entry.ui.mount();
      this.paint(entry, summary);
    }
  }

  private createUi(r: PageRow): Promise<ShadowRootContentScriptUi<void>> {
    return createShadowRootUi(this.ctx, {
      name: 'kezhi-overlay',
      position: 'inline',
      anchor: r.anchor,
      append: 'after',
      css: OVERLAY_CSS,
      onMount: () => undefined,
    });
  }

  private paint(m: Mounted, s: RowSummary): void {
    m.summary = s;
    const host = m.ui.shadowHost;
    host.setAttribute('data-kezhi-order', s.orderId);
    host.setAttribute('data-kezhi-kind', s.view.kind);
    host.setAttribute('data-kezhi-tier', s.view.tier);
    host.setAttribute('data-kezhi-stage', s.view.stage);
    if (s.plan) host.setAttribute('data-kezhi-remind', s.plan.dueNow ?? 'none');
    else host.removeAttribute('data-kezhi-remind');
    host.setAttribute('data-theme', hostIsDark(m.row) ? 'dark' : 'light');
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
        onCheck={() =>
          checkBeforeContact({
            orderKey: s.orderKey,
            purpose: 'remind',
            contacts: s.contacts,
            settings: this.settings,
            now: Date.now(),
          })
        }
        onCopy={async ({ channel, templateId, text }) => {
          const copied = await copyText(text);
          if (!copied.ok) return copied;
          const logged = await send('logContact', {
            customerKey: s.customerKey,
            orderKey: s.orderKey,
            channel,
            template: templateId,
            purpose: 'remind',
          });
          return logged.ok ? { ok: true } : { ok: false, error: logged.error };
        }}
      />,
      m.ui.uiContainer,
    );
  }
}

function isOurs(n: Node): boolean {
  return n instanceof Element && (n.tagName === 'KEZHI-OVERLAY' || n.tagName === 'KEZHI-NOTICE');
}

/** Is the host page dark around this row? One computed-style read per paint, no layout. */
function hostIsDark(el: Element): boolean {
  for (let e: Element | null = el; e; e = e.parentElement) {
    const bg = getComputedStyle(e).backgroundColor;
    const m = /rgba?\((\d+),\s*(\d+),\s*(\d+)(?:,\s*([\d.]+))?\)/.exec(bg);
    if (m && (m[4] === undefined || Number(m[4]) > 0.5)) {
      const [r, g, b] = [Number(m[1]), Number(m[2]), Number(m[3])];
      return 0.2126 * r + 0.7152 * g + 0.0722 * b < 110;
    }
  }
  return matchMedia('(prefers-color-scheme: dark)').matches;
}
