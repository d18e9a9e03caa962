// @vitest-environment jsdom
import type { ContentScriptContext } from 'wxt/utils/content-script-context';
import { showNotice } from '../../entrypoints/orders.content/notice';

/** A context whose invalidation the test triggers. */
function fakeContext() {
  const listeners: (() => void)[] = [];
  const ctx = { onInvalidated: (cb: () => void) => void listeners.push(cb) };
  return {
    ctx: ctx as unknown as ContentScriptContext,
    invalidate: () => listeners.forEach((l) => l()),
  };
}

afterEach(() => {
  vi.restoreAllMocks();
  document.documentElement.querySelectorAll('[data-kezhi-notice]').forEach((n) => n.remove());
});

describe('showNotice', () => {
  test('says the problem as text in a closed root, closes on its button and on invalidation', () => {
    const originalAttach = Element.prototype.attachShadow;
    const roots: ShadowRoot[] = [];
    vi.spyOn(Element.prototype, 'attachShadow').mockImplementation(function (
      this: Element,
      init: ShadowRootInit,
    ) {
      expect(init.mode).toBe('closed');
      const root = originalAttach.call(this, init);
      roots.push(root);
      return root;
    });
    const { ctx, invalidate } = fakeContext();
    const problem = '<img src=x onerror="window.__pwned=1">后台无响应';
    showNotice(ctx, 'zh_CN', problem);
    const host = document.querySelector('kezhi-notice');
    expect(host?.hasAttribute('data-kezhi-notice')).toBe(true);
    expect(host?.shadowRoot).toBeNull(); // closed: the page cannot reach in
    const root = roots[0]!;
    expect(root.querySelector('.p')?.textContent).toBe(problem);
    expect(root.querySelector('img')).toBeNull();
    expect(root.querySelector('[role=status]')).not.toBeNull();
    (root.querySelector('button') as HTMLButtonElement).click();
    expect(document.querySelector('kezhi-notice')).toBeNull();

    showNotice(ctx, 'en', 'again');
    expect(document.querySelector('kezhi-notice')).not.toBeNull();
    invalidate();
    expect(document.querySelector('kezhi-notice')).toBeNull();
  });

  test('a page that defined kezhi-notice does not get our element: its constructor never runs on it', () => {
    let constructed = 0;
    customElements.define(
      'kezhi-notice',
      class extends HTMLElement {
        constructor() {
          super();
          constructed++;
        }
      },
    );
    const before = constructed;
    showNotice(fakeContext().ctx, 'zh_CN', '页面已改版');
    const ours = document.querySelector('[data-kezhi-notice]');
    expect(ours?.localName).toMatch(/^kezhi-notice-[0-9a-f-]{36}$/);
    expect(constructed - before).toBe(1); // the probe element alone, never attached or used
  });
});
