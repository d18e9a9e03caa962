/**
 * Every seller setting of lib/settings.ts, in sections. The form edits a draft; Save validates the
 * draft with the Settings schema and saves only a valid whole (errors appear next to their fields
 * and nothing is written while any remains). WooCommerce addresses and templates have their own
 * immediate actions, so Save never overwrites them with a stale copy.
 */
import { useEffect, useMemo, useState } from 'preact/hooks';
import { shopDisplayName } from '@/lib/shops';
import { LadderStep, Settings, type LadderStep as Step } from '@/lib/settings';
import { Channel, PLATFORMS, Tone, type Platform, type Shop } from '@/lib/schemas';
import {
  CheckField,
  ConfirmButton,
  NumberField,
  SelectField,
  TextField,
  TimeField,
  fieldTestId,
  FieldError,
} from './fields';
import { bound, type Lang } from '@/lib/i18n';
import { t as optionsT, type T } from '@/lib/i18n/options';
import { describeIssue } from './format';
import { WooShops, type WooShopsProps } from './WooShops';

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

type Errors = Map<string, string[]>;

/** Validates a draft: the parsed settings, or the errors by field path. */
export function validateSettings(
  draft: Settings,
  t: T,
): { ok: true; value: Settings } | { ok: false; errors: Errors } {
  const r = Settings.safeParse(draft);
  if (r.success) return { ok: true, value: r.data };
  const errors: Errors = new Map();
  for (const issue of r.error.issues) {
    let path = issue.path.map(String).join('.');
    let text = describeIssue(issue, t);
    // A ladder step is a union: report the problem of the branch the step is written in.
    if (issue.code === 'invalid_union') {
      const step = issue.path.reduce<unknown>(
        (o, k) => (o as Record<PropertyKey, unknown> | undefined)?.[k],
        draft,
      );
      const branch =
        LadderStep.options[step && typeof step === 'object' && 'afterMinutes' in step ? 0 : 1];
      const inner = branch.safeParse(step);
      if (!inner.success && inner.error.issues[0]) {
        const first = inner.error.issues[0];
        path = [...issue.path, ...first.path].map(String).join('.');
        text = describeIssue(first, t);
      }
    }
    errors.set(path, [...(errors.get(path) ?? []), text]);
  }
  return { ok: false, errors };
}

const LADDERS = [
  ['newLadder', 'ladder_new'],
  ['returningLadder', 'ladder_returning'],
  ['largeReturningLadder', 'ladder_large'],
] as const;

const TIER_KEYS = ['svip', 'vip', 'senior'] as const;

