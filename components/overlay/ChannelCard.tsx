/**
 * One channel's ready message with its copy button: a first click checks (reasons not to remind,
 * host warnings, compliance errors) and asks for a second click when anything is off.
 */
import type { JSX } from 'preact';
import { useEffect, useId, useRef, useState } from 'preact/hooks';
import type { Lang } from '@/lib/i18n';
import { t } from '@/lib/i18n/assistant';
import type { OverrideCode } from '@/lib/schemas';
import { bounded } from '../badge-chips';
import type { AssistantProps, CopyOutcome } from './assistant-props';
import { warningText, type ChannelMessage } from './remind-text';
import { isUserEvent } from './trusted';

/** How long the 已复制 confirmation stays (it fades out in CSS over the same time). */
export const COPIED_MS = 2000;

type Phase =
  | { kind: 'idle' }
  | { kind: 'confirm'; lines: string[]; codes: OverrideCode[] }
  | { kind: 'copying' }
  | { kind: 'copied' }
  | { kind: 'failed'; error: string };

/** A channel's message, open when it is the one due. */
export function ChannelCard(props: {
  message: ChannelMessage;
  label: string;
  open: boolean;
  due: boolean;
  /** Reasons not to remind, already as sentences: copying anyway needs a second click. */
  reasons: string[];
  /** The same reasons' codes, for the contact log when staff copy anyway. */
  reasonCodes: OverrideCode[];
  now: number;
  lang: Lang;
  onCopy: AssistantProps['onCopy'];
  onCheck: AssistantProps['onCheck'];
}): JSX.Element {
  const { message, lang } = props;
  const [phase, setPhase] = useState<Phase>({ kind: 'idle' });
  const alive = useRef(true);
  const confirmId = useId();
  const text = message.result.ok ? message.result.text : null;

  useEffect(() => {
    alive.current = true;
    return () => {
      alive.current = false;
    };
  }, []);
  // A confirmation was about the text on screen; a new tone makes a new text.
  useEffect(() => setPhase((p) => (p.kind === 'confirm' ? { kind: 'idle' } : p)), [text]);
  useEffect(() => {
    if (phase.kind !== 'copied') return;
    const timer = setTimeout(() => {
      if (alive.current) setPhase({ kind: 'idle' });
    }, COPIED_MS);
    return () => clearTimeout(timer);
  }, [phase]);

  const copy = async (body: string, overrode?: OverrideCode[]) => {
    setPhase({ kind: 'copying' });
    let outcome: CopyOutcome;
    try {
      outcome = await props.onCopy({
        channel: message.channel,
        templateId: message.templateId,
        text: body,
        ...(overrode && overrode.length > 0 ? { overrode } : {}),
      });
    } catch (e) {
      outcome = { ok: false, error: e instanceof Error ? e.message : String(e) };
    }
    if (!alive.current) return;
    setPhase(outcome.ok ? { kind: 'copied' } : { kind: 'failed', error: outcome.error });
  };

  const onClick = (e: MouseEvent) => {
    // Copying logs a contact: page script clicking for the seller must not.
    if (!isUserEvent(e) || text === null || phase.kind === 'copying') return;
    if (phase.kind === 'confirm') {
      void copy(text, phase.codes);
      return;
    }
    const warnings = props.onCheck({ channel: message.channel });
    const errors = message.issues.filter((i) => i.severity === 'error');
    const lines = [
      ...props.reasons,
      ...warnings.map((w) => warningText(w, props.now, lang)),
      ...errors.map((i) => i.message[lang]),
    ];
    const codes: OverrideCode[] = [
      ...new Set<OverrideCode>([
        ...props.reasonCodes,
        ...warnings.map((w) => w.code),
        ...(errors.length > 0 ? (['compliance'] as const) : []),
      ]),
    ];
    if (lines.length > 0) setPhase({ kind: 'confirm', lines, codes });
    else void copy(text);
  };

  const r = message.result;
  return (
    <details
      class={props.due ? 'kz-channel kz-channel-due' : 'kz-channel'}
      data-channel={message.channel}
      open={props.open}
    >
      <summary class="kz-channel-head">{props.label}</summary>
      {r.ok ? (
        <div class="kz-msg" data-testid={`message-${message.channel}`}>
          {r.text}
        </div>
      ) : (
        <div class="kz-render-error" data-testid={`render-error-${message.channel}`}>
          {r.missing
            ? t(lang, 'assistant.noTemplate', { id: message.templateId })
            : `${t(lang, 'assistant.renderError')} ${r.errors.map((e) => e.message).join('；')}`}
        </div>
      )}
      {message.issues.length > 0 && (
        <ul class="kz-issues">
          {message.issues.map((i) => (
            <li key={i.code} class={`kz-issue kz-issue-${i.severity}`}>
              <bdi>{i.message[lang]}</bdi>
            </li>
          ))}
        </ul>
      )}
      {phase.kind === 'confirm' && (
        <div class="kz-confirm" id={confirmId}>
          <p class="kz-confirm-title">{t(lang, 'assistant.confirm')}</p>
          <ul>
            {phase.lines.map((line, i) => (
              <li key={i}>{line}</li>
            ))}
          </ul>
        </div>
      )}
      <div class="kz-actions">
        <button
          type="button"
          class={phase.kind === 'confirm' ? 'kz-btn kz-btn-warn' : 'kz-btn kz-btn-primary'}
          disabled={text === null || phase.kind === 'copying'}
          aria-describedby={phase.kind === 'confirm' ? confirmId : undefined}
          data-copy={message.channel}
          onClick={onClick}
        >
          {phase.kind === 'confirm'
            ? t(lang, 'assistant.copyAnyway')
            : phase.kind === 'copying'
              ? t(lang, 'assistant.copying')
              : t(lang, 'assistant.copy')}
        </button>
        <span class="kz-status" role="status" aria-live="polite">
          {phase.kind === 'copied' && <span class="kz-copied">{t(lang, 'assistant.copied')}</span>}
        </span>
        {phase.kind === 'failed' && (
          <span class="kz-copy-error" role="alert">
            {t(lang, 'assistant.copyFailed', { error: bounded(phase.error, 200) })}
          </span>
        )}
      </div>
    </details>
  );
}
