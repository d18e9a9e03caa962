/**
 * The fieldsets that are plain lists of fields, as data: lifecycle cuts, new/returning, and staff.
 * Each field is bound to its draft path; the kind picks the control.
 */
import type { Lang } from '@/lib/i18n';
import type { OptionsKey } from '@/lib/i18n/options';
import { CheckField, FieldError, NumberField, SelectField, TextField } from '../fields';
import { Section, type SectionProps } from './section';

interface Field {
  kind: 'number' | 'check' | 'text' | 'language';
  path: string;
  label: OptionsKey;
}

interface Plain {
  legend: OptionsKey;
  fields: readonly Field[];
  /** A path whose errors concern the whole fieldset (the order of the lifecycle cuts). */
  whole?: string;
}

const PLAIN = {
  lifecycle: {
    legend: 'secLifecycle',
    fields: [
      { kind: 'number', path: 'lifecycle.activeDays', label: 'activeDays' },
      { kind: 'number', path: 'lifecycle.sleepingDays', label: 'sleepingDays' },
      { kind: 'number', path: 'lifecycle.prechurnDays', label: 'prechurnDays' },
    ],
    whole: 'lifecycle',
  },
  groups: {
    legend: 'secGroups',
    fields: [
      { kind: 'number', path: 'recentDays', label: 'recentDays' },
      { kind: 'check', path: 'mergeSameDayPurchases', label: 'mergeSameDay' },
    ],
  },
  staff: {
    legend: 'secStaff',
    fields: [
      { kind: 'text', path: 'staffName', label: 'staffName' },
      { kind: 'check', path: 'showPersonalData', label: 'showPersonal' },
      { kind: 'language', path: 'language', label: 'language' },
    ],
  },
} as const satisfies Record<string, Plain>;

const LANGUAGES = [
  { value: 'zh_CN', label: '中文' },
  { value: 'en', label: 'English' },
] as const;

/** One of the plain fieldsets. */
export function PlainSection(props: SectionProps & { of: keyof typeof PLAIN }) {
  const { t, bind } = props;
  const plain: Plain = PLAIN[props.of];
  return (
    <Section legend={t(plain.legend)}>
      {plain.fields.map(({ kind, path, label }) => {
        const text = t(label);
        if (kind === 'number')
          return <NumberField key={path} label={text} {...bind<number>(path)} />;
        if (kind === 'check')
          return <CheckField key={path} label={text} {...bind<boolean>(path)} />;
        if (kind === 'text') return <TextField key={path} label={text} {...bind<string>(path)} />;
        return <SelectField key={path} label={text} options={LANGUAGES} {...bind<Lang>(path)} />;
      })}
      {plain.whole ? (
        <FieldError path={plain.whole} errors={props.errors.get(plain.whole)} />
      ) : null}
    </Section>
  );
}
