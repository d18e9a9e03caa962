// @vitest-environment jsdom
import { createRowHost, sharedStyle, yieldToPage } from '../../entrypoints/orders.content/mount';

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
    const { host, root, container } = createRowHost(anchor!, sharedStyle(CSS));
    expect(anchor!.nextElementSibling).toBe(host);
    expect(host.localName).toBe('kezhi-overlay');
    // Closed: no script reaches the overlay through the host; only we hold the root.
    expect(root.mode).toBe('closed');
    expect(root.host).toBe(host);
    expect(host.shadowRoot).toBeNull();
    expect(container.getRootNode()).toBe(root);
    expect(document.querySelector('kezhi-overlay div')).toBeNull();
    // The host page's own markup is untouched apart from our element.
    expect(anchor!.parentElement!.querySelectorAll('span').length).toBe(2);
  });

  test('without constructable sheets, each root gets a style element with the CSS', () => {
    const anchors = page(3);
    const style = sharedStyle(CSS);
    const roots = anchors.map((a) => createRowHost(a, style).root);
    for (const r of roots) expect(r.querySelector('style')!.textContent).toBe(CSS);
  });

  test('with constructable sheets, every root adopts the one shared sheet', () => {
    const adopted: unknown[][] = [];
    withConstructableSheets((v) => adopted.push(v));
    const anchors = page(5);
    const style = sharedStyle(CSS);
    const roots = anchors.map((a) => createRowHost(a, style).root);
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
    const roots = anchors.map((a) => createRowHost(a, style).root);
    for (const r of roots) expect(r.querySelector('style')!.textContent).toBe(CSS);
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
