/**
 * The badge row's stylesheet and the colour tokens every overlay surface shares (light and dark,
 * each pair at least 4.5:1). Plain strings: the order-page overlay adopts them as one shared sheet.
 */
type Tokens = Record<string, string>;

/** Colour pairs (background, text, border) per chip family; every pair ≥ 4.5:1 contrast. */
const LIGHT: Tokens = {
  fg: '#1f2328',
  'fg-muted': '#57606a',
  bg: '#ffffff',
  'bg-subtle': '#f6f8fa',
  border: '#d0d7de',
  focus: '#0969da',
  'tip-bg': '#1f2328',
  'tip-fg': '#ffffff',
  shadow: '0 8px 24px rgba(31,35,40,.2)',
  'svip-bg': '#2b2410',
  'svip-fg': '#f5c542',
  'svip-bd': '#b8860b',
  'vip-bg': '#f3e8ff',
  'vip-fg': '#6b21a8',
  'vip-bd': '#c084fc',
  'senior-bg': '#dbeafe',
  'senior-fg': '#1e40af',
  'senior-bd': '#93c5fd',
  'regular-bg': '#f1f5f9',
  'regular-fg': '#334155',
  'regular-bd': '#cbd5e1',
  'green-bg': '#dcfce7',
  'green-fg': '#166534',
  'green-bd': '#86efac',
  'teal-bg': '#ccfbf1',
  'teal-fg': '#115e59',
  'teal-bd': '#5eead4',
  'indigo-bg': '#e0e7ff',
  'indigo-fg': '#3730a3',
  'indigo-bd': '#a5b4fc',
  'amber-bg': '#fef3c7',
  'amber-fg': '#92400e',
  'amber-bd': '#fcd34d',
  'orange-bg': '#ffedd5',
  'orange-fg': '#9a3412',
  'orange-bd': '#fdba74',
  'red-bg': '#fee2e2',
  'red-fg': '#991b1b',
  'red-bd': '#f87171',
  'slate-bg': '#e5e7eb',
  'slate-fg': '#374151',
  'slate-bd': '#9ca3af',
  'tag-bg': '#ffffff',
  'tag-fg': '#24292f',
  'tag-bd': '#8c959f',
  'uncertain-bg': '#fff8e6',
  'uncertain-fg': '#7a4b00',
  'uncertain-bd': '#d4a72c',
};

const DARK: Tokens = {
  fg: '#e6edf3',
  'fg-muted': '#9da7b3',
  bg: '#161b22',
  'bg-subtle': '#0d1117',
  border: '#3d444d',
  focus: '#58a6ff',
  'tip-bg': '#e6edf3',
  'tip-fg': '#0d1117',
  shadow: '0 8px 24px rgba(0,0,0,.6)',
  'svip-bg': '#2b2410',
  'svip-fg': '#f5c542',
  'svip-bd': '#d4a72c',
  'vip-bg': '#3b1d5e',
  'vip-fg': '#e9d5ff',
  'vip-bd': '#7e3fbf',
  'senior-bg': '#1e3a8a',
  'senior-fg': '#dbeafe',
  'senior-bd': '#3b82f6',
  'regular-bg': '#334155',
  'regular-fg': '#e2e8f0',
  'regular-bd': '#64748b',
  'green-bg': '#14532d',
  'green-fg': '#bbf7d0',
  'green-bd': '#22c55e',
  'teal-bg': '#134e4a',
  'teal-fg': '#99f6e4',
  'teal-bd': '#14b8a6',
  'indigo-bg': '#312e81',
  'indigo-fg': '#e0e7ff',
  'indigo-bd': '#6366f1',
  'amber-bg': '#78350f',
  'amber-fg': '#fde68a',
  'amber-bd': '#d97706',
  'orange-bg': '#7c2d12',
  'orange-fg': '#fed7aa',
  'orange-bd': '#ea580c',
  'red-bg': '#7f1d1d',
  'red-fg': '#fecaca',
  'red-bd': '#ef4444',
  'slate-bg': '#1f2937',
  'slate-fg': '#d1d5db',
  'slate-bd': '#4b5563',
  'tag-bg': '#161b22',
  'tag-fg': '#e6edf3',
  'tag-bd': '#6e7681',
  'uncertain-bg': '#3d2e00',
  'uncertain-fg': '#f2cc60',
  'uncertain-bd': '#9e6a03',
};

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

const FAMILIES = [
  'svip',
  'vip',
  'senior',
  'regular',
  'green',
  'teal',
  'indigo',
  'amber',
  'orange',
  'red',
  'slate',
  'tag',
  'uncertain',
];

/** The CSS the badge row needs (own fonts, colours and focus rings; nothing from the host). */
export const BADGE_CSS = [
  themeCss('.kz-badges'),
  `.kz-badges{all:initial;display:inline-flex;flex-wrap:wrap;gap:4px;align-items:center;max-width:100%;font:12px/1.4 system-ui,-apple-system,"PingFang SC","Microsoft YaHei","Noto Sans CJK SC",sans-serif;color:var(--kz-fg);unicode-bidi:isolate;direction:ltr;text-align:start}`,
  // Compact rows still wrap: order-list buyer cells are often ~90px wide, and a chip cut to one
  // character says nothing.
  `.kz-badges.kz-compact{flex-wrap:wrap;white-space:nowrap}`,
  `.kz-chip-wrap{position:relative;display:inline-flex;flex:none;max-width:100%}`,
  `.kz-chip{display:inline-block;box-sizing:border-box;max-width:12em;padding:0 6px;border:1px solid transparent;border-radius:9px;line-height:16px;font-size:12px;font-weight:500;white-space:nowrap;overflow:hidden;text-overflow:ellipsis;cursor:default;outline:none;unicode-bidi:isolate}`,
  `.kz-compact .kz-chip{max-width:9em;padding:0 5px;line-height:15px}`,
  `.kz-chip:focus-visible{outline:2px solid var(--kz-focus);outline-offset:1px}`,
  `.kz-chip-text{unicode-bidi:isolate}`,
  ...FAMILIES.map(
    (f) =>
      `.kz-c-${f}{background:var(--kz-${f}-bg);color:var(--kz-${f}-fg);border-color:var(--kz-${f}-bd)}`,
  ),
  `.kz-c-uncertain{border-style:dashed}`,
  `.kz-tier-svip{font-weight:700}`,
  `.kz-tip{position:absolute;z-index:2147483647;top:calc(100% + 4px);left:0;box-sizing:border-box;width:max-content;max-width:320px;padding:6px 8px;border-radius:6px;background:var(--kz-tip-bg);color:var(--kz-tip-fg);box-shadow:var(--kz-shadow);font-size:12px;line-height:1.5;font-weight:400;white-space:normal;overflow-wrap:anywhere;unicode-bidi:isolate;text-align:start}`,
  `.kz-tip[hidden]{display:none}`,
  `.kz-tip-line{display:block}`,
  `.kz-tip-line+.kz-tip-line{margin-top:2px}`,
  `@media (prefers-reduced-motion: no-preference){.kz-chip{transition:box-shadow .1s}}`,
].join('\n');
