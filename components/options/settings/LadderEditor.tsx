/** One 催付 ladder: steps of channel + "N minutes after" or "day +N at HH:mm". */
import { Channel } from '@/lib/schemas';
import type { LadderStep as Step } from '@/lib/settings';
import type { T } from '@/lib/i18n/options';
import { FieldError, NumberField, SelectField, TimeField, fieldTestId } from '../fields';
import type { Errors } from './section';

const CHANNEL_OPTIONS = (t: T) =>
  Channel.options.map((c) => ({ value: c, label: t(`channel_${c}`) }));

export function LadderEditor(props: {
  t: T;
  path: string;
  title: string;
  steps: readonly Step[];
  errors: Errors;
  onChange: (steps: Step[]) => void;
}) {
  const { t, path, steps } = props;
  const set = (i: number, step: Step) => props.onChange(steps.map((s, j) => (j === i ? step : s)));
  const err = (p: string) => props.errors.get(p);
  return (
    <div class="ladder" data-testid={fieldTestId(path)}>
      <h4>{props.title}</h4>
      {steps.length === 0 ? <p class="hint">{t('noSteps')}</p> : null}
      <ol>
        {steps.map((step, i) => {
          const p = `${path}.${i}`;
          const after = 'afterMinutes' in step;
          return (
            <li key={i} class="row">
              <SelectField
                path={`${p}.channel`}
                label=""
                value={step.channel}
                options={CHANNEL_OPTIONS(t)}
                onChange={(channel) => set(i, { ...step, channel })}
              />
              <SelectField
                path={`${p}.mode`}
                label=""
                value={after ? 'after' : 'day'}
                options={[
                  { value: 'after', label: t('stepAfter') },
                  { value: 'day', label: t('stepDay') },
                ]}
                onChange={(mode) =>
                  set(
                    i,
                    mode === 'after'
                      ? { channel: step.channel, afterMinutes: 120 }
                      : { channel: step.channel, dayOffset: 1, atMinute: 9 * 60 },
                  )
                }
              />
              {after ? (
                <NumberField
                  path={`${p}.afterMinutes`}
                  label={t('minutesAfter')}
                  value={step.afterMinutes}
                  errors={err(`${p}.afterMinutes`)}
                  onChange={(v) => set(i, { channel: step.channel, afterMinutes: v })}
                />
              ) : (
                <>
                  <NumberField
                    path={`${p}.dayOffset`}
                    label={t('dayPlus')}
                    value={step.dayOffset}
                    errors={err(`${p}.dayOffset`)}
                    onChange={(v) => set(i, { ...step, dayOffset: v })}
                  />
                  <TimeField
                    path={`${p}.atMinute`}
                    label={t('at')}
                    formatError={t('timeFormat')}
                    value={step.atMinute}
                    errors={err(`${p}.atMinute`)}
                    onChange={(v) => set(i, { ...step, atMinute: v })}
                  />
                </>
              )}
              <button
                type="button"
                disabled={i === 0}
                data-testid={`${p}-up`}
                onClick={() =>
                  props.onChange([
                    ...steps.slice(0, i - 1),
                    step,
                    steps[i - 1]!,
                    ...steps.slice(i + 1),
                  ])
                }
              >
                {t('moveUp')}
              </button>
              <button
                type="button"
                data-testid={`${p}-remove`}
                onClick={() => props.onChange(steps.filter((_, j) => j !== i))}
              >
                {t('removeStep')}
              </button>
              <FieldError path={p} errors={err(p)} />
            </li>
          );
        })}
      </ol>
      <button
        type="button"
        data-testid={`${path}-add`}
        disabled={steps.length >= 10}
        onClick={() =>
          props.onChange([...steps, { channel: 'sms', dayOffset: 1, atMinute: 15 * 60 }])
        }
      >
        {t('addStep')}
      </button>
      <FieldError path={path} errors={err(path)} />
    </div>
  );
}
