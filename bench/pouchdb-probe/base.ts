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

export const probe = {
  /** Beside Dexie: a Dexie database opens and writes in the same worker. */
  async dexie(): Promise<number> {
    const d = new Dexie('probe-dexie') as Dexie & { t: Dexie.Table<{ k: number }, number> };
    d.version(1).stores({ t: 'k' });
    await d.t.put({ k: 1 });
    return d.t.count();
  },
  /** Ours: `_changes?include_docs=true` pages, bodies included (one request per page). */
  async changesWithDocs(db: string, batch: number) {
    const t = performance.now();
    let since: unknown = 0;
    let docs = 0;
    let requests = 0;
    for (;;) {
      const p = await json<{ results: Row[]; last_seq: unknown }>(
        `${db}/_changes?include_docs=true&conflicts=true&limit=${batch}&since=${String(since)}`,
      );
      requests++;
      docs += p.results.length;
      since = p.last_seq;
      if (p.results.length < batch) break;
    }
    return { ms: performance.now() - t, docs, requests };
  },
  /** The peer replicator's reads: `_changes` (revisions only), `_revs_diff`, `_bulk_get`. */
  async changesRevsDiffBulkGet(db: string, batch: number) {
    const t = performance.now();
    let since: unknown = 0;
    let docs = 0;
    let requests = 0;
    for (;;) {
      const p = await json<{ results: Row[]; last_seq: unknown }>(
        `${db}/_changes?style=all_docs&limit=${batch}&since=${String(since)}`,
      );
      const diff: Record<string, string[]> = {};
      for (const r of p.results) diff[r.id] = r.changes.map((c) => c.rev);
      const missing = await json<Record<string, { missing: string[] }>>(
        // Asked of the same server: everything is "missing" on an empty desk, as on a first pull.
        `${db}/_revs_diff`,
        { method: 'POST', body: JSON.stringify(diff) },
      );
      const got = await json<{ results: unknown[] }>(`${db}/_bulk_get?revs=true`, {
        method: 'POST',
        body: JSON.stringify({
          docs: p.results.map((r) => ({ id: r.id, rev: r.changes[0]!.rev })),
        }),
      });
      requests += 3;
      docs += got.results.length;
      void missing;
      since = p.last_seq;
      if (p.results.length < batch) break;
    }
    return { ms: performance.now() - t, docs, requests };
  },
};
