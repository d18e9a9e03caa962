/**
 * The replicator: this desk's Dexie database <-> one CouchDB database, over CouchDB's documented
 * endpoints. Pull reads `_changes` from a checkpoint (kept here and in a `_local` document on the
 * server) and applies each batch through lib/sync/apply; push sends the outbox with `_bulk_docs`
 * under the last known revision, and a 409 means another desk wrote first: its version is merged
 * here and the merge is pushed again. Every step is idempotent, so a worker stopped anywhere
 * resumes by simply running again.
 */
import type { KezhiDb } from '../db';
import { CouchError, type ChangeRow, type CouchClient, type CouchDoc } from './couch';
import { CHECK_ID, docKeyOf, type Codec, type SyncEntry } from './docs';
import { applyEntries, Forgotten } from './apply';
import { resolveConflicts } from './conflicts';
import { localEntry } from './outbox-entry';
import {
  enqueue,
  getState,
  keepRevisions,
  setState,
  type OutboxItem,
  type RevRecord,
  type SyncStore,
} from './store';

export interface ReplicatorOptions {
  db: KezhiDb;
  store: SyncStore;
  client: CouchClient;
  codec: Codec;
  device: string;
  now?: () => number;
  /** Documents per `_changes` page and per `_bulk_docs` request. */
  batch?: number;
}

export interface PullResult {
  /** Documents applied (echoes of our own pushes are skipped, not counted). */
  applied: number;
  /** Rows that could not be read (altered, foreign or sealed under another key). */
  unreadable: number;
  /** Did the page fill up (more waiting)? */
  more: boolean;
  /** Rows read from the feed in this page. */
  read: number;
  /** Changes still waiting after this page, when the server says (CouchDB's `pending`). */
  pending?: number;
}

/** How far one exchange's pull has come: rows read of about how many. */
export interface PullProgress extends PullResult {
  received: number;
  /** `received` + the server's `pending`; on a first pull without it, the database's doc count. */
  total?: number;
}

export interface PushResult {
  pushed: number;
  conflicts: number;
}

const SINCE = 'since';

/** The revision record of a document whose body this desk now holds. */
const revisionOf = (docId: string, e: SyncEntry, rev: string): RevRecord => ({
  docId,
  docKey: docKeyOf(e.kind, e.key),
  rev,
  body: JSON.stringify(e.data),
});

export class Replicator {
  private readonly forgotten: Forgotten;
  private readonly batch: number;
  private readonly now: () => number;

  constructor(private readonly o: ReplicatorOptions) {
    this.forgotten = new Forgotten(o.store);
    this.batch = o.batch ?? 500;
    this.now = o.now ?? Date.now;
  }

  private get checkpointName(): string {
    return `kezhi-${this.o.device}`;
  }

  /** The feed position this desk has applied up to (local first, then the server's copy). */
  async since(): Promise<string | number> {
    const local = await getState<string | number>(this.o.store, SINCE);
    if (local !== undefined) return local;
    const remote = await this.o.client.getLocal(this.checkpointName);
    const s = remote?.since;
    return typeof s === 'string' || typeof s === 'number' ? s : 0;
  }

