/**
 * What the importers tell a seller: a sentence in every language (its words live in
 * lib/i18n/importer.ts). The options page picks one with the seller's language setting.
 */
import type { Label } from '../i18n';
import { say, type ImporterKey, type SayVars } from '../i18n/importer';

/** One message in every UI language. */
export type Message = Label;

/** Why a whole file was refused (nothing was imported from it). */
export type RefusalCode =
  | 'empty'
  | 'binary'
  | 'undecodable'
  | 'xlsx-as-csv'
  | 'old-xls'
  | 'not-a-report'
  | 'wrong-platform'
  | 'xlsx-unreadable'
  | 'no-header'
  | 'bad-shop-id';

/** A refused file: a machine code for the UI and a sentence for the seller. */
export interface Refusal {
  ok: false;
  code: RefusalCode;
  message: Message;
}

/** Builds a Refusal saying the sentence `key`. */
export const refuse = (
  code: RefusalCode,
  key: Extract<ImporterKey, `refuse.${string}`>,
  vars?: SayVars,
): Refusal => ({ ok: false, code, message: say(key, vars) });

/** Text cut to `max` characters, an ellipsis marking the cut (quoted cells, long titles). */
export const clip = (s: string, max: number): string =>
  s.length > max ? s.slice(0, max - 1) + '…' : s;
