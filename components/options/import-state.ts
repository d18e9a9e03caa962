/**
 * What the history-import panel shows, as the page's import controller reports it. Plain data:
 * the panel renders it, the controller (entrypoints/options) produces it.
 */
import type { ImportReport, Message, Preview } from '@/lib/importers';

/** A chosen file. */
export interface ImportFileInfo {
  name: string;
  size: number;
}

/** An order the background refused (the importer had already validated it, so this is rare). */
export interface RejectedOrder {
  orderId: string;
  reason: string;
}

/** The totals of an import, as they grow. */
export interface ImportCounts {
  written: number;
  unchanged: number;
  /** The first REJECTED_SHOWN refusals from the background. */
  rejected: RejectedOrder[];
  rejectedCount: number;
}

/** The panel's phase and what it shows in it. */
export type ImportState =
  | { phase: 'idle' }
  | { phase: 'reading'; names: string[] }
  | {
      phase: 'ready';
      main: ImportFileInfo & { preview: Preview };
      items?: ImportFileInfo & { preview: Preview };
    }
  | { phase: 'refused'; name: string; message: Message }
  | {
      phase: 'importing';
      fraction: number;
      rowsDone: number;
      counts: ImportCounts;
      cancelling: boolean;
    }
  | { phase: 'done'; report: ImportReport; counts: ImportCounts }
  | { phase: 'failed'; message: string; counts: ImportCounts };

/** Skipped rows listed in the report; the rest are counted. */
export const SKIPPED_SHOWN = 50;
export const REJECTED_SHOWN = 50;
