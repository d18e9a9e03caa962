/**
 * Hostile inputs shared by the fuzz tests: what a page, another script on it, or a crafted file
 * can put where we expect a nickname, a title, an amount or a date.
 *
 * Run count: KEZHI_FUZZ_RUNS (npm run fuzz sets 10000); in the ordinary unit run it is 100 so
 * the suite stays fast. Every property reports through `runs()`, so the figures in SECURITY.md
 * are the ones the run used.
 */
import fc from 'fast-check';

const fromEnv = Number(process.env.KEZHI_FUZZ_RUNS);
/** Cases per property. */
export const RUNS = Number.isInteger(fromEnv) && fromEnv > 0 ? fromEnv : 100;
/** Properties that write to (fake) IndexedDB per case run a tenth as many, at least 20. */
export const DB_RUNS = Math.max(20, Math.round(RUNS / 10));

/** 1 MB of text (one character per byte): a nickname no platform allows. */
export const ONE_MB = 'A'.repeat(1 << 20);
/** 10,000 characters, the long-but-plausible case the overlay must bound. */
export const TEN_K = '长'.repeat(10_000);

/** Payloads that would run code or break markup if any of them were ever parsed as HTML. */
export const MARKUP_PAYLOADS = [
  '<img src=x onerror="globalThis.__kezhiPwned=1">',
  '"><script>globalThis.__kezhiPwned=1</script>',
  "'><svg onload=globalThis.__kezhiPwned=1>",
  '<iframe src="javascript:globalThis.__kezhiPwned=1"></iframe>',
  'javascript:globalThis.__kezhiPwned=1',
  '<a href="javascript:alert(1)">x</a>',
  '<style>*{display:none}</style>',
  '{{nick}} ${1+1} %s %n',
  '</td></tr></table><b>',
  '&lt;b&gt;&amp;&#x3c;',
] as const;

/** Well-formed but strange text: direction overrides, zero-width marks, emoji, control chars. */
export const ODD_TEXT = [
  '\u202Eevil\u202C',
  '\u200F买家\u200E',
  'a\u200Bb\u200Cc\u200Dd\uFEFF',
  '😀👨‍👩‍👧‍👦🏳️‍🌈',
  '\u0000\u0007\u001B[31m',
  '__proto__',
  'constructor',
  '"\'`\\',
  '   ',
  '',
] as const;

/** Lone surrogates: not valid Unicode, refused at the zod boundary. */
export const LONE_SURROGATES = ['\uD800', 'x\uDFFFy', '\uDBFF\uDBFF'] as const;

/** Any UTF-16 code unit, lone surrogates included. */
const anyUnit = fc.integer({ min: 0, max: 0xffff }).map((c) => String.fromCharCode(c));

/** A hostile string: a payload, odd text, a lone surrogate, huge, or random code units. */
export const hostileString: fc.Arbitrary<string> = fc.oneof(
  { arbitrary: fc.constantFrom(...MARKUP_PAYLOADS), weight: 4 },
  { arbitrary: fc.constantFrom(...ODD_TEXT), weight: 3 },
  { arbitrary: fc.constantFrom(...LONE_SURROGATES), weight: 2 },
  // Huge strings are rarer only because each costs milliseconds; they still come up every run.
  { arbitrary: fc.constantFrom(ONE_MB, TEN_K), weight: 1 },
  { arbitrary: fc.string({ unit: anyUnit, maxLength: 40 }), weight: 3 },
  { arbitrary: fc.string({ unit: 'binary', maxLength: 40 }), weight: 3 },
  {
    arbitrary: fc
      .array(fc.constantFrom(...MARKUP_PAYLOADS, ...ODD_TEXT, ...LONE_SURROGATES), {
        minLength: 2,
        maxLength: 4,
      })
      .map((parts) => parts.join('')),
    weight: 3,
  },
);

/** Hostile text that is still valid Unicode and short enough for a nick (≤ 200 code units). */
export const hostileNick: fc.Arbitrary<string> = hostileString.filter(
  (s) => s.length >= 1 && s.length <= 200 && s.isWellFormed() && s.trim() !== '',
);

/** Amount texts a page may show that are not an amount. */
export const NOT_AN_AMOUNT = [
  'NaN',
  'Infinity',
  '-Infinity',
  '-5.00',
  '−5.00',
  '1e309',
  '1e5',
  '12.34.56',
  '￥',
  '',
  '面议',
  '0x10',
  '<b>9.9</b>',
] as const;

/** Amount values that are not integer fen in range. */
export const BAD_FEN: readonly unknown[] = [
  Number.NaN,
  Number.POSITIVE_INFINITY,
  Number.NEGATIVE_INFINITY,
  -1,
  -0.5,
  1.5,
  1e12 + 1,
  '100',
  '1,234.00',
  '￥12',
  null,
  {},
];

/** Epoch ms outside 2000-01-01 .. 2100-01-01, or not an integer at all. */
export const BAD_TIMES: readonly unknown[] = [
  Date.UTC(2100, 0, 1, 0, 0, 1),
  Date.UTC(2150, 5, 1),
  Date.UTC(1999, 11, 31, 23, 59, 59),
  0,
  -1,
  Number.NaN,
  Number.POSITIVE_INFINITY,
  1.5e12 + 0.5,
  '2024-01-01',
];

/** fast-check parameters for one property: the run count, a reproducible seed if one is set. */
export function runs(n = RUNS): fc.Parameters<unknown> {
  const seed = Number(process.env.KEZHI_FUZZ_SEED);
  return Number.isInteger(seed) ? { numRuns: n, seed } : { numRuns: n };
}

/** Counts cases per property so the report can give real figures. */
export const tally = new Map<string, number>();
export function count(name: string, n = 1): void {
  tally.set(name, (tally.get(name) ?? 0) + n);
}

/** Per-test time limit: generous, scaled to the run count (a limit, not an assertion). */
export const TIMEOUT = Math.max(60_000, RUNS * 150);
