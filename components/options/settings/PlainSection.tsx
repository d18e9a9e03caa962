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

/** One row of the table: the control, the draft path it edits and its caption. */
const field = (kind: Field['kind'], path: string, label: OptionsKey): Field => ({
  kind,
  path,
  label,
});

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
      field('number', 'lifecycle.activeDays', 'activeDays'),
      field('number', 'lifecycle.sleepingDays', 'sleepingDays'),
      field('number', 'lifecycle.prechurnDays', 'prechurnDays'),
    ],
    whole: 'lifecycle',
  },
  groups: {
    legend: 'secGroups',
    fields: [
      field('number', 'recentDays', 'recentDays'),
      field('check', 'mergeSameDayPurchases', 'mergeSameDay'),
    ],
  },
  staff: {
    legend: 'secStaff',
    fields: [
      field('text', 'staffName', 'staffName'),
      field('check', 'showPersonalData', 'showPersonal'),
      field('language', 'language', 'language'),
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
