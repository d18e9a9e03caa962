/**
 * The 催付 assistant for one unpaid order: the step due now and the ones to come, the auto-close
 * countdown, every reason not to remind, the recent contact log, a tone switch, and a ready
 * message per channel with a copy button that asks for confirmation when something is off.
 * Presentational: the copy itself and the pre-copy checks come in as callbacks.
 */
import type { JSX } from 'preact';
import { useEffect, useId, useRef, useState } from 'preact/hooks';
import type { Lang } from '@/lib/i18n';
import { TIER_LABELS } from '@/lib/customers/labels';
import {
  REMINDER_CHANNELS,
  TONES,
  checkCompliance,
  formatMoney,
  formatTimeLeft,
  remindTemplateId,
  renderTemplate,
  shortenItems,
  templateFor,
  type ComplianceIssue,
  type PlannedStep,
  type Reason,
  type ReminderPlan,
  type TemplateError,
  type Warning,
} from '@/lib/reminders';
import type { Channel, ContactEntry, OverrideCode, Platform, Tone } from '@/lib/schemas';
import type { Settings } from '@/lib/settings';
import type { RowSummary } from '@/lib/summary';
import { bounded } from '../badge-chips';
import { t } from '@/lib/i18n/overlay';
import { channelLabel, formatAgo, formatWhen, warningText } from './format';
import { isUserEvent } from './trusted';

/** What the host did with a copy request. */
export type CopyOutcome = { ok: true } | { ok: false; error: string };

/** A message staff asked to copy (copying counts as a contact: the host logs it). */
export interface CopyRequest {
  channel: Channel;
  templateId: string;
  text: string;
  /** Set when staff copied with a second click past these: the host logs them as an override. */
  overrode?: OverrideCode[];
}

/** Props of {@link RemindAssistant}. */
export interface RemindAssistantProps {
  summary: RowSummary;
  settings: Settings;
  lang: Lang;
  shopName: string;
  now: number;
  /** Copies the text and logs the contact; resolves with what happened. */
  onCopy: (req: CopyRequest) => Promise<CopyOutcome>;
  /** Warnings to confirm before copying on this channel (quiet hours, too soon, cap). */
  onCheck: (req: { channel: Channel }) => Warning[];
}

/** How long the 已复制 confirmation stays (it fades out in CSS over the same time). */
export const COPIED_MS = 2000;

/** A message as it would be sent on one channel in one tone. */
export interface ChannelMessage {
  channel: Channel;
  templateId: string;
  result: { ok: true; text: string } | { ok: false; errors: TemplateError[]; missing?: boolean };
  /** Compliance problems of the rendered text (empty when it did not render). */
  issues: ComplianceIssue[];
}

/** Renders the reminder for a channel from the seller's templates and the row's facts. */
export function buildMessage(input: {
  summary: RowSummary;
  plan: ReminderPlan;
  channel: Channel;
  tone: Tone;
  settings: Settings;
  lang: Lang;
  shopName: string;
  now: number;
}): ChannelMessage {
  const { summary, plan, channel, lang } = input;
  const templateId = remindTemplateId(plan.group, channel, input.tone);
  const template = templateFor(templateId, lang, input.settings.templates);
  if (template === undefined)
    return { channel, templateId, result: { ok: false, errors: [], missing: true }, issues: [] };
  const result = renderTemplate(
    template,
    {
      buyer: summary.nick,
      items: summary.order.items,
      amount: summary.order.amount,
      orderTime: summary.order.createdAt,
      timeLeftMs: Math.max(0, plan.autoCloseAt - input.now),
      shop: input.shopName,
      // A masked buyer cannot be matched to history, so no tier is claimed for them.
      tier: summary.uncertain ? undefined : TIER_LABELS[summary.view.tier][lang],
      orderId: summary.orderId,
    },
    lang,
  );
  const issues = result.ok ? checkCompliance(result.text, { channel, purpose: 'remind' }) : [];
  return { channel, templateId, result, issues };
}

const STATUS_KEY = {
  unpaid: 'status.unpaid',
  paid: 'status.paid',
  shipped: 'status.shipped',
  completed: 'status.completed',
  closed: 'status.closed',
  refunding: 'status.refunding',
  refunded: 'status.refunded',
  partially_refunded: 'status.partially_refunded',
  unknown: 'status.unknown',
} as const;

