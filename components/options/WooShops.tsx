/**
 * WooCommerce shop addresses. Adding one asks the browser for that host at run time: `onAdd` is
 * called synchronously from the click handler, because browsers only show a permission prompt
 * during a user gesture (the caller must call permissions.request before awaiting anything).
 */
import { useState } from 'preact/hooks';
import { FieldError } from './fields';
import { type T } from '@/lib/i18n/options';

export interface WooShopsProps {
  t: T;
  /** Saved addresses (origins) and whether we hold the host permission for each. */
  shops: readonly { origin: string; granted: boolean }[];
  /** Requests the permission and saves the origin; resolves to an error text, or undefined. */
  onAdd: (origin: string) => Promise<string | undefined>;
  /** Removes the permission and the address. */
  onRemove: (origin: string) => Promise<string | undefined>;
}

/** `https://shop.example.com/wp-admin/…` -> `https://shop.example.com`; undefined if not http(s). */
export function wooOrigin(text: string): string | undefined {
  const s = text.trim();
  let url: URL;
  try {
    url = new URL(/^[a-z][a-z0-9+.-]*:\/\//i.test(s) ? s : `https://${s}`);
  } catch {
    return undefined;
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') return undefined;
  if (!url.hostname.includes('.') && url.hostname !== 'localhost') return undefined;
  return url.origin;
}

/** The list of WooCommerce addresses with add / re-allow / remove. */
export function WooShops(props: WooShopsProps) {
  const { t } = props;
  const [text, setText] = useState('');
  const [error, setError] = useState<string | undefined>();
  const [busy, setBusy] = useState(false);

  const run = (p: Promise<string | undefined>, clear: boolean) => {
    setBusy(true);
    p.then(
      (e) => {
        setError(e);
        if (!e && clear) setText('');
      },
      (e: unknown) => setError(e instanceof Error ? e.message : String(e)),
    ).finally(() => setBusy(false));
  };

  const add = () => {
    const origin = wooOrigin(text);
    if (!origin) return setError(t('wooBadUrl'));
    if (props.shops.some((s) => s.origin === origin && s.granted)) return setError(t('wooDup'));
    run(props.onAdd(origin), true);
  };

  return (
    <div class="woo">
      <p class="hint">{t('wooHint')}</p>
      <div class="row">
        <input
          type="url"
          placeholder="https://shop.example.com"
          value={text}
          data-testid="setting-wooShops-input"
          onInput={(e) => {
            setText(e.currentTarget.value);
            setError(undefined);
          }}
          onKeyDown={(e) => {
            if (e.key === 'Enter') {
              e.preventDefault();
              add();
            }
          }}
        />
        <button type="button" data-testid="setting-wooShops-add" disabled={busy} onClick={add}>
          {t('wooAdd')}
        </button>
      </div>
      <FieldError path="wooShops" errors={error ? [error] : undefined} />
      {props.shops.length === 0 ? <p class="hint">{t('wooNone')}</p> : null}
      <ul data-testid="setting-wooShops">
        {props.shops.map((s) => (
          <li key={s.origin} class="row">
            <code>{s.origin}</code>{' '}
            <span class={s.granted ? 'ok' : 'field-error'}>
              {s.granted ? t('wooGranted') : t('wooNotGranted')}
            </span>{' '}
            {s.granted ? null : (
              <button
                type="button"
                disabled={busy}
                onClick={() => run(props.onAdd(s.origin), false)}
              >
                {t('wooRegrant')}
              </button>
            )}{' '}
            <button
              type="button"
              disabled={busy}
              data-testid={`woo-remove-${s.origin}`}
              onClick={() => run(props.onRemove(s.origin), false)}
            >
              {t('wooRemove')}
            </button>
          </li>
        ))}
      </ul>
    </div>
  );
}
