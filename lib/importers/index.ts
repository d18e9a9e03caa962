/**
 * Order-report importers: the platforms' export files (CSV or XLSX) to validated OrderInput
 * batches, to backfill years of history. Pure library code, meant to run in a Web Worker:
 *
 *   const report = await importFile(bytes, {
 *     shopId, onBatch: (batch, progress) => write(batch), signal,
 *   });
 *
 * Formats are recognised by their header row (formats.ts); a file that is not a known report,
 * not text, or empty resolves to a Refusal with a sentence in Chinese and English.
 */
import type { OrderItem, Platform } from '../schemas';
import { asBytes, isZip } from './report-text';
import { importCsv, preview } from './import-csv';
import { importXlsx, previewXlsx } from './import-xlsx';
import type { Refusal } from './messages';
import type { ImportOptions, ImportReport } from './pipeline';
import type { Preview } from './preview';
import type { OrderItemsPatch } from './rows';

export type { Encoding, Decoded } from './report-text';
export { decodeText, repairMojibake } from './report-text';
export type { Detection, Field, FormatId, FormatKind, FormatSpec } from './formats';
export { FORMATS, detectFormat, normaliseHeader } from './formats';
export type { Message, Refusal, RefusalCode } from './messages';
export type {
  ImportBatch,
  ImportOptions,
  ImportProgress,
  ImportReport,
  RowError,
} from './pipeline';
export type { Preview, PreviewRow } from './preview';
export { PREVIEW_SHOP_ID } from './preview';
export type { OrderItemsPatch } from './rows';
export { EXPORT_STATUSES, exportStatus } from './export-status';
export { regionOf } from './region';
export { importCsv, preview } from './import-csv';
export { cellText, importXlsx, previewXlsx } from './import-xlsx';

/** Imports a CSV or XLSX report, told apart by the file's first bytes (never by its name). */
export function importFile(
  bytes: Uint8Array | ArrayBuffer,
  opts: ImportOptions,
): Promise<ImportReport | Refusal> {
  return isZip(asBytes(bytes)) ? importXlsx(bytes, opts) : importCsv(bytes, opts);
}

/** Previews a CSV or XLSX report, told apart by the file's first bytes. */
export async function previewFile(
  bytes: Uint8Array | ArrayBuffer,
  n = 10,
  opts: { shopId?: string; platform?: Platform } = {},
): Promise<Preview | Refusal> {
  return isZip(asBytes(bytes)) ? previewXlsx(bytes, n, opts) : preview(bytes, n, opts);
}

/**
 * Item lines from an items report's batches, by order id, for ImportOptions.itemsByOrder. A later
 * patch of the same order is the fuller one (see ImportOptions.onBatch), so it replaces the earlier.
 */
export function itemsByOrder(patches: Iterable<OrderItemsPatch>): Map<string, OrderItem[]> {
  const map = new Map<string, OrderItem[]>();
  for (const p of patches) map.set(p.orderId, p.items);
  return map;
}
