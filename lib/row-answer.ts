/**
 * Answers the page already holds are not sent again. Each row summary the background sends
 * carries a digest of its content; the page names the digest it holds when it asks about the row
 * again (the overlay re-asks every minute while unpaid orders are on screen, and on every change
 * it is told of), and a row whose answer is still the same comes back as its order id alone. The
 * background still reads and computes every row: only the message shrinks. A round trip of 100
 * summaries (about 80 kB) cost about 4 ms more than an empty one in Chromium.
 */
import { deepEqual } from './deep-equal';
import type { RowSummary } from './summary';

const encoder = new TextEncoder();
/** The text's UTF-8 bytes, in a buffer reused from call to call (grown when a text needs more). */
let bytes = new Uint8Array(1 << 16);
let words = new Uint32Array(bytes.buffer);

/**
 * A 53-bit hash of the text (two 32-bit multiply-xor lanes over its UTF-8 bytes, four at a time,
 * folded), as base-36 text: equal texts give equal digests; two different answers for one row
 * collide about once in 2^53. Four bytes a step: a character a step took about 3 ms of the
 * background's answer for 100 rows (about 80 kB), most of a repeat's work.
 */
export function digestText(s: string): string {
  if (bytes.length < s.length * 3 + 4) {
    bytes = new Uint8Array((s.length * 3 + 4) * 2);
    words = new Uint32Array(bytes.buffer);
  }
  const n = encoder.encodeInto(s, bytes).written;
  // The last word's bytes past the text are zeroed; the length is hashed in, so a text and the
  // same text with zero bytes added differ.
  bytes.fill(0, n, (n + 3) & ~3);
  let h1 = 0xdeadbeef ^ n;
  let h2 = 0x41c6ce57 ^ n;
  for (let i = 0, end = (n + 3) >>> 2; i < end; i++) {
    const w = words[i]!;
    // The shift brings each product's high bits down, where the next multiply spreads them.
    h1 = Math.imul(h1 ^ w, 2654435761);
    h1 ^= h1 >>> 15;
    h2 = Math.imul(h2 ^ w, 1597334677);
    h2 ^= h2 >>> 13;
  }
  h1 = Math.imul(h1 ^ (h1 >>> 16), 2246822507) ^ Math.imul(h2 ^ (h2 >>> 13), 3266489909);
  h2 = Math.imul(h2 ^ (h2 >>> 16), 2246822507) ^ Math.imul(h1 ^ (h1 >>> 13), 3266489909);
  return (4294967296 * (2097151 & h2) + (h1 >>> 0)).toString(36);
}

/** The digest of a summary's content (its own digest left out). */
export function summaryDigest(s: RowSummary): string {
  if (s.digest === undefined) return digestText(JSON.stringify(s));
  const { digest: _, ...content } = s;
  return digestText(JSON.stringify(content));
}

/** Answers digested lately, by order key: the answer as it was and its digest. */
const recent = new Map<string, { summary: RowSummary; digest: string }>();
/** Orders whose last answer is kept (a page shows at most 100 rows; a few tabs, a few pages). */
export const RECENT_ANSWERS = 2000;

/**
 * The digest of an answer (as {@link summaryDigest}), taken from the last answer for the same
 * order when the two are equal. Comparing walks the answer once with no text built; digesting
 * serialises it first. JSON.stringify was about 2.5 ms of 100 rows' answer in the service worker
 * (about 90 kB), and hashing the text 1 ms, most of a repeat's work. Equal answers of one order
 * are the same answer to the page, so the digest it holds still names what it shows.
 */
export function answerDigest(s: RowSummary): string {
  const held = recent.get(s.orderKey);
  if (held && deepEqual(held.summary, s)) return held.digest;
  const digest = summaryDigest(s);
  recent.delete(s.orderKey);
  recent.set(s.orderKey, { summary: s, digest });
  if (recent.size > RECENT_ANSWERS) recent.delete(recent.keys().next().value!);
  return digest;
}

/**
 * The reply's rows: each summary with its digest, except those whose digest is the one the page
 * said it holds (`seen`), which are listed in `same` by order id instead.
 */
export function answerRows(
  summaries: readonly RowSummary[],
  rows: readonly { orderId: string; seen?: string }[],
): { summaries: RowSummary[]; same: string[] } {
  const seen = new Map<string, string>();
  for (const r of rows) if (r.seen) seen.set(r.orderId, r.seen);
  const out: RowSummary[] = [];
  const same: string[] = [];
  for (const s of summaries) {
    const digest = answerDigest(s);
    if (seen.get(s.orderId) === digest) same.push(s.orderId);
    else out.push({ ...s, digest });
  }
  return { summaries: out, same };
}
