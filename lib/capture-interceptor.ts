/**
 * The MAIN-world half of the capture channel (entrypoints/interceptor.content.ts runs it at
 * document_start). The page shares this world and may patch any prototype after we start, so
 * every native the reader needs is taken NOW, before any page script exists, and only those
 * copies are called afterwards: a page that later patches `Response.prototype`,
 * `XMLHttpRequest.prototype`, `MessagePort.prototype`, `Promise.prototype.then` or `RegExp`
 * neither reads what we post nor hands us a body of its choosing through them.
 * What this does not stop (see SECURITY.md): a page replacing `fetch`/`XMLHttpRequest` after us
 * (then we capture nothing), or the server (or a service worker of the page's origin) answering
 * the real endpoint with forged JSON. Captured orders are therefore trusted no more than DOM
 * text: ingest refuses any that names another buyer for a stored order.
 */
import {
  HELLO_EVENT,
  isHello,
  MAX_CAPTURE_BYTES,
  READY_EVENT,
  type Captured,
  type Dropped,
} from './capture-protocol';

/* eslint-disable @typescript-eslint/unbound-method -- the natives are taken unbound on purpose
   and only ever called through Reflect.apply with the right receiver */

type Getter<T, R> = (this: T) => R;

/** The native getter of `proto[name]`, taken now. */
function getter<T, R>(proto: object, name: string): Getter<T, R> {
  const d = Object.getOwnPropertyDescriptor(proto, name);
  if (!d?.get) throw new Error(`no native ${name}`);
  return d.get as Getter<T, R>;
}

