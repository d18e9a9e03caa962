/**
 * Bytes to text. Platform exports arrive as GBK/GB18030 (Taobao's ExportOrderList), UTF-8 with or
 * without a BOM (Pinduoduo, JD, files re-saved by WPS), occasionally UTF-16 ("Unicode text" from
 * Excel). Anything else — images, archives, old .xls — is refused with a sentence, never guessed.
 */
import { say } from '../i18n/importer';
import { refuse, type Message, type Refusal } from './messages';

export type Encoding = 'utf-8' | 'utf-16le' | 'utf-16be' | 'gb18030';

/** Decoded text and how we got it. */
export interface Decoded {
  ok: true;
  text: string;
  encoding: Encoding;
  /** Things the seller may want to know (wrong BOM, a cut-off last character). */
  notes: Message[];
}

/** Accepts what a File, a fetch or a worker message hands us. */
export function asBytes(input: Uint8Array | ArrayBuffer): Uint8Array {
  return input instanceof Uint8Array ? input : new Uint8Array(input);
}

const startsWith = (b: Uint8Array, sig: readonly number[]): boolean =>
  sig.every((x, i) => b[i] === x);

const ZIP = [0x50, 0x4b, 0x03, 0x04];
/** OLE2 compound file: the pre-2007 .xls (and .doc) container. */
const OLE2 = [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1];
const MAGIC: readonly [readonly number[], string][] = [
  [[0x89, 0x50, 0x4e, 0x47], 'PNG'],
  [[0xff, 0xd8, 0xff], 'JPEG'],
  [[0x47, 0x49, 0x46, 0x38], 'GIF'],
  [[0x25, 0x50, 0x44, 0x46], 'PDF'],
  [[0x52, 0x61, 0x72, 0x21], 'RAR'],
  [[0x37, 0x7a, 0xbc, 0xaf], '7z'],
  [[0x1f, 0x8b], 'gzip'],
];

/** Is this a zip container (an .xlsx)? The caller routes it to the xlsx reader. */
export function isZip(bytes: Uint8Array): boolean {
  return startsWith(bytes, ZIP);
}

/** Refuses containers that are certainly not CSV text, by their first bytes. */
export function sniffNotText(bytes: Uint8Array): Refusal | undefined {
  if (bytes.length === 0) return refuse('empty', 'refuse.empty');
  if (isZip(bytes)) return refuse('xlsx-as-csv', 'refuse.xlsxAsCsv');
  if (startsWith(bytes, OLE2)) return refuse('old-xls', 'refuse.oldXls');
  for (const [sig, kind] of MAGIC)
    if (startsWith(bytes, sig)) return refuse('binary', 'refuse.binaryKind', { kind });
  return undefined;
}

/**
 * Decodes with `fatal: true`, but lets the very last character be cut off: a download that stopped
 * mid-character is still worth importing (its last row will be reported as incomplete).
 * Returns undefined when the bytes are not valid in this encoding.
 */
function decodeStrict(
  label: Encoding,
  bytes: Uint8Array,
): { text: string; cut: boolean } | undefined {
  const decoder = new TextDecoder(label, { fatal: true });
  try {
    const text = decoder.decode(bytes, { stream: true });
    try {
      decoder.decode();
      return { text, cut: false };
    } catch {
      return { text, cut: true };
    }
  } catch {
    return undefined;
  }
}

const CUT_NOTE = say('note.cutOff');
const WRONG_BOM_NOTE = say('note.wrongBom');

/** A NUL byte never occurs in UTF-8 or GBK text; it does in every image and archive. */
function hasNul(bytes: Uint8Array): boolean {
  return bytes.subarray(0, 65536).includes(0);
}

/**
 * Bytes to text: BOM first, then UTF-8 (fatal), then GB18030. A UTF-8 BOM in front of GBK bytes
 * (some tools add one blindly) is noticed and the GBK text still read.
 */
export function decodeText(input: Uint8Array | ArrayBuffer): Decoded | Refusal {
  const bytes = asBytes(input);
  const notText = sniffNotText(bytes);
  if (notText) return notText;

  const utf8Bom = startsWith(bytes, [0xef, 0xbb, 0xbf]);
  let attempt: { encoding: Encoding; body: Uint8Array }[];
  if (startsWith(bytes, [0xff, 0xfe]))
    attempt = [{ encoding: 'utf-16le', body: bytes.subarray(2) }];
  else if (startsWith(bytes, [0xfe, 0xff]))
    attempt = [{ encoding: 'utf-16be', body: bytes.subarray(2) }];
  else {
    if (hasNul(bytes)) return refuse('binary', 'refuse.binaryNul');
    const body = utf8Bom ? bytes.subarray(3) : bytes;
    attempt = [
      { encoding: 'utf-8', body },
      { encoding: 'gb18030', body },
    ];
  }
  for (const { encoding, body } of attempt) {
    const got = decodeStrict(encoding, body);
    if (!got) continue;
    const notes: Message[] = [];
    if (utf8Bom && encoding === 'gb18030') notes.push(WRONG_BOM_NOTE);
    if (got.cut) notes.push(CUT_NOTE);
    const text = got.text.replace(/^\uFEFF/, '');
    if (text.trim() === '') return refuse('empty', 'refuse.blank');
    return { ok: true, text, encoding, notes };
  }
  return refuse('undecodable', 'refuse.undecodable');
}

/**
 * Windows-1252 characters at 0x80–0x9F, for undoing text that was decoded as "Latin-1" by a tool
 * (browsers and Excel use 1252 for that label) and saved again as UTF-8.
 */
const CP1252_HIGH: Readonly<Record<number, number>> = {
  0x20ac: 0x80, 0x201a: 0x82, 0x0192: 0x83, 0x201e: 0x84, 0x2026: 0x85, 0x2020: 0x86,
  0x2021: 0x87, 0x02c6: 0x88, 0x2030: 0x89, 0x0160: 0x8a, 0x2039: 0x8b, 0x0152: 0x8c,
  0x017d: 0x8e, 0x2018: 0x91, 0x2019: 0x92, 0x201c: 0x93, 0x201d: 0x94, 0x2022: 0x95,
  0x2013: 0x96, 0x2014: 0x97, 0x02dc: 0x98, 0x2122: 0x99, 0x0161: 0x9a, 0x203a: 0x9b,
  0x0153: 0x9c, 0x017e: 0x9e, 0x0178: 0x9f,
}; // prettier-ignore

/**
 * Undoes mojibake: GBK or UTF-8 bytes that some tool decoded as Latin-1/Windows-1252 and saved
 * again ("¶©µ¥±àºÅ" for 订单编号). Returns the repaired text, or undefined when the text is not
 * made only of single-byte characters or the bytes behind it are not valid GBK/UTF-8.
 */
export function repairMojibake(text: string): { text: string; encoding: Encoding } | undefined {
  const bytes = new Uint8Array(text.length);
  let high = false;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    const b = c <= 0xff ? c : CP1252_HIGH[c];
    if (b === undefined) return undefined;
    if (b >= 0x80) high = true;
    bytes[i] = b;
  }
  if (!high) return undefined;
  for (const encoding of ['utf-8', 'gb18030'] as const) {
    const got = decodeStrict(encoding, bytes);
    if (got) return { text: got.text.replace(/^\uFEFF/, ''), encoding };
  }
  return undefined;
}
