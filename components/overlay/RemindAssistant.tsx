/**
 * The 催付 assistant for one unpaid order: the step due now and the ones to come, the auto-close
 * countdown, every reason not to remind, the recent contact log, a tone switch, and a ready
 * message per channel with a copy button that asks for confirmation when something is off.
 * Presentational: the copy itself and the pre-copy checks come in as callbacks.
 */
import type { JSX } from 'preact';
import { useId, useState } from 'preact/hooks';
import { t } from '@/lib/i18n/assistant';
import {
  REMINDER_CHANNELS,
  TONES,
  formatMoney,
  formatTimeLeft,
  shortenItems,
  type ReminderPlan,
} from '@/lib/reminders';
import type { BuiltInTemplates } from '@/lib/reminders/templates';
import type { Channel, Tone } from '@/lib/schemas';
import { bounded } from '../badge-chips';
import type { AssistantProps } from './assistant-props';
import { ChannelCard } from './ChannelCard';
import { channelLabel, formatWhen } from './format';
import { RecentContacts } from './RecentContacts';
import { buildMessage, reasonText } from './remind-text';
import { ReminderSteps } from './ReminderSteps';

export type { CopyOutcome, CopyRequest } from './assistant-props';

/** Props of {@link RemindAssistant}. */
export interface RemindAssistantProps extends AssistantProps {
  /** The built-in reminder templates (the seller's own, in settings.templates, come first). */
  builtIns: BuiltInTemplates;
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
      <ReminderSteps plan={plan} platform={platform} now={now} lang={lang} />
      <RecentContacts
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
              builtIns: props.builtIns,
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
