/** The card's identity section: joins with their split buttons, same-name merge offers. */
import type { JSX } from 'preact';
import type { Lang } from '@/lib/i18n';
import { t as pt } from '@/lib/i18n/popup';
import { formatDateTime } from './format';

/** A customer joined into this one, or one that may be merged in. */
export interface JoinedRow {
  key: string;
  /** The key's buyer part (tok:…, nick:…) or the customer's nick. */
  label: string;
  reason: 'order' | 'seller';
  at: number;
  orders: number;
}

/** The card's identity section: joins with their split buttons, same-name merge offers. */
export function IdentityJoins(props: {
  lang: Lang;
  joined: readonly JoinedRow[];
  sameName: readonly JoinedRow[];
  onMerge?: (fromKey: string) => void;
  onSplit?: (key: string) => void;
}): JSX.Element | null {
  const { lang } = props;
  if (props.joined.length === 0 && props.sameName.length === 0) return null;
  return (
    <section class="kp-joins" data-kz-joins>
      {props.joined.length > 0 && (
        <>
          <h3>{pt(lang, 'join.joined')}</h3>
          <ul>
            {props.joined.map((j) => (
              <li key={j.key}>
                <bdi>{j.label}</bdi>
                <span class="kp-muted">
                  {' · '}
                  {pt(lang, j.reason === 'order' ? 'join.byOrder' : 'join.bySeller', {
                    n: j.orders,
                    date: formatDateTime(j.at),
                  })}
                </span>{' '}
                <button type="button" class="kp-linkbtn" onClick={() => props.onSplit?.(j.key)}>
                  {pt(lang, 'join.split')}
                </button>
              </li>
            ))}
          </ul>
        </>
      )}
      {props.sameName.length > 0 && (
        <>
          <h3>{pt(lang, 'join.sameName')}</h3>
          <ul>
            {props.sameName.map((c) => (
              <li key={c.key}>
                <bdi>{c.label}</bdi>
                <span class="kp-muted"> · {pt(lang, 'join.orders', { n: c.orders })}</span>{' '}
                <button type="button" class="kp-linkbtn" onClick={() => props.onMerge?.(c.key)}>
                  {pt(lang, 'join.merge')}
                </button>
              </li>
            ))}
          </ul>
        </>
      )}
    </section>
  );
}
