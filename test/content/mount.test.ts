// @vitest-environment jsdom
import {
  afterNextFrame,
  createRowHost,
  frameWatch,
  inViewFirst,
  sharedStyle,
  yieldToPage,
} from '../../entrypoints/orders.content/mount';

const CSS = ':host{all:initial}.kz-row{display:inline-flex}';

function page(rows: number): Element[] {
  document.body.innerHTML = Array.from(
    { length: rows },
    (_, i) =>
      `<div class="row"><span class="buyer">b${i}</span><span class="amount">1</span></div>`,
  ).join('');
  return [...document.querySelectorAll('.buyer')];
}

/** A browser-like constructable stylesheet, for the adopted path jsdom lacks. */
function withConstructableSheets(adopt: (sheets: unknown[]) => void) {
  class Sheet {
    text = '';
    replaceSync(css: string) {
      this.text = css;
    }
  }
  vi.stubGlobal('CSSStyleSheet', Sheet);
  Object.defineProperty(ShadowRoot.prototype, 'adoptedStyleSheets', {
    configurable: true,
    get(this: { _sheets?: unknown[] }) {
      return this._sheets ?? [];
    },
    set(this: { _sheets?: unknown[] }, v: unknown[]) {
      adopt(v);
      this._sheets = v;
    },
  });
}

afterEach(() => {
  vi.unstubAllGlobals();
  delete (ShadowRoot.prototype as { adoptedStyleSheets?: unknown }).adoptedStyleSheets;
});

describe('createRowHost', () => {
  test('puts a closed shadow host right after the anchor, with a container to render into', () => {
    const [anchor] = page(1);
    const { host, root, container } = createRowHost(anchor!, sharedStyle(CSS))!;
    expect(anchor!.nextElementSibling).toBe(host);
    expect(host.localName).toBe('kezhi-overlay');
    // Closed: no script reaches the overlay through the host; only we hold the root.
    expect(root.mode).toBe('closed');
    expect(root.host).toBe(host);
    expect(host.shadowRoot).toBeNull();
    expect(container.getRootNode()).toBe(root);
    expect(document.querySelector('kezhi-overlay div')).toBeNull();
    expect(host.matches(':defined')).toBe(false);
    // The host page's own markup is untouched apart from our element.
    expect(anchor!.parentElement!.querySelectorAll('span').length).toBe(2);
  });

  test('without constructable sheets, each root gets a style element with the CSS', () => {
    const anchors = page(3);
    const style = sharedStyle(CSS);
    const roots = anchors.map((a) => createRowHost(a, style)!.root);
    for (const r of roots) expect(r.querySelector('style')!.textContent).toBe(CSS);
  });

  test('with constructable sheets, every root adopts the one shared sheet', () => {
    const adopted: unknown[][] = [];
    withConstructableSheets((v) => adopted.push(v));
    const anchors = page(5);
    const style = sharedStyle(CSS);
    const roots = anchors.map((a) => createRowHost(a, style)!.root);
    expect(adopted).toHaveLength(5);
    expect(new Set(adopted.map((list) => list[0])).size).toBe(1);
    expect((adopted[0]![0] as { text: string }).text).toBe(CSS);
    for (const r of roots) expect(r.querySelector('style')).toBeNull();
  });

  test('a sheet this world may not adopt falls back to style elements, for later roots too', () => {
    withConstructableSheets(() => {
      throw new TypeError('sheet from another document');
    });
    const anchors = page(2);
    const style = sharedStyle(CSS);
    const roots = anchors.map((a) => createRowHost(a, style)!.root);
    for (const r of roots) expect(r.querySelector('style')!.textContent).toBe(CSS);
  });
});

describe('a page that defines our tag', () => {
  test('gets no overlay: a root on its custom element would be its through attachInternals', () => {
    const seen: { shadowRoot: ShadowRoot | null }[] = [];
    customElements.define(
      'kezhi-claimed',
      class extends HTMLElement {
        constructor() {
          super();
          seen.push(this.attachInternals());
        }
      },
    );
    const [anchor] = page(1);
    expect(createRowHost(anchor!, sharedStyle(CSS), 'kezhi-claimed')).toBeNull();
    expect(document.querySelector('kezhi-claimed')).toBeNull();
    // What the guard prevents: jsdom, like Chromium, hands the page a closed root this way.
    const el = document.createElement('kezhi-claimed');
    const root = el.attachShadow({ mode: 'closed' });
    expect(seen.at(-1)!.shadowRoot).toBe(root);
  });

  test('whose constructor throws (after taking internals) leaves a plain element: mounted, unreachable', () => {
    let internals: { shadowRoot: ShadowRoot | null } | undefined;
    customElements.define(
      'kezhi-throws',
      class extends HTMLElement {
        constructor() {
          super();
          internals = this.attachInternals();
          throw new Error('page says no');
        }
      },
    );
    // The page's error is reported to the page (its window), not thrown at us.
    const reported: string[] = [];
    const hear = (e: ErrorEvent) => {
      reported.push(e.message);
      e.preventDefault();
    };
    window.addEventListener('error', hear);
    const [anchor] = page(1);
    const ui = createRowHost(anchor!, sharedStyle(CSS), 'kezhi-throws');
    window.removeEventListener('error', hear);
    expect(reported).toEqual(['page says no']);
    expect(ui!.root.mode).toBe('closed');
    expect(internals!.shadowRoot).toBeNull();
  });

  test('defined after we mounted, it cannot reach the root', () => {
    const [anchor] = page(1);
    const ui = createRowHost(anchor!, sharedStyle(CSS), 'kezhi-later')!;
    let internals: { shadowRoot: ShadowRoot | null } | undefined;
    customElements.define(
      'kezhi-later',
      class extends HTMLElement {
        constructor() {
          super();
          internals = this.attachInternals();
        }
      },
    );
    expect(ui.host.matches(':defined')).toBe(true); // upgraded in place
    expect(internals?.shadowRoot ?? null).toBeNull();
  });
});

