/**
 * Light hosts for the overlay rows: one `<kezhi-overlay>` element per row with a closed shadow
 * root, all sharing one constructed stylesheet. WXT's createShadowRootUi builds a whole document
 * (html/head/body, its own style element and CSS text parse) per UI and mounts asynchronously;
 * with a hundred rows that was most of the overlay's cost. The host page's CSS still cannot reach
 * inside, and ours cannot leak out.
 *
 * Closed (issue 13): the badges, chip cards and 催付 assistant (messages, the buyer's contacts)
 * are the seller's, not the page's. `host.shadowRoot` is null to every script; the only reference
 * to the root is the one returned here, in this isolated world. What the page may read is the
 * host's `data-kezhi-*` attributes (paint-row.tsx), which carry only what the badges show.
 */

/** One row's host element, its closed root and the element inside it that Preact renders into. */
export interface RowHost {
  host: HTMLElement;
  root: ShadowRoot;
  container: HTMLElement;
}

/** A stylesheet every row shares: adopted where the browser allows it, else a style element. */
export interface SharedStyle {
  applyTo(root: ShadowRoot): void;
}

/**
 * Builds the shared sheet once. Where a constructed sheet cannot be adopted from this world
 * (older engines, some content-script sandboxes), each root gets its own style element instead.
 */
export function sharedStyle(css: string): SharedStyle {
  let sheet: CSSStyleSheet | undefined;
  try {
    sheet = new CSSStyleSheet();
    sheet.replaceSync(css);
  } catch {
    sheet = undefined;
  }
  return {
    applyTo(root) {
      if (sheet && 'adoptedStyleSheets' in root) {
        try {
          root.adoptedStyleSheets = [sheet];
          return;
        } catch {
          sheet = undefined; // not adoptable here: fall back for this and every later root
        }
      }
      const style = document.createElement('style');
      style.textContent = css;
      root.append(style);
    },
  };
}

/** The page has defined our host's tag as its own custom element: we mount nothing there. */
export const CLAIMED_TAG = 'the page defines <kezhi-overlay> itself; the overlay stays off here';

/**
 * Creates a row's host right after `anchor` (the buyer cell), without shifting the host page's
 * layout: the host is an inline-block of its own size. Null when the page has defined `tag` as a
 * custom element: a root attached to one is handed to the page's `attachInternals()` however
 * closed it is (ElementInternals.shadowRoot), and the page's constructor ran on our element.
 */
export function createRowHost(
  anchor: Element,
  style: SharedStyle,
  tag = 'kezhi-overlay',
): RowHost | null {
  // (A constructor that throws leaves a plain element, "failed", which is not :defined.)
  const host = document.createElement(tag);
  if (host.matches(':defined')) return null;
  const root = host.attachShadow({ mode: 'closed' });
  style.applyTo(root);
  const container = document.createElement('div');
  root.append(container);
  anchor.after(host);
  return { host, root, container };
}

/** Resolves in a task of its own: a message to ourselves (no timer clamping). */
function nextTask(): Promise<void> {
  return new Promise((resolve) => {
    const channel = new MessageChannel();
    channel.port1.onmessage = () => {
      channel.port1.close();
      resolve();
    };
    channel.port2.postMessage(null);
  });
}

/**
 * Gives the page a turn (input, paint) between slices of our work, so no task of ours runs long:
 * `scheduler.yield()` where there is one (it resumes ahead of other queued tasks), else the next
 * task.
 */
export function yieldToPage(): Promise<void> {
  const s = (globalThis as { scheduler?: { yield?: () => Promise<void> } }).scheduler;
  return s?.yield ? s.yield() : nextTask();
}

/**
 * Waits until the browser has drawn what we added: an animation frame, then the next task, which
 * runs once that frame's style, layout and paint are done. The rows mounted before it are laid out
 * in a frame of their own. A hidden tab draws no frames: there it only gives the page a turn.
 */
export function afterNextFrame(): Promise<void> {
  if (document.visibilityState === 'hidden' || typeof requestAnimationFrame !== 'function')
    return yieldToPage();
  return new Promise((resolve) => requestAnimationFrame(() => void nextTask().then(resolve)));
}

/**
 * Whether the browser has drawn a frame since this was called: an animation frame has run, and a
 * frame's style and layout run in the same task as its animation frames, so from the next task on
 * the page's layout of what it had then is done. Never true in a hidden tab (no frames).
 */
export function frameWatch(): () => boolean {
  let drawn = false;
  if (typeof requestAnimationFrame === 'function') requestAnimationFrame(() => (drawn = true));
  return () => drawn;
}

/**
 * The rows whose anchor is in the window, put first, and how many they are: the first slice the
 * overlay draws is what the seller sees. Only once the page has drawn a frame with these rows
 * (`drawnYet`, from {@link frameWatch} started when they were read): its layout is then done, so
 * reading where the rows are costs nothing; before that (an answer that beat the page's first
 * frame) reading it would lay the page out inside our task, so the rows keep their order and
 * `inView` is undefined. Also undefined when no row is in the window.
 */
export function inViewFirst<R extends { anchor: Element }>(
  rows: readonly R[],
  drawnYet: () => boolean,
): { rows: R[]; inView?: number } {
  if (rows.length === 0 || document.visibilityState === 'hidden' || !drawnYet())
    return { rows: [...rows] };
  const seen: R[] = [];
  const rest: R[] = [];
  const height = window.innerHeight;
  for (const r of rows) {
    const box = r.anchor.getBoundingClientRect();
    (box.bottom > 0 && box.top < height && box.height > 0 ? seen : rest).push(r);
  }
  return seen.length > 0 ? { rows: [...seen, ...rest], inView: seen.length } : { rows: rest };
}

/** Our own elements on the page: the row hosts and the notice. */
export function isOurs(n: Node): boolean {
  return n instanceof Element && (n.tagName === 'KEZHI-OVERLAY' || n.tagName === 'KEZHI-NOTICE');
}
