/**
 * One rule per kind for two versions of the same shared record, used when a push meets a newer
 * server revision and when CouchDB holds conflicting revisions (folded in revision order, so
 * every desk resolves a conflict alike).
 */
import { mergeOrder, toStoredOrder } from '../db/aggregate';
import { later, mergeClocks } from './meta-clock';
import { sharedOrder, type SyncData, type SyncEntry } from './docs';

function pickLater<T extends { s: [number, string] }>(a: T, b: T): T {
  return later(b.s, a.s) ? b : a;
}

/** Merges b into a (same kind and key). */
export function mergeEntries(a: SyncEntry, b: SyncEntry): SyncEntry {
  if (a.kind !== b.kind || a.key !== b.key) return a;
  switch (a.kind) {
    case 'order': {
      // The state machine of a page sighting: status only moves forward, a known buyer stays.
      const x = toStoredOrder(a.data, 0);
      const y = toStoredOrder(b.data as SyncData['order'], 0);
      return { ...a, data: sharedOrder(mergeOrder(x, y)) };
    }
    case 'meta':
      return { ...a, data: mergeClocks(a.data, b.data as SyncData['meta']) };
    case 'contact': {
      // Contacts are append-only; only the later "paid after reminder" mark can differ.
      const y = b.data as SyncData['contact'];
      const paidAfterAt =
        a.data.paidAfterAt === undefined
          ? y.paidAfterAt
          : y.paidAfterAt === undefined
            ? a.data.paidAfterAt
            : Math.min(a.data.paidAfterAt, y.paidAfterAt);
      return { ...a, data: { ...a.data, ...(paidAfterAt === undefined ? {} : { paidAfterAt }) } };
    }
    case 'shop':
      return { ...a, data: pickLater(a.data, b.data as SyncData['shop']) };
    case 'forget': {
      const y = b.data as SyncData['forget'];
      return y.anonId < a.data.anonId ? { ...a, data: y } : a;
    }
    case 'claim': {
      const y = b.data as SyncData['claim'];
      return later([y.at, y.device], [a.data.at, a.data.device]) ? { ...a, data: y } : a;
    }
  }
}
