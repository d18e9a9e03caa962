/**
 * Backup and data: export (all data or one shop, optionally with a passphrase), restore (check
 * first: every record validated and the changes counted, then the seller confirms), persistent
 * storage and usage, and deleting one shop's data behind a typed confirmation.
 */
import { useState } from 'preact/hooks';
import {
  BACKUP_TABLES,
  type Backup,
  type Message,
  type RecordProblem,
  type RestoreSummary,
} from '@/lib/backup';
import type { Shop } from '@/lib/schemas';
import { bound, type Lang } from '@/lib/i18n';
import { t as optionsT, type OptionsKey, type T } from '@/lib/i18n/options';
import { formatBytes } from './format';

/** The outcome of checking a backup file (nothing written yet). */
export type BackupCheck =
  | { ok: true; backup: Backup; summary: RestoreSummary; encrypted: boolean }
  | { ok: false; message: Message; problems: RecordProblem[]; problemCount: number };

export interface BackupPanelProps {
  lang: Lang;
  shops: readonly Shop[];
  /** Builds and offers the backup file; resolves to its name. */
  onExport: (opts: { shopKey?: string; passphrase: string }) => Promise<string>;
  /** Reads, decrypts and validates a backup and counts what restoring it would change. */
  onCheck: (file: File, passphrase: string) => Promise<BackupCheck>;
  /** Restores a checked backup (the background writes it); resolves to the records written. */
  onRestore: (backup: Backup) => Promise<number>;
  storage: StorageInfo;
  onPersist: () => Promise<void>;
  /** Deletes one shop's data; resolves to the counts deleted. */
  onDeleteShop: (shopKey: string) => Promise<{ orders: number; customers: number }>;
}

/** What navigator.storage told us (undefined where the browser does not say). */
export interface StorageInfo {
  persisted?: boolean;
  usage?: number;
  quota?: number;
}

type Status = { kind: 'ok' | 'error'; text: string } | null;
const errorText = (e: unknown) => (e instanceof Error ? e.message : String(e));

/** The backup and data panel. */
export function BackupPanel(props: BackupPanelProps) {
  const t = bound(optionsT, props.lang);
  return (
    <section class="backup" data-testid="backup-panel">
      <ExportBox t={t} {...props} />
      <RestoreBox t={t} {...props} />
      <StorageBox t={t} {...props} />
      <DeleteShopBox t={t} {...props} />
    </section>
  );
}

function ExportBox(props: BackupPanelProps & { t: T }) {
  const { t } = props;
  const [scope, setScope] = useState('');
  const [pass, setPass] = useState('');
  const [pass2, setPass2] = useState('');
  const [busy, setBusy] = useState(false);
  const [status, setStatus] = useState<Status>(null);
  const mismatch = pass !== '' && pass !== pass2;

  const run = async () => {
    if (mismatch) return;
    setBusy(true);
    setStatus(null);
    try {
      const name = await props.onExport({ ...(scope ? { shopKey: scope } : {}), passphrase: pass });
      setStatus({ kind: 'ok', text: t('bkExported', { name }) });
    } catch (e) {
      setStatus({ kind: 'error', text: t('failed') + errorText(e) });
    } finally {
      setBusy(false);
    }
  };

  return (
    <fieldset>
      <legend>{t('secBackup')}</legend>
      <label class="field">
        <span class="label">{t('bkScope')}</span>
        <select
          data-testid="backup-scope"
          value={scope}
          onChange={(e) => setScope(e.currentTarget.value)}
        >
          <option value="">{t('bkAll')}</option>
          {props.shops.map((s) => (
            <option key={s.key} value={s.key}>
              {s.name ? `${s.name} (${s.key})` : s.key}
            </option>
          ))}
        </select>
      </label>
      <label class="field">
        <span class="label">{t('bkPass')}</span>
        <input
          type="password"
          autoComplete="new-password"
          data-testid="backup-passphrase"
          value={pass}
          onInput={(e) => setPass(e.currentTarget.value)}
        />
      </label>
      {pass !== '' ? (
        <label class={`field${mismatch ? ' invalid' : ''}`}>
          <span class="label">{t('bkPass2')}</span>
          <input
            type="password"
            autoComplete="new-password"
            data-testid="backup-passphrase2"
            value={pass2}
            onInput={(e) => setPass2(e.currentTarget.value)}
          />
          {mismatch ? (
            <p class="field-error">{t('bkPassMismatch')}</p>
          ) : (
            <p class="hint">{t('bkPassWarn')}</p>
          )}
        </label>
      ) : null}
      <button
        type="button"
        class="primary"
        data-testid="backup-export"
        disabled={busy || mismatch}
        onClick={() => void run()}
      >
        {busy ? t('bkExporting') : t('bkExport')}
      </button>
      {status ? (
        <p
          class={status.kind === 'ok' ? 'ok' : 'field-error'}
          role="status"
          data-testid="backup-status"
        >
          {status.text}
        </p>
      ) : null}
    </fieldset>
  );
}

