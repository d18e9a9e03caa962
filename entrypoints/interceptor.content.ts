/**
 * MAIN-world observer of the page's own order JSON. It never sends a request of its own (the
 * platforms sign requests and punish replays): it only reads responses the page already got,
 * on the endpoints the isolated script names, and hands them over a private MessagePort.
 * See lib/capture-protocol.ts for why the channel is safe from the page.
 */
import { defineContentScript } from 'wxt/utils/define-content-script';
import {
  ACK_EVENT,
  HELLO_EVENT,
  isHello,
  MAX_CAPTURE_BYTES,
  READY_EVENT,
  type Captured,
  type Dropped,
} from '@/lib/capture-protocol';

export default defineContentScript({
  // The order scripts' areas (entrypoints/<platform>.content.ts): only there is an isolated end
  // to hand JSON to, so nowhere else does this run.
  matches: [
    'https://trade.taobao.com/trade/itemlist/list_sold_items.htm*',
    'https://myseller.taobao.com/home.htm*',
    'https://qn.taobao.com/home.htm*',
    'https://mms.pinduoduo.com/*',
    'https://sff.jd.com/*',
    'https://shop.jd.com/jdm/trade/orders/*',
    'https://fxg.jinritemai.com/ffa/morder/*',
    'https://admin.shopify.com/store/*/orders*',
  ],
  world: 'MAIN',
  runAt: 'document_start',
  allFrames: false,
  main() {
    let port: MessagePort | undefined;
    let secret = '';
    let endpoints: RegExp[] = [];

    // The first port wins: ours, handed over synchronously before any page script exists.
    const onHello = (e: Event) => {
      const p = e instanceof MessageEvent ? e.ports[0] : undefined;
      if (port || !p) return;
      port = p;
      window.removeEventListener(HELLO_EVENT, onHello, true);
      p.onmessage = (m: MessageEvent) => {
        if (secret || !isHello(m.data)) return;
        secret = m.data.secret;
        endpoints = m.data.endpoints.map((s) => new RegExp(s));
      };
      document.dispatchEvent(new CustomEvent(ACK_EVENT));
    };
    window.addEventListener(HELLO_EVENT, onHello, true);
    document.dispatchEvent(new CustomEvent(READY_EVENT));

    const wanted = (url: string) => !!port && !!secret && endpoints.some((re) => re.test(url));
    const post = (m: Captured | Dropped, transfer: Transferable[] = []) => {
      try {
        port?.postMessage(m, transfer);
      } catch {
        // A closed port (extension reloaded) must never break the page's own request.
      }
    };
    const hand = (url: string, contentType: string, body: Captured['body'], size: number) => {
      if (size > MAX_CAPTURE_BYTES) post({ secret, url, dropped: 'oversize', bytes: size });
      else post({ secret, url, contentType, body }, body instanceof ArrayBuffer ? [body] : []);
    };

    // eslint-disable-next-line @typescript-eslint/unbound-method -- called with the page's `this`
    const origFetch = window.fetch;
    window.fetch = async function (this: unknown, ...args: Parameters<typeof fetch>) {
      const res = await origFetch.apply(this, args);
      try {
        if (wanted(res.url)) {
          const length = Number(res.headers.get('content-length') ?? 0);
          if (length > MAX_CAPTURE_BYTES) hand(res.url, '', '', length);
          else
            void res
              .clone()
              .arrayBuffer()
              .then((buf) =>
                hand(res.url, res.headers.get('content-type') ?? '', buf, buf.byteLength),
              )
              .catch(() => undefined);
        }
      } catch {
        // Observing must never cost the page its response.
      }
      return res;
    };

    const XHR = XMLHttpRequest.prototype;
    // Kept to call with the request as `this`, exactly as the page would have.
    // eslint-disable-next-line @typescript-eslint/unbound-method
    const origOpen = XHR.open;
    // eslint-disable-next-line @typescript-eslint/unbound-method
    const origSend = XHR.send;
    const urls = new WeakMap<XMLHttpRequest, string>();
    XHR.open = function (this: XMLHttpRequest, ...args: unknown[]) {
      try {
        urls.set(this, new URL(String(args[1]), location.href).href);
      } catch {
        /* a malformed URL is the page's business */
      }
      return Reflect.apply(origOpen, this, args) as void;
    };
    XHR.send = function (this: XMLHttpRequest, body?: Document | XMLHttpRequestBodyInit | null) {
      const url = urls.get(this);
      if (url && wanted(url)) {
        this.addEventListener('load', () => {
          try {
            const type = this.getResponseHeader('content-type') ?? '';
            const rt = this.responseType;
            if (rt === '' || rt === 'text')
              hand(url, type, this.responseText, this.responseText.length * 2);
            else if (rt === 'json') hand(url, type, { json: this.response as unknown }, 0);
            else if (rt === 'arraybuffer' && this.response instanceof ArrayBuffer)
              hand(url, type, this.response.slice(0), this.response.byteLength);
          } catch {
            /* never into the page */
          }
        });
      }
      return origSend.call(this, body);
    };
  },
});