/** A reason not to remind, as a sentence. */
export function reasonText(r: Reason, now: number, lang: Lang): string {
  switch (r.code) {
    case 'not-unpaid':
      return t(lang, 'reason.not-unpaid', { status: t(lang, STATUS_KEY[r.status]) });
    case 'unknown-status':
      return t(lang, 'reason.unknown-status', { raw: r.rawStatus ?? '—' });
    case 'auto-closed':
      return t(lang, 'reason.auto-closed', { at: formatWhen(r.autoCloseAt, now, lang) });
    case 'sibling-paid':
      return t(lang, 'reason.sibling-paid');
    case 'blacklisted':
      return t(lang, 'reason.blacklisted');
    case 'cap-reached':
      return t(lang, 'reason.cap-reached', {
        count: r.count,
        cap: r.cap,
        at: formatWhen(r.nextAllowedAt, now, lang),
      });
  }
}

const STEP_MARK: Record<PlannedStep['state'], string> = {
  done: '✓',
  due: '●',
  upcoming: '○',
  missed: '✕',
};

function Steps(props: {
  plan: ReminderPlan;
  platform: Platform;
  now: number;
  lang: Lang;
}): JSX.Element {
  const { plan, platform, now, lang } = props;
  if (plan.steps.length === 0) return <p class="kz-muted">{t(lang, 'assistant.noSteps')}</p>;
  return (
    <ol class="kz-steps" aria-label={t(lang, 'assistant.steps')}>
      {plan.steps.map((s, i) => (
        <li
          key={i}
          class={`kz-step kz-step-${s.state}`}
          data-state={s.state}
          aria-current={s.state === 'due' && plan.dueNow === s.channel ? 'step' : undefined}
        >
          <span class="kz-step-mark" aria-hidden="true">
            {STEP_MARK[s.state]}
          </span>
          <span class="kz-step-when">{formatWhen(s.at, now, lang)}</span>
          <span class="kz-step-channel">{channelLabel(s.channel, platform, lang)}</span>
          <span class="kz-step-state">{t(lang, `assistant.state.${s.state}`)}</span>
          {s.pulled ? (
            <span class="kz-step-moved" data-testid="step-pulled">
              {t(lang, 'assistant.pulled', { at: formatWhen(s.plannedAt, now, lang) })}
            </span>
          ) : (
            s.at !== s.plannedAt && (
              <span class="kz-step-moved">
                {t(lang, 'assistant.moved', { at: formatWhen(s.plannedAt, now, lang) })}
              </span>
            )
          )}
        </li>
      ))}
    </ol>
  );
}

/** "催付·礼貌" for a reminder template id; anything else as written (bounded). */
function templateLabel(id: string, lang: Lang): string {
  const [head, , , tone] = id.split('.');
  const known = TONES.find((x) => x === tone);
  if (head === 'remind' && known)
    return t(lang, 'assistant.templateRemind', { tone: t(lang, `tone.${known}`) });
  return bounded(id, 60);
}

