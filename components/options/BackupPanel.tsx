/**
 * Backup and data: export (all data or one shop, optionally with a passphrase), restore (check
 * first: every record validated and the changes counted, then the seller confirms), persistent
 * storage and usage, and deleting one shop's data behind a typed confirmation.
 */
import { useState } from 'preact/hooks';
import type { Shop } from '@/lib/schemas';
import { bound } from '@/lib/i18n';
import { t as optionsT, type T } from '@/lib/i18n/options';
import {
  ActionButton,
  InputRow,
  SelectRow,
  ShopOptions,
  StatusNote,
  errorText,
  useAction,
} from './controls';
import { formatBytes } from './format';
import { PassphraseRows, usePassphrase } from './PassphraseRows';
import { RestoreBox, type RestoreBoxProps } from './RestoreBox';

export type { BackupCheck } from './RestoreBox';

export interface BackupPanelProps extends Omit<RestoreBoxProps, 't'> {
  shops: readonly Shop[];
  /** Builds and offers the backup file; resolves to its name. */
  onExport: (opts: { shopKey?: string; passphrase: string }) => Promise<string>;
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
  const passphrase = usePassphrase();
  const { busy, status, run } = useAction(t);
  const { pass, mismatch } = passphrase;

  const exportNow = () =>
    run(async () => {
      const name = await props.onExport({ ...(scope ? { shopKey: scope } : {}), passphrase: pass });
      return t('bkExported', { name });
    });

  return (
    <fieldset>
      <legend>{t('secBackup')}</legend>
      <SelectRow label={t('bkScope')} testId="backup-scope" value={scope} onChange={setScope}>
        <option value="">{t('bkAll')}</option>
        <ShopOptions shops={props.shops} />
      </SelectRow>
      <PassphraseRows
        t={t}
        state={passphrase}
        label={t('bkPass')}
        repeatLabel={t('bkPass2')}
        testId="backup-passphrase"
      />
      <ActionButton
        kind="primary"
        testId="backup-export"
        label={t('bkExport')}
        busyLabel={t('bkExporting')}
        busy={busy}
        disabled={mismatch}
        onClick={() => void exportNow()}
      />
      <StatusNote status={status} testId="backup-status" />
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
  const { busy, status, setStatus, run } = useAction(t);
  const shop = props.shops.find((s) => s.key === key);
  const ready = !!shop && typed.trim() === shop.shopId;

  const deleteNow = (target: Shop) =>
    run(async () => {
      const r = await props.onDeleteShop(target.key);
      setKey('');
      setTyped('');
      return t('delDone', r);
    }, false);

  return (
    <fieldset>
      <legend>{t('secDelete')}</legend>
      <p class="hint">{t('delNote')}</p>
      <SelectRow
        label={t('delPick')}
        testId="delete-shop"
        value={key}
        onChange={(v) => {
          setKey(v);
          setTyped('');
          setStatus(null);
        }}
      >
        <option value="">—</option>
        <ShopOptions shops={props.shops} />
      </SelectRow>
      {shop ? (
        <InputRow
          label={t('delType', { id: shop.shopId })}
          autoComplete="off"
          testId="delete-shop-confirm-text"
          value={typed}
          onInput={setTyped}
        />
      ) : null}
      <ActionButton
        kind="danger"
        testId="delete-shop-button"
        label={t('delButton')}
        busy={busy}
        disabled={!ready}
        onClick={() => {
          if (shop) void deleteNow(shop);
        }}
      />
      <StatusNote status={status} testId="delete-shop-status" />
    </fieldset>
  );
}
