/**
 * Browser glue shared by every context: send a contract message to the background.
 * (lib/browser is the one lib/ folder allowed to touch `browser.*`.)
 */
import { browser } from 'wxt/browser';
import type { Input, MessageName, Output } from '../messaging';
import { request, type Reply } from '../request';

/** Sends one message; a stopped service worker is woken and retried once by `request`. */
export function send<K extends MessageName>(name: K, input: Input<K>): Promise<Reply<Output<K>>> {
  return request((m) => browser.runtime.sendMessage(m), name, input);
}
