/**
 * CSV order reports: bytes in, a preview (synchronous) or a batched, cancellable import out.
 */
import type { Platform } from '../schemas';
import { csvChunks, detectLayout, parseSlice, recordsEnd, type CsvLayout } from './csv';
import { decodeText, repairMojibake, type Encoding } from './report-text';
import { findHeader, type HeaderFound } from './header';
import { say } from '../i18n/importer';
import type { Message, Refusal } from './messages';
import { importReport } from './pipeline';
import type { ImportOptions, ImportReport, RowChunk } from './pipeline';
import { buildPreview, type Preview } from './preview';

/** Records read to look for the header. */
const HEAD_RECORDS = 10;

interface PreparedCsv {
  ok: true;
  text: string;
  layout: CsvLayout;
  header: HeaderFound;
  /** Character offset of the first record after the header. */
  dataStart: number;
  encoding: Encoding;
  notes: Message[];
}

function locate(text: string, only: Platform | undefined) {
  const layout = detectLayout(text);
  const head = parseSlice(text, 0, recordsEnd(text, 0, HEAD_RECORDS, layout), 1, layout);
  const header = findHeader(head, only);
  if (!header.ok) return header;
  const dataStart = recordsEnd(text, 0, header.index + 1, layout);
  return { ok: true as const, layout, header, dataStart };
}

const MOJIBAKE_NOTE = say('note.mojibake');

/** Decodes and finds the header; repairs Latin-1 mojibake when the header is not found as is. */
function prepareCsv(input: Uint8Array | ArrayBuffer, only?: Platform): PreparedCsv | Refusal {
  const decoded = decodeText(input);
  if (!decoded.ok) return decoded;
  const found = locate(decoded.text, only);
  if (found.ok)
    return { ...found, text: decoded.text, encoding: decoded.encoding, notes: decoded.notes };
  if (found.code !== 'not-a-report' && found.code !== 'no-header') return found;
  const repaired = repairMojibake(decoded.text);
  if (!repaired) return found;
  const again = locate(repaired.text, only);
  if (!again.ok) return again.code === 'wrong-platform' ? again : found;
  return {
    ...again,
    text: repaired.text,
    encoding: repaired.encoding,
    notes: [...decoded.notes, MOJIBAKE_NOTE],
  };
}

/**
 * Reads the header and the first `n` data rows, synchronously: the format, the column mapping,
 * the rows as they would be imported (or why they would be skipped) and the shop the file names.
 * `shopId` fills the previewed orders' shopId (default PREVIEW_SHOP_ID).
 */
export function preview(
  bytes: Uint8Array | ArrayBuffer,
  n = 10,
  opts: { shopId?: string; platform?: Platform } = {},
): Preview | Refusal {
  const prepared = prepareCsv(bytes, opts.platform);
  if (!prepared.ok) return prepared;
  const { text, layout, header, dataStart } = prepared;
  // n rows plus some room for blank lines between them.
  const end = recordsEnd(text, dataStart, Math.max(0, n) + 20, layout);
  const rows = parseSlice(text, dataStart, end, header.line + 1, layout);
  return buildPreview(header, rows, Math.max(0, n), {
    encoding: prepared.encoding,
    notes: prepared.notes,
    shopId: opts.shopId,
  });
}

/**
 * Imports a CSV order report in batches (see ImportOptions): bad rows are reported with their
 * line and skipped, the rest continue. Resolves to a Refusal when the file as a whole cannot be
 * read (nothing was sent to onBatch then).
 */
export async function importCsv(
  bytes: Uint8Array | ArrayBuffer,
  opts: ImportOptions,
): Promise<ImportReport | Refusal> {
  return importReport(bytes, opts, (data, rowsPerChunk) => {
    const prepared = prepareCsv(data, opts.platform);
    if (!prepared.ok) return prepared;
    const { text, layout, header, dataStart } = prepared;
    function* chunks(): Generator<RowChunk> {
      for (const c of csvChunks(text, dataStart, header.line + 1, layout, rowsPerChunk))
        yield { rows: c.rows, fraction: c.end / text.length };
    }
    const meta = { headerWidth: header.width, strictWidth: true, notes: prepared.notes };
    return { det: header.det, chunks: chunks(), meta };
  });
}
