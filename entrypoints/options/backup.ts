/**
 * Browser glue for the options page's backup panel: export, check and restore, storage
 * persistence and usage, deleting one shop. Database writes go through the background.
 */
import { useEffect, useState } from 'preact/hooks';
import type { BackupPanelProps, BackupCheck, StorageInfo } from '@/components/options/BackupPanel';
import { readText } from '@/components/options/read-file';
import {
  backupFileName,
  backupFileParts,
  exportBackup,
  previewRestore,
  readBackup,
  type Backup,
} from '@/lib/backup';
import { send } from '@/lib/browser/rpc';
import { getDb } from '@/lib/db';
import { deepEqual } from '@/lib/deep-equal';
import { download } from './download';

/**
 * The ingest rules a restore preview applies, loaded when a backup is checked: they bring the
 * search terms and their pinyin dictionary (about 200 kB of code, several MB once loaded), which
 * the options page otherwise never needs and would carry in its heap through every import.
 */
async function restoreRules() {
  const { mergeOrder, recomputeCustomer } = await import('@/lib/db/aggregate');
  return { mergeOrder, recomputeCustomer, deepEqual };
}

async function readStorage(): Promise<StorageInfo> {
  const s = navigator.storage as StorageManager | undefined;
  if (!s) return {};
  const [persisted, estimate] = await Promise.all([
    s.persisted ? s.persisted() : Promise.resolve(undefined),
    s.estimate ? s.estimate() : Promise.resolve(undefined),
  ]);
  return { persisted, usage: estimate?.usage, quota: estimate?.quota };
}

/** Unwraps a background reply, turning an error reply into a thrown Error. */
function value<T>(reply: { ok: true; value: T } | { ok: false; error: string }): T {
  if (!reply.ok) throw new Error(reply.error);
  return reply.value;
}

async function onExport(opts: { shopKey?: string; passphrase: string }): Promise<string> {
  const now = Date.now();
  const backup = await exportBackup(getDb(), {
    now,
    ...(opts.shopKey ? { shopKey: opts.shopKey } : {}),
  });
  const name = backupFileName(now, opts.shopKey);
  download(name, await backupFileParts(backup, opts.passphrase));
  return name;
}

async function onCheck(file: File, passphrase: string): Promise<BackupCheck> {
  const read = await readBackup(await readText(file), passphrase);
  if (!read.ok) return read;
  const summary = await previewRestore(getDb(), read.backup, await restoreRules());
  return { ok: true, backup: read.backup, summary, encrypted: read.encrypted };
}

/** The panel's props but lang and shops; storage figures are re-read after every change. */
export function useBackupPanel(): Omit<BackupPanelProps, 'lang' | 'shops'> {
  const [storage, setStorage] = useState<StorageInfo>({});
  useEffect(() => void readStorage().then(setStorage), []);
  return {
    storage,
    onExport,
    onCheck,
    onRestore: async (backup: Backup) => {
      const { tables } = value(await send('restore', { backup }));
      void readStorage().then(setStorage);
      return Object.values(tables).reduce((a, b) => a + b, 0);
    },
    onPersist: async () => {
      await navigator.storage.persist();
      setStorage(await readStorage());
    },
    onDeleteShop: async (shopKey) => {
      const r = value(await send('deleteShop', { shopKey }));
      setStorage(await readStorage());
      return r;
    },
  };
}
