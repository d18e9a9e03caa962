/**
 * The overlay's on-demand half: chip cards and the 催付 panel. The order-page content script draws
 * the badge rows without it and loads it when the rows are up (see entrypoints/overlay-detail and
 * entrypoints/orders.content/detail.ts); a component asks for it through a {@link DetailSource}.
 */
import type { Channel } from '@/lib/schemas';
import type { Warning } from '@/lib/reminders/plan';
import type { Settings } from '@/lib/settings';
import type { RowSummary } from '@/lib/summary';
import type { Lang } from '@/lib/i18n';
import type { CustomerBadgesProps } from '../badge-chips';
import type { CopyOutcome, CopyRequest } from './RemindAssistant';

/** What the 催付 panel needs from the row and the host. */
export interface PanelProps {
  summary: RowSummary;
  settings: Settings;
  lang: Lang;
  shopName: string;
  now: number;
  onCopy: (req: CopyRequest) => Promise<CopyOutcome>;
  onCheck: (req: { channel: Channel }) => Warning[];
  /** The panel's close button was pressed. */
  onClose: () => void;
}

export interface OverlayDetail {
  /** The card lines of one chip (a key from chipHeads). */
  chipTip(props: CustomerBadgesProps, key: string): string[];
  /** Draws the 催付 panel into `container` (the popover); returns what takes it down again. */
  openPanel(container: HTMLElement, props: PanelProps): () => void;
}

/** Where the overlay gets its detail half: at once when loaded, else by loading it. */
export interface DetailSource {
  current(): OverlayDetail | undefined;
  load(): Promise<OverlayDetail>;
}

/**
 * The slot on the content script's isolated-world global where the injected detail script puts
 * itself. Only our own scripts share that world (the page and other extensions each have theirs).
 */
export const DETAIL_SLOT = '__kezhiOverlayDetail';
