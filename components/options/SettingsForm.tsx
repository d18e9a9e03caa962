/**
 * Every seller setting of lib/settings.ts, in sections. The form edits a draft; Save validates the
 * draft with the Settings schema and saves only a valid whole (errors appear next to their fields
 * and nothing is written while any remains). WooCommerce addresses and templates have their own
 * immediate actions, so Save never overwrites them with a stale copy.
 */
import { useEffect, useMemo, useState } from 'preact/hooks';
import type { Settings } from '@/lib/settings';
import type { Shop } from '@/lib/schemas';
import { bound, type Lang } from '@/lib/i18n';
import { t as optionsT } from '@/lib/i18n/options';
import { ConfirmButton, StatusNote, errorText, type Status } from './controls';
import { PlainSection } from './settings/PlainSection';
import { RemindersSection } from './settings/RemindersSection';
import { Section, binder, type Errors } from './settings/section';
import { ShopsSection } from './settings/ShopsSection';
import { TierSection } from './settings/TierSection';
import { validateSettings } from './settings/validate';
import { WooShops, type WooShopsProps } from './WooShops';

export { validateSettings } from './settings/validate';

export interface SettingsFormProps {
  lang: Lang;
  /** The saved settings (the draft starts from them and follows them while unedited). */
  settings: Settings;
  /** Shops from the database, for names and the overlay switch. */
  shops: readonly Shop[];
  /** Saves valid settings; a rejection's message is shown. */
  onSave: (next: Settings) => Promise<void>;
  /** Restores every default; called after the seller confirmed. */
  onReset: () => Promise<void>;
  woo: Omit<WooShopsProps, 't'>;
}

/** The settings form. */
export function SettingsForm(props: SettingsFormProps) {
  const t = bound(optionsT, props.lang);
  const [draft, setDraft] = useState<Settings>(props.settings);
  const [dirty, setDirty] = useState(false);
  const [status, setStatus] = useState<Status>(null);
  const [saving, setSaving] = useState(false);

  // Follow the stored settings while nothing is being edited (load, reset, another tab's save).
  useEffect(() => {
    if (!dirty) setDraft(props.settings);
  }, [props.settings, dirty]);

  const check = useMemo(() => validateSettings(draft, t), [draft, props.lang]);
  const errors: Errors = check.ok ? new Map<string, string[]>() : check.errors;

  const edit = (fn: (d: Settings) => Settings) => {
    setDraft((d) => fn(d));
    setDirty(true);
    setStatus(null);
  };

  /** Runs a write; the form is clean after it, or says why it failed. */
  const persist = async (write: () => Promise<void>, done: string) => {
    try {
      await write();
      setDirty(false);
      setStatus({ kind: 'ok', text: done });
    } catch (e) {
      setStatus({ kind: 'error', text: t('saveFailed') + errorText(e) });
    }
  };

  const save = async () => {
    if (!check.ok) {
      setStatus({ kind: 'error', text: t('fixErrors', { n: check.errors.size }) });
      return;
    }
    setSaving(true);
    // Addresses and templates are saved by their own sections: keep the stored ones.
    const next = {
      ...check.value,
      wooShops: props.settings.wooShops,
      templates: props.settings.templates,
    };
    await persist(() => props.onSave(next), t('saved'));
    setSaving(false);
  };

  const base = { t, draft, errors, edit };
  const section = { ...base, bind: binder(base) };
  return (
    <form
      class="settings"
      data-testid="settings-form"
      onSubmit={(e) => {
        e.preventDefault();
        void save();
      }}
    >
      <PlainSection {...section} of="lifecycle" />
      <PlainSection {...section} of="groups" />
      <TierSection {...section} />
      <RemindersSection {...section} />
      <ShopsSection {...section} shops={props.shops} />
      <Section legend={t('secWoo')}>
        <WooShops t={t} {...props.woo} />
      </Section>
      <PlainSection {...section} of="staff" />

      <div class="actions">
        <button type="submit" class="primary" data-testid="settings-save" disabled={saving}>
          {saving ? t('saving') : t('save')}
        </button>{' '}
        <ConfirmButton
          action="reset"
          testId="settings-reset"
          t={t}
          onConfirm={() => void persist(props.onReset, t('resetDone'))}
        />{' '}
        {dirty && !status ? <span class="hint">{t('unsaved')}</span> : null}
        <StatusNote status={status} testId="settings-status" as="span" />
      </div>
    </form>
  );
}
