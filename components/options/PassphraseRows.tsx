/**
 * The passphrase fields of backup and restore: one hidden field to open a backup, or, to lock a
 * new one, the same field typed twice so a slip cannot lock the seller out of their own data.
 */
import { useState } from 'preact/hooks';
import type { T } from '@/lib/i18n/options';
import { InputRow } from './controls';

/** The typed passphrase and its repetition; `mismatch` once they differ. */
export function usePassphrase() {
  const [pass, setPass] = useState('');
  const [repeat, setRepeat] = useState('');
  return { pass, setPass, repeat, setRepeat, mismatch: pass !== '' && pass !== repeat };
}

export type Passphrase = ReturnType<typeof usePassphrase>;

/**
 * The passphrase row, and with `repeatLabel` (a new passphrase) its repetition under the
 * `${testId}2` test id once something is typed. Never autofilled.
 */
export function PassphraseRows(props: {
  t: T;
  state: Passphrase;
  label: string;
  repeatLabel?: string;
  testId: string;
}) {
  const { t, state } = props;
  const fresh = props.repeatLabel !== undefined;
  const rows = [
    { label: props.label, testId: props.testId, value: state.pass, set: state.setPass },
  ];
  if (fresh && state.pass !== '')
    rows.push({
      label: props.repeatLabel ?? '',
      testId: `${props.testId}2`,
      value: state.repeat,
      set: state.setRepeat,
    });
  return (
    <>
      {rows.map((row, i) => (
        <InputRow
          key={row.testId}
          type="password"
          autoComplete={fresh ? 'new-password' : 'off'}
          label={row.label}
          testId={row.testId}
          value={row.value}
          onInput={row.set}
          invalid={i === 1 && state.mismatch}
        >
          {i === 0 ? null : state.mismatch ? (
            <p class="field-error">{t('bkPassMismatch')}</p>
          ) : (
            <p class="hint">{t('bkPassWarn')}</p>
          )}
        </InputRow>
      ))}
    </>
  );
}
