/**
 * The page side of a history import: owns the worker, forwards each parsed batch to the
 * background (`importBatch`, one transaction per batch, idempotent), acks it back to the worker,
 * and turns what happens into the ImportState the panel renders. Nothing here parses a file.
 */
import {
  REJECTED_SHOWN,
  type ImportCounts,
  type ImportState,
} from '@/components/options/import-state';
import type { Preview, Refusal } from '@/lib/importers';
import type { Output, Reply } from '@/lib/messaging';
import type { Platform } from '@/lib/schemas';
import type { FromWorker, ToWorker } from './import-job';

/** The part of a Worker the controller uses (tests pass an in-process one). */
export interface WorkerLike {
  postMessage(m: ToWorker): void;
  onmessage: ((e: { data: FromWorker }) => void) | null;
  onerror: ((e: { message?: string }) => void) | null;
  terminate(): void;
}

export interface ImportDeps {
  createWorker: () => WorkerLike;
  /** send('importBatch', { staged }): the key of one batch the worker staged. */
  sendBatch: (staged: string) => Promise<Reply<Output<'importBatch'>>>;
}

const emptyCounts = (): ImportCounts => ({
  written: 0,
  unchanged: 0,
  rejected: [],
  rejectedCount: 0,
});

const isRefusal = (r: Preview | Refusal): r is Refusal => !r.ok;

/** Runs previews and imports one at a time and reports state changes to `listener`. */
export class ImportController {
  private state: ImportState = { phase: 'idle' };
  private worker: WorkerLike | undefined;
  private job = 0;
  private files: { main?: File; items?: File } = {};
  private listeners = new Set<(s: ImportState) => void>();
  /** The batch being sent to the background, if any (the next waits for it). */
  private sending: Promise<void> = Promise.resolve();
  /** The job whose batch failed: its later batches are not sent. */
  private failedJob = -1;

  constructor(private readonly deps: ImportDeps) {}

  /** The current state. */
  get current(): ImportState {
    return this.state;
  }

  /** Calls back on every state change; returns the unsubscribe function. */
  subscribe(fn: (s: ImportState) => void): () => void {
    this.listeners.add(fn);
    return () => this.listeners.delete(fn);
  }

  private set(s: ImportState) {
    this.state = s;
    for (const fn of this.listeners) fn(s);
  }

  private ensureWorker(): WorkerLike {
    if (this.worker) return this.worker;
    const w = this.deps.createWorker();
    w.onmessage = (e) => void this.onMessage(e.data);
    w.onerror = (e) => {
      const counts = this.state.phase === 'importing' ? this.state.counts : emptyCounts();
      this.set({ phase: 'failed', message: e.message ?? 'worker error', counts });
      this.worker?.terminate();
      this.worker = undefined;
    };
    this.worker = w;
    return w;
  }

  /** Previews the chosen files: one orders report, optionally with its items report. */
  choose(files: readonly File[]): void {
    if (files.length === 0) return;
    if (this.state.phase === 'importing') return;
    this.job++;
    this.files = {};
    this.pending = [...files];
    this.set({ phase: 'reading', names: files.map((f) => f.name) });
    this.ensureWorker().postMessage({ type: 'preview', id: this.job, files: [...files] });
  }

  private pending: File[] = [];

  /** Starts the import of the previewed file into a shop. */
  start(target: { shopId: string; platform: Platform }): void {
    if (this.state.phase !== 'ready' || !this.files.main) return;
    this.job++;
    this.set({
      phase: 'importing',
      fraction: 0,
      rowsDone: 0,
      counts: emptyCounts(),
      cancelling: false,
    });
    this.ensureWorker().postMessage({
      type: 'import',
      id: this.job,
      file: this.files.main,
      ...(this.files.items ? { items: this.files.items } : {}),
      shopId: target.shopId,
      platform: target.platform,
    });
  }

  /** Stops the import after the batch being written (written batches stay). */
  cancel(): void {
    if (this.state.phase !== 'importing') return;
    this.set({ ...this.state, cancelling: true });
    this.worker?.postMessage({ type: 'cancel', id: this.job });
  }

  /** Back to choosing a file. */
  reset(): void {
    if (this.state.phase === 'importing') return;
    this.job++;
    this.files = {};
    this.set({ phase: 'idle' });
  }

