/**
 * The overlay's on-demand half as one object: chip cards and the 催付 panel, each rendered with
 * this bundle's own Preact into the element it is given. The assistant script registers it; tests
 * use it directly.
 */
import { render } from 'preact';
import { checkBeforeContact } from '@/lib/reminders/plan';
import { chipTip } from '../chip-tips';
import { AssistantPanel } from './AssistantPanel';
import type { AssistantSource, OverlayAssistant } from './assistant-slot';

export const overlayAssistant: OverlayAssistant = {
  chipTip,
  checkBeforeContact,
  openPanel(container, props) {
    render(<AssistantPanel {...props} />, container);
    return () => render(null, container);
  },
};

/** A source that has the assistant at hand (tests, and pages that bundle it). */
export const bundledAssistant: AssistantSource = {
  current: () => overlayAssistant,
  load: () => Promise.resolve(overlayAssistant),
};
