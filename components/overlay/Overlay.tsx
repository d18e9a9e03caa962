/**
 * The overlay beside an order row's buyer cell: one compact line of badges and, for an unpaid
 * order, a 催付 toggle that opens the reminder assistant as a popover (absolutely positioned, so
 * the host table never reflows). Presentational: copying and pre-copy checks are callbacks.
 *
 * Drawn for every row at once, so it holds only what the row shows: chip labels and the toggle.
 * The chips' cards and the assistant come from the detail half ({@link AssistantSource}) when a chip
 * is hovered or focused, or the toggle pressed.
 */
import type { JSX } from 'preact';
import { useEffect, useId, useLayoutEffect, useRef, useState } from 'preact/hooks';
import type { Lang } from '@/lib/i18n';
import { bounded, chipHeads, type CustomerBadgesProps } from '../badge-chips';
import { t } from '@/lib/i18n/overlay';
import type { AssistantSource, OverlayAssistant } from './assistant-slot';
import { toggleLabel } from './format';
import type { AssistantProps } from './assistant-props';
import { isUserEvent } from './trusted';

export type { CopyOutcome, CopyRequest } from './assistant-props';

/** Props of {@link Overlay}. */
export interface OverlayProps extends AssistantProps {
  /** The chips' cards and the assistant panel, loaded on demand. */
  detail: AssistantSource;
  /** Open the assistant on first render. */
  defaultOpen?: boolean;
  /** The assistant was opened (team sync marks the order "being handled" on other desks). */
  onAssistOpen?: () => void;
}

/**
 * The detail half if it is loaded, and a function that asks for it (from an event handler, so
 * a row that nobody touches schedules nothing) and re-renders once it is there.
 */
function useDetail(source: AssistantSource): [OverlayAssistant | undefined, () => void] {
  const [, loaded] = useState(0);
  const want = () => {
    if (source.current()) return;
    source.load().then(
      () => loaded((n) => n + 1),
      () => undefined, // not loaded (extension reloaded): the card stays empty, the row works
    );
  };
  return [source.current(), want];
}

/**
 * The row's chips and their one card. One set of listeners and one piece of state for the whole
 * row (a page mounts a hundred of these at once): which chip is hovered, which is focused, and
 * whether Esc dismissed the card (WCAG 1.4.13). A chip is one element with its text; the card is
 * a single element built only while a chip is open, placed under that chip and named by its
 * `aria-describedby`, with its lines from the detail half. Until then a row is its chips alone,
 * which is what a hundred rows cost to draw.
 */
function BadgeRow(props: { badges: CustomerBadgesProps; detail: AssistantSource }): JSX.Element {
  const { badges } = props;
  const [hover, setHover] = useState<string | null>(null);
  const [focus, setFocus] = useState<string | null>(null);
  const [dismissed, setDismissed] = useState(false);
  /** Where the open card goes: under its chip, in the badge row's box. */
  const [at, setAt] = useState({ left: 0, top: 0 });
  const [detail, wantDetail] = useDetail(props.detail);
  const id = useId();
  const open = dismissed ? null : (hover ?? focus);
  const lines = open !== null && detail ? detail.chipTip(badges, open) : [];
  const chipOf = (e: Event) =>
    (e.target as Element | null)?.closest?.<HTMLElement>('[data-chip]') ?? null;
  const show = (chip: HTMLElement | null, set: (k: string | null) => void) => {
    const key = chip?.getAttribute('data-chip') ?? null;
    set(key);
    if (chip && key !== null) {
      // Read at the gesture, not while drawing the row: one layout read per hover.
      setAt({ left: chip.offsetLeft, top: chip.offsetTop + chip.offsetHeight + 4 });
      setDismissed(false);
      wantDetail();
    }
  };
  const tipId = `${id}-tip`;
  const showTip = open !== null && lines.length > 0;
  return (
    <span
      class="kz-badges kz-compact"
      role="group"
      aria-label={t(badges.lang, 'badges.label')}
      lang={badges.lang === 'zh_CN' ? 'zh-CN' : 'en'}
      onMouseOver={(e) => {
        const chip = chipOf(e);
        if ((chip?.getAttribute('data-chip') ?? null) !== hover) show(chip, setHover);
      }}
      onMouseLeave={() => setHover(null)}
      onFocusCapture={(e) => show(chipOf(e), setFocus)}
      onBlurCapture={() => setFocus(null)}
      onKeyDown={(e) => {
        if (e.key === 'Escape' && open !== null) {
          setDismissed(true);
          e.stopPropagation();
        }
      }}
    >
      {chipHeads(badges).map((head) => {
        const tag = head.key.startsWith('tag-') || head.key === 'more-tags';
        return (
          <span
            key={head.key}
            class={`kz-chip ${head.cls}`}
            tabIndex={0}
            aria-describedby={showTip && open === head.key ? tipId : undefined}
            data-chip={head.key}
            // A tag is the seller's text: its own direction, isolated (what <bdi> does).
            dir={tag ? 'auto' : undefined}
            title={head.key.startsWith('tag-') ? bounded(head.label) : undefined}
          >
            {head.label}
          </span>
        );
      })}
      {showTip && (
        <span
          role="tooltip"
          id={tipId}
          class="kz-tip"
          data-tip-for={open}
          style={{ left: `${at.left}px`, top: `${at.top}px` }}
        >
          {lines.map((line, n) => (
            <span key={n} class="kz-tip-line">
              <bdi>{line}</bdi>
            </span>
          ))}
        </span>
      )}
    </span>
  );
}

