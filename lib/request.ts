/**
 * The sending half of the message contract, free of zod: the content script imports this (through
 * lib/browser/rpc.ts) and never loads the schema library. Validation happens where it matters, in
 * the background's `dispatch` (lib/messaging.ts), which re-exports everything here.
 */
import type { Input, MessageName, Output } from './messaging';

export type Reply<T> = { ok: true; value: T } | { ok: false; error: string };

/** The envelope on the wire: our tag keeps us clear of anyone else's messages. */
export interface Envelope {
  kezhi: 1;
  name: string;
  input: unknown;
}

export function isEnvelope(m: unknown): m is Envelope {
  return (
    !!m &&
    typeof m === 'object' &&
    (m as Envelope).kezhi === 1 &&
    typeof (m as Envelope).name === 'string'
  );
}

/** A seller-readable error, with IndexedDB quota errors called out (they need the seller). */
export function describeError(e: unknown): string {
  // dispatch() promises never to throw: a rejection value without a usable string form
  // (Object.create(null), a throwing toString or getter) must still become an error message.
  try {
    const name = e instanceof Error ? e.name : '';
    const inner = (e as { inner?: { name?: string } } | undefined)?.inner?.name ?? '';
    if (name === 'QuotaExceededError' || inner === 'QuotaExceededError')
      return 'QuotaExceededError: 浏览器存储空间已满，请在设置中导出备份并清理旧店铺数据 (storage full)';
    return e instanceof Error ? `${e.name}: ${e.message}` : String(e);
  } catch {
    return 'unknown error';
  }
}

/**
 * Sends a message through `send` (browser.runtime.sendMessage in the caller's context) and
 * unwraps the reply. A stopped or restarting service worker gets one retry.
 */
export async function request<K extends MessageName>(
  send: (m: Envelope) => Promise<unknown>,
  name: K,
  input: Input<K>,
): Promise<Reply<Output<K>>> {
  const envelope: Envelope = { kezhi: 1, name, input };
  for (let attempt = 0; ; attempt++) {
    try {
      const reply = (await send(envelope)) as Reply<Output<K>> | undefined;
      if (reply && typeof reply === 'object' && 'ok' in reply) return reply;
      return { ok: false, error: 'no answer from the background' };
    } catch (e) {
      if (attempt >= 1) return { ok: false, error: describeError(e) };
      await new Promise((r) => setTimeout(r, 200));
    }
  }
}