export function installInterceptor(win: Window & typeof globalThis): void {
  // Everything below is called through these copies only.
  const reflectApply = Reflect.apply;
  const apply = <F extends (...a: never[]) => unknown>(
    fn: F,
    self: unknown,
    args: unknown[],
  ): ReturnType<F> => reflectApply(fn, self, args) as ReturnType<F>;
  const RegExpCtor = win.RegExp;
  const regexpTest = win.RegExp.prototype.test;
  const then = win.Promise.prototype.then;
  const fetchNative = win.fetch;
  const responseProto = win.Response.prototype;
  const responseUrl = getter<Response, string>(responseProto, 'url');
  const responseHeaders = getter<Response, Headers>(responseProto, 'headers');
  const responseClone = responseProto.clone;
  const responseArrayBuffer = responseProto.arrayBuffer;
  const headersGet = win.Headers.prototype.get;
  const bufferLength = getter<ArrayBuffer, number>(win.ArrayBuffer.prototype, 'byteLength');
  const bufferSlice = win.ArrayBuffer.prototype.slice;
  const ArrayBufferCtor = win.ArrayBuffer;
  const postNative = win.MessagePort.prototype.postMessage;
  const portListen = win.EventTarget.prototype.addEventListener;
  const portStart = win.MessagePort.prototype.start;
  const eventPorts = getter<MessageEvent, readonly MessagePort[]>(
    win.MessageEvent.prototype,
    'ports',
  );
  const eventData = getter<MessageEvent, unknown>(win.MessageEvent.prototype, 'data');
  const MessageEventCtor = win.MessageEvent;
  const CustomEventCtor = win.CustomEvent;
  const dispatch = win.EventTarget.prototype.dispatchEvent;
  const preventDefault = win.Event.prototype.preventDefault;
  const removeListener = win.EventTarget.prototype.removeEventListener;
  const XHR = win.XMLHttpRequest.prototype;
  const xhrSend = XHR.send;
  const xhrResponseUrl = getter<XMLHttpRequest, string>(XHR, 'responseURL');
  const xhrResponseType = getter<XMLHttpRequest, XMLHttpRequestResponseType>(XHR, 'responseType');
  const xhrResponse = getter<XMLHttpRequest, unknown>(XHR, 'response');
  const xhrResponseText = getter<XMLHttpRequest, string>(XHR, 'responseText');
  const xhrHeader = XHR.getResponseHeader;
  const stringify = win.JSON.stringify;
  const doc = win.document;

  let port: MessagePort | undefined;
  let secret = '';
  const endpoints: RegExp[] = [];

  // The first port wins: ours, handed over synchronously before any page script exists.
  const onHello = (e: Event) => {
    const p = e instanceof MessageEventCtor ? apply(eventPorts, e, [])[0] : undefined;
    if (port || !p) return;
    port = p;
    apply(removeListener, win, [HELLO_EVENT, onHello, true]);
    apply(portListen, p, [
      'message',
      (m: MessageEvent) => {
        const data = apply(eventData, m, []);
        if (secret || !isHello(data)) return;
        // A structured clone: own data properties, which no page setter can intercept.
        const list = data.endpoints;
        for (let i = 0; i < list.length; i++) endpoints[i] = new RegExpCtor(list[i]!);
        secret = data.secret;
      },
    ]);
    apply(portStart, p, []);
    // Taken: the isolated end reads this from its dispatchEvent's result, synchronously.
    apply(preventDefault, e, []);
  };
  apply(portListen, win, [HELLO_EVENT, onHello, true]);
  apply(dispatch, doc, [new CustomEventCtor(READY_EVENT)]);

  const wanted = (url: string) => {
    if (!port || !secret) return false;
    for (let i = 0; i < endpoints.length; i++)
      if (apply(regexpTest, endpoints[i]!, [url])) return true;
    return false;
  };
  const post = (m: Captured | Dropped, transfer: Transferable[] = []) => {
    try {
      if (port) apply(postNative, port, [m, transfer]);
    } catch {
      // A closed port (extension reloaded) must never break the page's own request.
    }
  };
  const hand = (url: string, contentType: string, body: Captured['body'], size: number) => {
    if (size > MAX_CAPTURE_BYTES) post({ secret, url, dropped: 'oversize', bytes: size });
    else post({ secret, url, contentType, body }, body instanceof ArrayBufferCtor ? [body] : []);
  };

  win.fetch = function (this: unknown, ...args: Parameters<typeof fetch>) {
    const pending: Promise<Response> = apply(fetchNative, this, args);
    try {
      void apply(then, pending, [
        (res: Response) => {
          try {
            // The response's own URL (after redirects), read with the native getter.
            const url = apply(responseUrl, res, []);
            if (!wanted(url)) return;
            const headers = apply(responseHeaders, res, []);
            const type = apply(headersGet, headers, ['content-type']) ?? '';
            const length = Number(apply(headersGet, headers, ['content-length']) ?? 0);
            if (length > MAX_CAPTURE_BYTES) return hand(url, '', '', length);
            const copy = apply(responseClone, res, []);
            void apply(then, apply(responseArrayBuffer, copy, []), [
              (buf: ArrayBuffer) => hand(url, type, buf, apply(bufferLength, buf, [])),
              () => undefined,
            ]);
          } catch {
            // Observing must never cost the page its response.
          }
        },
        () => undefined,
      ]);
    } catch {
      /* never into the page */
    }
    return pending;
  };

  XHR.send = function (this: XMLHttpRequest, body?: Document | XMLHttpRequestBodyInit | null) {
    apply(portListen, this, [
      'load',
      () => {
        try {
          // The response's own URL, not the one the page passed to open().
          const url = apply(xhrResponseUrl, this, []);
          if (!wanted(url)) return;
          const type = apply(xhrHeader, this, ['content-type']) ?? '';
          const rt = apply(xhrResponseType, this, []);
          if (rt === '' || rt === 'text') {
            const text = apply(xhrResponseText, this, []);
            hand(url, type, text, text.length * 2);
          } else if (rt === 'json') {
            // Already parsed by the browser: measured as text, so the cap holds here too.
            const json = apply(xhrResponse, this, []);
            const size = apply(stringify, null, [json])?.length ?? 0;
            hand(url, type, { json }, size * 2);
          } else if (rt === 'arraybuffer') {
            const buf = apply(xhrResponse, this, []);
            if (buf instanceof ArrayBufferCtor)
              hand(url, type, apply(bufferSlice, buf, [0]), apply(bufferLength, buf, []));
          }
        } catch {
          /* never into the page */
        }
      },
    ]);
    return apply(xhrSend, this, [body]);
  };
}
