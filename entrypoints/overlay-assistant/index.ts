/**
 * The overlay's on-demand half: chip cards with their explanations, and the 催付 assistant with its
 * templates and compliance checks. Not a manifest content script: the background injects it into
 * an order page's isolated world (entrypoints/background/inject.ts) on the first touch of an
 * overlay, and it registers itself where the order script looks (components/overlay/assistant-slot.ts).
 */
import { defineUnlistedScript } from 'wxt/utils/define-unlisted-script';
import { ASSISTANT_SLOT } from '@/components/overlay/assistant-slot';
import { overlayAssistant } from '@/components/overlay/assistant-bundle';

export default defineUnlistedScript(() => {
  const slot = globalThis as unknown as Record<string, unknown>;
  slot[ASSISTANT_SLOT] ??= overlayAssistant;
});
