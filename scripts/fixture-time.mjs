// Fixture pages carry fixed China-time stamps (2026-11-2x). Tests and the demo shift every stamp
// by one delta so the newest lands a set time before now: relative order and gaps are kept, and
// the 催付 assistant has the same steps due whatever day the run happens on.

const CN = 8 * 3600_000;
/** The newest stamp in any fixture page. */
export const FIXTURE_NEWEST = Date.UTC(2026, 10, 25, 10, 10, 0) - CN;
const STAMP = /\b(20\d\d)-(\d\d)-(\d\d) (\d\d):(\d\d)(?::(\d\d))?\b/g;

const pad = (n) => String(n).padStart(2, '0');

/** Formats epoch ms as "YYYY-MM-DD HH:mm:ss" China time. */
export function chinaStamp(ms) {
  const d = new Date(ms + CN);
  return `${d.getUTCFullYear()}-${pad(d.getUTCMonth() + 1)}-${pad(d.getUTCDate())} ${pad(d.getUTCHours())}:${pad(d.getUTCMinutes())}:${pad(d.getUTCSeconds())}`;
}

/** Shifts every stamp in `html` so that FIXTURE_NEWEST becomes `newest`. */
export function shiftStamps(html, newest) {
  const delta = newest - FIXTURE_NEWEST;
  return html.replace(STAMP, (_, y, mo, d, h, mi, s) => {
    const t = Date.UTC(+y, +mo - 1, +d, +h, +mi, +(s ?? 0)) - CN;
    return chinaStamp(t + delta);
  });
}