describe('yieldToPage', () => {
  test('resumes after queued work gets its turn', async () => {
    const order: string[] = [];
    setTimeout(() => order.push('timer'), 0);
    await new Promise((r) => setTimeout(r, 5));
    await yieldToPage();
    order.push('after yield');
    expect(order).toEqual(['timer', 'after yield']);
  });
});

describe('afterNextFrame', () => {
  afterEach(() => vi.restoreAllMocks());

  test('in a shown tab, resumes only after an animation frame has run', async () => {
    const frames: FrameRequestCallback[] = [];
    vi.spyOn(document, 'visibilityState', 'get').mockReturnValue('visible');
    vi.stubGlobal('requestAnimationFrame', (cb: FrameRequestCallback) => frames.push(cb));
    let resumed = false;
    const done = afterNextFrame().then(() => (resumed = true));
    await new Promise((r) => setTimeout(r, 20));
    expect(resumed).toBe(false); // no frame yet: still waiting
    expect(frames).toHaveLength(1);
    frames[0]!(performance.now());
    await done;
    expect(resumed).toBe(true);
    vi.unstubAllGlobals();
  });

  test('in a hidden tab (no frames drawn) it only gives the page a turn', async () => {
    const raf = vi.fn();
    vi.spyOn(document, 'visibilityState', 'get').mockReturnValue('hidden');
    vi.stubGlobal('requestAnimationFrame', raf);
    await afterNextFrame();
    expect(raf).not.toHaveBeenCalled();
    vi.unstubAllGlobals();
  });
});

describe('inViewFirst', () => {
  /** Rows whose anchors report `tops` (each 40 px tall) in a 900 px window. */
  const rows = (tops: number[]) =>
    page(tops.length).map((anchor, i) => {
      const top = tops[i]!;
      anchor.getBoundingClientRect = () =>
        ({ top, bottom: top + 40, height: 40, left: 0, right: 10, width: 10 }) as DOMRect;
      return { anchor, i };
    });
  beforeEach(() => vi.stubGlobal('innerHeight', 900));

  test('once the page has drawn its rows, the rows in the window come first, in page order', () => {
    const r = rows([-500, -20, 100, 880, 900, 2000, 300]);
    const out = inViewFirst(r, () => true);
    expect(out.inView).toBe(4);
    expect(out.rows.map((x) => x.i)).toEqual([1, 2, 3, 6, 0, 4, 5]);
  });

  test('before the page has drawn its rows, nothing is read and the order stays', () => {
    const r = rows([2000, 100]);
    const spy = vi.spyOn(r[0]!.anchor, 'getBoundingClientRect');
    const out = inViewFirst(r, () => false);
    expect(out).toEqual({ rows: r });
    expect(spy).not.toHaveBeenCalled();
  });

  test('no row in the window (scrolled away) or a collapsed row: page order, no first slice', () => {
    expect(inViewFirst(rows([-900, 1200, 5000]), () => true).inView).toBeUndefined();
    const hidden = rows([100]);
    hidden[0]!.anchor.getBoundingClientRect = () =>
      ({ top: 100, bottom: 100, height: 0 }) as DOMRect;
    expect(inViewFirst(hidden, () => true)).toEqual({ rows: hidden });
  });

  test('in a hidden tab nothing is read', () => {
    vi.spyOn(document, 'visibilityState', 'get').mockReturnValue('hidden');
    const r = rows([2000, 100]);
    expect(inViewFirst(r, () => true)).toEqual({ rows: r });
    vi.restoreAllMocks();
  });
});

describe('frameWatch', () => {
  test('turns true once an animation frame has run, not before', () => {
    const frames: FrameRequestCallback[] = [];
    vi.stubGlobal('requestAnimationFrame', (f: FrameRequestCallback) => frames.push(f));
    const drawn = frameWatch();
    expect(drawn()).toBe(false);
    frames.shift()!(0);
    expect(drawn()).toBe(true);
  });

  test('without animation frames (no rendering) it stays false', () => {
    vi.stubGlobal('requestAnimationFrame', undefined);
    expect(frameWatch()()).toBe(false);
  });
});
