/** Which template the editor shows: a 催付 group or another moment, a channel and a tone. */
import {
  MOMENTS,
  MOMENT_CHANNELS,
  REMINDER_CHANNELS,
  REMINDER_GROUPS,
  TONES,
  type Moment,
  type ReminderGroup,
} from '@/lib/reminders';
import type { ComponentChildren } from 'preact';
import type { Channel, Tone } from '@/lib/schemas';
import type { OptionsKey, T } from '@/lib/i18n/options';
import { Options, SelectRow } from './controls';

export type TemplateKind = 'remind' | 'moment';

/** The picked template; `channel` is the one in effect (a moment falls back to chat). */
export interface TemplatePick {
  kind: TemplateKind;
  group: ReminderGroup;
  moment: Moment;
  channel: Channel;
  tone: Tone;
}

const groupLabel: Record<ReminderGroup, OptionsKey> = {
  new: 'ladder_new',
  returning: 'ladder_returning',
  large: 'ladder_large',
};

export function TemplatePicker(props: {
  t: T;
  pick: TemplatePick;
  onChange: (patch: Partial<TemplatePick>) => void;
}) {
  const { t, pick, onChange } = props;
  const remind = pick.kind === 'remind';
  /** The select for one part of the pick. */
  const row = <K extends keyof TemplatePick>(
    k: K,
    label: OptionsKey,
    options: ComponentChildren,
  ) => (
    <SelectRow
      label={t(label)}
      testId={`tpl-${k}`}
      value={pick[k]}
      onChange={(v) => onChange({ [k]: v })}
    >
      {options}
    </SelectRow>
  );
  return (
    <div class="row">
      {row(
        'kind',
        'tplKind',
        <>
          <option value="remind">{t('tplRemind')}</option>
          <option value="moment">{t('tplMoment')}</option>
        </>,
      )}
      {remind
        ? row(
            'group',
            'tplGroup',
            <Options values={REMINDER_GROUPS} label={(g) => t(groupLabel[g])} />,
          )
        : row(
            'moment',
            'tplMomentPick',
            <Options
              values={MOMENTS}
              label={(m) => t(`moment_${m.replace(/\./g, '_')}` as OptionsKey)}
            />,
          )}
      {row(
        'channel',
        'tplChannel',
        <Options<Channel>
          values={remind ? REMINDER_CHANNELS : MOMENT_CHANNELS}
          label={(c) => t(`channel_${c}`)}
        />,
      )}
      {remind
        ? row('tone', 'tplTone', <Options values={TONES} label={(x) => t(`tone_${x}`)} />)
        : null}
    </div>
  );
}