/** The settings form. */
export function SettingsForm(props: SettingsFormProps) {
  const t = bound(optionsT, props.lang);
  const [draft, setDraft] = useState<Settings>(props.settings);
  const [dirty, setDirty] = useState(false);
  const [status, setStatus] = useState<{ kind: 'ok' | 'error'; text: string } | null>(null);
  const [saving, setSaving] = useState(false);

  // Follow the stored settings while nothing is being edited (load, reset, another tab's save).
  useEffect(() => {
    if (!dirty) setDraft(props.settings);
  }, [props.settings, dirty]);

  const check = useMemo(() => validateSettings(draft, t), [draft, props.lang]);
  const errors: Errors = check.ok ? new Map<string, string[]>() : check.errors;
  const err = (path: string) => errors.get(path);

  const edit = (fn: (d: Settings) => Settings) => {
    setDraft((d) => fn(d));
    setDirty(true);
    setStatus(null);
  };
  const editLifecycle = (k: keyof Settings['lifecycle'], v: number) =>
    edit((d) => ({ ...d, lifecycle: { ...d.lifecycle, [k]: v } }));
  const editReminders = <K extends keyof Settings['reminders']>(
    k: K,
    v: Settings['reminders'][K],
  ) => edit((d) => ({ ...d, reminders: { ...d.reminders, [k]: v } }));
  const editTier = (fn: (tier: Settings['tier']) => Settings['tier']) =>
    edit((d) => ({ ...d, tier: fn(d.tier) }));

  const save = async () => {
    if (!check.ok) {
      setStatus({ kind: 'error', text: t('fixErrors', { n: check.errors.size }) });
      return;
    }
    setSaving(true);
    try {
      // Addresses and templates are saved by their own sections: keep the stored ones.
      await props.onSave({
        ...check.value,
        wooShops: props.settings.wooShops,
        templates: props.settings.templates,
      });
      setDirty(false);
      setStatus({ kind: 'ok', text: t('saved') });
    } catch (e) {
      setStatus({
        kind: 'error',
        text: t('saveFailed') + (e instanceof Error ? e.message : String(e)),
      });
    } finally {
      setSaving(false);
    }
  };

  const reset = async () => {
    try {
      await props.onReset();
      setDirty(false);
      setStatus({ kind: 'ok', text: t('resetDone') });
    } catch (e) {
      setStatus({
        kind: 'error',
        text: t('saveFailed') + (e instanceof Error ? e.message : String(e)),
      });
    }
  };

  const r = draft.reminders;
  const sharesSum = draft.tier.shares.svip + draft.tier.shares.vip + draft.tier.shares.senior;
  const shopKeys = [
    ...new Set([...props.shops.map((s) => s.key), ...Object.keys(draft.shops)]),
  ].sort();

  return (
    <form
      class="settings"
      data-testid="settings-form"
      onSubmit={(e) => {
        e.preventDefault();
        void save();
      }}
    >
      <fieldset>
        <legend>{t('secLifecycle')}</legend>
        <NumberField
          path="lifecycle.activeDays"
          label={t('activeDays')}
          value={draft.lifecycle.activeDays}
          errors={err('lifecycle.activeDays')}
          onChange={(v) => editLifecycle('activeDays', v)}
        />
        <NumberField
          path="lifecycle.sleepingDays"
          label={t('sleepingDays')}
          value={draft.lifecycle.sleepingDays}
          errors={err('lifecycle.sleepingDays')}
          onChange={(v) => editLifecycle('sleepingDays', v)}
        />
        <NumberField
          path="lifecycle.prechurnDays"
          label={t('prechurnDays')}
          value={draft.lifecycle.prechurnDays}
          errors={err('lifecycle.prechurnDays')}
          onChange={(v) => editLifecycle('prechurnDays', v)}
        />
        <FieldError path="lifecycle" errors={err('lifecycle')} />
      </fieldset>

      <fieldset>
        <legend>{t('secGroups')}</legend>
        <NumberField
          path="recentDays"
          label={t('recentDays')}
          value={draft.recentDays}
          errors={err('recentDays')}
          onChange={(v) => edit((d) => ({ ...d, recentDays: v }))}
        />
        <CheckField
          path="mergeSameDayPurchases"
          label={t('mergeSameDay')}
          value={draft.mergeSameDayPurchases}
          onChange={(v) => edit((d) => ({ ...d, mergeSameDayPurchases: v }))}
        />
      </fieldset>

      <fieldset>
        <legend>{t('secTier')}</legend>
        <SelectField
          path="tier.mode"
          label={t('tierMode')}
          value={draft.tier.mode}
          options={[
            { value: 'rank', label: t('tierRank') },
            { value: 'threshold', label: t('tierThreshold') },
          ]}
          onChange={(mode) => editTier((tier) => ({ ...tier, mode }))}
        />
        {draft.tier.mode === 'rank' ? (
          <div class="row">
            {TIER_KEYS.map((k) => (
              <NumberField
                key={k}
                path={`tier.shares.${k}`}
                label={`${t(k)} ${t('sharePct')}`}
                value={draft.tier.shares[k]}
                errors={err(`tier.shares.${k}`)}
                onChange={(v) =>
                  editTier((tier) => ({ ...tier, shares: { ...tier.shares, [k]: v } }))
                }
              />
            ))}
            <p class="hint">
              {Number.isFinite(sharesSum) && sharesSum <= 100
                ? t('regularRest', { n: 100 - sharesSum })
                : ''}
            </p>
            <FieldError path="tier.shares" errors={err('tier.shares')} />
          </div>
        ) : (
          TIER_KEYS.map((k) => (
            <div class="row" key={k}>
              <strong>{t(k)}</strong>
              <NumberField
                path={`tier.thresholds.${k}.spendYuan`}
                label={t('spendYuan')}
                value={draft.tier.thresholds[k].spendYuan}
                errors={err(`tier.thresholds.${k}.spendYuan`)}
                onChange={(v) =>
                  editTier((tier) => ({
                    ...tier,
                    thresholds: {
                      ...tier.thresholds,
                      [k]: { ...tier.thresholds[k], spendYuan: v },
                    },
                  }))
                }
              />
              <NumberField
                path={`tier.thresholds.${k}.count`}
                label={t('count')}
                value={draft.tier.thresholds[k].count}
                errors={err(`tier.thresholds.${k}.count`)}
                onChange={(v) =>
                  editTier((tier) => ({
                    ...tier,
                    thresholds: { ...tier.thresholds, [k]: { ...tier.thresholds[k], count: v } },
                  }))
                }
              />
            </div>
          ))
        )}
      </fieldset>

      <fieldset>
        <legend>{t('secReminders')}</legend>
        <NumberField
          path="reminders.largeOrderYuan"
          label={t('largeOrderYuan')}
          value={r.largeOrderYuan}
          errors={err('reminders.largeOrderYuan')}
          onChange={(v) => editReminders('largeOrderYuan', v)}
        />
        <div class="row">
          <TimeField
            path="reminders.quietStartMinute"
            label={t('quietStart')}
            formatError={t('timeFormat')}
            value={r.quietStartMinute}
            errors={err('reminders.quietStartMinute')}
            onChange={(v) => editReminders('quietStartMinute', v)}
          />
          <TimeField
            path="reminders.quietEndMinute"
            label={t('quietEnd')}
            formatError={t('timeFormat')}
            value={r.quietEndMinute}
            errors={err('reminders.quietEndMinute')}
            onChange={(v) => editReminders('quietEndMinute', v)}
          />
        </div>
        <NumberField
          path="reminders.maxPerOrderPer24h"
          label={t('maxPerOrder')}
          value={r.maxPerOrderPer24h}
          errors={err('reminders.maxPerOrderPer24h')}
          onChange={(v) => editReminders('maxPerOrderPer24h', v)}
        />
        <NumberField
          path="reminders.minGapMinutes"
          label={t('minGap')}
          value={r.minGapMinutes}
          errors={err('reminders.minGapMinutes')}
          onChange={(v) => editReminders('minGapMinutes', v)}
        />
        <SelectField
          path="reminders.tone"
          label={t('tone')}
          value={r.tone}
          options={Tone.options.map((tone) => ({ value: tone, label: t(`tone_${tone}`) }))}
          onChange={(v) => editReminders('tone', v)}
        />
        <h3>{t('ladders')}</h3>
        {LADDERS.map(([key, label]) => (
          <LadderEditor
            key={key}
            t={t}
            path={`reminders.${key}`}
            title={t(label)}
            steps={r[key]}
            errors={errors}
            onChange={(steps) => editReminders(key, steps)}
          />
        ))}
        <h3>{t('autoClose')}</h3>
        <p class="hint" data-testid="auto-close-hint">
          {t('autoCloseHint')} {t('autoCloseWoo')} {t('autoCloseShopify')}
        </p>
        <div class="row">
          {PLATFORMS.map((p: Platform) => (
            <NumberField
              key={p}
              path={`reminders.autoCloseMinutes.${p}`}
              label={p}
              value={r.autoCloseMinutes[p]}
              errors={err(`reminders.autoCloseMinutes.${p}`)}
              onChange={(v) => editReminders('autoCloseMinutes', { ...r.autoCloseMinutes, [p]: v })}
            />
          ))}
        </div>
      </fieldset>

      <fieldset>
        <legend>{t('secShops')}</legend>
        {shopKeys.length === 0 ? <p class="hint">{t('noShops')}</p> : null}
        {shopKeys.map((key) => {
          const shop = props.shops.find((s) => s.key === key);
          const own = draft.shops[key] ?? { name: '', overlayEnabled: true };
          const set = (patch: Partial<typeof own>) =>
            edit((d) => ({ ...d, shops: { ...d.shops, [key]: { ...own, ...patch } } }));
          return (
            <div class="row shop" key={key} data-testid={`shop-${key}`}>
              <code title={key}>{shopLabel(key)}</code>
              <TextField
                path={`shops.${key}.name`}
                label={t('shopName')}
                value={own.name}
                placeholder={shop?.name ?? ''}
                errors={err(`shops.${key}.name`)}
                onChange={(name) => set({ name })}
              />
              <CheckField
                path={`shops.${key}.overlayEnabled`}
                label={t('overlayOn')}
                value={own.overlayEnabled}
                onChange={(overlayEnabled) => set({ overlayEnabled })}
              />
            </div>
          );
        })}
      </fieldset>

      <fieldset>
        <legend>{t('secWoo')}</legend>
        <WooShops t={t} {...props.woo} />
      </fieldset>

      <fieldset>
        <legend>{t('secStaff')}</legend>
        <TextField
          path="staffName"
          label={t('staffName')}
          value={draft.staffName}
          errors={err('staffName')}
          onChange={(v) => edit((d) => ({ ...d, staffName: v }))}
        />
        <CheckField
          path="showPersonalData"
          label={t('showPersonal')}
          value={draft.showPersonalData}
          onChange={(v) => edit((d) => ({ ...d, showPersonalData: v }))}
        />
        <SelectField
          path="language"
          label={t('language')}
          value={draft.language}
          options={[
            { value: 'zh_CN', label: '中文' },
            { value: 'en', label: 'English' },
          ]}
          onChange={(v) => edit((d) => ({ ...d, language: v }))}
        />
      </fieldset>

      <div class="actions">
        <button type="submit" class="primary" data-testid="settings-save" disabled={saving}>
          {saving ? t('saving') : t('save')}
        </button>{' '}
        <ConfirmButton
          testId="settings-reset"
          label={t('reset')}
          question={t('resetConfirm')}
          confirmLabel={t('confirm')}
          cancelLabel={t('cancel')}
          onConfirm={() => void reset()}
        />{' '}
        {dirty && !status ? <span class="hint">{t('unsaved')}</span> : null}
        {status ? (
          <span
            class={status.kind === 'ok' ? 'ok' : 'field-error'}
            role="status"
            data-testid="settings-status"
          >
            {status.text}
          </span>
        ) : null}
      </div>
    </form>
  );
}

