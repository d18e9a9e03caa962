/**
 * Loads the overlay's detail half (chip cards, the 催付 assistant and its templates) on demand.
 * The background injects `overlay-detail.js` into this tab's isolated world with
 * scripting.executeScript (no web-accessible file, so pages cannot probe for the extension); the
 * script registers itself in a slot of this world's global, which only our scripts share.
 */
import { DETAIL_SLOT, type DetailSource, type OverlayDetail } from '@/components/overlay/detail';
import type { Reply } from '@/lib/request';

/**
 * A detail source that asks `inject` (the background) once; concurrent callers share the answer
 * and a failure lets the next caller try again.
 */
export function detailLoader(
  inject: () => Promise<Reply<unknown>>,
  slot: Record<string, unknown> = globalThis,
): DetailSource {
  let pending: Promise<OverlayDetail> | undefined;
  const current = () => slot[DETAIL_SLOT] as OverlayDetail | undefined;
  return {
    current,
    load() {
      const have = current();
      if (have) return Promise.resolve(have);
      pending ??= inject().then((reply) => {
        const loaded = current();
        if (reply.ok && loaded) return loaded;
        pending = undefined;
        throw new Error(reply.ok ? 'the detail script did not register' : reply.error);
      });
      return pending;
    },
  };
}
