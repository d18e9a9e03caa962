/**
 * The overlay's on-demand half: chip cards with their explanations, and the 催付 assistant with its
 * templates and compliance checks. Not a manifest content script: the background injects it into
 * an order page's isolated world (entrypoints/background/inject.ts) once the badges are up, and it
 * registers itself where the order content script looks (components/overlay/detail.ts).
 */
import { defineUnlistedScript } from 'wxt/utils/define-unlisted-script';
import { DETAIL_SLOT } from '@/components/overlay/detail';
import { overlayDetail } from '@/components/overlay/detail-impl';

export default defineUnlistedScript(() => {
  const slot = globalThis as unknown as Record<string, unknown>;
  slot[DETAIL_SLOT] ??= overlayDetail;
});
