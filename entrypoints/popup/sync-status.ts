/** The team-sync state the background keeps in storage.local, for the popup's health line. */
import { useEffect, useState } from 'preact/hooks';
import { browser } from 'wxt/browser';
import type { SyncView } from '@/components/sync-view';

const SYNC_STATUS_KEY = 'kezhiSyncStatus';

export function useSyncStatus(): SyncView | undefined {
  const [status, setStatus] = useState<SyncView | undefined>();
  useEffect(() => {
    const read = () =>
      void browser.storage.local
        .get(SYNC_STATUS_KEY)
        .then((r) => setStatus(r[SYNC_STATUS_KEY] as SyncView | undefined));
    read();
    const on = (changes: Record<string, unknown>, area: string) => {
      if (area === 'local' && SYNC_STATUS_KEY in changes) read();
    };
    browser.storage.onChanged.addListener(on);
    return () => browser.storage.onChanged.removeListener(on);
  }, []);
  return status;
}
