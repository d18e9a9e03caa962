// Reaching inside the overlay's closed shadow roots from a test, through the DevTools protocol.
// Playwright's locators pierce open roots only, and page script sees `host.shadowRoot === null`;
// CDP's DOM domain walks closed roots too (`pierce: true`). This drives the shipped build: no
// test-only hook is compiled into the extension. Shared by the browser tests and the demo.

/** @type {WeakMap<import('playwright-core').Page, Promise<import('playwright-core').CDPSession>>} */
const sessions = new WeakMap();

function cdpOf(page) {
  let s = sessions.get(page);
  if (!s) {
    s = page.context().newCDPSession(page);
    sessions.set(page, s);
  }
  return s;
}

/**
 * The closed root of the first element matching `hostSelector`, as a remote object in the page's
 * main world (what a page script would hold, had it the reference), or null when there is none.
 */
async function rootObject(cdp, hostSelector) {
  const { root } = await cdp.send('DOM.getDocument', { depth: 0 });
  const { nodeId } = await cdp.send('DOM.querySelector', {
    nodeId: root.nodeId,
    selector: hostSelector,
  });
  if (!nodeId) return null;
  const { node } = await cdp.send('DOM.describeNode', { nodeId, depth: 1, pierce: true });
  const shadow = node.shadowRoots?.[0];
  if (!shadow) return null;
  const { object } = await cdp.send('DOM.resolveNode', { backendNodeId: shadow.backendNodeId });
  return { objectId: object.objectId, mode: shadow.shadowRootType };
}

/**
 * Runs `fn(root, arg)` in the page's main world with the shadow root of `hostSelector`'s element
 * (closed or open) and returns its JSON result. Throws when there is no such host or root.
 */
export async function evalInRoot(page, hostSelector, fn, arg) {
  const cdp = await cdpOf(page);
  const root = await rootObject(cdp, hostSelector);
  if (!root) throw new Error(`no shadow root on ${hostSelector}`);
  try {
    const { result, exceptionDetails } = await cdp.send('Runtime.callFunctionOn', {
      objectId: root.objectId,
      functionDeclaration: `function (arg) { return (${fn.toString()})(this, arg); }`,
      arguments: [{ value: arg }],
      returnByValue: true,
      awaitPromise: true,
    });
    if (exceptionDetails)
      throw new Error(exceptionDetails.exception?.description ?? exceptionDetails.text);
    return result.value;
  } finally {
    await cdp.send('Runtime.releaseObject', { objectId: root.objectId }).catch(() => undefined);
  }
}

/** The mode (`closed` / `open`) of the shadow root on `hostSelector`'s element, or null. */
export async function rootMode(page, hostSelector) {
  const cdp = await cdpOf(page);
  const root = await rootObject(cdp, hostSelector);
  if (!root) return null;
  await cdp.send('Runtime.releaseObject', { objectId: root.objectId });
  return root.mode;
}

async function poll(what, fn, timeoutMs = 20_000) {
  const end = Date.now() + timeoutMs;
  let last;
  while (Date.now() < end) {
    try {
      const v = await fn();
      if (v !== undefined && v !== null && v !== false) return v;
    } catch (e) {
      last = e;
    }
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error(`timed out waiting for ${what}${last ? `: ${String(last)}` : ''}`);
}

/**
 * One overlay host and what is inside its closed root. Selectors inside are plain CSS, matched
 * from the root (`root.querySelector`); text is `innerText`, as a seller reads it.
 */
export function inRoot(page, hostSelector) {
  const run = (fn, arg) => evalInRoot(page, hostSelector, fn, arg);
  return {
    hostSelector,
    evaluate: run,
    mode: () => rootMode(page, hostSelector),
    /** How many elements match `selector` inside the root. */
    count: (selector) => run((root, sel) => root.querySelectorAll(sel).length, selector),
    /** innerText of the first match (throws when there is none). */
    innerText: (selector) =>
      run((root, sel) => {
        const el = root.querySelector(sel);
        if (!el) throw new Error(`no ${sel}`);
        return el.innerText;
      }, selector),
    /** textContent of the first match, or of the whole root without a selector. */
    textContent: (selector) =>
      run(
        (root, sel) => (sel ? (root.querySelector(sel)?.textContent ?? null) : root.textContent),
        selector ?? null,
      ),
    /** Is the first match rendered (has a box)? False when there is none. */
    isVisible: (selector) =>
      run((root, sel) => {
        const el = root.querySelector(sel);
        return !!el && el.getClientRects().length > 0;
      }, selector),
    /** Waits until `selector` matches inside the root (`visible`: and has a box). */
    waitFor: (selector, { state = 'attached', timeout } = {}) =>
      poll(
        `${selector} in ${hostSelector}`,
        () =>
          run(
            (root, [sel, visible]) => {
              const el = root.querySelector(sel);
              return !!el && (!visible || el.getClientRects().length > 0);
            },
            [selector, state === 'visible'],
          ),
        timeout,
      ),
    /**
     * A real click, as the seller's mouse makes it (an `isTrusted` event): scrolls the element
     * to the middle of the view, checks that nothing covers its centre (the root's own hit test),
     * then presses the mouse there. Waits for the element to be there and uncovered.
     */
    async click(selector, { timeout } = {}) {
      let state = 'not looked at';
      const at = await poll(
        `${selector} in ${hostSelector} to be clickable`,
        async () => {
          const r = await run((root, sel) => {
            const el = root.querySelector(sel);
            if (!el) return { state: 'absent' };
            if (el.getClientRects().length === 0) return { state: 'not rendered' };
            if (el.disabled) return { state: 'disabled' };
            el.scrollIntoView({ block: 'center', inline: 'center' });
            const box = el.getBoundingClientRect();
            const x = box.left + box.width / 2;
            const y = box.top + box.height / 2;
            const hit = root.elementFromPoint(x, y);
            if (hit && el.contains(hit)) return { state: 'ok', x, y };
            return { state: `covered by ${hit?.outerHTML.slice(0, 80) ?? 'nothing'}` };
          }, selector);
          state = r.state;
          // Covered, e.g. by a chip's card the resting mouse pointer opened: move it away.
          if (state.startsWith('covered')) await page.mouse.move(0, 0);
          return state === 'ok' ? r : null;
        },
        timeout,
      ).catch((e) => {
        throw new Error(`${e.message} (last seen: ${state})`);
      });
      await page.mouse.click(at.x, at.y);
    },
    /** Moves the seller's mouse onto the middle of the element (scrolled into view). */
    async hover(selector) {
      const at = await run((root, sel) => {
        const el = root.querySelector(sel);
        if (!el) throw new Error(`no ${sel}`);
        el.scrollIntoView({ block: 'center', inline: 'center' });
        const box = el.getBoundingClientRect();
        return { x: box.left + box.width / 2, y: box.top + box.height / 2 };
      }, selector);
      await page.mouse.move(at.x, at.y);
    },
    /**
     * A click page script could make, had it a reference to the element: `el.click()` run in
     * the page's main world (`isTrusted` false, like a dispatched click). Throws when there is
     * no such element.
     */
    pageScriptClick: (selector) =>
      run((root, sel) => {
        const el = root.querySelector(sel);
        if (!el) throw new Error(`no ${sel}`);
        el.click();
        return true;
      }, selector),
  };
}

/** The overlay of one order row (its `<kezhi-overlay>` host, by order id). */
export function overlayOf(page, orderId) {
  return inRoot(page, `kezhi-overlay[data-kezhi-order="${orderId}"]`);
}
