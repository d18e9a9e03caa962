/**
 * The preview the options page shows before importing: which report this is, which of its
 * columns we read for what, the first rows as they will be imported, and the shop the file names.
 */
import type { OrderInput, Platform } from '../schemas';
import type { SourceRow } from './csv';
import type { Encoding } from './report-text';
import type { Field, FormatId, FormatKind } from './formats';
import type { HeaderFound } from './header';
import type { Message } from './messages';
import { cleanCell, readItemRow, readOrderRow, type OrderItemsPatch } from './rows';

/** One previewed row: what it becomes, or why it would be skipped. */
export interface PreviewRow {
  line: number;
  order?: OrderInput;
  items?: OrderItemsPatch;
  error?: Message;
}

export interface Preview {
  ok: true;
  format: FormatId;
  platform: Platform;
  kind: FormatKind;
  label: Message;
  /** Our field -> the file's header text, exactly as written (trailing spaces included). */
  mapping: Partial<Record<Field, string>>;
  headerLine: number;
  encoding: Encoding | 'xlsx';
  notes: Message[];
  rows: PreviewRow[];
  /** The shop the report names (Taobao's 店铺Id / 店铺名称), to suggest in the shop picker. */
  shop?: { id?: string; name?: string };
}

/** Shop id used for previewed orders when the caller names none (the schema needs one). */
export const PREVIEW_SHOP_ID = 'preview';

/** Builds the preview from the header and the rows after it. */
export function buildPreview(
  header: HeaderFound,
  rows: readonly SourceRow[],
  n: number,
  extra: { encoding: Encoding | 'xlsx'; notes: Message[]; shopId?: string },
): Preview {
  const { det } = header;
  const ctx = { shopId: extra.shopId ?? PREVIEW_SHOP_ID };
  const out: PreviewRow[] = [];
  let shop: Preview['shop'];
  for (const row of rows) {
    if (out.length >= n) break;
    if (row.cells.every((c) => c.trim() === '')) continue;
    if (!shop) shop = shopOf(header, row.cells);
    if (row.problem) {
      out.push({ line: row.line, error: row.problem });
      continue;
    }
    if (det.format.kind === 'items') {
      const got = readItemRow(det, row.cells, ctx);
      out.push(
        got.ok ? { line: row.line, items: got.value } : { line: row.line, error: got.reason },
      );
    } else {
      const got = readOrderRow(det, row.cells, ctx);
      out.push(
        got.ok ? { line: row.line, order: got.value } : { line: row.line, error: got.reason },
      );
    }
  }
  const preview: Preview = {
    ok: true,
    format: det.format.id,
    platform: det.format.platform,
    kind: det.format.kind,
    label: det.format.label,
    mapping: det.mapping,
    headerLine: header.line,
    encoding: extra.encoding,
    notes: extra.notes,
    rows: out,
  };
  if (shop) preview.shop = shop;
  return preview;
}

function shopOf(header: HeaderFound, cells: readonly string[]): Preview['shop'] {
  const { columns } = header.det;
  const id = columns.shopId === undefined ? '' : cleanCell(cells[columns.shopId]);
  const name = columns.shopName === undefined ? '' : cleanCell(cells[columns.shopName]);
  if (!id && !name) return undefined;
  return { ...(id ? { id } : {}), ...(name ? { name } : {}) };
}
