/**
 * Plain controls the options panels share: labelled inputs and selects outside the settings draft,
 * the status line after an action, and the ask-before-acting button.
 */
import type { ComponentChildren } from 'preact';
import { useState } from 'preact/hooks';
import type { OptionsKey, T } from '@/lib/i18n/options';
import { Labelled } from './fields';

/** A labelled text or password input outside the settings draft (backup, import). */
export function InputRow(props: {
  label: ComponentChildren;
  testId: string;
  value: string;
  onInput: (v: string) => void;
  type?: 'text' | 'password';
  autoComplete?: string;
  invalid?: boolean;
  children?: ComponentChildren;
}) {
  return (
    <Labelled label={props.label} invalid={props.invalid}>
      <input
        type={props.type ?? 'text'}
        autoComplete={props.autoComplete}
        data-testid={props.testId}
        value={props.value}
        onInput={(e) => props.onInput(e.currentTarget.value)}
      />
      {props.children}
    </Labelled>
  );
}

/** A table's header row. */
export function TableHead(props: { labels: readonly string[] }) {
  return (
    <thead>
      <tr>
        {props.labels.map((l) => (
          <th key={l}>{l}</th>
        ))}
      </tr>
    </thead>
  );
}

/** A labelled select outside the settings draft; `children` are its options. */
export function SelectRow<V extends string>(props: {
  label: ComponentChildren;
  testId: string;
  value: V;
  onChange: (v: V) => void;
  children: ComponentChildren;
}) {
  return (
    <Labelled label={props.label}>
      <select
        data-testid={props.testId}
        value={props.value}
        onChange={(e) => props.onChange(e.currentTarget.value as V)}
      >
        {props.children}
      </select>
    </Labelled>
  );
}

/** `<option>`s for fixed values, each with its caption. */
export function Options<V extends string>(props: {
  values: readonly V[];
  label: (v: V) => ComponentChildren;
}) {
  return (
    <>
      {props.values.map((v) => (
        <option key={v} value={v}>
          {props.label(v)}
        </option>
      ))}
    </>
  );
}

/** `<option>`s for shops, named as the seller knows them. */
export function ShopOptions(props: { shops: readonly { key: string; name?: string }[] }) {
  return (
    <>
      {props.shops.map((s) => (
        <option key={s.key} value={s.key}>
          {s.name ? `${s.name} (${s.key})` : s.key}
        </option>
      ))}
    </>
  );
}

/**
 * A panel's action button: off while its action runs (`busy`, showing `busyLabel` if any) or while
 * `disabled`; a click on it then does nothing, whatever the browser lets through.
 */
export function ActionButton(props: {
  label: string;
  busyLabel?: string;
  busy?: boolean;
  disabled?: boolean;
  kind?: 'primary' | 'danger';
  testId: string;
  onClick: () => void;
}) {
  const off = !!props.busy || !!props.disabled;
  return (
    <button
      type="button"
      class={props.kind}
      data-testid={props.testId}
      disabled={off}
      onClick={() => {
        if (!off) props.onClick();
      }}
    >
      {props.busy && props.busyLabel !== undefined ? props.busyLabel : props.label}
    </button>
  );
}

/** The outcome line after an action; null while there is nothing to say. */
export type Status = { kind: 'ok' | 'error'; text: string } | null;

/** A thrown value as a sentence. */
export const errorText = (e: unknown): string => (e instanceof Error ? e.message : String(e));

/** The status line: green when it went well, red when not. `as` keeps the element of its place. */
export function StatusNote(props: {
  status: Status;
  testId: string;
  as?: 'p' | 'span' | 'div';
  children?: ComponentChildren;
}) {
  if (!props.status) return null;
  const Tag = props.as ?? 'p';
  return (
    <Tag
      class={props.status.kind === 'ok' ? 'ok' : 'field-error'}
      role="status"
      data-testid={props.testId}
    >
      {props.status.text}
      {props.children}
    </Tag>
  );
}

/**
 * Busy flag and status for an action: `run` clears the status, marks busy, and shows the action's
 * own sentence on success or "failed: why" when it throws.
 */
export function useAction(t: T) {
  const [busy, setBusy] = useState(false);
  const [status, setStatus] = useState<Status>(null);
  const run = async (act: () => Promise<string | undefined>, clear = true) => {
    setBusy(true);
    if (clear) setStatus(null);
    try {
      const text = await act();
      if (text !== undefined) setStatus({ kind: 'ok', text });
    } catch (e) {
      setStatus({ kind: 'error', text: t('failed') + errorText(e) });
    } finally {
      setBusy(false);
    }
  };
  return { busy, status, setStatus, run };
}

/** An action whose question is its own key + `Confirm` (reset → resetConfirm). */
export type Askable = {
  [K in OptionsKey]: `${K}Confirm` extends OptionsKey ? K : never;
}[OptionsKey];

/**
 * A button that asks before it acts: the first click shows the action's question with Confirm /
 * Cancel. `testId` names the first button; the confirm button is `${testId}-confirm`.
 */
export function ConfirmButton(props: {
  action: Askable;
  /** The options translator, for the label, the question and Confirm / Cancel. */
  t: T;
  onConfirm: () => void;
  testId: string;
  disabled?: boolean;
  danger?: boolean;
}) {
  const { t } = props;
  const [asking, setAsking] = useState(false);
  if (!asking)
    return (
      <button
        type="button"
        class={props.danger ? 'danger' : undefined}
        data-testid={props.testId}
        disabled={props.disabled}
        onClick={() => setAsking(true)}
      >
        {t(props.action)}
      </button>
    );
  return (
    <span class="confirm" role="group">
      <span>{t(`${props.action}Confirm`)}</span>{' '}
      <button
        type="button"
        class="danger"
        data-testid={`${props.testId}-confirm`}
        onClick={() => {
          setAsking(false);
          props.onConfirm();
        }}
      >
        {t('confirm')}
      </button>{' '}
      <button type="button" data-testid={`${props.testId}-cancel`} onClick={() => setAsking(false)}>
        {t('cancel')}
      </button>
    </span>
  );
}
