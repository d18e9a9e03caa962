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
  return (
    <div class="row">
      <SelectRow
        label={t('tplKind')}
        testId="tpl-kind"
        value={pick.kind}
        onChange={(kind) => onChange({ kind })}
      >
        <option value="remind">{t('tplRemind')}</option>
        <option value="moment">{t('tplMoment')}</option>
      </SelectRow>
      {remind ? (
        <SelectRow
          label={t('tplGroup')}
          testId="tpl-group"
          value={pick.group}
          onChange={(group) => onChange({ group })}
        >
          <Options values={REMINDER_GROUPS} label={(g) => t(groupLabel[g])} />
        </SelectRow>
      ) : (
        <SelectRow
          label={t('tplMomentPick')}
          testId="tpl-moment"
          value={pick.moment}
          onChange={(moment) => onChange({ moment })}
        >
          <Options
            values={MOMENTS}
            label={(m) => t(`moment_${m.replace(/\./g, '_')}` as OptionsKey)}
          />
        </SelectRow>
      )}
      <SelectRow
        label={t('tplChannel')}
        testId="tpl-channel"
        value={pick.channel}
        onChange={(channel) => onChange({ channel })}
      >
        <Options<Channel>
          values={remind ? REMINDER_CHANNELS : MOMENT_CHANNELS}
          label={(c) => t(`channel_${c}`)}
        />
      </SelectRow>
      {remind ? (
        <SelectRow
          label={t('tplTone')}
          testId="tpl-tone"
          value={pick.tone}
          onChange={(tone) => onChange({ tone })}
        >
          <Options values={TONES} label={(x) => t(`tone_${x}`)} />
        </SelectRow>
      ) : null}
    </div>
  );
}
