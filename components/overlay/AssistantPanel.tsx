/**
 * The inside of the 催付 popover: its close button and the assistant. The overlay row draws the
 * popover box (role, label, focus target); this fills it, from the on-demand detail script, with
 * the assistant's own stylesheet (the rows' shared sheet has only what a closed row needs).
 */
import type { JSX } from 'preact';
import { t } from '@/lib/i18n/overlay';
import type { BuiltInTemplates } from '@/lib/reminders/templates';
import type { PanelProps } from './assistant-slot';
import { RemindAssistant } from './RemindAssistant';
import { ASSISTANT_CSS } from './assistant-css';

export function AssistantPanel(props: PanelProps & { builtIns: BuiltInTemplates }): JSX.Element {
  const { lang } = props;
  return (
    <>
      <style>{ASSISTANT_CSS}</style>
      <button
        type="button"
        class="kz-close"
        aria-label={t(lang, 'overlay.close')}
        title={t(lang, 'overlay.close')}
        onClick={props.onClose}
      >
        ×
      </button>
      <RemindAssistant
        summary={props.summary}
        settings={props.settings}
        lang={lang}
        shopName={props.shopName}
        now={props.now}
        onCopy={props.onCopy}
        onCheck={props.onCheck}
        builtIns={props.builtIns}
      />
    </>
  );
}
