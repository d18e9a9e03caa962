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
 * The row's chips and their cards. One set of listeners and one piece of state for the whole
 * row (a page mounts a hundred of these at once): which chip is hovered, which is focused, and
 * whether Esc dismissed the card (WCAG 1.4.13). Every chip's card element is always there, so
 * `aria-describedby` has a target; only the open one gets its lines, from the detail half.
 */
function BadgeRow(props: { badges: CustomerBadgesProps; detail: AssistantSource }): JSX.Element {
  const { badges } = props;
  const [hover, setHover] = useState<string | null>(null);
  const [focus, setFocus] = useState<string | null>(null);
  const [dismissed, setDismissed] = useState(false);
  const [detail, wantDetail] = useDetail(props.detail);
  const id = useId();
  const open = dismissed ? null : (hover ?? focus);
  const lines = open !== null && detail ? detail.chipTip(badges, open) : [];
  const chipOf = (e: Event) =>
    (e.target as Element | null)?.closest?.('[data-chip-wrap]')?.getAttribute('data-chip-wrap') ??
    null;
  const show = (key: string | null, set: (k: string | null) => void) => {
    set(key);
    if (key !== null) {
      setDismissed(false);
      wantDetail();
    }
  };
  return (
    <span
      class="kz-badges kz-compact"
      role="group"
      aria-label={t(badges.lang, 'badges.label')}
      lang={badges.lang === 'zh_CN' ? 'zh-CN' : 'en'}
      onMouseOver={(e) => {
        const key = chipOf(e);
        if (key !== hover) show(key, setHover);
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
      {chipHeads(badges).map((head, i) => (
        <span key={head.key} class="kz-chip-wrap" data-chip-wrap={head.key}>
          <span
            class={`kz-chip ${head.cls}`}
            tabIndex={0}
            aria-describedby={`${id}-${i}`}
            data-chip={head.key}
            title={head.key.startsWith('tag-') ? bounded(head.label) : undefined}
          >
            <bdi class="kz-chip-text">{head.label}</bdi>
          </span>
          <span
            role="tooltip"
            id={`${id}-${i}`}
            class="kz-tip"
            hidden={open !== head.key || lines.length === 0}
          >
            {open === head.key &&
              lines.map((line, n) => (
                <span key={n} class="kz-tip-line">
                  <bdi>{line}</bdi>
                </span>
              ))}
          </span>
        </span>
      ))}
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
