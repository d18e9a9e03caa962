/**
 * Isolated-world end of the capture channel (see lib/capture-protocol.ts). Opened at
 * document_start so the hello reaches the interceptor before any page script exists.
 */
import { decodeBody } from '@/lib/adapters/response-text';
import {
  HELLO_EVENT,
  HELLO_TAG,
  READY_EVENT,
  type Captured,
  type Dropped,
  type Hello,
} from '@/lib/capture-protocol';
import { takeEarlyBridge } from './spa-routes';

export interface CapturedJson {
  url: string;
  body: unknown;
}

export interface Bridge {
  /** Receives parsed JSON bodies; earlier ones (before a listener) are queued, up to a bound. */
  onJson(cb: (c: CapturedJson) => void): void;
  /** Bodies dropped for size or unparseable JSON, for the health report. */
  dropped(): number;
  close(): void;
}

const QUEUE_MAX = 20;

export function openBridge(endpoints: RegExp[]): Bridge {
  // 122 random bits: no guess reaches it (and only our interceptor holds the port anyway).
  const secret = crypto.randomUUID();
  const queue: CapturedJson[] = [];
  let listener: ((c: CapturedJson) => void) | undefined;
  let dropped = 0;
  const ports: MessagePort[] = [];

  const deliver = (c: CapturedJson) => {
    if (listener) listener(c);
    else if (queue.length < QUEUE_MAX) queue.push(c);
  };

  const onMessage = (e: MessageEvent<Captured | Dropped>) => {
    const m = e.data;
    // Only our interceptor holds the port; the secret is belt and braces.
    if (!m || typeof m !== 'object' || m.secret !== secret || typeof m.url !== 'string') return;
    if ('dropped' in m) {
      dropped++;
      return;
    }
    try {
      const b = m.body;
      const body =
        typeof b === 'string'
          ? (JSON.parse(b) as unknown)
          : b instanceof ArrayBuffer
            ? (JSON.parse(decodeBody(new Uint8Array(b), m.contentType)) as unknown)
            : b && typeof b === 'object' && 'json' in b
              ? b.json
              : undefined;
      if (body !== undefined) deliver({ url: m.url, body });
    } catch {
      dropped++; // not JSON (an HTML error page, a JSONP wrapper): the adapter never sees it
    }
  };

  /** Says hello; true when the interceptor took the port (it cancels the event it takes). */
  const hello = (): boolean => {
    const channel = new MessageChannel();
    channel.port1.onmessage = onMessage;
    ports.push(channel.port1);
    // Synchronous dispatch: only listeners that exist now (the interceptor, at document_start)
    // get the port. The secret goes over the port itself.
    const taken = !window.dispatchEvent(
      new MessageEvent(HELLO_EVENT, { ports: [channel.port2], cancelable: true }),
    );
    const msg: Hello = { tag: HELLO_TAG, secret, endpoints: endpoints.map((r) => r.source) };
    channel.port1.postMessage(msg);
    return taken;
  };
  // If the interceptor starts after us, it says so; say hello then (it accepts only one port).
  // Once it holds our port no READY is listened for: the page can fire one too.
  const onReady = () => {
    document.removeEventListener(READY_EVENT, onReady);
    hello();
  };
  if (!hello()) document.addEventListener(READY_EVENT, onReady);

  return {
    onJson(cb) {
      listener = cb;
      queue.splice(0).forEach(cb);
    },
    dropped: () => dropped,
    close() {
      document.removeEventListener(READY_EVENT, onReady);
      ports.forEach((p) => p.close());
    },
  };
}

/**
 * The channel a route watcher opened for this tab at document_start (entrypoints/qianniu.ts), else a
 * new one while the document still loads. A hello sent once page scripts exist would hand them
 * the port and its secret: a script injected into a loaded page without a waiting channel
 * (the watcher's extension was reloaded) reads rows from the DOM alone.
 */
export function takeBridge(
  endpoints: RegExp[],
  slot: Record<string, unknown> = globalThis,
): Bridge | undefined {
  const early = takeEarlyBridge<Bridge>(slot);
  if (early) return early;
  return document.readyState === 'loading' ? openBridge(endpoints) : undefined;
}