/** "小王 正在处理 14:02" (team sync: another 客服 opened this order's assistant just now). */
function handledText(h: { staff: string; at: number }, lang: Lang): string {
  const at = new Date(h.at).toLocaleTimeString(lang === 'en' ? 'en' : 'zh-CN', {
    hour: '2-digit',
    minute: '2-digit',
    hour12: false,
  });
  const who = h.staff.trim() || (lang === 'en' ? 'A teammate' : '同事');
  return lang === 'en' ? `${who} is on it (${at})` : `${who} 正在处理（${at}）`;
}

/** One order row's overlay. */
export function Overlay(props: OverlayProps): JSX.Element {
  const { summary, lang } = props;
  const plan = summary.plan;
  const [open, setOpen] = useState(Boolean(props.defaultOpen) && plan !== null);
  const panelId = useId();
  const toggleRef = useRef<HTMLButtonElement>(null);
  const popRef = useRef<HTMLDivElement>(null);
  const unmountPanel = useRef<(() => void) | undefined>(undefined);
  const label = plan ? toggleLabel(plan, summary.order.platform, props.now, lang) : null;
  const panelOpen = open && plan !== null;
  const [detail, wantDetail] = useDetail(props.detail);

  const close = () => {
    setOpen(false);
    toggleRef.current?.focus();
  };

  // The panel is the detail bundle's own render tree inside our popover: draw it (again, with
  // fresh props) on every render while open, take it down when the popover goes.
  useLayoutEffect(() => {
    const el = popRef.current;
    if (!panelOpen || !el) return;
    if (!detail) return wantDetail();
    unmountPanel.current = detail.openPanel(el, {
      summary,
      settings: props.settings,
      lang,
      shopName: props.shopName,
      now: props.now,
      onCopy: props.onCopy,
      onCheck: props.onCheck,
      onClose: close,
    });
  });
  useLayoutEffect(() => {
    if (panelOpen) return;
    unmountPanel.current?.();
    unmountPanel.current = undefined;
  }, [panelOpen]);
  useEffect(() => () => unmountPanel.current?.(), []);
  useEffect(() => {
    if (panelOpen) props.onAssistOpen?.();
  }, [panelOpen]);

  const badges: CustomerBadgesProps = {
    view: summary.view,
    asOfOrder: true,
    shopCustomers: summary.shopCustomers,
    identity: summary.uncertain ? 'masked' : 'known',
    tags: summary.meta.tags,
    blacklisted: summary.meta.blacklisted,
    blacklistReason: summary.meta.blacklistReason,
    settings: props.settings,
    lang,
    compact: true,
  };

  return (
    <div
      class="kz-overlay"
      lang={lang === 'zh_CN' ? 'zh-CN' : 'en'}
      onKeyDown={(e) => {
        if (e.key === 'Escape' && open) {
          e.stopPropagation();
          close();
        }
      }}
    >
      <div class="kz-row">
        <BadgeRow badges={badges} detail={props.detail} />
        {label && (
          <button
            ref={toggleRef}
            type="button"
            class={`kz-toggle kz-toggle-${label.state}`}
            aria-expanded={open}
            aria-controls={panelId}
            aria-haspopup="dialog"
            onClick={(e) => {
              // Opening claims the order on other desks (team sync): the seller's gesture only.
              if (isUserEvent(e)) setOpen((o) => !o);
            }}
          >
            {label.text}
          </button>
        )}
        {summary.handledBy && plan && (
          <bdi
            class="kz-handled kz-ellipsis"
            data-testid="handled-by"
            title={bounded(summary.handledBy.staff, 50)}
          >
            {handledText(summary.handledBy, lang)}
          </bdi>
        )}
      </div>
      {panelOpen && (
        <div
          ref={popRef}
          class="kz-pop"
          id={panelId}
          role="dialog"
          aria-label={t(lang, 'overlay.assistantTitle')}
          aria-busy={detail ? undefined : true}
          tabIndex={-1}
        />
      )}
    </div>
  );
}
