/**
 * The contract between the badge rows and the overlay's on-demand half (chip cards and the 催付
 * assistant panel). The order-page script draws the badges without it; the background injects
 * the assistant script (entrypoints/overlay-assistant) on the first touch of an overlay
 * (entrypoints/orders.content/assistant-loader.ts), and a component asks for it through an
 * {@link AssistantSource}.
 */
import type { checkBeforeContact } from '@/lib/reminders/plan';
import type { BuiltInTemplates } from '@/lib/reminders/templates';
import type { CustomerBadgesProps } from '../badge-chips';
import type { RemindAssistantProps } from './RemindAssistant';

/** What the 催付 panel needs: the assistant's own props, and a way to close. */
export interface PanelProps extends Omit<RemindAssistantProps, 'builtIns'> {
  /** The panel's close button was pressed. */
  onClose: () => void;
}

export interface OverlayAssistant {
  /** The card lines of one chip (a key from chipHeads). */
  chipTip(props: CustomerBadgesProps, key: string): string[];
  /** The warnings to confirm before a copy counts as a contact (lib/reminders checkBeforeContact). */
  checkBeforeContact: typeof checkBeforeContact;
  /**
   * The built-in reminder templates, which the script does not bundle: the background sends them
   * with its answer to the loader (entrypoints/orders.content/assistant-loader.ts).
   */
  useTemplates(builtIns: BuiltInTemplates): void;
  /** Whether useTemplates was called: until then the assistant is not ready to show. */
  hasTemplates(): boolean;
  /** Draws the 催付 panel into `container` (the popover); returns what takes it down again. */
  openPanel(container: HTMLElement, props: PanelProps): () => void;
}

/** Where the overlay gets its on-demand half: at once when loaded, else by loading it. */
export interface AssistantSource {
  current(): OverlayAssistant | undefined;
  load(): Promise<OverlayAssistant>;
}

/**
 * The slot on the content script's isolated-world global where the injected assistant script
 * puts itself. Only our own scripts share that world (the page and other extensions each have theirs).
 */
export const ASSISTANT_SLOT = '__kezhiOverlayAssistant';
