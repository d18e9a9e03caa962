/**
 * An order row's overlay as nobody has touched it yet (no card open, the 催付 panel shut), drawn
 * with a few DOM calls instead of Preact. A page mounts a hundred of these at once, in a freshly
 * started script whose Preact code has not been optimised yet; this is the part of the overlay a
 * page pays for before the seller reaches for anything.
 *
 * The nodes are the ones the Overlay component renders for the same props, node for node and
 * attribute for attribute (a property test compares them): on the first touch of the row, Preact
 * hydrates them (entrypoints/orders.content/paint-row.tsx) and the row works as if it had always
 * been the component's. Pieces both need (the badge props, the "being handled" line, each chip's
 * extra attributes) live here.
 */
import type { Lang } from '@/lib/i18n';
import { t } from '@/lib/i18n/overlay';
import type { Settings } from '@/lib/settings';
import type { RowSummary } from '@/lib/summary';
import { bounded, chipHeads, type ChipHead, type CustomerBadgesProps } from '../badge-chips';
import { toggleLabel } from './format';

/** The badge row's props for an order row's answer. */
export function overlayBadges(
  summary: RowSummary,
  settings: Settings,
  lang: Lang,
): CustomerBadgesProps {
  return {
    view: summary.view,
    asOfOrder: true,
    shopCustomers: summary.shopCustomers,
    identity: summary.uncertain ? 'masked' : 'known',
    tags: summary.meta.tags,
    blacklisted: summary.meta.blacklisted,
    blacklistReason: summary.meta.blacklistReason,
    settings,
    lang,
    compact: true,
  };
}

/** "小王 正在处理 14:02" (team sync: another 客服 opened this order's assistant just now). */
export function handledText(h: { staff: string; at: number }, lang: Lang): string {
  const at = new Date(h.at).toLocaleTimeString(lang === 'en' ? 'en' : 'zh-CN', {
    hour: '2-digit',
    minute: '2-digit',
    hour12: false,
  });
  const who = h.staff.trim() || (lang === 'en' ? 'A teammate' : '同事');
  return lang === 'en' ? `${who} is on it (${at})` : `${who} 正在处理（${at}）`;
}

/**
 * A chip's attributes beyond its class and key: a tag is the seller's text, so it takes its own
 * direction, isolated (what <bdi> does), and a tag's full text is its title.
 */
export function chipExtras(head: ChipHead): { dir?: 'auto'; title?: string } {
  const tag = head.key.startsWith('tag-');
  return {
    ...(tag || head.key === 'more-tags' ? { dir: 'auto' as const } : {}),
    ...(tag ? { title: bounded(head.label) } : {}),
  };
}

/** The `lang` attribute for the overlay's language. */
export const langAttr = (lang: Lang): string => (lang === 'zh_CN' ? 'zh-CN' : 'en');

/** What the closed row is drawn from: the Overlay's props that decide its markup. */
export interface ClosedRowProps {
  summary: RowSummary;
  settings: Settings;
  lang: Lang;
  now: number;
  /** The Overlay's `idBase`: the toggle names the panel it opens by it. */
  idBase: string;
}

/** Draws the closed overlay into `container`, replacing what was there. */
export function drawClosedRow(container: HTMLElement, props: ClosedRowProps): void {
  const { summary, lang } = props;
  const doc = container.ownerDocument;
  const el = (tag: string, attrs: Record<string, string>, text?: string): HTMLElement => {
    const e = doc.createElement(tag);
    for (const name in attrs) e.setAttribute(name, attrs[name]!);
    // A text node even for '' (an empty tag): Preact renders one for any string child.
    if (text !== undefined) e.append(doc.createTextNode(text));
    return e;
  };
  const badges = overlayBadges(summary, props.settings, lang);
  const group = el('span', {
    class: 'kz-badges kz-compact',
    role: 'group',
    'aria-label': t(lang, 'badges.label'),
    lang: langAttr(lang),
  });
  for (const head of chipHeads(badges))
    group.append(
      el(
        'span',
        { class: `kz-chip ${head.cls}`, tabindex: '0', 'data-chip': head.key, ...chipExtras(head) },
        head.label,
      ),
    );
  const row = el('div', { class: 'kz-row' });
  row.append(group);
  const plan = summary.plan;
  if (plan) {
    const label = toggleLabel(plan, summary.order.platform, props.now, lang);
    row.append(
      el(
        'button',
        {
          type: 'button',
          class: `kz-toggle kz-toggle-${label.state}`,
          'aria-expanded': 'false',
          'aria-controls': `${props.idBase}-panel`,
          'aria-haspopup': 'dialog',
        },
        label.text,
      ),
    );
    if (summary.handledBy)
      row.append(
        el(
          'bdi',
          {
            class: 'kz-handled kz-ellipsis',
            'data-testid': 'handled-by',
            title: bounded(summary.handledBy.staff, 50),
          },
          handledText(summary.handledBy, lang),
        ),
      );
  }
  const overlay = el('div', { class: 'kz-overlay', lang: langAttr(lang) });
  overlay.append(row);
  container.replaceChildren(overlay);
}
