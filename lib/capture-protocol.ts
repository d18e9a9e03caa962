/**
 * The private channel between the MAIN-world interceptor (which sees the page's own fetch/XHR
 * responses) and the isolated content script. The page shares the MAIN world, so:
 * - the isolated script opens the channel at document_start, before any page script can run,
 *   by posting a MessagePort to the window with a hello that the interceptor accepts only from
 *   this window, this origin, and only once;
 * - every captured body travels over that private port, tagged with a per-page secret the
 *   isolated side made up, and anything else is ignored;
 * - bodies over MAX_CAPTURE_BYTES are dropped (counted, never parsed).
 */
export const HELLO_TAG = 'kezhi-capture-hello-v1';
/** Event the interceptor dispatches when it starts, so a late isolated script can say hello. */
export const READY_EVENT = 'kezhi-capture-ready';
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
