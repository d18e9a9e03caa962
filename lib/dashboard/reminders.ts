/**
 * Reminder response (催付响应): of the 催付 contacts in the range, the share whose order was later
 * seen paid (paidAfterAt set by ingest), per channel, and the median time from reminder to payment.
 */
import { median } from '../customers/sorted';
import { Channel, type ContactEntry } from '../schemas';
import type { DateRange } from './types';
import { inRange, shareOf } from './types';

/** Response figures for one channel, or for all channels together. */
export interface ResponseFigures {
  /** 催付 contacts sent. */
  sent: number;
  /** Of those, how many were followed by payment. */
  paid: number;
  /** paid / sent (0 when nothing was sent). */
  rate: number;
  /** Median ms from the reminder to payment; null when nobody paid. */
  medianMsToPay: number | null;
  /** Of those sent, how many staff copied with a second click past a warning (an override). */
  overridden: number;
}

/** One channel, with the customers who paid after its reminders and those who did not. */
export interface ChannelResponse extends ResponseFigures {
  channel: Channel;
  /** Customers with a paid-after reminder on this channel (each once). */
  paidKeys: string[];
  /** Customers reminded on this channel who have not paid after any of its reminders. */
  unpaidKeys: string[];
  /** Customers reminded on this channel past a warning (each once). */
  overrideKeys: string[];
}

export interface ReminderResponse {
  total: ResponseFigures;
  /** Channels that sent at least one reminder, in Channel order (chat, sms, email, phone). */
  channels: ChannelResponse[];
}

function figures(sent: number, waits: readonly number[], overridden: number): ResponseFigures {
  return {
    sent,
    paid: waits.length,
    rate: shareOf(waits.length, sent),
    medianMsToPay: median(waits) ?? null,
    overridden,
  };
}

/**
 * The response to 催付 contacts made in the range. `belongs` filters contacts to the shops on
 * screen (by customer key); omit it to count them all.
 */
export function reminderResponse(
  contacts: Iterable<ContactEntry>,
  range: DateRange,
  belongs: (customerKey: string) => boolean = () => true,
): ReminderResponse {
  const per = new Map<
    Channel,
    {
      sent: number;
      waits: number[];
      paid: Set<string>;
      reminded: Set<string>;
      overridden: number;
      overrideKeys: Set<string>;
    }
  >();
  let sent = 0;
  let overridden = 0;
  const waits: number[] = [];
  for (const c of contacts) {
    if (c.purpose !== 'remind' || !inRange(c.at, range) || !belongs(c.customerKey)) continue;
    let ch = per.get(c.channel);
    if (!ch)
      per.set(
        c.channel,
        (ch = {
          sent: 0,
          waits: [],
          paid: new Set(),
          reminded: new Set(),
          overridden: 0,
          overrideKeys: new Set(),
        }),
      );
    sent++;
    ch.sent++;
    ch.reminded.add(c.customerKey);
    if (c.overrode && c.overrode.length > 0) {
      overridden++;
      ch.overridden++;
      ch.overrideKeys.add(c.customerKey);
    }
    if (c.paidAfterAt !== undefined) {
      // Ingest stamps max(paidAt, at), so the wait is never negative; clamp anyway for old data.
      const wait = Math.max(0, c.paidAfterAt - c.at);
      waits.push(wait);
      ch.waits.push(wait);
      ch.paid.add(c.customerKey);
    }
  }
  const channels: ChannelResponse[] = [];
  for (const channel of Channel.options) {
    const ch = per.get(channel);
    if (!ch) continue;
    channels.push({
      channel,
      ...figures(ch.sent, ch.waits, ch.overridden),
      paidKeys: [...ch.paid],
      unpaidKeys: [...ch.reminded].filter((k) => !ch.paid.has(k)),
      overrideKeys: [...ch.overrideKeys],
    });
  }
  return { total: figures(sent, waits, overridden), channels };
}
