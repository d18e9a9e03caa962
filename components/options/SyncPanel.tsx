/**
 * Team sync settings: the seller's CouchDB address, database, this 客服's login, the team
 * passphrase and name; "test connection" and the current state. Presentational: the options
 * page asks for the host permission and talks to the background.
 */
import { useEffect, useState } from 'preact/hooks';
import { bound, type Lang } from '@/lib/i18n';
import { t as syncT } from '@/lib/i18n/sync';
import { pullProgress, type SyncView } from '../sync-view';

export type { SyncView } from '../sync-view';

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

export function SyncPanel(props: SyncPanelProps) {
  const s = bound(syncT, props.lang);
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
  const text = (
    k: 'url' | 'db' | 'user' | 'password' | 'passphrase' | 'staffName',
    label: string,
    type = 'text',
  ) => (
    <label class="field">
      <span>{label}</span>
      <input
        type={type}
        // Secrets are never autofilled.
        autocomplete={type === 'password' ? 'off' : undefined}
        value={f[k]}
        data-testid={`sync-${k}`}
        onInput={(e) => set(k, e.currentTarget.value)}
      />
    </label>
  );
  const check = (k: 'enabled' | 'encrypt', label: string) => (
    <label class="check">
      <input
        type="checkbox"
        checked={f[k]}
        data-testid={`sync-${k}`}
        onChange={(e) => set(k, e.currentTarget.checked)}
      />
      {label}
    </label>
  );
  const st = props.status;
  return (
    <fieldset class="sync" data-testid="sync-panel">
      <legend>{s('title')}</legend>
      <p class="hint">{s('hint')}</p>
      {check('enabled', s('enabled'))}
      {text('url', s('url'), 'url')}
      {text('db', s('db'))}
      {text('user', s('user'))}
      {text('password', s('password'), 'password')}
      {check('encrypt', s('encrypt'))}
      {text('passphrase', s('passphrase'), 'password')}
      {text('staffName', s('staff'))}
      <div class="row">
        <button
          type="button"
          disabled={busy}
          data-testid="sync-test"
          onClick={() => run(props.onTest(f))}
        >
          {s('test')}
        </button>
        <button
          type="button"
          disabled={busy}
          data-testid="sync-save"
          onClick={() => run(props.onSave(f).then((e) => (e ? { ok: false, text: e } : undefined)))}
        >
          {s('save')}
        </button>
        <button
          type="button"
          disabled={busy || !f.enabled}
          data-testid="sync-now"
          onClick={props.onSyncNow}
        >
          {s('now')}
        </button>
      </div>
      {note && (
        <p class={note.ok ? 'ok' : 'field-error'} role="status" data-testid="sync-note">
          {note.text}
        </p>
      )}
      {st && (
        <p class="hint" data-testid="sync-status">
          {s('state')}: {s(`state.${st.state}`)}
          {st.lastSyncAt ? ` · ${s('last')} ${new Date(st.lastSyncAt).toLocaleString()}` : ''}
          {` · ${s('pending')} ${st.pending}`}
          {st.pulled ? ` · ${s('pulled')} ${pullProgress(st)}` : ''}
          {st.error ? ` · ${props.lang === 'en' ? st.error.en : st.error.zh_CN}` : ''}
        </p>
      )}
    </fieldset>
  );
}
