/** The team-sync messages' handlers (spread into the background's handler object). */
import { CouchError } from '@/lib/sync/couch';
import { joinTeam, SyncConfig, TeamError } from '@/lib/sync/team';
import type { Handlers } from '@/lib/messaging';
import { queue } from '@/lib/sync/local';
import { loadSettings } from '@/lib/browser/settings-store';
import { CLAIM_MS, handledBy } from '@/lib/sync/claims';
import type { RowSummary } from '@/lib/summary';
import { clientFor, noteLocal, runSync, syncDevice, syncEnabled, syncStore } from './sync';

/** Marks the unpaid rows another desk is handling (team sync on only). */
export async function withClaims(rows: RowSummary[]): Promise<RowSummary[]> {
  const unpaid = rows.filter((r) => r.order.status === 'unpaid');
  if (unpaid.length === 0 || !(await syncEnabled())) return rows;
  const claims = await syncStore().claims.bulkGet(unpaid.map((r) => r.orderKey));
  const ctx = { device: await syncDevice(), now: Date.now() };
  const by = new Map(unpaid.map((r, i) => [r.orderKey, handledBy(claims[i], ctx)]));
  return rows.map((r) => {
    const h = by.get(r.orderKey);
    return h ? { ...r, handledBy: h } : r;
  });
}

export const syncHandlers = {
  async syncTest(input) {
    const config = SyncConfig.parse({ ...input, enabled: true });
    try {
      const client = clientFor(config);
      const info = await client.info();
      const codec = await joinTeam(client, config);
      return { ok: true as const, docCount: info.doc_count, sealed: codec.sealed };
    } catch (e) {
      if (e instanceof CouchError || e instanceof TeamError)
        return { ok: false as const, code: e.code, message: e.text };
      throw e;
    }
  },

  async syncNow() {
    await runSync();
    return { ok: true as const };
  },

  async claimOrder(input, _sender) {
    const settings = await loadSettings();
    // Keeping history paused: no claim is kept or sent (it names an order being worked on).
    if (settings.historyPaused) return { ok: true as const };
    const device = await syncDevice();
    const now = Date.now();
    await noteLocal(async (s) => {
      const prev = await s.claims.get(input.orderKey);
      // Re-opening within the window by the same desk does not re-send.
      if (prev?.device === device && now - prev.at < CLAIM_MS / 2) return;
      await s.claims.put({ ...input, staff: settings.staffName, device, at: now });
      await queue(s, 'claim', input.orderKey, now);
    });
    return { ok: true as const };
  },
} satisfies Pick<Handlers, 'syncTest' | 'syncNow' | 'claimOrder'>;
