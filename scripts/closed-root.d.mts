import type { Page } from 'playwright-core';

/** What is inside one host's (closed) shadow root, reached through CDP. */
export interface RootHandle {
  hostSelector: string;
  /** Runs `fn(root, arg)` in the page's main world with the root; returns its JSON result. */
  evaluate<R, A = undefined>(fn: (root: ShadowRoot, arg: A) => R | Promise<R>, arg?: A): Promise<R>;
  mode(): Promise<'closed' | 'open' | 'user-agent' | null>;
  count(selector: string): Promise<number>;
  innerText(selector: string): Promise<string>;
  textContent(selector?: string): Promise<string | null>;
  isVisible(selector: string): Promise<boolean>;
  waitFor(
    selector: string,
    opts?: { state?: 'attached' | 'visible'; timeout?: number },
  ): Promise<true>;
  /** A real (trusted) mouse click at the element's centre, once nothing covers it. */
  click(selector: string, opts?: { timeout?: number }): Promise<void>;
  /** Moves the mouse onto the element's centre (scrolled into view). */
  hover(selector: string): Promise<void>;
  /** `el.click()` from the page's main world (untrusted). */
  pageScriptClick(selector: string): Promise<true>;
}
export function evalInRoot<R, A = undefined>(
  page: Page,
  hostSelector: string,
  fn: (root: ShadowRoot, arg: A) => R | Promise<R>,
  arg?: A,
): Promise<R>;
export function rootMode(
  page: Page,
  hostSelector: string,
): Promise<'closed' | 'open' | 'user-agent' | null>;
export function inRoot(page: Page, hostSelector: string): RootHandle;
export function overlayOf(page: Page, orderId: string): RootHandle;
