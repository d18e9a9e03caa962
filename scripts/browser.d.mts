import type { BrowserContext, Page, Worker } from 'playwright-core';

export const ROOT: string;
export const EXTENSION_DIR: string;
export const FIXTURES: string;
export const SHOTS: string;
export function fixture(platform: string, file: string): string;
export interface Session {
  context: BrowserContext;
  worker: Worker;
  extensionId: string;
  /** URLs of requests made by the extension's own pages and service worker. */
  requests: string[];
  serve(url: string | RegExp, body: string | Buffer, contentType?: string): Promise<void>;
  screenshot(page: Page, name: string, opts?: { fullPage?: boolean }): Promise<string>;
  close(): Promise<void>;
}
export function launch(opts?: {
  headless?: boolean;
  extensionDir?: string;
  /** A profile directory kept after close (the update test relaunches in it). */
  userDataDir?: string;
}): Promise<Session>;
/** Reads a store in the service worker, or in an extension page (same origin) while it is stopped. */
export function readStore<T = Record<string, unknown>>(
  target: Worker | Page,
  store: string,
): Promise<T[]>;
export function until<T>(
  what: string,
  fn: () => Promise<T | undefined | null | false>,
  timeoutMs?: number,
): Promise<T>;
export function sendFromPage(page: Page, name: string, input: unknown): Promise<unknown>;
export function setSettings(session: Session, settings: Record<string, unknown>): Promise<void>;
