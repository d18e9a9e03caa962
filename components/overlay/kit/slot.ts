/**
 * Where the order script leaves the modules it shares with the overlay's on-demand half
 * (./index.ts), and how the assistant's build takes them. Nothing here imports Preact: in the
 * assistant's build `preact` itself resolves to the files beside this one.
 */
import type { SharedKit } from './index';

/** The slot on the isolated world's global (only our own scripts share that world). */
export const KIT_SLOT = '__kezhiSharedKit';

/** The kit the order script published; the assistant cannot run without it. */
export function takeKit(slot: Record<string, unknown> = globalThis): SharedKit {
  const kit = slot[KIT_SLOT] as SharedKit | undefined;
  if (!kit) throw new Error('Kezhi: the order script has not shared Preact with the assistant');
  return kit;
}
