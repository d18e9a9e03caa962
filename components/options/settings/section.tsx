/**
 * What every settings fieldset shares: the draft, its errors, one way to edit it, and a binder that
 * wires a field to a dotted path of the draft (value, errors and edit in one place).
 */
import type { ComponentChildren } from 'preact';
import type { Settings } from '@/lib/settings';
import type { T } from '@/lib/i18n/options';

/** Field errors by dotted path (`reminders.quietStartMinute`). */
export type Errors = Map<string, string[]>;

/** What the form hands every fieldset. */
export interface Draft {
  t: T;
  draft: Settings;
  errors: Errors;
  /** Applies an edit to the draft (marks it unsaved). */
  edit: (fn: (d: Settings) => Settings) => void;
}

export interface SectionProps extends Draft {
  /** Field props for a dotted path of the draft (see `binder`). */
  bind: ReturnType<typeof binder>;
}

/** A copy of `obj` with the value at `keys` replaced; each level on the way is copied. */
function setIn(obj: unknown, keys: readonly string[], value: unknown): unknown {
  const [head, ...rest] = keys;
  if (head === undefined) return value;
  const o = obj as Record<string, unknown>;
  return { ...o, [head]: setIn(o[head], rest, value) };
}

/**
 * Field props for a dotted path of the draft. Only for paths whose keys hold no dot (shop keys can:
 * the shops section edits by key).
 */
export function binder(props: Draft) {
  return <V,>(path: string) => {
    const keys = path.split('.');
    return {
      path,
      value: keys.reduce<unknown>((o, k) => (o as Record<string, unknown>)[k], props.draft) as V,
      errors: props.errors.get(path),
      onChange: (v: V) => props.edit((d) => setIn(d, keys, v) as Settings),
    };
  };
}

/** A titled fieldset of the form. */
export function Section(props: { legend: string; children: ComponentChildren }) {
  return (
    <fieldset>
      <legend>{props.legend}</legend>
      {props.children}
    </fieldset>
  );
}
