/** Shared helpers for the importer tests: fixtures, a batch collector, China time, xlsx files. */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import ExcelJS from 'exceljs';
import type { ImportBatch, ImportOptions, ImportProgress } from '../../lib/importers';
import type { OrderInput } from '../../lib/schemas';
import type { OrderItemsPatch } from '../../lib/importers';

const dir = fileURLToPath(new URL('../fixtures/importers/', import.meta.url));

/** A fixture's bytes, exactly as committed. */
export function fixture(name: string): Uint8Array {
  return new Uint8Array(readFileSync(dir + name));
}

/** "2024-03-01 10:15:30" in China time (UTC+8), computed without the code under test. */
export function cn(s: string): number {
  const t = Date.parse(s.replace(' ', 'T') + '+08:00');
  if (!Number.isFinite(t)) throw new Error(`bad test time ${s}`);
  return t;
}

/** Everything an import sent: batches in order, with their progress. */
export interface Collected {
  batches: { batch: ImportBatch; progress: ImportProgress }[];
  orders: OrderInput[];
  items: OrderItemsPatch[];
  progress: ImportProgress[];
}

/** ImportOptions that record every batch and progress call. */
export function collector(extra: Partial<ImportOptions> = {}): {
  opts: ImportOptions;
  got: Collected;
} {
  const got: Collected = { batches: [], orders: [], items: [], progress: [] };
  const opts: ImportOptions = {
    shopId: 'shop1',
    ...extra,
    onBatch: async (batch, progress) => {
      got.batches.push({ batch, progress });
      if (batch.kind === 'orders') got.orders.push(...batch.orders);
      else got.items.push(...batch.items);
      await extra.onBatch?.(batch, progress);
    },
    onProgress: (p) => {
      got.progress.push(p);
      extra.onProgress?.(p);
    },
  };
  return { opts, got };
}

/** An .xlsx file with one sheet holding these rows (values as exceljs writes them). */
export async function makeXlsx(rows: unknown[][], sheet = '订单'): Promise<Uint8Array> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet(sheet);
  for (const r of rows) ws.addRow(r);
  const buf = await wb.xlsx.writeBuffer();
  return new Uint8Array(buf);
}

/** UTF-8 bytes of a string (for generated CSVs). */
export const utf8 = (s: string): Uint8Array => new TextEncoder().encode(s);
