/**
 * Module Web Worker that parses order reports off the page's main thread (the page never has a
 * long task, whatever the file's size). Loaded by the options page with
 * `new Worker(new URL('./import-worker.ts', import.meta.url), { type: 'module' })`, which Vite
 * bundles as its own chunk; WXT does not treat it as an entrypoint (only index.* in a folder is).
 */
import { createImportJob, type FromWorker, type ToWorker } from './import-job';

const scope = self as unknown as {
  postMessage(m: FromWorker): void;
  onmessage: ((e: MessageEvent<ToWorker>) => void) | null;
};
const handle = createImportJob((m) => scope.postMessage(m));
scope.onmessage = (e) => handle(e.data);
