/** The fieldsets that decide how customers are grouped: lifecycle cuts, new/returning, and staff. */
import { CheckField, FieldError, NumberField, SelectField, TextField } from '../fields';
import { Section, type SectionProps } from './section';

const LIFECYCLE = ['activeDays', 'sleepingDays', 'prechurnDays'] as const;

/** Days since the last purchase that end each lifecycle stage. */
export function LifecycleSection(props: SectionProps) {
  const { t, bind } = props;
  return (
    <Section legend={t('secLifecycle')}>
      {LIFECYCLE.map((k) => (
        <NumberField key={k} label={t(k)} {...bind<number>(`lifecycle.${k}`)} />
      ))}
      <FieldError path="lifecycle" errors={props.errors.get('lifecycle')} />
    </Section>
  );
}

/** What counts as recent, and whether same-day orders are one purchase. */
export function GroupsSection(props: SectionProps) {
  const { t, bind } = props;
  return (
    <Section legend={t('secGroups')}>
      <NumberField label={t('recentDays')} {...bind<number>('recentDays')} />
      <CheckField label={t('mergeSameDay')} {...bind<boolean>('mergeSameDayPurchases')} />
    </Section>
  );
}

/** This 客服's name, personal data on or off, and the language. */
export function StaffSection(props: SectionProps) {
  const { t, bind } = props;
  return (
    <Section legend={t('secStaff')}>
      <TextField label={t('staffName')} {...bind<string>('staffName')} />
      <CheckField label={t('showPersonal')} {...bind<boolean>('showPersonalData')} />
      <SelectField
        label={t('language')}
        options={[
          { value: 'zh_CN', label: '中文' },
          { value: 'en', label: 'English' },
        ]}
        {...bind<'zh_CN' | 'en'>('language')}
      />
    </Section>
  );
}
