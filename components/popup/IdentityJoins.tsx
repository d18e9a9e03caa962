/**
 * The card's identity section: customers joined into this one (each can be split back out) and
 * same-name customers the seller may merge in.
 */
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

/** One list of the identity section: each customer with what it is and one action. */
function JoinList(props: {
  title: string;
  rows: readonly JoinedRow[];
  detail: (row: JoinedRow) => string;
  action: string;
  onAction?: (key: string) => void;
}): JSX.Element | null {
  if (props.rows.length === 0) return null;
  return (
    <>
      <h3>{props.title}</h3>
      <ul>
        {props.rows.map((r) => (
          <li key={r.key}>
            <bdi>{r.label}</bdi>
            <span class="kp-muted"> · {props.detail(r)}</span>{' '}
            <button type="button" class="kp-linkbtn" onClick={() => props.onAction?.(r.key)}>
              {props.action}
            </button>
          </li>
        ))}
      </ul>
    </>
  );
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
      <JoinList
        title={pt(lang, 'join.joined')}
        rows={props.joined}
        detail={(j) =>
          pt(lang, j.reason === 'order' ? 'join.byOrder' : 'join.bySeller', {
            n: j.orders,
            date: formatDateTime(j.at),
          })
        }
        action={pt(lang, 'join.split')}
        onAction={props.onSplit}
      />
      <JoinList
        title={pt(lang, 'join.sameName')}
        rows={props.sameName}
        detail={(c) => pt(lang, 'join.orders', { n: c.orders })}
        action={pt(lang, 'join.merge')}
        onAction={props.onMerge}
      />
    </section>
  );
}
