/**
 * The import loop shared by CSV and XLSX: rows in, validated batches out, with progress, a row
 * error list and cancellation between batches. Written for a Web Worker: it yields to the event
 * loop after every slice so a cancel message can arrive, and it never throws for bad data.
 */
import { Id, type OrderInput, type OrderItem, type Platform } from '../schemas';
import type { SourceRow } from './csv';
import type { Detection, FormatId, FormatKind } from './formats';
import { say } from '../i18n/importer';
import { refuse, type Message, type Refusal } from './messages';
import { asBytes } from './report-text';
import { readItemRow, readOrderRow, type OrderItemsPatch, type RowContext } from './rows';

/** How far an import has got. `fraction` runs from 0 to 1 and never goes back. */
export interface ImportProgress {
  /** Data rows read so far (blank lines not counted). */
  rowsDone: number;
  /** Bytes of the file behind those rows (estimated from the text position). */
  bytesDone: number;
  bytesTotal: number;
  fraction: number;
}

/** What onBatch receives: whole orders, or (from an items report alone) item lines per order. */
export type ImportBatch =
  { kind: 'orders'; orders: OrderInput[] } | { kind: 'items'; items: OrderItemsPatch[] };

/** A skipped row: its line (the header is line 1) and why. */
export interface RowError {
  line: number;
  reason: Message;
}

export interface ImportOptions {
  /** The shop the options page picked; must be a valid id. */
  shopId: string;
  /** When given, a report from another platform is refused. */
  platform?: Platform;
  /** Orders per onBatch call (default 2,000). */
  batchSize?: number;
  /** Row errors kept in the report (default 1,000); rowsSkipped still counts them all. */
  maxErrors?: number;
  /**
   * Items from a Taobao items report (see itemsByOrder()), joined by order id onto the orders of
   * an orders report, replacing the titles-only items.
   */
  itemsByOrder?: ReadonlyMap<string, readonly OrderItem[]>;
  /**
   * Receives validated records. Awaited before the next slice is read: slow writes slow the
   * import instead of piling up. If it rejects, the import stops and rejects with that error.
   * With rowsPerOrder 'many' (JD, items reports) an order whose rows are not adjacent in the file
   * is sent again, merged, in a later batch: write batches as upserts and the last one wins.
   */
  onBatch: (batch: ImportBatch, progress: ImportProgress) => Promise<void> | void;
  /** Called after every slice, also when the slice held no valid rows. */
  onProgress?: (progress: ImportProgress) => void;
  /** Aborting stops the import between batches; the report says cancelled. */
  signal?: AbortSignal;
}

/** The outcome of an import that got past the header (a refused file gets a Refusal instead). */
export interface ImportReport {
  ok: true;
  format: FormatId;
  platform: Platform;
  kind: FormatKind;
  /** Non-blank data rows read. */
  rowsRead: number;
  /** Rows that became (part of) an order or item line. */
  rowsOk: number;
  /** Distinct orders sent to onBatch (for an items report: orders whose items were sent). */
  ordersOk: number;
  rowsSkipped: number;
  /** The first maxErrors skipped rows with reasons, in file order. */
  errors: RowError[];
  cancelled: boolean;
  /** Remarks about the file as a whole (encoding repaired, last character cut off). */
  notes: Message[];
}

/** A slice of rows and how far into the input it reaches (0..1). */
export interface RowChunk {
  rows: SourceRow[];
  fraction: number;
}

export interface RunMeta {
  bytesTotal: number;
  /** Columns in the header row (up to the last named one). */
  headerWidth: number;
  /** CSV rows must have every header column; XLSX leaves trailing empty cells out. */
  strictWidth: boolean;
  notes: Message[];
}

type Keyed = { orderId: string; items: OrderItem[] };

/** An order may hold at most this many items (schemas.ts). */
const MAX_ITEMS = 500;

/** Gives a worker's message queue (a cancel) a chance to run. */
const yieldToEventLoop = () => new Promise<void>((resolve) => setTimeout(resolve, 0));

const isBlankRow = (cells: readonly string[]): boolean => cells.every((c) => c.trim() === '');

/** Checks the row's shape before its content: a short row is usually a cut-off file. */
function shapeProblem(row: SourceRow, meta: RunMeta): Message | undefined {
  if (row.problem) return row.problem;
  const n = row.cells.length;
  if (meta.strictWidth && n < meta.headerWidth)
    return say('row.short', { n, width: meta.headerWidth });
  const extra = row.cells.slice(Math.max(meta.headerWidth, 1)).filter((c) => c.trim() !== '');
  if (extra.length) return say('row.extra', { n: extra.length });
  return undefined;
}

/** Rows per chunk and per batch: the caller's batch size, at least one. */
export const batchSizeOf = (opts: ImportOptions): number =>
  Math.max(1, Math.floor(opts.batchSize ?? 2000));

/** The report's bytes, or a refusal when the shop id is one the schema refuses on every row. */
export function bytesForShop(
  bytes: Uint8Array | ArrayBuffer,
  opts: ImportOptions,
): Uint8Array | Refusal {
  const { shopId } = opts;
  if (Id.safeParse(shopId).success) return asBytes(bytes);
  return refuse('bad-shop-id', 'refuse.badShopId', { shopId: shopId.slice(0, 40) });
}

/** A report opened for import: its format, its rows in chunks, and how their width is checked. */
export interface OpenedReport {
  det: Detection;
  chunks: Iterable<RowChunk> | AsyncIterable<RowChunk>;
  meta: Omit<RunMeta, 'bytesTotal'>;
}