function RestoreBox(props: BackupPanelProps & { t: T }) {
  const { t, lang } = props;
  const [file, setFile] = useState<File | undefined>();
  const [pass, setPass] = useState('');
  const [busy, setBusy] = useState(false);
  const [check, setCheck] = useState<BackupCheck | undefined>();
  const [status, setStatus] = useState<Status>(null);

  const runCheck = async () => {
    if (!file) return;
    setBusy(true);
    setStatus(null);
    setCheck(undefined);
    try {
      setCheck(await props.onCheck(file, pass));
    } catch (e) {
      setStatus({ kind: 'error', text: t('failed') + errorText(e) });
    } finally {
      setBusy(false);
    }
  };
  const runRestore = async () => {
    if (!check?.ok) return;
    setBusy(true);
    try {
      const n = await props.onRestore(check.backup);
      setCheck(undefined);
      setStatus({ kind: 'ok', text: t('bkRestored', { n }) });
    } catch (e) {
      setStatus({ kind: 'error', text: t('failed') + errorText(e) });
    } finally {
      setBusy(false);
    }
  };

  return (
    <fieldset>
      <legend>{t('secRestore')}</legend>
      <label class="field">
        <span class="label">{t('bkChoose')}</span>
        <input
          type="file"
          accept=".json,application/json"
          data-testid="restore-file"
          onChange={(e) => {
            setFile(e.currentTarget.files?.[0]);
            setCheck(undefined);
            setStatus(null);
          }}
        />
      </label>
      <label class="field">
        <span class="label">{t('bkRestorePass')}</span>
        <input
          type="password"
          autoComplete="off"
          data-testid="restore-passphrase"
          value={pass}
          onInput={(e) => setPass(e.currentTarget.value)}
        />
      </label>
      <button
        type="button"
        data-testid="restore-check"
        disabled={!file || busy}
        onClick={() => void runCheck()}
      >
        {busy && !check ? t('bkChecking') : t('bkCheck')}
      </button>

      {check && !check.ok ? (
        <div class="field-error" role="alert" data-testid="restore-error">
          <p>{check.message[lang]}</p>
          {check.problems.length ? (
            <>
              <p>{t('bkProblems', { n: check.problems.length })}</p>
              <ul>
                {check.problems.map((p, i) => (
                  <li key={i}>
                    {p.table}#{p.index}
                    {p.key ? ` (${p.key})` : ''}: {p.reason}
                  </li>
                ))}
              </ul>
            </>
          ) : null}
        </div>
      ) : null}

      {check?.ok ? (
        <div class="plan" data-testid="restore-plan">
          <p>
            {t('bkExportedAt')}：
            {new Date(check.backup.exportedAt).toLocaleString(lang === 'en' ? 'en' : 'zh-CN')}
            {check.backup.shops ? ` · ${t('bkShops')}：${check.backup.shops.join(', ')}` : ''}
          </p>
          <p>{t('bkPlan')}</p>
          <table>
            <thead>
              <tr>
                <th>{t('bkTable')}</th>
                <th>{t('bkInBackup')}</th>
                <th>{t('bkAdded')}</th>
                <th>{t('bkUpdated')}</th>
                <th>{t('bkUnchanged')}</th>
              </tr>
            </thead>
            <tbody>
              {BACKUP_TABLES.map((name) => {
                const c = check.summary[name];
                return (
                  <tr key={name} data-testid={`restore-plan-${name}`}>
                    <td>{t(`table_${name}` as OptionsKey)}</td>
                    <td>{c.inBackup}</td>
                    <td>{c.added}</td>
                    <td>{c.updated}</td>
                    <td>{c.unchanged}</td>
                  </tr>
                );
              })}
            </tbody>
          </table>
          <p class="hint">{t('bkMergeNote')}</p>
          <button
            type="button"
            class="primary"
            data-testid="restore-confirm"
            disabled={busy}
            onClick={() => void runRestore()}
          >
            {busy ? t('bkRestoring') : t('bkRestore')}
          </button>{' '}
          <button
            type="button"
            data-testid="restore-cancel"
            disabled={busy}
            onClick={() => setCheck(undefined)}
          >
            {t('cancel')}
          </button>
        </div>
      ) : null}
      {status ? (
        <p
          class={status.kind === 'ok' ? 'ok' : 'field-error'}
          role="status"
          data-testid="restore-status"
        >
          {status.text}
        </p>
      ) : null}
    </fieldset>
  );
}

