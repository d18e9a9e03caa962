/** Shared builders for the reminder tests: China-time instants, contacts, settings. */
import type { ContactEntry } from '../../lib/schemas';
import { Settings, type ReminderSettings } from '../../lib/settings';

/** Epoch ms of a wall-clock time in China (UTC+8), independent of the test machine's zone. */
export function cn(y: number, mo: number, d: number, h = 0, mi = 0): number {
  return Date.UTC(y, mo - 1, d, h, mi) - 8 * 3_600_000;
}

export const MIN = 60_000;
export const HOUR = 60 * MIN;
export const DAY = 24 * HOUR;

let seq = 0;
/** A contact-log entry with sensible defaults: a chat reminder about `orderKey`. */
export function contact(over: Partial<ContactEntry> & { at: number }): ContactEntry {
  seq += 1;
  return {
    id: `c${seq}`,
    customerKey: 'taobao:shop1:nick:buyer',
    orderKey: 'taobao:shop1:o1',
    channel: 'chat',
    template: 'remind.new.chat.polite',
    staff: '',
    purpose: 'remind',
    ...over,
  };
}

/** Default settings with some reminder settings replaced. */
export function settingsWith(reminders: Partial<ReminderSettings> = {}): Settings {
  const base = Settings.parse({});
  return Settings.parse({ ...base, reminders: { ...base.reminders, ...reminders } });
}
