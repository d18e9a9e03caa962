/**
 * Every sentence the importers say to a seller, in both languages the extension speaks. The options
 * page picks one with the seller's language setting; tests read `zh_CN`.
 */
import type { Label } from '../i18n';

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

/** Builds a Refusal. */
export const refuse = (code: RefusalCode, zh_CN: string, en: string): Refusal => ({
  ok: false,
  code,
  message: { zh_CN, en },
});

/** Builds a Message. */
export const msg = (zh_CN: string, en: string): Message => ({ zh_CN, en });

/** Text cut to `max` characters, an ellipsis marking the cut (quoted cells, long titles). */
export const clip = (s: string, max: number): string =>
  s.length > max ? s.slice(0, max - 1) + '…' : s;
