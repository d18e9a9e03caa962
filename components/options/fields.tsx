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

/** The frame every labelled control shares: caption above, control, then whatever follows it. */
export function Labelled(props: {
  label: ComponentChildren;
  invalid?: boolean;
  children: ComponentChildren;
}) {
  return (
    <label class={`field${props.invalid ? ' invalid' : ''}`}>
      <span class="label">{props.label}</span>
      {props.children}
    </label>
  );
}

interface Base {
  path: string;
  label: ComponentChildren;
  errors?: readonly string[];
}

/** A text input for a typed value, following outside changes but not the text being typed. */
function ParsedField<V extends number | string>(
  props: Base & {
    value: V;
    onChange: (v: V) => void;
    parse: (text: string) => V;
    format: (v: V) => string;
    /** Shown instead of the schema's errors while the text does not parse. */
    formatError?: string;
    inputMode?: 'decimal';
    placeholder?: string;
    size?: number;
  },
) {
  const { parse, format } = props;
  const [text, setText] = useState(format(props.value));
  useEffect(() => {
    // Follow outside changes (reset, load) without fighting the text being typed.
    if (!Object.is(parse(text), props.value)) setText(format(props.value));
  }, [props.value]);
  const unparsed =
    props.formatError !== undefined && text.trim() !== '' && Number.isNaN(parse(text));
  const errors = unparsed ? [props.formatError!] : props.errors;
  const invalid = !!errors?.length;
  return (
    <Labelled label={props.label} invalid={invalid}>
      <input
        type="text"
        inputMode={props.inputMode}
        placeholder={props.placeholder}
        size={props.size}
        value={text}
        aria-invalid={invalid}
        data-testid={fieldTestId(props.path)}
        onInput={(e) => {
          const v = e.currentTarget.value;
          setText(v);
          props.onChange(parse(v));
        }}
      />
      <FieldError path={props.path} errors={errors} />
    </Labelled>
  );
}

const parseNumber = (text: string): number => (text.trim() === '' ? NaN : Number(text.trim()));
const formatNumber = (v: number): string => (Number.isNaN(v) ? '' : String(v));

/** A number input. */
export function NumberField(
  props: Base & { value: number; onChange: (v: number) => void; step?: number; min?: number },
) {
  return <ParsedField {...props} parse={parseNumber} format={formatNumber} inputMode="decimal" />;
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
  return (
    <ParsedField {...props} parse={parseHhMm} format={formatHhMm} placeholder="HH:mm" size={6} />
  );
}

const asTyped = (text: string): string => text;

/** A one-line text input. */
export function TextField(
  props: Base & { value: string; onChange: (v: string) => void; placeholder?: string },
) {
  return <ParsedField {...props} parse={asTyped} format={asTyped} />;
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
    <Labelled label={props.label}>
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
    </Labelled>
  );
}
