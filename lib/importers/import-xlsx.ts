/**
 * XLSX order reports (the newer 千牛 export, or any known report saved as .xlsx), read with
 * exceljs. The workbook is loaded whole (exceljs cannot stream in a browser); rows are then
 * converted and imported a batch at a time, with the same contract as importCsv.
 */
import ExcelJS from 'exceljs';
import type { CellValue, Workbook, Worksheet } from 'exceljs';
import type { Platform } from '../schemas';
import type { SourceRow } from './csv';
import { asBytes, isZip } from './report-text';
import { findHeader, type HeaderFound } from './header';
import { refuse, type Refusal } from './messages';
import { importReport } from './pipeline';
import type { ImportOptions, ImportReport, RowChunk } from './pipeline';
import { buildPreview, type Preview } from './preview';

/** Rows read to look for the header. */
const HEAD_ROWS = 10;

const pad = (n: number, w = 2) => String(n).padStart(w, '0');

/**
 * A cell as text, the way the CSV export would have written it. Excel date cells carry wall-clock
 * time with no zone (exceljs hands them over as UTC), which is China time in these exports.
 * A 19-digit id stored as a number has already lost digits: it comes out in scientific notation,
 * which the row reader refuses with an explanation.
 */
export function cellText(value: CellValue): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'string') return value;
  if (typeof value === 'number')
    // Past 2^53 the digits are already gone; String() would print made-up zeros
    // ("3306183637220019000"), so show what Excel shows: 15 significant digits.
    return Number.isInteger(value) && !Number.isSafeInteger(value)
      ? value.toPrecision(15)
      : String(value);
  if (typeof value === 'boolean') return value ? 'TRUE' : 'FALSE';
  if (value instanceof Date)
    return Number.isNaN(value.getTime())
      ? ''
      : `${value.getUTCFullYear()}-${pad(value.getUTCMonth() + 1)}-${pad(value.getUTCDate())} ` +
          `${pad(value.getUTCHours())}:${pad(value.getUTCMinutes())}:${pad(value.getUTCSeconds())}`;
  if ('richText' in value) return value.richText.map((r) => r.text).join('');
  if ('hyperlink' in value) return String(value.text);
  if ('error' in value) return String(value.error);
  if ('result' in value) return cellText(value.result ?? null);
  return '';
}

/** Rows [from, to] (1-based, inclusive) of a sheet as text cells. */
function sheetRows(ws: Worksheet, from: number, to: number): SourceRow[] {
  const rows: SourceRow[] = [];
  for (let r = from; r <= to; r++) {
    const row = ws.getRow(r);
    const cells: string[] = [];
    for (let c = 1; c <= row.cellCount; c++) cells.push(cellText(row.getCell(c).value));
    rows.push({ line: r, cells });
  }
  return rows;
}

async function openWorkbook(input: Uint8Array | ArrayBuffer): Promise<Workbook | Refusal> {
  const bytes = asBytes(input);
  if (bytes.length === 0) return refuse('empty', 'refuse.empty');
  if (!isZip(bytes)) return refuse('xlsx-unreadable', 'refuse.notXlsx');
  const workbook = new ExcelJS.Workbook();
  try {
    // Both exceljs builds hand the data to JSZip, which takes an ArrayBuffer; a copy, so a view
    // into a larger buffer (a worker message) never reads past its end.
    await workbook.xlsx.load(bytes.slice().buffer);
    return workbook;
  } catch (e) {
    const why = e instanceof Error ? e.message.slice(0, 200) : '';
    return refuse('xlsx-unreadable', 'refuse.xlsxDamaged', { why });
  }
}

/** The first sheet whose first rows hold a known header. */
function locateSheet(
  workbook: Workbook,
  only: Platform | undefined,
): { ws: Worksheet; header: HeaderFound } | Refusal {
  let first: Refusal | undefined;
  for (const ws of workbook.worksheets) {
    const header = findHeader(sheetRows(ws, 1, Math.min(ws.rowCount, HEAD_ROWS)), only);
    if (header.ok) return { ws, header };
    if (!first || header.code === 'wrong-platform') first = header;
  }
  return first ?? refuse('no-header', 'refuse.noSheets');
}

/** Like preview() for an .xlsx file (async: exceljs loads asynchronously). */
export async function previewXlsx(
  bytes: Uint8Array | ArrayBuffer,
  n = 10,
  opts: { shopId?: string; platform?: Platform } = {},
): Promise<Preview | Refusal> {
  const workbook = await openWorkbook(bytes);
  if (!('worksheets' in workbook)) return workbook;
  const found = locateSheet(workbook, opts.platform);
  if (!('ws' in found)) return found;
  const { ws, header } = found;
  const rows = sheetRows(
    ws,
    header.line + 1,
    Math.min(ws.rowCount, header.line + Math.max(0, n) + 20),
  );
  return buildPreview(header, rows, Math.max(0, n), {
    encoding: 'xlsx',
    notes: [],
    shopId: opts.shopId,
  });
}

/** Imports an .xlsx order report with the same batches, progress and report as importCsv. */
export async function importXlsx(
  bytes: Uint8Array | ArrayBuffer,
  opts: ImportOptions,
): Promise<ImportReport | Refusal> {
  return importReport(bytes, opts, async (data, per) => {
    const workbook = await openWorkbook(data);
    if (!('worksheets' in workbook)) return workbook;
    const found = locateSheet(workbook, opts.platform);
    if (!('ws' in found)) return found;
    const { ws, header } = found;
    const last = ws.rowCount;
    function* chunks(): Generator<RowChunk> {
      for (let from = header.line + 1; from <= last; from += per) {
        const to = Math.min(last, from + per - 1);
        yield { rows: sheetRows(ws, from, to), fraction: to / last };
      }
    }
    const meta = { headerWidth: header.width, strictWidth: false, notes: [] };
    return { det: header.det, chunks: chunks(), meta };
  });
}
