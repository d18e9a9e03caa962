/** 催付: the large-order line, quiet hours, limits, tone, the three ladders and auto-close times. */
import { PLATFORMS, Tone } from '@/lib/schemas';
import type { LadderStep } from '@/lib/settings';
import { NumberField, SelectField, TimeField } from '../fields';
import { LadderEditor } from './LadderEditor';
import { Section, type SectionProps } from './section';

const LADDERS = [
  ['newLadder', 'ladder_new'],
  ['returningLadder', 'ladder_returning'],
  ['largeReturningLadder', 'ladder_large'],
] as const;

export function RemindersSection(props: SectionProps) {
  const { t, bind } = props;
  return (
    <Section legend={t('secReminders')}>
      <NumberField label={t('largeOrderYuan')} {...bind<number>('reminders.largeOrderYuan')} />
      <div class="row">
        <TimeField
          label={t('quietStart')}
          formatError={t('timeFormat')}
          {...bind<number>('reminders.quietStartMinute')}
        />
        <TimeField
          label={t('quietEnd')}
          formatError={t('timeFormat')}
          {...bind<number>('reminders.quietEndMinute')}
        />
      </div>
      <NumberField label={t('maxPerOrder')} {...bind<number>('reminders.maxPerOrderPer24h')} />
      <NumberField label={t('minGap')} {...bind<number>('reminders.minGapMinutes')} />
      <SelectField
        label={t('tone')}
        options={Tone.options.map((tone) => ({ value: tone, label: t(`tone_${tone}`) }))}
        {...bind<Tone>('reminders.tone')}
      />
      <h3>{t('ladders')}</h3>
      {LADDERS.map(([key, label]) => {
        const { path, value, onChange } = bind<LadderStep[]>(`reminders.${key}`);
        return (
          <LadderEditor
            key={key}
            t={t}
            path={path}
            title={t(label)}
            steps={value}
            errors={props.errors}
            onChange={onChange}
          />
        );
      })}
      <h3>{t('autoClose')}</h3>
      <p class="hint" data-testid="auto-close-hint">
        {t('autoCloseHint')} {t('autoCloseWoo')} {t('autoCloseShopify')}
      </p>
      <div class="row">
        {PLATFORMS.map((p) => (
          <NumberField key={p} label={p} {...bind<number>(`reminders.autoCloseMinutes.${p}`)} />
        ))}
      </div>
    </Section>
  );
}
