/**
 * What the 催付 assistant needs from its row and its host, shared by the overlay row, the
 * popover panel and the assistant itself. Copying and the pre-copy checks are the host's.
 */
import type { Lang } from '@/lib/i18n';
import type { Warning } from '@/lib/reminders/plan';
import type { Channel, OverrideCode } from '@/lib/schemas';
import type { Settings } from '@/lib/settings';
import type { RowSummary } from '@/lib/summary';

/** What the host did with a copy request. */
export type CopyOutcome = { ok: true } | { ok: false; error: string };

/** A message staff asked to copy (copying counts as a contact: the host logs it). */
export interface CopyRequest {
  channel: Channel;
  templateId: string;
  text: string;
  /** Set when staff copied with a second click past these: the host logs them as an override. */
  overrode?: OverrideCode[];
}

/** The row and the host's callbacks, as the assistant takes them. */
export interface AssistantProps {
  summary: RowSummary;
  settings: Settings;
  lang: Lang;
  /** Filled into `{店铺}`; blank shows as an inline template error. */
  shopName: string;
  now: number;
  /** Copies the text and logs the contact; resolves with what happened. */
  onCopy: (req: CopyRequest) => Promise<CopyOutcome>;
  /** Warnings to confirm before copying on this channel (quiet hours, too soon, cap). */
  onCheck: (req: { channel: Channel }) => Warning[];
}
