/**
 * The overlay beside an order row's buyer cell: one compact line of badges and, for an unpaid
 * order, a 催付 toggle that opens the reminder assistant as a popover (absolutely positioned, so
 * the host table never reflows). Presentational: copying and pre-copy checks are callbacks.
 */
import type { JSX } from 'preact';
import { useId, useRef, useState } from 'preact/hooks';
import type { Lang } from '../../lib/customers';
import type { Warning } from '../../lib/reminders';
import type { Channel } from '../../lib/schemas';
import type { Settings } from '../../lib/settings';
import type { RowSummary } from '../../lib/summary';
import { CustomerBadges } from '../CustomerBadges';
import { t } from '../strings';
import { toggleLabel } from './format';
import { RemindAssistant, type CopyOutcome, type CopyRequest } from './RemindAssistant';

export type { CopyOutcome, CopyRequest } from './RemindAssistant';

/** Props of {@link Overlay}. */
export interface OverlayProps {
  summary: RowSummary;
  settings: Settings;
  lang: Lang;
  /** Filled into `{店铺}`; blank shows as an inline template error. */
  shopName: string;
  now: number;
  /** Copies a message and logs the contact. */
  onCopy: (req: CopyRequest) => Promise<CopyOutcome>;
  /** Warnings to confirm before copying. */
  onCheck: (req: { channel: Channel }) => Warning[];
  /** Open the assistant on first render. */
  defaultOpen?: boolean;
}

/** One order row's overlay. */
export function Overlay(props: OverlayProps): JSX.Element {
  const { summary, lang } = props;
  const plan = summary.plan;
  const [open, setOpen] = useState(Boolean(props.defaultOpen) && plan !== null);
  const panelId = useId();
  const toggleRef = useRef<HTMLButtonElement>(null);
  const label = plan ? toggleLabel(plan, summary.order.platform, props.now, lang) : null;

  const close = () => {
    setOpen(false);
    toggleRef.current?.focus();
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
        <CustomerBadges
          view={summary.view}
          identity={summary.identity}
          tags={summary.meta.tags}
          blacklisted={summary.meta.blacklisted}
          blacklistReason={summary.meta.blacklistReason}
          settings={props.settings}
          lang={lang}
          compact
        />
        {label && (
          <button
            ref={toggleRef}
            type="button"
            class={`kz-toggle kz-toggle-${label.state}`}
            aria-expanded={open}
            aria-controls={panelId}
            aria-haspopup="dialog"
            onClick={() => setOpen((o) => !o)}
          >
            {label.text}
          </button>
        )}
      </div>
      {plan && open && (
        <div
          class="kz-pop"
          id={panelId}
          role="dialog"
          aria-label={t(lang, 'assistant.title')}
          tabIndex={-1}
        >
          <button
            type="button"
            class="kz-close"
            aria-label={t(lang, 'overlay.close')}
            title={t(lang, 'overlay.close')}
            onClick={close}
          >
            ×
          </button>
          <RemindAssistant
            summary={summary}
            settings={props.settings}
            lang={lang}
            shopName={props.shopName}
            now={props.now}
            onCopy={props.onCopy}
            onCheck={props.onCheck}
          />
        </div>
      )}
    </div>
  );
}