  /** One page of changes, applied. `waitMs` turns it into a longpoll. */
  async pull(waitMs?: number, signal?: AbortSignal): Promise<PullResult> {
    const { client, codec, store } = this.o;
    const since = await this.since();
    const page = await client.changes(since, this.batch, waitMs, signal);
    const entries: SyncEntry[] = [];
    const revs: RevRecord[] = [];
    let unreadable = 0;
    const known = await store.revs.bulkGet(page.results.map((r) => r.id));
    const skip = (row: ChangeRow, i: number) =>
      !row.doc ||
      row.id === CHECK_ID ||
      row.id.startsWith('_') ||
      row.deleted ||
      row.doc._deleted ||
      (known[i]?.rev === row.doc._rev && !row.doc._conflicts?.length); // our own push
    // Opened side by side: the browser's WebCrypto works off the worker's thread.
    const opened = await Promise.all(
      page.results.map((row, i) =>
        skip(row, i) ? Promise.resolve(undefined) : codec.decode(row.doc!),
      ),
    );
    // Conflicting leaves of the whole page in one request.
    const leaves = await client.bulkGet(
      page.results.flatMap((row, i) =>
        opened[i] && row.doc?._conflicts?.length
          ? [row.doc._rev!, ...row.doc._conflicts].map((rev) => ({ id: row.id, rev }))
          : [],
      ),
    );
    for (const [i, row] of page.results.entries()) {
      const doc = row.doc;
      if (!doc || row.id === CHECK_ID || row.id.startsWith('_')) continue;
      if (row.deleted || doc._deleted) {
        // Deletions only follow a tombstone, which does the forgetting; keep the revision.
        const k = known[i];
        if (k) revs.push({ ...k, rev: doc._rev ?? k.rev, body: '' });
        continue;
      }
      let entry = opened[i];
      if (!entry) continue; // our own push
      if ('error' in entry) {
        unreadable++;
        continue;
      }
      if (doc._conflicts?.length) {
        const resolved = await resolveConflicts(
          client,
          codec,
          doc,
          leaves.filter((l) => l._id === doc._id),
        );
        if (resolved) {
          entry = resolved.entry;
          doc._rev = resolved.rev;
        }
      }
      entries.push(entry);
      revs.push(revisionOf(doc._id, entry, doc._rev!));
    }
    await this.applyFromServer(entries, revs, page.last_seq);
    if (page.results.length > 0)
      await client.putLocal(this.checkpointName, { since: page.last_seq }).catch(() => undefined);
    return {
      applied: entries.length,
      unreadable,
      more: page.results.length >= this.batch,
      read: page.results.length,
      ...(typeof page.pending === 'number' ? { pending: page.pending } : {}),
    };
  }

  /** Sends up to one batch of the outbox. */
  async pushOnce(): Promise<PushResult & { more: boolean }> {
    const { client, codec, store } = this.o;
    // Tombstones first: a desk that forgot someone must say so before anything else goes.
    const forgets = await store.outbox
      .where('id')
      .startsWith('forget|')
      .limit(this.batch)
      .toArray();
    const items = forgets.length
      ? forgets
      : await store.outbox.orderBy('at').limit(this.batch).toArray();
    if (items.length === 0) return { pushed: 0, conflicts: 0, more: false };
    await this.forgotten.load();
    const docs: CouchDoc[] = [];
    const sent: { item: OutboxItem; docId: string; body: string }[] = [];
    const done: OutboxItem[] = [];
    for (const item of items) {
      const entry = await localEntry(item, {
        db: this.o.db,
        store,
        forgotten: this.forgotten,
        device: this.o.device,
      });
      const docId = await codec.idOf(item.kind, item.key);
      const known = await store.revs.get(docId);
      if (entry === undefined || (entry === 'delete' && known?.body === '')) {
        done.push(item);
        continue;
      }
      const body = entry === 'delete' ? '' : JSON.stringify(entry.data);
      if (known && known.body === body) {
        done.push(item);
        continue;
      }
      docs.push(
        entry === 'delete'
          ? { _id: docId, ...(known ? { _rev: known.rev } : {}), _deleted: true }
          : {
              _id: docId,
              ...(known ? { _rev: known.rev } : {}),
              ...(await codec.encode(docId, entry)),
            },
      );
      sent.push({ item, docId, body });
    }
    const results = docs.length ? await client.bulkDocs(docs) : [];
    const conflicted: string[] = [];
    const revs: RevRecord[] = [];
    for (const [i, s] of sent.entries()) {
      const r = results[i];
      if (r?.ok && r.rev) {
        revs.push({ docId: s.docId, docKey: s.item.id, rev: r.rev, body: s.body });
        done.push(s.item);
      } else if (r?.error === 'conflict') conflicted.push(s.docId);
      else if (r?.error === 'forbidden' || r?.error === 'unauthorized')
        throw new CouchError('forbidden', 403, r.reason);
    }
    await store.transaction('rw', store.revs, store.outbox, async () => {
      await keepRevisions(store, revs);
      // Only items not queued again while we were sending.
      const now = await store.outbox.bulkGet(done.map((d) => d.id));
      await store.outbox.bulkDelete(
        done.filter((d, i) => now[i] && now[i].at === d.at).map((d) => d.id),
      );
    });
    if (conflicted.length) await this.takeServerVersions(conflicted);
    return { pushed: revs.length, conflicts: conflicted.length, more: true };
  }

