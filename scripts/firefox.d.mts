import type { Browser, Page } from 'puppeteer-core';

export const FIREFOX_EXTENSION_DIR: string;
export const GECKO_ID: string;
export const FIREFOX_UUID: string;
export interface FirefoxSession {
  browser: Browser;
  id: string;
  origin: string;
  serve(url: string, body: string, contentType?: string): void;
  newPage(): Promise<Page>;
  openExtensionPage(path: string): Promise<Page>;
  extensionPages(): Promise<{ page: Page; href: string }[]>;
  close(): Promise<void>;
}
export function launchFirefox(opts?: {
  extensionDir?: string;
  headless?: boolean;
}): Promise<FirefoxSession>;
export function readFirefoxStore<T = Record<string, unknown>>(
  page: Page,
  store: string,
): Promise<T[]>;
