/**
 * The badge row's stylesheet and the colour tokens every overlay surface shares (light and dark,
 * each pair at least 4.5:1). Plain strings: the order-page overlay adopts them as one shared sheet.
 */
type Tokens = Record<string, string>;

/** The tokens every surface uses, light and dark. */
const BASE: Record<string, [light: string, dark: string]> = {
  fg: ['#1f2328', '#e6edf3'],
  'fg-muted': ['#57606a', '#9da7b3'],
  bg: ['#ffffff', '#161b22'],
  'bg-subtle': ['#f6f8fa', '#0d1117'],
  border: ['#d0d7de', '#3d444d'],
  focus: ['#0969da', '#58a6ff'],
  'tip-bg': ['#1f2328', '#e6edf3'],
  'tip-fg': ['#ffffff', '#0d1117'],
  shadow: ['0 8px 24px rgba(31,35,40,.2)', '0 8px 24px rgba(0,0,0,.6)'],
};

/**
 * Colour triples (background, text, border) per chip family, light then dark; every pair ≥ 4.5:1
 * contrast.
 */
const FAMILY_COLOURS: Record<string, [light: string, dark: string]> = {
  svip: ['#2b2410 #f5c542 #b8860b', '#2b2410 #f5c542 #d4a72c'],
  vip: ['#f3e8ff #6b21a8 #c084fc', '#3b1d5e #e9d5ff #7e3fbf'],
  senior: ['#dbeafe #1e40af #93c5fd', '#1e3a8a #dbeafe #3b82f6'],
  regular: ['#f1f5f9 #334155 #cbd5e1', '#334155 #e2e8f0 #64748b'],
  green: ['#dcfce7 #166534 #86efac', '#14532d #bbf7d0 #22c55e'],
  teal: ['#ccfbf1 #115e59 #5eead4', '#134e4a #99f6e4 #14b8a6'],
  indigo: ['#e0e7ff #3730a3 #a5b4fc', '#312e81 #e0e7ff #6366f1'],
  amber: ['#fef3c7 #92400e #fcd34d', '#78350f #fde68a #d97706'],
  orange: ['#ffedd5 #9a3412 #fdba74', '#7c2d12 #fed7aa #ea580c'],
  red: ['#fee2e2 #991b1b #f87171', '#7f1d1d #fecaca #ef4444'],
  slate: ['#e5e7eb #374151 #9ca3af', '#1f2937 #d1d5db #4b5563'],
  tag: ['#ffffff #24292f #8c959f', '#161b22 #e6edf3 #6e7681'],
  uncertain: ['#fff8e6 #7a4b00 #d4a72c', '#3d2e00 #f2cc60 #9e6a03'],
};

/** One theme's tokens: the base ones, then each family's `-bg`, `-fg` and `-bd`. */
function tokens(theme: 0 | 1): Tokens {
  const out: Tokens = {};
  for (const [name, pair] of Object.entries(BASE)) out[name] = pair[theme];
  for (const [family, pair] of Object.entries(FAMILY_COLOURS)) {
    const [bg, fg, bd] = pair[theme].split(' ');
    Object.assign(out, { [`${family}-bg`]: bg, [`${family}-fg`]: fg, [`${family}-bd`]: bd });
  }
  return out;
}

const LIGHT = tokens(0);
const DARK = tokens(1);

const decls = (tokens: Tokens) =>
  Object.entries(tokens)
    .map(([k, v]) => `--kz-${k}:${v};`)
    .join('');

/**
 * Theme tokens for elements matching `scope` (each draws its own colours, so the host page's
 * don't matter): light by default; dark when the shadow host or any ancestor in a normal page has
 * `data-theme="dark"`, or when the system prefers dark and nothing says `data-theme="light"`.
 */
export function themeCss(scope: string): string {
  return [
    `${scope}{${decls(LIGHT)}}`,
    `:host([data-theme="dark"]) ${scope},[data-theme="dark"] ${scope}{${decls(DARK)}}`,
    `@media (prefers-color-scheme: dark){:host(:not([data-theme="light"])) ${scope},:root:not([data-theme="light"]) ${scope}{${decls(DARK)}}}`,
  ].join('\n');
}

const FAMILIES = Object.keys(FAMILY_COLOURS);

/**
 * The chips' CSS (own fonts, colours and focus rings), as an order row's overlay draws them: one
 * element per chip, and one card placed by the row (components/overlay). Nothing from the host
 * page reaches them there: the overlay's shadow host resets what inherits (overlay/styles.ts),
 * and the colours come from the overlay's own theme (its `.kz-overlay` rules).
 * No `all:initial` here: on a hundred rows each one cost the frame that draws them about 30 ms
 * on the bench machine.
 */
export const ROW_BADGE_CSS = [
  `.kz-badges{display:inline-flex;flex-wrap:wrap;gap:4px;align-items:center;max-width:100%;font:12px/1.4 system-ui,-apple-system,"PingFang SC","Microsoft YaHei","Noto Sans CJK SC",sans-serif;color:var(--kz-fg);unicode-bidi:isolate;direction:ltr;text-align:start}`,
  // Compact rows still wrap: order-list buyer cells are often ~90px wide, and a chip cut to one
  // character says nothing.
  `.kz-badges.kz-compact{flex-wrap:wrap;white-space:nowrap}`,
  `.kz-chip{display:inline-block;box-sizing:border-box;max-width:12em;padding:0 6px;border:1px solid transparent;border-radius:9px;line-height:16px;font-size:12px;font-weight:500;white-space:nowrap;overflow:hidden;text-overflow:ellipsis;cursor:default;outline:none;unicode-bidi:isolate}`,
  `.kz-compact .kz-chip{max-width:9em;padding:0 5px;line-height:15px}`,
  `.kz-chip:focus-visible{outline:2px solid var(--kz-focus);outline-offset:1px}`,
  ...FAMILIES.map(
    (f) =>
      `.kz-c-${f}{background:var(--kz-${f}-bg);color:var(--kz-${f}-fg);border-color:var(--kz-${f}-bd)}`,
  ),
  `.kz-c-uncertain{border-style:dashed}`,
  `.kz-tier-svip{font-weight:700}`,
  `.kz-tip{position:absolute;z-index:2147483647;top:calc(100% + 4px);left:0;box-sizing:border-box;width:max-content;max-width:320px;padding:6px 8px;border-radius:6px;background:var(--kz-tip-bg);color:var(--kz-tip-fg);box-shadow:var(--kz-shadow);font-size:12px;line-height:1.5;font-weight:400;white-space:normal;overflow-wrap:anywhere;unicode-bidi:isolate;text-align:start}`,
  `.kz-tip-line{display:block}`,
  `.kz-tip-line+.kz-tip-line{margin-top:2px}`,
  `@media (prefers-reduced-motion: no-preference){.kz-chip{transition:box-shadow .1s}}`,
].join('\n');

/**
 * The badge row's CSS as the popup's card draws it (CustomerBadges): each chip in a wrapper
 * holding its own card, which is in the DOM from the start and hidden until hovered or focused.
 * In the popup's own document the row starts from nothing of the page around it (`all:initial`
 * first; the row's rules then set what it needs) and carries its own theme.
 */
export const BADGE_CSS = `.kz-badges{all:initial}
${themeCss('.kz-badges')}
${ROW_BADGE_CSS}
.kz-chip-wrap{position:relative;display:inline-flex;flex:none;max-width:100%}
.kz-chip-text{unicode-bidi:isolate}
.kz-tip[hidden]{display:none}`;
