/** The reminder ladder: each step's time, channel and state, and where it was moved from. */
import type { JSX } from 'preact';
import type { Lang } from '@/lib/i18n';
import { t } from '@/lib/i18n/assistant';
import type { PlannedStep, ReminderPlan } from '@/lib/reminders';
import type { Platform } from '@/lib/schemas';
import { channelLabel, formatWhen } from './format';

const STEP_MARK: Record<PlannedStep['state'], string> = {
  done: '✓',
  due: '●',
  upcoming: '○',
  missed: '✕',
};

export function ReminderSteps(props: {
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