/**
 * The import every report reader runs: the shop id checked first, the file opened by `open` (given
 * the rows per chunk), then its rows run through in batches (see runImport).
 */
export async function importReport(
  bytes: Uint8Array | ArrayBuffer,
  opts: ImportOptions,
  open: (
    data: Uint8Array,
    rowsPerChunk: number,
  ) => OpenedReport | Refusal | Promise<OpenedReport | Refusal>,
): Promise<ImportReport | Refusal> {
  const data = bytesForShop(bytes, opts);
  if (!(data instanceof Uint8Array)) return data;
  const opened = await open(data, batchSizeOf(opts));
  if (!('det' in opened)) return opened;
  const meta = { ...opened.meta, bytesTotal: data.byteLength };
  return runImport(opened.det, opened.chunks, opts, meta);
}

/**
 * Runs rows through the row reader into batches. `chunks` may be lazy (CSV slices are parsed as
 * they are pulled), so cancelling also stops the parsing.
 */
export async function runImport(
  det: Detection,
  chunks: Iterable<RowChunk> | AsyncIterable<RowChunk>,
  opts: ImportOptions,
  meta: RunMeta,
): Promise<ImportReport> {
  const batchSize = batchSizeOf(opts);
  const maxErrors = Math.max(0, Math.floor(opts.maxErrors ?? 1000));
  const kind = det.format.kind;
  const grouped = det.format.rowsPerOrder === 'many';
  const ctx: RowContext = { shopId: opts.shopId, itemsByOrder: opts.itemsByOrder };
  const report: ImportReport = {
    ok: true,
    format: det.format.id,
    platform: det.format.platform,
    kind,
    rowsRead: 0,
    rowsOk: 0,
    ordersOk: 0,
    rowsSkipped: 0,
    errors: [],
    cancelled: false,
    notes: meta.notes,
  };
  const skip = (line: number, reason: Message) => {
    report.rowsSkipped++;
    if (report.errors.length < maxErrors) report.errors.push({ line, reason });
  };

  const sentIds = new Set<string>();
  // Only for 'many': what was sent per order, so a later non-adjacent row can be merged in.
  const sent = new Map<string, Keyed>();
  let current: Keyed | undefined;
  let pending: Keyed[] = [];

  const release = (value: Keyed) => {
    const before = grouped ? sent.get(value.orderId) : undefined;
    const out = before ? { ...before, items: before.items.concat(value.items) } : value;
    if (grouped) sent.set(value.orderId, out);
    pending.push(out);
  };
  /** Takes a valid row's record; for 'many', adjacent rows of one order become one record. */
  const accept = (value: Keyed): Message | undefined => {
    if (!grouped) {
      release(value);
      return undefined;
    }
    if (current?.orderId !== value.orderId) {
      if (current) release(current);
      current = value;
      return undefined;
    }
    const earlier = sent.get(value.orderId)?.items.length ?? 0;
    if (earlier + current.items.length + value.items.length > MAX_ITEMS)
      return say('row.tooManyItems', { orderId: value.orderId, max: MAX_ITEMS });
    current = { ...current, items: current.items.concat(value.items) };
    return undefined;
  };

  const wrap = (values: Keyed[]): ImportBatch =>
    kind === 'items'
      ? { kind: 'items', items: values as OrderItemsPatch[] }
      : { kind: 'orders', orders: values as OrderInput[] };
  let fraction = 0;
  const progress = (): ImportProgress => ({
    rowsDone: report.rowsRead,
    bytesDone: Math.round(fraction * meta.bytesTotal),
    bytesTotal: meta.bytesTotal,
    fraction,
  });
  const aborted = () => opts.signal?.aborted === true;
  /** Sends full batches (or everything, at the end); false when cancelled meanwhile. */
  const send = async (all: boolean): Promise<boolean> => {
    while (pending.length >= batchSize || (all && pending.length > 0)) {
      const batch = pending.slice(0, batchSize);
      pending = pending.slice(batchSize);
      await opts.onBatch(wrap(batch), progress());
      for (const v of batch) sentIds.add(v.orderId);
      if (aborted()) return false;
    }
    return true;
  };

  if (aborted()) return { ...report, cancelled: true };
  for await (const chunk of chunks) {
    for (const row of chunk.rows) {
      if (isBlankRow(row.cells)) continue;
      report.rowsRead++;
      const shape = shapeProblem(row, meta);
      if (shape) {
        skip(row.line, shape);
        continue;
      }
      const got =
        kind === 'items' ? readItemRow(det, row.cells, ctx) : readOrderRow(det, row.cells, ctx);
      if (!got.ok) {
        skip(row.line, got.reason);
        continue;
      }
      const refused = accept(got.value);
      if (refused) skip(row.line, refused);
      else report.rowsOk++;
    }
    fraction = Math.min(1, Math.max(fraction, chunk.fraction));
    if (!(await send(false))) return finish(true);
    opts.onProgress?.(progress());
    await yieldToEventLoop();
    if (aborted()) return finish(true);
  }
  if (current) release(current);
  current = undefined;
  fraction = 1;
  if (!(await send(true))) return finish(true);
  opts.onProgress?.(progress());
  return finish(false);

  function finish(cancelled: boolean): ImportReport {
    return { ...report, ordersOk: sentIds.size, cancelled };
  }
}
