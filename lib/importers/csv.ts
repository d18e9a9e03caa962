/**
 * CSV text to rows, a slice at a time. We cut the text at record boundaries ourselves (a small
 * quote-aware scan) and let papaparse parse each slice synchronously: that keeps line numbers
 * exact, lets the caller yield to the event loop between slices (so a worker can take a cancel
 * message), and avoids papaparse's pause/resume on string input.
 */
import Papa from 'papaparse';
import { say } from '../i18n/importer';
import type { Message } from './messages';

export interface CsvLayout {
  delimiter: string;
  newline: '\r\n' | '\n' | '\r';
}

/** One record: its line (1-based; the way a spreadsheet numbers rows) and its cells. */
export interface SourceRow {
  line: number;
  cells: string[];
  /** A problem the parser saw in this record (a quote left open). */
  problem?: Message;
}

/**
 * Newline and delimiter from the first line. Taobao and JD write commas; Excel's "Unicode text"
 * writes tabs; some European-locale re-saves write semicolons.
 */
export function detectLayout(text: string): CsvLayout {
  const nl = /\r\n|\n|\r/.exec(text);
  const newline = (nl?.[0] ?? '\r\n') as CsvLayout['newline'];
  const firstLine = nl ? text.slice(0, nl.index) : text;
  let delimiter = ',';
  let most = 0;
  for (const d of [',', '\t', ';', '|']) {
    const n = firstLine.split(d).length - 1;
    if (n > most) {
      most = n;
      delimiter = d;
    }
  }
  return { delimiter, newline };
}

const QUOTE = 34;
const SPACE = 32;
const CR = 13;
const LF = 10;

/**
 * The index just after the `count`-th record that starts at `from` (or the end of the text).
 * Quote handling follows papaparse: a field is quoted only when it starts with `"`, `""` is an
 * escaped quote, and a quote closes the field only when a delimiter or newline follows it.
 */
export function recordsEnd(text: string, from: number, count: number, layout: CsvLayout): number {
  const len = text.length;
  const delim = layout.delimiter.charCodeAt(0);
  const term = layout.newline === '\r' ? CR : LF;
  const crlf = layout.newline === '\r\n';
  let records = 0;
  let fieldStart = true;
  let i = from;
  while (i < len) {
    const c = text.charCodeAt(i);
    if (fieldStart && c === QUOTE) {
      let q = i;
      for (;;) {
        q = text.indexOf('"', q + 1);
        if (q < 0) return len; // an open quote swallows the rest, as in papaparse
        if (text.charCodeAt(q + 1) === QUOTE) {
          q++;
          continue;
        }
        let k = q + 1;
        while (k < len && text.charCodeAt(k) === SPACE) k++;
        const next = text.charCodeAt(k);
        if (k >= len || next === delim || next === CR || next === LF) break;
      }
      i = q + 1;
      fieldStart = false;
      continue;
    }
    fieldStart = false;
    if (c === delim) fieldStart = true;
    else if (c === term && (!crlf || text.charCodeAt(i - 1) === CR)) {
      records++;
      fieldStart = true;
      if (records >= count) return i + 1;
    }
    i++;
  }
  return len;
}

const QUOTE_PROBLEM: Readonly<Record<string, Message>> = {
  MissingQuotes: say('row.quoteOpen'),
  InvalidQuotes: say('row.quoteBad'),
};

/** Parses the records in text[start, end) (end at a record boundary). */
export function parseSlice(
  text: string,
  start: number,
  end: number,
  firstLine: number,
  layout: CsvLayout,
): SourceRow[] {
  let slice = text.slice(start, end);
  // papaparse answers a trailing newline with an extra empty record; the boundary is ours.
  if (slice.endsWith(layout.newline)) slice = slice.slice(0, -layout.newline.length);
  if (slice === '') return end > start ? [{ line: firstLine, cells: [''] }] : [];
  const result = Papa.parse<string[]>(slice, {
    delimiter: layout.delimiter,
    newline: layout.newline,
    quoteChar: '"',
    header: false,
    skipEmptyLines: false,
  });
  const rows: SourceRow[] = result.data.map((cells, i) => ({ line: firstLine + i, cells }));
  for (const e of result.errors) {
    const row = e.row === undefined ? undefined : rows[e.row];
    const problem = QUOTE_PROBLEM[e.code];
    if (row && problem && !row.problem) row.problem = problem;
  }
  return rows;
}

/** A slice of records and how far into the text it reaches. */
export interface CsvChunk {
  rows: SourceRow[];
  /** Characters consumed so far (end of this slice). */
  end: number;
}

/** Slices of about `rowsPerChunk` records from `start`, numbered from `firstLine`. */
export function* csvChunks(
  text: string,
  start: number,
  firstLine: number,
  layout: CsvLayout,
  rowsPerChunk: number,
): Generator<CsvChunk> {
  let at = start;
  let line = firstLine;
  while (at < text.length) {
    const end = recordsEnd(text, at, rowsPerChunk, layout);
    const rows = parseSlice(text, at, end, line, layout);
    line += rows.length;
    at = end;
    yield { rows, end };
  }
}
