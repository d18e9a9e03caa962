/**
 * The overlay's on-demand half at hand, with the built-in reminder templates the background would
 * send: for tests and pages that bundle the assistant instead of injecting it. The injected
 * script (entrypoints/overlay-assistant) does not import this file, so its build carries no
 * templates.
 */
import { REMIND_TEMPLATES } from '@/lib/reminders/templates';
import { overlayAssistant } from './assistant-bundle';
import type { AssistantSource, OverlayAssistant } from './assistant-slot';

function ready(): OverlayAssistant {
  overlayAssistant.useTemplates(REMIND_TEMPLATES);
  return overlayAssistant;
}

/** A source that has the assistant at hand. */
export const bundledAssistant: AssistantSource = {
  current: ready,
  load: () => Promise.resolve(ready()),
};