function StorageBox(props: BackupPanelProps & { t: T }) {
  const { t, storage } = props;
  const [error, setError] = useState<string | undefined>();
  return (
    <fieldset>
      <legend>{t('secStorage')}</legend>
      <p data-testid="storage-persisted">
        {storage.persisted === undefined
          ? t('stUnknown')
          : storage.persisted
            ? t('stPersisted')
            : t('stNotPersisted')}
      </p>
      {storage.persisted === false ? (
        <button
          type="button"
          data-testid="storage-persist"
          onClick={() => void props.onPersist().catch((e: unknown) => setError(errorText(e)))}
        >
          {t('stPersist')}
        </button>
      ) : null}
      {storage.usage !== undefined && storage.quota !== undefined ? (
        <p data-testid="storage-usage">
          {t('stUsage', { used: formatBytes(storage.usage), quota: formatBytes(storage.quota) })}
        </p>
      ) : null}
      {error ? <p class="field-error">{error}</p> : null}
    </fieldset>
  );
}

function DeleteShopBox(props: BackupPanelProps & { t: T }) {
  const { t } = props;
  const [key, setKey] = useState('');
  const [typed, setTyped] = useState('');
  const [busy, setBusy] = useState(false);
  const [status, setStatus] = useState<Status>(null);
  const shop = props.shops.find((s) => s.key === key);
  const ready = !!shop && typed.trim() === shop.shopId;

  const run = async () => {
    if (!shop || !ready) return;
    setBusy(true);
    try {
      const r = await props.onDeleteShop(shop.key);
      setStatus({ kind: 'ok', text: t('delDone', r) });
      setKey('');
      setTyped('');
    } catch (e) {
      setStatus({ kind: 'error', text: t('failed') + errorText(e) });
    } finally {
      setBusy(false);
    }
  };

  return (
    <fieldset>
      <legend>{t('secDelete')}</legend>
      <p class="hint">{t('delNote')}</p>
      <label class="field">
        <span class="label">{t('delPick')}</span>
        <select
          data-testid="delete-shop"
          value={key}
          onChange={(e) => {
            setKey(e.currentTarget.value);
            setTyped('');
            setStatus(null);
          }}
        >
          <option value="">—</option>
          {props.shops.map((s) => (
            <option key={s.key} value={s.key}>
              {s.name ? `${s.name} (${s.key})` : s.key}
            </option>
          ))}
        </select>
      </label>
      {shop ? (
        <label class="field">
          <span class="label">{t('delType', { id: shop.shopId })}</span>
          <input
            type="text"
            autoComplete="off"
            data-testid="delete-shop-confirm-text"
            value={typed}
            onInput={(e) => setTyped(e.currentTarget.value)}
          />
        </label>
      ) : null}
      <button
        type="button"
        class="danger"
        data-testid="delete-shop-button"
        disabled={!ready || busy}
        onClick={() => void run()}
      >
        {t('delButton')}
      </button>
      {status ? (
        <p
          class={status.kind === 'ok' ? 'ok' : 'field-error'}
          role="status"
          data-testid="delete-shop-status"
        >
          {status.text}
        </p>
      ) : null}
    </fieldset>
  );
}
