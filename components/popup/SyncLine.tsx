/** One line of team-sync health in the popup: state, last sync, changes waiting, the error. */
import type { JSX } from 'preact';
import { pullProgress, type SyncView } from '../options/SyncPanel';

const T = {
  zh_CN: {
    off: '',
    connecting: '团队同步：连接中',
    syncing: '团队同步：同步中',
    ok: '团队同步：正常',
    offline: '团队同步：服务器连不上',
    error: '团队同步出错',
    last: '上次',
    pending: '待发送',
    pulled: '已接收',
  },
  en: {
    off: '',
    connecting: 'Team sync: connecting',
    syncing: 'Team sync: syncing',
    ok: 'Team sync: ok',
    offline: 'Team sync: server unreachable',
    error: 'Team sync error',
    last: 'last',
    pending: 'waiting',
    pulled: 'received',
  },
} as const;

export function SyncLine(props: { lang: 'zh_CN' | 'en'; status?: SyncView }): JSX.Element | null {
  const st = props.status;
  if (!st || st.state === 'off') return null;
  const t = T[props.lang];
  const head = (t as Record<string, string>)[st.state] ?? st.state;
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
      {time ? ` · ${t.last} ${time}` : ''}
      {st.pending > 0 ? ` · ${t.pending} ${st.pending}` : ''}
      {st.pulled ? ` · ${t.pulled} ${pullProgress(st)}` : ''}
      {st.error ? ` · ${props.lang === 'en' ? st.error.en : st.error.zh_CN}` : ''}
    </p>
  );
}
