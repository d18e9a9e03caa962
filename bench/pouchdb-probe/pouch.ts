/**
 * Probe service worker with PouchDB (pouchdb-browser, IndexedDB adapter, fetch transport) beside
 * Dexie. Not shipped: bench/sync-engine.bench.ts bundles it into a throw-away extension.
 */
import PouchDB from 'pouchdb-browser';
import { probe } from './base';

Object.assign(globalThis, {
  probe: {
    ...probe,
    /** PouchDB's replicator: a first pull of the whole remote database into a fresh local one. */
    async pouchPull(db: string, batch: number, name: string) {
      const local = new PouchDB(name);
      const t = performance.now();
      const r = await local.replicate.from(db, { batch_size: batch });
      const ms = performance.now() - t;
      const info = await local.info();
      return { ms, docs: info.doc_count, written: r.docs_written, ok: r.ok };
    },
  },
  // Evaluated: the worker's script ran to here (ms since the worker's time origin).
  probeReady: performance.now(),
});
