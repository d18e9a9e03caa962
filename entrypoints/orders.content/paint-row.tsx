/**
 * Paints one row's overlay: the host's `data-kezhi-*` attributes (all the page may read), the
 * host page's light or dark around it, and the Overlay with its copy, check and claim callbacks.
 */
import { render } from 'preact';
import type { AssistantSource } from '@/components/overlay/assistant-slot';
import { Overlay } from '@/components/overlay/Overlay';
import { send } from '@/lib/browser/rpc';
import type { Settings } from '@/lib/settings';
import { copyText } from '@/components/copy-text';
import type { RowSummary } from '@/lib/summary';
import type { RowHost } from './mount';

/** A row with its overlay mounted. */
export interface Mounted {
  orderId: string;
  row: Element;
  ui: RowHost;
  dark: boolean;
  summary?: RowSummary;
}

/** What a paint needs from the page, read when it paints (or when a callback runs). */
export interface PaintHost {
  settings(): Settings;
  shopName(): string;
  detail: AssistantSource;
  /** Describe the mounted rows to the background again. */
  refresh(): Promise<void>;
}

/** Paints the rows, reading every row's surroundings before the first write (one recalc). */
export function paintRows(rows: [Mounted, RowSummary][], page: PaintHost): void {
  const themes = new Map<Element, boolean>();
  for (const [m] of rows) m.dark = hostIsDark(m.row, themes);
  for (const [m, s] of rows) paintRow(m, s, page);
}

export function paintRow(m: Mounted, s: RowSummary, page: PaintHost): void {
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
  const settings = page.settings();
  render(
    <Overlay
      summary={s}
      settings={settings}
      lang={settings.language}
      shopName={page.shopName()}
      now={Date.now()}
      detail={page.detail}
      // Asked only from the open 催付 panel, which the on-demand half draws: it is loaded.
      onCheck={() =>
        page.detail.current()?.checkBeforeContact({
          orderKey: s.orderKey,
          purpose: 'remind',
          contacts: s.contacts,
          settings: page.settings(),
          now: Date.now(),
        }) ?? []
      }
      onAssistOpen={() =>
        void send('claimOrder', { orderKey: s.orderKey, customerKey: s.customerKey })
      }
      onCopy={async ({ channel, templateId, text, overrode }) => {
        // The fallback's textarea goes into the row's closed root, out of the page's sight.
        if (!(await copyText(text, m.ui.root)))
          return { ok: false, error: 'clipboard unavailable' };
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
          await page.refresh();
          logged = await send('logContact', entry);
        }
        return logged.ok ? { ok: true } : { ok: false, error: logged.error };
      }}
    />,
    m.ui.container,
  );
}

/** Two answers for one row that paint the same (JSON: summaries are plain data). */
export function sameSummary(a: RowSummary | undefined, b: RowSummary): boolean {
  if (a === undefined) return false;
  // The background's digest of each (lib/row-answer), when both carry one.
  if (a.digest !== undefined && b.digest !== undefined) return a.digest === b.digest;
  return JSON.stringify(a) === JSON.stringify(b);
}

/**
 * Is the host page dark around this row? Computed-style reads only (no layout); `seen` remembers
 * the answer per ancestor, so rows in one table cost one walk between them.
 */
export function hostIsDark(el: Element, seen: Map<Element, boolean>): boolean {
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
