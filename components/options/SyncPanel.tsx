/**
 * Team sync settings: the seller's CouchDB address, database, this 客服's login, the team
 * passphrase and name; "test connection" and the current state. Presentational: the options
 * page asks for the host permission and talks to the background.
 */
import { useEffect, useState } from 'preact/hooks';
import type { Lang } from './strings';

export interface SyncForm {
  enabled: boolean;
  url: string;
  db: string;
  user: string;
  password: string;
  passphrase: string;
  encrypt: boolean;
  staffName: string;
}

export interface SyncView {
  state: string;
  lastSyncAt?: number;
  pending: number;
  pulled?: number;
  total?: number;
  error?: { zh_CN: string; en: string };
}

export interface SyncPanelProps {
  lang: Lang;
  form: SyncForm;
  status?: SyncView;
  /** Checks without saving; resolves to a sentence (ok or not). */
  onTest: (f: SyncForm) => Promise<{ ok: boolean; text: string }>;
  /** Saves (asking for the host permission first); resolves to an error text, or undefined. */
  onSave: (f: SyncForm) => Promise<string | undefined>;
  onSyncNow: () => void;
}

const S = {
  zh_CN: {
    title: '团队同步（CouchDB）',
    hint: '同店的客服共用一份历史：订单、备注/标签/黑名单、联系记录。数据存在店铺自己的 CouchDB 上，默认端到端加密。',
    enabled: '开启团队同步',
    url: '服务器地址',
    db: '数据库',
    user: '用户名',
    password: '密码',
    passphrase: '团队口令（每台电脑相同，用于加密）',
    encrypt: '加密（本机以外的服务器必须加密）',
    staff: '客服名称（写入联系记录）',
    test: '测试连接',
    save: '保存',
    now: '立即同步',
    ok: '连接正常',
    docs: '个文档',
    sealed: '已加密',
    plain: '未加密',
    state: '状态',
    last: '上次同步',
    pending: '待发送',
    pulled: '已接收',
    states: {
      off: '未开启',
      connecting: '连接中',
      syncing: '同步中',
      ok: '正常',
      offline: '服务器连不上（改动会先存在本机）',
      error: '出错',
    } as Record<string, string>,
  },
  en: {
    title: 'Team sync (CouchDB)',
    hint: "The shop's 客服 share one history: orders, notes/tags/blacklist, the contact log. It lives on the shop's own CouchDB, sealed end to end by default.",
    enabled: 'Turn team sync on',
    url: 'Server address',
    db: 'Database',
    user: 'User',
    password: 'Password',
    passphrase: 'Team passphrase (the same on every desk; encrypts the data)',
    encrypt: 'Encrypt (required for any server but this machine)',
    staff: 'Staff name (written into the contact log)',
    test: 'Test connection',
    save: 'Save',
    now: 'Sync now',
    ok: 'Connected',
    docs: 'documents',
    sealed: 'encrypted',
    plain: 'not encrypted',
    state: 'State',
    last: 'Last sync',
    pending: 'Waiting to send',
    pulled: 'Received',
    states: {
      off: 'off',
      connecting: 'connecting',
      syncing: 'syncing',
      ok: 'ok',
      offline: 'server unreachable (changes wait here)',
      error: 'error',
    } as Record<string, string>,
  },
};

export function SyncPanel(props: SyncPanelProps) {
  const s = S[props.lang === 'en' ? 'en' : 'zh_CN'];
  const [f, setF] = useState<SyncForm>(props.form);
  const [note, setNote] = useState<{ ok: boolean; text: string } | undefined>();
  const [busy, setBusy] = useState(false);
  useEffect(() => setF(props.form), [props.form]);
  const set = <K extends keyof SyncForm>(k: K, v: SyncForm[K]) => {
    setF({ ...f, [k]: v });
    setNote(undefined);
  };
  const run = (p: Promise<{ ok: boolean; text: string } | undefined>) => {
    setBusy(true);
    p.then(
      (r) => setNote(r),
      (e: unknown) => setNote({ ok: false, text: e instanceof Error ? e.message : String(e) }),
    ).finally(() => setBusy(false));
  };
  const text = (k: 'url' | 'db' | 'user' | 'staffName', label: string, type = 'text') => (
    <label class="field">
      <span>{label}</span>
      <input
        type={type}
        value={f[k]}
        data-testid={`sync-${k}`}
        onInput={(e) => set(k, e.currentTarget.value)}
      />
    </label>
  );
  const st = props.status;
  return (
    <fieldset class="sync" data-testid="sync-panel">
      <legend>{s.title}</legend>
      <p class="hint">{s.hint}</p>
      <label class="check">
        <input
          type="checkbox"
          checked={f.enabled}
          data-testid="sync-enabled"
          onChange={(e) => set('enabled', e.currentTarget.checked)}
        />
        {s.enabled}
      </label>
      {text('url', s.url, 'url')}
      {text('db', s.db)}
      {text('user', s.user)}
      <label class="field">
        <span>{s.password}</span>
        <input
          type="password"
          autocomplete="off"
          value={f.password}
          data-testid="sync-password"
          onInput={(e) => set('password', e.currentTarget.value)}
        />
      </label>
      <label class="check">
        <input
          type="checkbox"
          checked={f.encrypt}
          data-testid="sync-encrypt"
          onChange={(e) => set('encrypt', e.currentTarget.checked)}
        />
        {s.encrypt}
      </label>
      <label class="field">
        <span>{s.passphrase}</span>
        <input
          type="password"
          autocomplete="off"
          value={f.passphrase}
          data-testid="sync-passphrase"
          onInput={(e) => set('passphrase', e.currentTarget.value)}
        />
      </label>
      {text('staffName', s.staff)}
      <div class="row">
        <button
          type="button"
          disabled={busy}
          data-testid="sync-test"
          onClick={() => run(props.onTest(f))}
        >
          {s.test}
        </button>
        <button
          type="button"
          disabled={busy}
          data-testid="sync-save"
          onClick={() => run(props.onSave(f).then((e) => (e ? { ok: false, text: e } : undefined)))}
        >
          {s.save}
        </button>
        <button
          type="button"
          disabled={busy || !f.enabled}
          data-testid="sync-now"
          onClick={props.onSyncNow}
        >
          {s.now}
        </button>
      </div>
      {note && (
        <p class={note.ok ? 'ok' : 'field-error'} role="status" data-testid="sync-note">
          {note.text}
        </p>
      )}
      {st && (
        <p class="hint" data-testid="sync-status">
          {s.state}: {s.states[st.state] ?? st.state}
          {st.lastSyncAt ? ` · ${s.last} ${new Date(st.lastSyncAt).toLocaleString()}` : ''}
          {` · ${s.pending} ${st.pending}`}
          {st.pulled ? ` · ${s.pulled} ${pullProgress(st)}` : ''}
          {st.error ? ` · ${props.lang === 'en' ? st.error.en : st.error.zh_CN}` : ''}
        </p>
      )}
    </fieldset>
  );
}

/** "499 / 10,000" while a pull runs (the total is known on a first pull or from the server). */
export function pullProgress(st: Pick<SyncView, 'pulled' | 'total'>): string {
  const n = (x: number) => x.toLocaleString('en');
  return st.total ? `${n(st.pulled ?? 0)} / ${n(st.total)}` : n(st.pulled ?? 0);
}

export { S as SYNC_STRINGS };
