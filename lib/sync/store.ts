/**
 * The sync bookkeeping, in its own IndexedDB database beside the main one (so the main schema's
 * version chain is untouched): the outbox of local changes not yet on the server, the server
 * revision last seen per document, per-field clocks of seller edits, tombstones of forgotten
 * buyers, "being handled by" claims and the changes-feed checkpoint.
 */
import { Dexie, type EntityTable } from 'dexie';
import { docKeyOf, type Claim, type SyncKind, type Tombstone } from './docs';
import type { MetaClock } from './meta-clock';

export interface OutboxItem {
  /** docKeyOf(kind, key) */
  id: string;
  kind: SyncKind;
  key: string;
  /** When it was (last) queued: an item re-queued during a push stays queued. */
  at: number;
}

export interface RevRecord {
  /** The server's document id. */
  docId: string;
  docKey: string;
  rev: string;
  /** JSON of the last body this desk and the server agreed on (skip pushes that change nothing). */
  body: string;
}

export interface StateRecord {
  k: string;
  v: unknown;
}

export type SyncStore = Dexie & {
  outbox: EntityTable<OutboxItem, 'id'>;
  revs: EntityTable<RevRecord, 'docId'>;
  clocks: EntityTable<MetaClock, 'customerKey'>;
  tombstones: EntityTable<Tombstone, 'keyHash'>;
  claims: EntityTable<Claim, 'orderKey'>;
  state: EntityTable<StateRecord, 'k'>;
};

export const SYNC_DB_NAME = 'kezhi-sync';

export function openSyncStore(name = SYNC_DB_NAME): SyncStore {
  const db = new Dexie(name) as SyncStore;
  db.version(1).stores({
    outbox: 'id, at',
    revs: 'docId, &docKey',
    clocks: 'customerKey',
    tombstones: 'keyHash',
    claims: 'orderKey, customerKey, at',
    state: 'k',
  });
  return db;
}

export async function getState<T>(s: SyncStore, k: string): Promise<T | undefined> {
  return (await s.state.get(k))?.v as T | undefined;
}

export async function setState(s: SyncStore, k: string, v: unknown): Promise<void> {
  await s.state.put({ k, v });
}

/** Queues local changes for the next push. */
export async function enqueue(
  s: SyncStore,
  items: readonly { kind: SyncKind; key: string }[],
  now: number,
): Promise<void> {
  if (items.length === 0) return;
  await s.outbox.bulkPut(items.map((i) => ({ id: docKeyOf(i.kind, i.key), ...i, at: now })));
}

/**
 * Records the server revisions seen. docKey is unique: a record whose id changed (another
 * passphrase) replaces its old row.
 */
export async function keepRevisions(s: SyncStore, revs: readonly RevRecord[]): Promise<void> {
  await s.revs
    .where('docKey')
    .anyOf(revs.map((x) => x.docKey))
    .delete();
  await s.revs.bulkPut([...revs]);
}