  /** Stops the worker (page unload). */
  dispose(): void {
    this.worker?.terminate();
    this.worker = undefined;
    this.listeners.clear();
  }

  private async onMessage(m: FromWorker): Promise<void> {
    if (m.id !== this.job) {
      // A batch of an abandoned job still needs its ack, or that worker job would wait forever.
      if (m.type === 'batch')
        this.worker?.postMessage({ type: 'ack', id: m.id, seq: m.seq, error: 'abandoned' });
      return;
    }
    switch (m.type) {
      case 'preview':
        return this.onPreview(m.results);
      case 'progress':
        if (this.state.phase === 'importing')
          this.set({ ...this.state, fraction: m.progress.fraction, rowsDone: m.progress.rowsDone });
        return;
      case 'batch':
        // The worker runs a batch ahead; the background still gets them one at a time, in order.
        this.sending = this.sending.then(() => this.onBatch(m));
        return this.sending;
      case 'done': {
        const counts = this.state.phase === 'importing' ? this.state.counts : emptyCounts();
        if (!m.result.ok) {
          const name = this.files.main?.name ?? '';
          return this.set({ phase: 'refused', name, message: m.result.message });
        }
        return this.set({ phase: 'done', report: m.result, counts });
      }
      case 'error': {
        const counts = this.state.phase === 'importing' ? this.state.counts : emptyCounts();
        return this.set({ phase: 'failed', message: m.message, counts });
      }
    }
  }

  private onPreview(results: (Preview | Refusal)[]) {
    const files = this.pending;
    this.pending = [];
    const refusedAt = results.findIndex(isRefusal);
    if (refusedAt >= 0) {
      const r = results[refusedAt] as Refusal;
      return this.set({ phase: 'refused', name: files[refusedAt]?.name ?? '', message: r.message });
    }
    const previews = results as Preview[];
    const mainAt = previews.findIndex((p) => p.kind === 'orders');
    const itemsAt = previews.findIndex((p) => p.kind === 'items');
    const main = files[mainAt];
    if (mainAt < 0 || !main) {
      return this.set({
        phase: 'refused',
        name: files.map((f) => f.name).join(', '),
        message: {
          zh_CN: '这是宝贝明细报表：请同时选择对应的订单报表（可一起拖入两个文件）',
          en: 'This is an items report: choose the matching orders report as well (you can drop both files together)',
        },
      });
    }
    const items = itemsAt >= 0 ? files[itemsAt] : undefined;
    this.files = { main, ...(items ? { items } : {}) };
    this.set({
      phase: 'ready',
      main: { name: main.name, size: main.size, preview: previews[mainAt]! },
      ...(items
        ? { items: { name: items.name, size: items.size, preview: previews[itemsAt]! } }
        : {}),
    });
  }

  private async onBatch(m: Extract<FromWorker, { type: 'batch' }>) {
    // A batch queued behind one that failed, or after a cancel (or of a job left since), is not
    // sent: the worker is a batch ahead, and the import stops where the seller or the error said.
    if (
      m.id !== this.job ||
      m.id === this.failedJob ||
      this.state.phase !== 'importing' ||
      this.state.cancelling
    ) {
      this.worker?.postMessage({ type: 'ack', id: m.id, seq: m.seq, error: 'abandoned' });
      return;
    }
    let error: string | undefined;
    try {
      const reply = await this.deps.sendBatch(m.staged);
      if (!reply.ok) error = reply.error;
      else if (this.state.phase === 'importing') {
        const c = this.state.counts;
        const rejected = [...c.rejected];
        for (const r of reply.value.rejected)
          if (rejected.length < REJECTED_SHOWN)
            rejected.push({
              orderId: m.orderIds[r.index] ?? `#${r.index}`,
              reason: r.reason,
            });
        this.set({
          ...this.state,
          fraction: m.progress.fraction,
          rowsDone: m.progress.rowsDone,
          counts: {
            written: c.written + reply.value.written,
            unchanged: c.unchanged + reply.value.unchanged,
            rejected,
            rejectedCount: c.rejectedCount + reply.value.rejected.length,
          },
        });
      }
    } catch (e) {
      error = e instanceof Error ? e.message : String(e);
    }
    if (error) this.failedJob = m.id;
    this.worker?.postMessage({ type: 'ack', id: m.id, seq: m.seq, ...(error ? { error } : {}) });
  }
}
