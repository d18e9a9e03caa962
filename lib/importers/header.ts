/**
 * Finding the header row. Reports start with it, but a re-saved file may carry a title line or a
 * blank line first, so the first few non-blank rows are tried.
 */
import type { Platform } from '../schemas';
import type { SourceRow } from './csv';
import { detectFormat, type Detection } from './formats';
import { refuse, type Refusal } from './messages';

/** How many non-blank rows may precede the header. */
const HEADER_SEARCH = 5;

/** The recognised header, where it is, and how wide it is. */
export interface HeaderFound {
  ok: true;
  det: Detection;
  /** Index into the rows given. */
  index: number;
  line: number;
  /** Columns up to the last named one (a trailing comma adds an unnamed column). */
  width: number;
}

/** The header among the first rows, or the refusal that the first non-blank row earns. */
export function findHeader(rows: readonly SourceRow[], only?: Platform): HeaderFound | Refusal {
  let first: Refusal | undefined;
  let tried = 0;
  for (let index = 0; index < rows.length && tried < HEADER_SEARCH; index++) {
    const row = rows[index];
    if (!row || row.cells.every((c) => c.trim() === '')) continue;
    tried++;
    const got = detectFormat(row.cells, only);
    if (got.ok) {
      let width = row.cells.length;
      while (width > 0 && (row.cells[width - 1] ?? '').trim() === '') width--;
      return { ok: true, det: got, index, line: row.line, width };
    }
    // A report of the wrong platform is the more useful thing to say.
    if (!first || got.code === 'wrong-platform') first = got;
  }
  return first ?? refuse('no-header', 'refuse.noHeader');
}
