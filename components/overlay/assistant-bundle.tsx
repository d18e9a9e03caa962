/**
 * The overlay's on-demand half as one object: chip cards and the 催付 panel, each rendered with
 * this bundle's own Preact into the element it is given. The assistant script registers it; tests
 * use it directly.
 */
import { render } from 'preact';
import { checkBeforeContact } from '@/lib/reminders/plan';
import type { BuiltInTemplates } from '@/lib/reminders/templates';
import { chipTip } from '../chip-tips';
import { AssistantPanel } from './AssistantPanel';
import type { OverlayAssistant } from './assistant-slot';

/** None until the loader hands over the background's (the loader waits for them). */
let builtIns: BuiltInTemplates | undefined;

export const overlayAssistant: OverlayAssistant = {
  chipTip,
  checkBeforeContact,
  useTemplates(templates) {
    builtIns = templates;
  },
  hasTemplates: () => builtIns !== undefined,
  openPanel(container, props) {
    const templates = builtIns ?? { zh_CN: {}, en: {} };
    render(<AssistantPanel {...props} builtIns={templates} />, container);
    return () => render(null, container);
  },
};
