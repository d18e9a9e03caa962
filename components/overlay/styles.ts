/**
 * The overlay's whole stylesheet, for its shadow root: 12px type in our own font stack, colours
 * drawn by the overlay itself (light, or dark by `prefers-color-scheme` or `data-theme="dark"` on
 * the shadow host), visible focus rings, and the assistant as a popover that never reflows the
 * host table. Includes the badge row's CSS.
 */
import { BADGE_CSS, themeCss } from '../badge-css';

const FONT =
  'system-ui,-apple-system,"PingFang SC","Hiragino Sans GB","Microsoft YaHei","Noto Sans CJK SC",sans-serif';

const OWN = [
  // The host is inline-block (set by the content script); nothing of ours widens the row much.
  `:host{all:initial;display:inline-block;vertical-align:middle;max-width:100%;contain:style}`,
  themeCss('.kz-overlay'),
  `.kz-overlay{position:relative;display:inline-block;max-width:100%;font:12px/1.4 ${FONT};color:var(--kz-fg);text-align:start;direction:ltr;unicode-bidi:isolate;-webkit-font-smoothing:antialiased}`,
  `.kz-overlay *,.kz-overlay *::before,.kz-overlay *::after{box-sizing:border-box}`,
  `.kz-row{display:inline-flex;flex-wrap:wrap;align-items:center;gap:4px;max-width:100%;padding:1px 3px;border-radius:10px;background:var(--kz-bg)}`,
  `.kz-btn,.kz-toggle,.kz-close{font:inherit;font-size:12px;line-height:16px;margin:0;cursor:pointer;border-radius:9px;border:1px solid var(--kz-border);background:var(--kz-bg-subtle);color:var(--kz-fg);padding:0 7px}`,
  `.kz-toggle{white-space:nowrap;font-weight:600}`,
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
export const OVERLAY_CSS = `${BADGE_CSS}\n${OWN}\n`;

/**
 * The assistant inside the popover. Only an opened panel needs it, so it ships with the detail
 * half and is put into that panel alone.
 */
export const ASSISTANT_CSS = [
  `.kz-btn:disabled{cursor:default;opacity:.6}`,
  `.kz-btn-primary{background:var(--kz-senior-bg);color:var(--kz-senior-fg);border-color:var(--kz-senior-bd);font-weight:600}`,
  `.kz-btn-warn{background:var(--kz-amber-bg);color:var(--kz-amber-fg);border-color:var(--kz-amber-bd);font-weight:600}`,
  `.kz-head{display:flex;align-items:baseline;gap:6px;padding-right:24px;min-width:0}`,
  `.kz-title{margin:0;font-size:13px;font-weight:700;white-space:nowrap}`,
  `.kz-h{margin:8px 0 2px;padding:0;font-size:12px;font-weight:600;color:var(--kz-fg-muted)}`,
  `.kz-ellipsis{display:inline-block;min-width:0;max-width:100%;overflow:hidden;text-overflow:ellipsis;white-space:nowrap;vertical-align:bottom;unicode-bidi:isolate}`,
  `.kz-nick{max-width:16em;color:var(--kz-fg-muted)}`,
  `.kz-order-line{display:flex;gap:6px;min-width:0;color:var(--kz-fg-muted)}`,
  `.kz-items{flex:1 1 auto}`,
  `.kz-amount{flex:none;font-weight:600;color:var(--kz-fg)}`,
  `.kz-countdown{margin:4px 0;font-weight:600;color:var(--kz-orange-fg)}`,
  `.kz-closed{color:var(--kz-red-fg)}`,
  `.kz-reasons{margin:6px 0;padding:4px 8px;border-radius:6px;background:var(--kz-red-bg);color:var(--kz-red-fg);border:1px solid var(--kz-red-bd)}`,
  `.kz-reasons .kz-h{margin-top:0;color:inherit}`,
  `.kz-reasons ul,.kz-confirm ul,.kz-issues,.kz-log,.kz-steps{margin:0;padding:0;list-style:none}`,
  `.kz-steps{margin:6px 0}`,
  `.kz-step{display:flex;flex-wrap:wrap;gap:6px;align-items:baseline;padding:1px 0}`,
  `.kz-step-mark{width:1em;text-align:center}`,
  `.kz-step-when{font-variant-numeric:tabular-nums}`,
  `.kz-step-state{font-size:11px;padding:0 5px;border-radius:8px;border:1px solid var(--kz-border)}`,
  `.kz-step-done{color:var(--kz-fg-muted)}`,
  `.kz-step-done .kz-step-state{background:var(--kz-green-bg);color:var(--kz-green-fg);border-color:var(--kz-green-bd)}`,
  `.kz-step-due{font-weight:600}`,
  `.kz-step-due .kz-step-state{background:var(--kz-orange-bg);color:var(--kz-orange-fg);border-color:var(--kz-orange-bd)}`,
  `.kz-step-missed{color:var(--kz-fg-muted);text-decoration:line-through}`,
  `.kz-step-missed .kz-step-state{text-decoration:none;background:var(--kz-slate-bg);color:var(--kz-slate-fg)}`,
  `.kz-step-moved{font-size:11px;color:var(--kz-fg-muted)}`,
  `.kz-muted{margin:2px 0;color:var(--kz-fg-muted)}`,
  `.kz-warn{margin:2px 0;padding:2px 6px;border-radius:4px;background:var(--kz-amber-bg);color:var(--kz-amber-fg)}`,
  `.kz-log-item{display:flex;gap:6px;min-width:0}`,
  `.kz-log-when{flex:none;font-variant-numeric:tabular-nums}`,
  `.kz-log-channel{flex:none}`,
  `.kz-log-template{flex:0 1 auto;max-width:12em}`,
  `.kz-log-staff{flex:0 1 auto;max-width:8em;color:var(--kz-fg-muted)}`,
  `.kz-tone{display:flex;flex-wrap:wrap;gap:4px;align-items:center;margin:6px 0;padding:0;border:0}`,
  `.kz-tone legend{float:left;margin:0 6px 0 0}`,
  `.kz-tone-opt{display:inline-flex;align-items:center;gap:3px;padding:0 7px;border:1px solid var(--kz-border);border-radius:9px;cursor:pointer;line-height:18px}`,
  `.kz-tone-opt input{margin:0;accent-color:var(--kz-focus)}`,
  `.kz-tone-opt.kz-on{background:var(--kz-senior-bg);color:var(--kz-senior-fg);border-color:var(--kz-senior-bd)}`,
  `.kz-channel{margin:4px 0;border:1px solid var(--kz-border);border-radius:6px;background:var(--kz-bg-subtle)}`,
  `.kz-channel-due{border-color:var(--kz-orange-bd)}`,
  `.kz-channel-head{padding:3px 8px;cursor:pointer;font-weight:600;border-radius:6px}`,
  `.kz-msg{margin:0 8px;padding:6px 8px;max-height:12em;overflow:auto;border-radius:4px;background:var(--kz-bg);white-space:pre-wrap;overflow-wrap:anywhere;unicode-bidi:isolate;user-select:text}`,
  `.kz-render-error{margin:0 8px;padding:4px 8px;border-radius:4px;background:var(--kz-red-bg);color:var(--kz-red-fg);border:1px solid var(--kz-red-bd)}`,
  `.kz-issues{margin:4px 8px 0}`,
  `.kz-issue{padding:1px 0}`,
  `.kz-issue::before{content:"⚠ "}`,
  `.kz-issue-error{color:var(--kz-red-fg)}`,
  `.kz-issue-warning{color:var(--kz-amber-fg)}`,
  `.kz-confirm{margin:4px 8px 0;padding:4px 8px;border-radius:4px;background:var(--kz-amber-bg);color:var(--kz-amber-fg);border:1px solid var(--kz-amber-bd)}`,
  `.kz-confirm-title{margin:0;font-weight:600}`,
  `.kz-actions{display:flex;flex-wrap:wrap;align-items:center;gap:8px;padding:6px 8px}`,
  `.kz-copied{color:var(--kz-green-fg);font-weight:600}`,
  `@media (prefers-reduced-motion: no-preference){.kz-copied{animation:kz-fade 2s ease-in forwards}}`,
  `@keyframes kz-fade{0%,60%{opacity:1}100%{opacity:0}}`,
  `.kz-copy-error{color:var(--kz-red-fg);font-weight:600}`,
].join('\n');