const CHANNEL_OPTIONS = (t: T) =>
  Channel.options.map((c) => ({ value: c, label: t(`channel_${c}`) }));

/** One 催付 ladder: steps of channel + "N minutes after" or "day +N at HH:mm". */
function LadderEditor(props: {
  t: T;
  path: string;
  title: string;
  steps: readonly Step[];
  errors: Errors;
  onChange: (steps: Step[]) => void;
}) {
  const { t, path, steps } = props;
  const set = (i: number, step: Step) => props.onChange(steps.map((s, j) => (j === i ? step : s)));
  const err = (p: string) => props.errors.get(p);
  return (
    <div class="ladder" data-testid={fieldTestId(path)}>
      <h4>{props.title}</h4>
      {steps.length === 0 ? <p class="hint">{t('noSteps')}</p> : null}
      <ol>
        {steps.map((step, i) => {
          const p = `${path}.${i}`;
          const after = 'afterMinutes' in step;
          return (
            <li key={i} class="row">
              <SelectField
                path={`${p}.channel`}
                label=""
                value={step.channel}
                options={CHANNEL_OPTIONS(t)}
                onChange={(channel) => set(i, { ...step, channel })}
              />
              <SelectField
                path={`${p}.mode`}
                label=""
                value={after ? 'after' : 'day'}
                options={[
                  { value: 'after', label: t('stepAfter') },
                  { value: 'day', label: t('stepDay') },
                ]}
                onChange={(mode) =>
                  set(
                    i,
                    mode === 'after'
                      ? { channel: step.channel, afterMinutes: 120 }
                      : { channel: step.channel, dayOffset: 1, atMinute: 9 * 60 },
                  )
                }
              />
              {after ? (
                <NumberField
                  path={`${p}.afterMinutes`}
                  label={t('minutesAfter')}
                  value={step.afterMinutes}
                  errors={err(`${p}.afterMinutes`)}
                  onChange={(v) => set(i, { channel: step.channel, afterMinutes: v })}
                />
              ) : (
                <>
                  <NumberField
                    path={`${p}.dayOffset`}
                    label={t('dayPlus')}
                    value={step.dayOffset}
                    errors={err(`${p}.dayOffset`)}
                    onChange={(v) => set(i, { ...step, dayOffset: v })}
                  />
                  <TimeField
                    path={`${p}.atMinute`}
                    label={t('at')}
                    formatError={t('timeFormat')}
                    value={step.atMinute}
                    errors={err(`${p}.atMinute`)}
                    onChange={(v) => set(i, { ...step, atMinute: v })}
                  />
                </>
              )}
              <button
                type="button"
                disabled={i === 0}
                data-testid={`${p}-up`}
                onClick={() =>
                  props.onChange([
                    ...steps.slice(0, i - 1),
                    step,
                    steps[i - 1]!,
                    ...steps.slice(i + 1),
                  ])
                }
              >
                {t('moveUp')}
              </button>
              <button
                type="button"
                data-testid={`${p}-remove`}
                onClick={() => props.onChange(steps.filter((_, j) => j !== i))}
              >
                {t('removeStep')}
              </button>
              <FieldError path={p} errors={err(p)} />
            </li>
          );
        })}
      </ol>
      <button
        type="button"
        data-testid={`${path}-add`}
        disabled={steps.length >= 10}
        onClick={() =>
          props.onChange([...steps, { channel: 'sms', dayOffset: 1, atMinute: 15 * 60 }])
        }
      >
        {t('addStep')}
      </button>
      <FieldError path={path} errors={err(path)} />
    </div>
  );
}

/** `taobao:~0i3m…` -> `taobao · 客知测试店`: the platform and the shop as the seller knows it. */
function shopLabel(key: string): string {
  const [platform, ...rest] = key.split(':');
  return `${platform ?? ''} · ${shopDisplayName(rest.join(':'))}`;
}
