/**
 * The import worker's logic, apart from the Worker global so tests can run it in-process.
 * The page posts files; the worker parses them with lib/importers and posts back previews,
 * batches of validated orders and progress. Each batch waits for the page's ack (sent once the
 * background has stored it), so a slow database slows the parsing instead of piling batches up,
 * and a failed write stops the import.
 */
import {
  importFile,
  itemsByOrder,
  previewFile,
  type ImportProgress,
  type ImportReport,
  type OrderItemsPatch,
  type Preview,
  type Refusal,
} from '@/lib/importers';
import { clearJob, stageBatch } from '@/lib/importers/staging';
import type { Platform } from '@/lib/schemas';

/** Page -> worker. */
export type ToWorker =
  | { type: 'preview'; id: number; files: Blob[] }
  | {
      type: 'import';
      id: number;
      file: Blob;
      /** A Taobao items report whose lines are joined onto the orders by order id. */
      items?: Blob;
      shopId: string;
      platform: Platform;
    }
  | { type: 'ack'; id: number; seq: number; error?: string }
  | { type: 'cancel'; id: number };

/** Worker -> page. */
export type FromWorker =
  | { type: 'preview'; id: number; results: (Preview | Refusal)[] }
  | {
      type: 'batch';
      id: number;
      seq: number;
      /**
       * The key of the batch's orders, staged here as JSON text (lib/importers/staging): the page
       * passes the key on (importBatch `staged`), so its main thread never holds the orders.
       */
      staged: string;
      /** Each order's id, for the report's rejected rows (the background answers by index). */
      orderIds: string[];
      progress: ImportProgress;
    }
  | { type: 'progress'; id: number; progress: ImportProgress }
  | { type: 'done'; id: number; result: ImportReport | Refusal }
  | { type: 'error'; id: number; message: string };

/** Rows shown in the preview. */
export const PREVIEW_ROWS = 10;
/** Orders per batch sent to the background (importBatch takes at most 5,000). */
export const BATCH_SIZE = 1000;

const bytesOf = async (b: Blob) => new Uint8Array(await b.arrayBuffer());

/** Builds the worker's message handler around `post`. */
export function createImportJob(post: (m: FromWorker) => void): (m: ToWorker) => void {
  const aborts = new Map<number, AbortController>();
  const acks = new Map<string, (error?: string) => void>();

  async function preview(m: Extract<ToWorker, { type: 'preview' }>) {
    const results: (Preview | Refusal)[] = [];
    for (const f of m.files) results.push(await previewFile(await bytesOf(f), PREVIEW_ROWS));
    post({ type: 'preview', id: m.id, results });
  }

  async function run(m: Extract<ToWorker, { type: 'import' }>) {
    const abort = new AbortController();
    aborts.set(m.id, abort);
    // This job's batches wait in the staging store under its own tag; whatever is left there when
    // it ends (a failed or cancelled import) is dropped.
    const tag = crypto.randomUUID();
    try {
      post({ type: 'done', id: m.id, result: await importStaged(m, abort.signal, tag) });
    } finally {
      await clearJob(tag).catch(() => undefined);
    }
  }

  async function importStaged(
    m: Extract<ToWorker, { type: 'import' }>,
    signal: AbortSignal,
    tag: string,
  ): Promise<ImportReport | Refusal> {
    let seq = 0;
    const base = { shopId: m.shopId, platform: m.platform, signal };
    let joined: Map<string, OrderItemsPatch['items']> | undefined;
    if (m.items) {
      const patches: OrderItemsPatch[] = [];
      const r = await importFile(await bytesOf(m.items), {
        ...base,
        onBatch: (b) => {
          if (b.kind === 'items') patches.push(...b.items);
        },
      });
      if (!r.ok || r.cancelled) return r;
      joined = itemsByOrder(patches);
    }
    // One batch ahead: the next batch is parsed and staged while the background stores this one
    // (on another thread), and the parser waits for the one before it. At most two batches are
    // out at a time, so a slow database still slows the parsing instead of piling batches up.
    let before: Promise<string | undefined> | undefined;
    const r = await importFile(await bytesOf(m.file), {
      ...base,
      batchSize: BATCH_SIZE,
      ...(joined ? { itemsByOrder: joined } : {}),
      onProgress: (progress) => post({ type: 'progress', id: m.id, progress }),
      onBatch: async (batch, progress) => {
        if (batch.kind !== 'orders')
          throw new Error(
            'items report without its orders report / 宝贝明细报表需要与订单报表一起导入',
          );
        const n = seq++;
        const staged = `${tag}:${n}`;
        await stageBatch(staged, JSON.stringify(batch.orders));
        const acked = new Promise<string | undefined>((resolve) =>
          acks.set(`${m.id}:${n}`, resolve),
        );
        post({
          type: 'batch',
          id: m.id,
          seq: n,
          staged,
          orderIds: batch.orders.map((o) => o.orderId),
          progress,
        });
        const error = await before;
        before = acked;
        // After a cancel the page leaves the queued batch unsent: the import ends as cancelled.
        if (error && !signal.aborted) throw new Error(error);
      },
    });
    // Done once the last batch is stored, or failed with its error (or cancelled, unsent).
    const error = await before;
    if (!error) return r;
    if (signal.aborted && r.ok) return { ...r, cancelled: true };
    throw new Error(error);
  }

  return (m) => {
    const fail = (e: unknown) =>
      post({ type: 'error', id: m.id, message: e instanceof Error ? e.message : String(e) });
    switch (m.type) {
      case 'preview':
        preview(m).catch(fail);
        break;
      case 'import':
        run(m)
          .catch(fail)
          .finally(() => aborts.delete(m.id));
        break;
      case 'ack': {
        const key = `${m.id}:${m.seq}`;
        acks.get(key)?.(m.error);
        acks.delete(key);
        break;
      }
      case 'cancel':
        aborts.get(m.id)?.abort();
        break;
    }
  };
}
