/** The order's recent contact log, with a warning when the last contact is too recent. */
import type { JSX } from 'preact';
import type { Lang } from '@/lib/i18n';
import { t } from '@/lib/i18n/assistant';
import { TONES } from '@/lib/reminders';
import type { ContactEntry, Platform } from '@/lib/schemas';
import { bounded } from '../badge-chips';
import { channelLabel, formatAgo, formatWhen } from './format';

/** "催付·礼貌" for a reminder template id; anything else as written (bounded). */
function templateLabel(id: string, lang: Lang): string {
  const [head, , , tone] = id.split('.');
  const known = TONES.find((x) => x === tone);
  if (head === 'remind' && known)
    return t(lang, 'assistant.templateRemind', { tone: t(lang, `tone.${known}`) });
  return bounded(id, 60);
}

export function RecentContacts(props: {
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
