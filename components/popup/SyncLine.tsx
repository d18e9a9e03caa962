/** One line of team-sync health in the popup: state, last sync, changes waiting, the error. */
import type { JSX } from 'preact';
import type { Lang } from '@/lib/i18n';
import { t } from '@/lib/i18n/sync';
import { pullProgress, type SyncView } from '../sync-view';

export function SyncLine(props: { lang: Lang; status?: SyncView }): JSX.Element | null {
  const st = props.status;
  if (!st || st.state === 'off') return null;
  const lang = props.lang;
  const head = t(lang, `line.${st.state}`);
  const time = st.lastSyncAt
    ? new Date(st.lastSyncAt).toLocaleTimeString(props.lang === 'en' ? 'en' : 'zh-CN', {
        hour: '2-digit',
        minute: '2-digit',
      })
    : undefined;
  const bad = st.state === 'error' || st.state === 'offline';
  return (
    <p class={bad ? 'kp-alert' : 'kp-sync'} role={bad ? 'alert' : 'status'} data-testid="sync-line">
      {head}
      {time ? ` · ${t(lang, 'line.last')} ${time}` : ''}
      {st.pending > 0 ? ` · ${t(lang, 'line.pending')} ${st.pending}` : ''}
      {st.pulled ? ` · ${t(lang, 'line.pulled')} ${pullProgress(st)}` : ''}
      {st.error ? ` · ${st.error[lang]}` : ''}
    </p>
  );
}
