/**
 * Form fields for the options page. Numbers and times keep the text the seller typed while it is
 * being edited (so "1." or "22:" is not rewritten under the cursor) and hand the parsed value up;
 * a value that does not parse goes up as NaN, which the zod validation reports next to the field.
 */
import type { ComponentChildren } from 'preact';
import { useEffect, useState } from 'preact/hooks';

/** Stable test id of a settings field: `setting-reminders.quietStartMinute`. */
export const fieldTestId = (path: string): string => `setting-${path}`;

/** The error line under a field (nothing when there is no error). */
export function FieldError(props: { path: string; errors: readonly string[] | undefined }) {
  if (!props.errors?.length) return null;
  return (
    <p class="field-error" role="alert" data-testid={`error-${props.path}`}>
      {props.errors.join('；')}
    </p>
  );
}

interface Base {
  path: string;
  label: ComponentChildren;
  errors?: readonly string[];
}

const parseNumber = (text: string): number => (text.trim() === '' ? NaN : Number(text.trim()));

/** A number input. */
export function NumberField(
  props: Base & { value: number; onChange: (v: number) => void; step?: number; min?: number },
) {
  const [text, setText] = useState(Number.isNaN(props.value) ? '' : String(props.value));
  useEffect(() => {
    // Follow outside changes (reset, load) without fighting the text being typed.
    if (!Object.is(parseNumber(text), props.value))
      setText(Number.isNaN(props.value) ? '' : String(props.value));
  }, [props.value]);
  const invalid = !!props.errors?.length;
  return (
    <label class={`field${invalid ? ' invalid' : ''}`}>
      <span class="label">{props.label}</span>
      <input
        type="text"
        inputMode="decimal"
        value={text}
        aria-invalid={invalid}
        data-testid={fieldTestId(props.path)}
        onInput={(e) => {
          const v = e.currentTarget.value;
          setText(v);
          props.onChange(parseNumber(v));
        }}
      />
      <FieldError path={props.path} errors={props.errors} />
    </label>
  );
}

/** "22:00" -> 1320; NaN when the text is not a clock time. */
export function parseHhMm(text: string): number {
  const m = /^\s*(\d{1,2})\s*[:：]\s*(\d{2})\s*$/.exec(text);
  if (!m) return NaN;
  const h = Number(m[1]);
  const min = Number(m[2]);
  if (h > 24 || min > 59 || (h === 24 && min > 0)) return NaN;
  return h * 60 + min;
}

/** 1320 -> "22:00" */
export function formatHhMm(minutes: number): string {
  if (!Number.isFinite(minutes)) return '';
  return `${String(Math.floor(minutes / 60)).padStart(2, '0')}:${String(minutes % 60).padStart(2, '0')}`;
}

/** A clock time typed as HH:mm, stored as minutes after midnight. */
export function TimeField(
  props: Base & { value: number; onChange: (v: number) => void; formatError: string },
) {
  const [text, setText] = useState(formatHhMm(props.value));
  useEffect(() => {
    if (!Object.is(parseHhMm(text), props.value)) setText(formatHhMm(props.value));
  }, [props.value]);
  const own = text.trim() !== '' && Number.isNaN(parseHhMm(text)) ? [props.formatError] : [];
  const errors = own.length ? own : props.errors;
  const invalid = !!errors?.length;
  return (
    <label class={`field${invalid ? ' invalid' : ''}`}>
      <span class="label">{props.label}</span>
      <input
        type="text"
        placeholder="HH:mm"
        size={6}
        value={text}
        aria-invalid={invalid}
        data-testid={fieldTestId(props.path)}
        onInput={(e) => {
          const v = e.currentTarget.value;
          setText(v);
          props.onChange(parseHhMm(v));
        }}
      />
      <FieldError path={props.path} errors={errors} />
    </label>
  );
}

/** A one-line text input. */
export function TextField(
  props: Base & { value: string; onChange: (v: string) => void; placeholder?: string },
) {
  const invalid = !!props.errors?.length;
  return (
    <label class={`field${invalid ? ' invalid' : ''}`}>
      <span class="label">{props.label}</span>
      <input
        type="text"
        value={props.value}
        placeholder={props.placeholder}
        aria-invalid={invalid}
        data-testid={fieldTestId(props.path)}
        onInput={(e) => props.onChange(e.currentTarget.value)}
      />
      <FieldError path={props.path} errors={props.errors} />
    </label>
  );
}

/** A checkbox. */
export function CheckField(props: Base & { value: boolean; onChange: (v: boolean) => void }) {
  return (
    <label class="field check">
      <input
        type="checkbox"
        checked={props.value}
        data-testid={fieldTestId(props.path)}
        onChange={(e) => props.onChange(e.currentTarget.checked)}
      />
      <span class="label">{props.label}</span>
      <FieldError path={props.path} errors={props.errors} />
    </label>
  );
}

/** A select over fixed options. */
export function SelectField<V extends string>(
  props: Base & {
    value: V;
    options: readonly { value: V; label: string }[];
    onChange: (v: V) => void;
  },
) {
  return (
    <label class="field">
      <span class="label">{props.label}</span>
      <select
        value={props.value}
        data-testid={fieldTestId(props.path)}
        onChange={(e) => props.onChange(e.currentTarget.value as V)}
      >
        {props.options.map((o) => (
          <option key={o.value} value={o.value}>
            {o.label}
          </option>
        ))}
      </select>
      <FieldError path={props.path} errors={props.errors} />
    </label>
  );
}

/**
 * A button that asks before it acts: the first click shows the question with Confirm / Cancel.
 * `testId` names the first button; the confirm button is `${testId}-confirm`.
 */
export function ConfirmButton(props: {
  label: string;
  question: string;
  confirmLabel: string;
  cancelLabel: string;
  onConfirm: () => void;
  testId: string;
  disabled?: boolean;
  danger?: boolean;
}) {
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
        {props.label}
      </button>
    );
  return (
    <span class="confirm" role="group">
      <span>{props.question}</span>{' '}
      <button
        type="button"
        class="danger"
        data-testid={`${props.testId}-confirm`}
        onClick={() => {
          setAsking(false);
          props.onConfirm();
        }}
      >
        {props.confirmLabel}
      </button>{' '}
      <button type="button" data-testid={`${props.testId}-cancel`} onClick={() => setAsking(false)}>
        {props.cancelLabel}
      </button>
    </span>
  );
}
