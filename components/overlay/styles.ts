/**
 * The overlay's whole stylesheet, for its shadow root: 12px type in our own font stack, colours
 * drawn by the overlay itself (light, or dark by `prefers-color-scheme` or `data-theme="dark"` on
 * the shadow host), visible focus rings, and the assistant as a popover that never reflows the
 * host table. Includes the badge row's CSS.
 */
import { ROW_BADGE_CSS, themeCss } from '../badge-css';

const FONT =
  'system-ui,-apple-system,"PingFang SC","Hiragino Sans GB","Microsoft YaHei","Noto Sans CJK SC",sans-serif';

const OWN = [
  // The host is inline-block; nothing of ours widens the row much. Of the page's styles only
  // what inherits crosses into the root: the host resets all of it (test/e2e/overlay.e2e.ts sets
  // 34 inherited properties on a row's cells). Once per row, here: inside the root nothing
  // repeats it (each `all:initial` cost a hundred rows' frame about 30 ms on the bench machine).
  `:host{all:initial;display:inline-block;vertical-align:middle;max-width:100%;contain:style}`,
  themeCss('.kz-overlay'),
  `.kz-overlay{position:relative;display:inline-block;max-width:100%;font:12px/1.4 ${FONT};color:var(--kz-fg);text-align:start;direction:ltr;unicode-bidi:isolate;-webkit-font-smoothing:antialiased}`,
  `.kz-overlay *,.kz-overlay *::before,.kz-overlay *::after{box-sizing:border-box}`,
  `.kz-row{display:inline-flex;flex-wrap:wrap;align-items:center;gap:4px;max-width:100%;padding:1px 3px;border-radius:10px;background:var(--kz-bg)}`,
  `.kz-btn,.kz-toggle,.kz-close{font:inherit;font-size:12px;line-height:16px;margin:0;cursor:pointer;border-radius:9px;border:1px solid var(--kz-border);background:var(--kz-bg-subtle);color:var(--kz-fg);padding:0 7px}`,
  `.kz-toggle{white-space:nowrap;font-weight:600}`,
  // Team sync: another 客服 has this unpaid order open.
  `.kz-handled{max-width:12em;white-space:nowrap;color:var(--kz-fg-muted);font-size:11px}`,
  `.kz-toggle-due{background:var(--kz-orange-bg);color:var(--kz-orange-fg);border-color:var(--kz-orange-bd)}`,
  `.kz-toggle-blocked{background:var(--kz-slate-bg);color:var(--kz-slate-fg);border-color:var(--kz-slate-bd)}`,
  `.kz-toggle[aria-expanded="true"]{box-shadow:inset 0 0 0 1px currentColor}`,
  `.kz-btn:focus-visible,.kz-toggle:focus-visible,.kz-close:focus-visible,.kz-channel-head:focus-visible,.kz-tone input:focus-visible+*,.kz-tone-opt:focus-within,.kz-pop:focus-visible{outline:2px solid var(--kz-focus);outline-offset:1px}`,
  // The assistant: a popover under the row, above everything on the page.
  `.kz-pop{position:absolute;top:calc(100% + 4px);left:0;z-index:2147483647;width:max-content;min-width:280px;max-width:min(420px,calc(100vw - 16px));max-height:min(70vh,560px);overflow:auto;padding:8px 10px 10px;border:1px solid var(--kz-border);border-radius:8px;background:var(--kz-bg);color:var(--kz-fg);box-shadow:var(--kz-shadow);white-space:normal;overflow-wrap:anywhere}`,
  `.kz-close{position:absolute;top:6px;right:6px;padding:0 6px;border-radius:4px;background:transparent;border-color:transparent;font-size:14px}`,
  `@media (forced-colors: active){.kz-chip,.kz-toggle,.kz-btn{border:1px solid CanvasText}}`,
].join('\n');

/** What every row's shadow root shares: badge CSS plus the row, toggle and popover box. */
export const OVERLAY_CSS = `${ROW_BADGE_CSS}\n${OWN}\n`;

export { ASSISTANT_CSS } from './assistant-css';