  /** After a 409: the server's current version is merged in here; the next push sends the merge. */
  private async takeServerVersions(ids: string[]): Promise<void> {
    const { client, codec, store } = this.o;
    const rows = await client.allDocs(ids);
    const entries: SyncEntry[] = [];
    const revs: RevRecord[] = [];
    for (const row of rows) {
      if (!row.value) continue;
      if (row.value.deleted || !row.doc) {
        const prev = await store.revs.get(row.key);
        if (prev) revs.push({ ...prev, rev: row.value.rev, body: '' });
        else {
          // A record deleted on the server that we never saw: learn its revision to write over it.
          const item = await this.itemForDocId(row.key);
          if (item)
            revs.push({ docId: row.key, docKey: item.id, rev: row.value.rev, body: '\u0000' });
        }
        continue;
      }
      const e = await codec.decode(row.doc);
      if ('error' in e) continue;
      entries.push(e);
      revs.push(revisionOf(row.key, e, row.value.rev));
    }
    await this.applyFromServer(entries, revs);
  }

  /**
   * Applies what the server holds, records the revisions it came with and queues what the merge
   * sends back; a pulled page also moves the checkpoint, in the same transaction.
   */
  private async applyFromServer(
    entries: SyncEntry[],
    revs: RevRecord[],
    since?: string | number,
  ): Promise<void> {
    const { db, store, device } = this.o;
    const r = await applyEntries(db, store, this.forgotten, entries, { device, now: this.now() });
    await store.transaction('rw', store.revs, store.outbox, store.state, async () => {
      await keepRevisions(store, revs);
      await enqueue(store, r.pushBack, this.now());
      if (since !== undefined) await setState(store, SINCE, since);
    });
  }

  private async itemForDocId(docId: string): Promise<OutboxItem | undefined> {
    for (const item of await this.o.store.outbox.toArray())
      if ((await this.o.codec.idOf(item.kind, item.key)) === docId) return item;
    return undefined;
  }

  /** Pushes until the outbox is empty (or `rounds` batches went). */
  async push(rounds = 1000): Promise<PushResult> {
    const total = { pushed: 0, conflicts: 0 };
    for (let i = 0; i < rounds; i++) {
      const r = await this.pushOnce();
      total.pushed += r.pushed;
      total.conflicts += r.conflicts;
      if (!r.more) break;
    }
    return total;
  }

  /**
   * Pulls until caught up, then pushes: one full exchange. Each page is applied (and committed)
   * on its own, so a first pull of 100k orders shows progress and an order page's lookup waits
   * for one page at most, never for the whole pull.
   */
  async syncOnce(
    onPage?: (p: PullProgress) => void | Promise<void>,
  ): Promise<{ pulled: number; pushed: number }> {
    let pulled = 0;
    let received = 0;
    // Servers without `pending` (pouchdb-server): a first pull counts against the doc count.
    const first = onPage && (await this.since()) === 0;
    const docCount = first
      ? await this.o.client.info().then(
          (i) => i.doc_count,
          () => undefined,
        )
      : undefined;
    for (;;) {
      const p = await this.pull();
      pulled += p.applied;
      received += p.read;
      const total =
        p.pending !== undefined
          ? received + p.pending
          : docCount !== undefined
            ? Math.max(docCount, received)
            : undefined;
      await onPage?.({ ...p, received, ...(total !== undefined ? { total } : {}) });
      if (!p.more) break;
    }
    const { pushed } = await this.push();
    return { pulled, pushed };
  }

  /** Number of local changes not yet on the server. */
  pending(): Promise<number> {
    return this.o.store.outbox.count();
  }
}
