/**
 * The private channel between the MAIN-world interceptor (which sees the page's own fetch/XHR
 * responses) and the isolated content script. The page shares the MAIN world, so:
 * - the isolated script hands the interceptor a MessagePort in a HELLO_EVENT it dispatches
 *   synchronously on the window at document_start, before any page script exists to listen
 *   (a window.postMessage would be delivered later, in a task, to the page's listeners too: a
 *   hostile page script could take the port and the secret and inject orders; the hardening
 *   browser test did exactly that);
 * - the secret and the endpoints then travel over that port, never over the window;
 * - the interceptor accepts one port only and says so by cancelling the hello event, which the
 *   isolated script reads synchronously from dispatchEvent's result: a hello that was taken
 *   leaves no READY_EVENT listener behind (a page could fire one to ask for a new hello); with
 *   the ack event and the isolated end's document listeners gone (and one UUID for the secret)
 *   the two scripts cost the idle 千牛 page 2.5 ms instead of 3.25 (bench: idle_spa_*);
 * - every captured body travels over the private port, tagged with the per-page secret;
 * - bodies over MAX_CAPTURE_BYTES are dropped (counted, never parsed).
 */
export const HELLO_TAG = 'kezhi-capture-hello-v1';
/** Event the interceptor dispatches when it starts, so a late isolated script can say hello. */
export const READY_EVENT = 'kezhi-capture-ready';
/**
 * MessageEvent (on window) carrying the port; dispatched synchronously, never posted, and
 * cancelable: the interceptor cancels the one whose port it takes.
 */
export const HELLO_EVENT = 'kezhi-capture-hello';
export const MAX_CAPTURE_BYTES = 8 * 1024 * 1024;

export interface Hello {
  tag: typeof HELLO_TAG;
  secret: string;
  /** RegExp sources of the endpoints to capture (the adapters' jsonEndpoints). */
  endpoints: string[];
}

export interface Captured {
  secret: string;
  url: string;
  contentType: string;
  /** Raw bytes (fetch, XHR arraybuffer) or already-decoded text (XHR text) or parsed JSON. */
  body: ArrayBuffer | string | { json: unknown };
}

export interface Dropped {
  secret: string;
  url: string;
  dropped: 'oversize';
  bytes: number;
}

export function isHello(data: unknown): data is Hello {
  const d = data as Hello | null;
  return (
    !!d &&
    typeof d === 'object' &&
    d.tag === HELLO_TAG &&
    typeof d.secret === 'string' &&
    d.secret.length >= 16 &&
    Array.isArray(d.endpoints) &&
    d.endpoints.every((e) => typeof e === 'string' && e.length < 500)
  );
}
