/**
 * Probe service worker, Dexie only (the baseline): the transport floors of two ways to read the
 * team database. Not shipped: bench/sync-engine.bench.ts bundles it into a throw-away extension.
 */
import { Dexie } from 'dexie';

type Row = { id: string; changes: { rev: string }[] };

async function json<T>(url: string, init?: RequestInit): Promise<T> {
  const res = await fetch(url, { ...init, headers: { 'Content-Type': 'application/json' } });
  if (!res.ok) throw new Error(`${res.status} ${url}`);
  return (await res.json()) as T;
}

/**
 * Reads a database's `_changes` feed from the start, `batch` per page, until a short page;
 * `read` fetches what a page names and says what that cost.
 */
async function walkChanges(
  db: string,
  batch: number,
  query: string,
  read: (results: Row[]) => Promise<{ docs: number; requests: number }>,
) {
  const t = performance.now();
  let since: unknown = 0;
  let docs = 0;
  let requests = 0;
  for (;;) {
    const p = await json<{ results: Row[]; last_seq: unknown }>(
      `${db}/_changes?${query}&limit=${batch}&since=${String(since)}`,
    );
    const cost = await read(p.results);
    docs += cost.docs;
    requests += cost.requests;
    since = p.last_seq;
    if (p.results.length < batch) break;
  }
  return { ms: performance.now() - t, docs, requests };
}

export const probe = {
  /** Beside Dexie: a Dexie database opens and writes in the same worker. */
  async dexie(): Promise<number> {
    const d = new Dexie('probe-dexie') as Dexie & { t: Dexie.Table<{ k: number }, number> };
    d.version(1).stores({ t: 'k' });
    await d.t.put({ k: 1 });
    return d.t.count();
  },
  /** Ours: `_changes?include_docs=true` pages, bodies included (one request per page). */
  changesWithDocs(db: string, batch: number) {
    return walkChanges(db, batch, 'include_docs=true&conflicts=true', (results) =>
      Promise.resolve({ docs: results.length, requests: 1 }),
    );
  },
  /** The peer replicator's reads: `_changes` (revisions only), `_revs_diff`, `_bulk_get`. */
  changesRevsDiffBulkGet(db: string, batch: number) {
    return walkChanges(db, batch, 'style=all_docs', async (results) => {
      const diff: Record<string, string[]> = {};
      for (const r of results) diff[r.id] = r.changes.map((c) => c.rev);
      const missing = await json<Record<string, { missing: string[] }>>(
        // Asked of the same server: everything is "missing" on an empty desk, as on a first pull.
        `${db}/_revs_diff`,
        { method: 'POST', body: JSON.stringify(diff) },
      );
      const got = await json<{ results: unknown[] }>(`${db}/_bulk_get?revs=true`, {
        method: 'POST',
        body: JSON.stringify({
          docs: results.map((r) => ({ id: r.id, rev: r.changes[0]!.rev })),
        }),
      });
      void missing;
      return { docs: got.results.length, requests: 3 };
    });
  },
};
