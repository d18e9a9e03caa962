/**
 * The assistant's words: a reminder rendered per channel from the seller's templates (with its
 * compliance problems), and the reasons not to remind as sentences. Pure.
 */
import { TIER_LABELS } from '@/lib/customers/labels';
import type { Lang } from '@/lib/i18n';
import { t } from '@/lib/i18n/assistant';
import {
  checkCompliance,
  remindTemplateId,
  renderTemplate,
  type ComplianceIssue,
  type Reason,
  type ReminderPlan,
  type TemplateError,
} from '@/lib/reminders';
import { templateAmong, type BuiltInTemplates } from '@/lib/reminders/templates';
import type { Channel, Tone } from '@/lib/schemas';
import type { Settings } from '@/lib/settings';
import type { RowSummary } from '@/lib/summary';
import type { Warning } from '@/lib/reminders/plan';
import { formatAgo, formatWhen } from './format';

/** A message as it would be sent on one channel in one tone. */
export interface ChannelMessage {
  channel: Channel;
  templateId: string;
  result: { ok: true; text: string } | { ok: false; errors: TemplateError[]; missing?: boolean };
  /** Compliance problems of the rendered text (empty when it did not render). */
  issues: ComplianceIssue[];
}

/** Renders the reminder for a channel from the seller's templates and the row's facts. */
export function buildMessage(input: {
  summary: RowSummary;
  plan: ReminderPlan;
  channel: Channel;
  tone: Tone;
  settings: Settings;
  lang: Lang;
  shopName: string;
  now: number;
  /** The built-in reminder templates (the background's; see lib/reminders REMIND_TEMPLATES). */
  builtIns: BuiltInTemplates;
}): ChannelMessage {
  const { summary, plan, channel, lang } = input;
  const templateId = remindTemplateId(plan.group, channel, input.tone);
  const template = templateAmong(input.builtIns, templateId, lang, input.settings.templates);
  if (template === undefined)
    return { channel, templateId, result: { ok: false, errors: [], missing: true }, issues: [] };
  const result = renderTemplate(
    template,
    {
      buyer: summary.nick,
      items: summary.order.items,
      amount: summary.order.amount,
      orderTime: summary.order.createdAt,
      timeLeftMs: Math.max(0, plan.autoCloseAt - input.now),
      shop: input.shopName,
      // A masked buyer cannot be matched to history, so no tier is claimed for them.
      tier: summary.uncertain ? undefined : TIER_LABELS[summary.view.tier][lang],
      orderId: summary.orderId,
    },
    lang,
  );
  const issues = result.ok ? checkCompliance(result.text, { channel, purpose: 'remind' }) : [];
  return { channel, templateId, result, issues };
}

const STATUS_KEY = {
  unpaid: 'status.unpaid',
  paid: 'status.paid',
  shipped: 'status.shipped',
  completed: 'status.completed',
  closed: 'status.closed',
  refunding: 'status.refunding',
  refunded: 'status.refunded',
  partially_refunded: 'status.partially_refunded',
  unknown: 'status.unknown',
} as const;

/** A reason not to remind, as a sentence. */
export function reasonText(r: Reason, now: number, lang: Lang): string {
  switch (r.code) {
    case 'not-unpaid':
      return t(lang, 'reason.not-unpaid', { status: t(lang, STATUS_KEY[r.status]) });
    case 'unknown-status':
      return t(lang, 'reason.unknown-status', { raw: r.rawStatus ?? '—' });
    case 'auto-closed':
      return t(lang, 'reason.auto-closed', { at: formatWhen(r.autoCloseAt, now, lang) });
    case 'sibling-paid':
      return t(lang, 'reason.sibling-paid');
    case 'blacklisted':
      return t(lang, 'reason.blacklisted');
    case 'cap-reached':
      return t(lang, 'reason.cap-reached', {
        count: r.count,
        cap: r.cap,
        at: formatWhen(r.nextAllowedAt, now, lang),
      });
  }
}

/** A pre-contact warning as a sentence (the overlay's assistant and the popup's due list). */
export function warningText(w: Warning, now: number, lang: Lang): string {
  switch (w.code) {
    case 'quiet-hours':
      return t(lang, 'warning.quiet-hours', { at: formatWhen(w.until, now, lang) });
    case 'too-soon':
      return t(lang, 'warning.too-soon', {
        ago: formatAgo(Math.max(0, now - w.lastAt), lang),
        gap: Math.round(w.minGapMs / 60_000),
      });
    case 'would-exceed-cap':
      return t(lang, 'warning.would-exceed-cap', { count: w.count, cap: w.cap });
  }
}