function Contacts(props: {
  contacts: readonly ContactEntry[];
  platform: Platform;
  minGapMinutes: number;
  now: number;
  lang: Lang;
}): JSX.Element {
  const { contacts, platform, now, lang } = props;
  let last = -Infinity;
  for (const c of contacts) if (c.at > last) last = c.at;
  const gapMs = props.minGapMinutes * 60_000;
  const tooRecent = gapMs > 0 && Number.isFinite(last) && now - last < gapMs;
  return (
    <section class="kz-contacts" aria-label={t(lang, 'assistant.contacts')}>
      <h3 class="kz-h">{t(lang, 'assistant.contacts')}</h3>
      {tooRecent && (
        <p class="kz-warn" data-warning="recent-contact">
          {t(lang, 'assistant.recentWarning', {
            ago: formatAgo(now - last, lang),
            gap: props.minGapMinutes,
          })}
        </p>
      )}
      {contacts.length === 0 ? (
        <p class="kz-muted">{t(lang, 'assistant.noContacts')}</p>
      ) : (
        <ul class="kz-log">
          {contacts.map((c) => (
            <li key={c.id} class="kz-log-item">
              <span class="kz-log-when">{formatWhen(c.at, now, lang)}</span>
              <span class="kz-log-channel">{channelLabel(c.channel, platform, lang)}</span>
              <bdi class="kz-log-template kz-ellipsis" title={bounded(c.template, 100)}>
                {templateLabel(c.template, lang)}
              </bdi>
              <bdi class="kz-log-staff kz-ellipsis" title={bounded(c.staff, 50)}>
                {c.staff.trim() || t(lang, 'assistant.staffUnknown')}
              </bdi>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}

type Phase =
  | { kind: 'idle' }
  | { kind: 'confirm'; lines: string[]; codes: OverrideCode[] }
  | { kind: 'copying' }
  | { kind: 'copied' }
  | { kind: 'failed'; error: string };

function ChannelCard(props: {
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
  onCopy: RemindAssistantProps['onCopy'];
  onCheck: RemindAssistantProps['onCheck'];
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

/** The channel opened first: the one due now, else the next, else the ladder's first. */
function primaryChannel(plan: ReminderPlan): Channel {
  return plan.dueNow ?? plan.next?.channel ?? plan.steps[0]?.channel ?? 'chat';
}

/** The assistant panel; nothing for an order without a 催付 plan. */
export function RemindAssistant(props: RemindAssistantProps): JSX.Element | null {
  const { summary, settings, lang, now } = props;
  const plan = summary.plan;
  const [tone, setTone] = useState<Tone>(settings.reminders.tone);
  const toneName = useId();
  if (!plan) return null;
  const platform = summary.order.platform;
  const msLeft = Math.max(0, plan.autoCloseAt - now);
  const primary = primaryChannel(plan);
  const reasons = plan.reasonsNot.map((r) => reasonText(r, now, lang));
  const items = shortenItems(summary.order.items, lang);
  // The channels on the ladder first, in step order, then the rest.
  const channels = [
    ...new Set<Channel>([primary, ...plan.steps.map((s) => s.channel), ...REMINDER_CHANNELS]),
  ];

  return (
    <div class="kz-assist" lang={lang === 'zh_CN' ? 'zh-CN' : 'en'}>
      <div class="kz-head">
        <h2 class="kz-title">{t(lang, 'assistant.title')}</h2>
        <bdi class="kz-nick kz-ellipsis" title={bounded(summary.nick)}>
          {summary.nick}
        </bdi>
      </div>
      <div class="kz-order-line">
        <bdi
          class="kz-items kz-ellipsis"
          title={bounded(summary.order.items.map((i) => i.title).join('\n'))}
        >
          {items}
        </bdi>
        <span class="kz-amount">{formatMoney(summary.order.amount, lang)}</span>
      </div>
      <p class={msLeft > 0 ? 'kz-countdown' : 'kz-countdown kz-closed'} data-testid="countdown">
        {msLeft > 0
          ? t(lang, 'assistant.autoClose', {
              left: formatTimeLeft(msLeft, lang),
              at: formatWhen(plan.autoCloseAt, now, lang),
            })
          : t(lang, 'assistant.autoClosed', { at: formatWhen(plan.autoCloseAt, now, lang) })}
      </p>
      {reasons.length > 0 && (
        <div class="kz-reasons" data-testid="reasons">
          <h3 class="kz-h">{t(lang, 'assistant.reasons')}</h3>
          <ul>
            {plan.reasonsNot.map((r, i) => (
              <li key={r.code} data-reason={r.code}>
                {reasons[i]}
              </li>
            ))}
          </ul>
        </div>
      )}
      {summary.uncertain && (
        <p class="kz-muted" data-testid="uncertain-ladder">
          {t(lang, 'assistant.uncertainLadder')}
        </p>
      )}
      <Steps plan={plan} platform={platform} now={now} lang={lang} />
      <Contacts
        contacts={summary.contacts}
        platform={platform}
        minGapMinutes={settings.reminders.minGapMinutes}
        now={now}
        lang={lang}
      />
      <fieldset class="kz-tone">
        <legend class="kz-h">{t(lang, 'assistant.tone')}</legend>
        {TONES.map((x) => (
          <label key={x} class={x === tone ? 'kz-tone-opt kz-on' : 'kz-tone-opt'}>
            <input
              type="radio"
              name={toneName}
              value={x}
              checked={x === tone}
              onChange={() => setTone(x)}
            />
            {t(lang, `tone.${x}`)}
          </label>
        ))}
      </fieldset>
      <div class="kz-channels" aria-label={t(lang, 'assistant.messages')}>
        {channels.map((channel) => (
          <ChannelCard
            key={channel}
            message={buildMessage({
              summary,
              plan,
              channel,
              tone,
              settings,
              lang,
              shopName: props.shopName,
              now,
            })}
            label={channelLabel(channel, platform, lang, true)}
            open={channel === primary}
            due={channel === plan.dueNow}
            reasons={reasons}
            reasonCodes={plan.reasonsNot.map((r) => r.code)}
            now={now}
            lang={lang}
            onCopy={props.onCopy}
            onCheck={props.onCheck}
          />
        ))}
      </div>
    </div>
  );
}
