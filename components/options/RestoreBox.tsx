/**
 * Restoring a backup: check first (every record validated and the changes counted, nothing
 * written), show the plan, then restore only after the seller confirms.
 */
import { useState } from 'preact/hooks';
import {
  BACKUP_TABLES,
  type Backup,
  type Message,
  type RecordProblem,
  type RestoreSummary,
} from '@/lib/backup';
import type { Lang } from '@/lib/i18n';
import type { OptionsKey, T } from '@/lib/i18n/options';
import { ActionButton, StatusNote, TableHead, useAction } from './controls';
import { Labelled } from './fields';
import { PassphraseRows, usePassphrase } from './PassphraseRows';

/** The outcome of checking a backup file (nothing written yet). */
export type BackupCheck =
  | { ok: true; backup: Backup; summary: RestoreSummary; encrypted: boolean }
  | { ok: false; message: Message; problems: RecordProblem[]; problemCount: number };

export interface RestoreBoxProps {
  t: T;
  lang: Lang;
  /** Reads, decrypts and validates a backup and counts what restoring it would change. */
  onCheck: (file: File, passphrase: string) => Promise<BackupCheck>;
  /** Restores a checked backup (the background writes it); resolves to the records written. */
  onRestore: (backup: Backup) => Promise<number>;
}

export function RestoreBox(props: RestoreBoxProps) {
  const { t, lang } = props;
  const [file, setFile] = useState<File | undefined>();
  const passphrase = usePassphrase();
  const [check, setCheck] = useState<BackupCheck | undefined>();
  const { busy, status, setStatus, run } = useAction(t);

  const runCheck = (chosen: File) =>
    run(async () => {
      setCheck(undefined);
      setCheck(await props.onCheck(chosen, passphrase.pass));
      return undefined;
    });
  const runRestore = (backup: Backup) =>
    run(async () => {
      const n = await props.onRestore(backup);
      setCheck(undefined);
      return t('bkRestored', { n });
    }, false);

  return (
    <fieldset>
      <legend>{t('secRestore')}</legend>
      <Labelled label={t('bkChoose')}>
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
      </Labelled>
      <PassphraseRows
        t={t}
        state={passphrase}
        label={t('bkRestorePass')}
        testId="restore-passphrase"
      />
      <ActionButton
        testId="restore-check"
        label={t('bkCheck')}
        busyLabel={check ? undefined : t('bkChecking')}
        busy={busy}
        disabled={!file}
        onClick={() => {
          if (file) void runCheck(file);
        }}
      />

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
            <TableHead
              labels={[
                t('bkTable'),
                t('bkInBackup'),
                t('bkAdded'),
                t('bkUpdated'),
                t('bkUnchanged'),
              ]}
            />
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
          <ActionButton
            kind="primary"
            testId="restore-confirm"
            label={t('bkRestore')}
            busyLabel={t('bkRestoring')}
            busy={busy}
            onClick={() => void runRestore(check.backup)}
          />{' '}
          <ActionButton
            testId="restore-cancel"
            label={t('cancel')}
            busy={busy}
            onClick={() => setCheck(undefined)}
          />
        </div>
      ) : null}
      <StatusNote status={status} testId="restore-status" />
    </fieldset>
  );
}
