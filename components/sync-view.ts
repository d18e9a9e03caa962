/**
 * Team sync's state as the popup's line and the options panel show it, and the pull's progress.
 * Its own module: the popup shows one line of it and should not load the options page's panel.
 */
import type { Label } from '@/lib/i18n';
import type { SyncStatus } from '@/lib/sync/team';

export interface SyncView {
  state: SyncStatus['state'];
  lastSyncAt?: number;
  pending: number;
  pulled?: number;
  total?: number;
  error?: Label;
}

/** "499 / 10,000" while a pull runs (the total is known on a first pull or from the server). */
export function pullProgress(st: Pick<SyncView, 'pulled' | 'total'>): string {
  const n = (x: number) => x.toLocaleString('en');
  return st.total ? `${n(st.pulled ?? 0)} / ${n(st.total)}` : n(st.pulled ?? 0);
}
