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

/** Our own elements on the page: the row hosts and the notice. */
export function isOurs(n: Node): boolean {
  return n instanceof Element && (n.tagName === 'KEZHI-OVERLAY' || n.tagName === 'KEZHI-NOTICE');
}
