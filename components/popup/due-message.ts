/**
 * A due row's message as the seller will copy it: rendered from their templates, with the checks
 * to make before sending, in the seller's language. Pure: the popup reads, this words.
 */
import { warningText } from '@/components/overlay/remind-text';
import type { CareItem } from '@/lib/care';
import { TIER_LABELS, type Tier } from '@/lib/customers';
import { t as pt } from '@/lib/i18n/popup';
import { t } from '@/lib/i18n/assistant';
import { checkBeforeContact, checkCompliance, renderTemplate, templateFor } from '@/lib/reminders';
import type { ContactEntry } from '@/lib/schemas';
import type { Settings } from '@/lib/settings';

/** What a due message needs besides the care item. */
export interface DueMessageInput {
  item: CareItem;
  templateId: string;
  nick: string;
  shopName: string;
  tier: Tier;
  /** The customer's own contact log. */
  contacts: readonly ContactEntry[];
  settings: Settings;
  now: number;
}

/** The message (undefined when the template could not be rendered), why not, and warnings. */
export function composeDueMessage(input: DueMessageInput): {
  text?: string;
  errors: string[];
  warnings: string[];
} {
  const { item, templateId, settings, now } = input;
  const lang = settings.language;
  const template = templateFor(templateId, lang, settings.templates);
  const rendered =
    template === undefined
      ? undefined
      : renderTemplate(
          template,
          {
            buyer: input.nick,
            items: item.items.length > 0 ? item.items : pt(lang, 'items.fallback'),
            shop: input.shopName,
            tier: TIER_LABELS[input.tier][lang],
            ...(item.orderId === undefined ? {} : { orderId: item.orderId }),
          },
          lang,
        );
  const text = rendered?.ok ? rendered.text : undefined;
  const errors =
    rendered === undefined
      ? [t(lang, 'assistant.noTemplate', { id: templateId })]
      : rendered.ok
        ? []
        : rendered.errors.map((e) => e.message);
  const warnings = [
    ...checkBeforeContact({ purpose: item.purpose, contacts: input.contacts, settings, now }).map(
      (w) => warningText(w, now, lang),
    ),
    ...(text === undefined
      ? []
      : checkCompliance(text, { channel: 'chat', purpose: item.purpose }).map(
          (i) => i.message[lang],
        )),
  ];
  return { ...(text === undefined ? {} : { text }), errors, warnings };
}
