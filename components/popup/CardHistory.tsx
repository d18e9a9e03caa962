/** The card's history: favourite items, the latest receiver, orders and the contact log. */
import type { ComponentChildren, JSX } from 'preact';
import type { Lang } from '@/lib/i18n';
import { t } from '@/lib/i18n/overlay';
import { t as at } from '@/lib/i18n/assistant';
import { t as pt } from '@/lib/i18n/popup';
import { formatMoney } from '@/lib/reminders';
import type { ContactEntry, Order } from '@/lib/schemas';
import { favouriteItems, formatDateTime, maskAddress, maskPhone } from './format';

/** The card's lists: each titled `card.<name>` (with its count), empty as `card.<name>None`. */
const LIST_CLASS = { favourites: 'kp-favs', orders: 'kp-orders', contacts: 'kp-contacts' } as const;

/** A titled list, or a line saying it is empty. */
function ListSection<T>(props: {
  lang: Lang;
  name: keyof typeof LIST_CLASS;
  items: readonly T[];
  children: (item: T) => ComponentChildren;
}): JSX.Element {
  const { lang, name, items } = props;
  return (
    <section class="kp-section">
      <h3 class="kp-h3">{pt(lang, `card.${name}`, { n: items.length })}</h3>
      {items.length === 0 ? (
        <p class="kp-muted">{pt(lang, `card.${name}None`)}</p>
      ) : (
        <ol class={LIST_CLASS[name]}>{items.map(props.children)}</ol>
      )}
    </section>
  );
}

/** What the customer buys most, from `orders` (newest first). */
export function Favourites(props: { lang: Lang; orders: readonly Order[] }): JSX.Element {
  const { lang } = props;
  return (
    <ListSection lang={lang} name="favourites" items={favouriteItems(props.orders)}>
      {(f) => (
        <li key={f.title}>
          <bdi>{f.title}</bdi>{' '}
          <span class="kp-muted">{pt(lang, 'card.favouriteCount', { n: f.count })}</span>
        </li>
      )}
    </ListSection>
  );
}

/** The receiver details of the newest order that has any, masked unless the seller chose not to. */
export function Receiver(props: {
  lang: Lang;
  orders: readonly Order[];
  show: boolean;
}): JSX.Element | null {
  const o = props.orders.find((x) => x.receiverName || x.receiverPhone || x.region);
  if (!o) return null;
  const phone = o.receiverPhone ? (props.show ? o.receiverPhone : maskPhone(o.receiverPhone)) : '';
  const region = o.region ? (props.show ? o.region : maskAddress(o.region)) : '';
  return (
    <section class="kp-section">
      <h3 class="kp-h3">{pt(props.lang, 'card.receiver')}</h3>
      <p class="kp-receiver">
        {[o.receiverName, phone, region].filter(Boolean).join(' · ')}
        {!props.show && <span class="kp-muted"> {pt(props.lang, 'card.receiverMasked')}</span>}
      </p>
    </section>
  );
}

/** The orders as given (the card sorts them newest first). */
export function OrderList(props: { lang: Lang; orders: readonly Order[] }): JSX.Element {
  const { lang } = props;
  return (
    <ListSection lang={lang} name="orders" items={props.orders}>
      {(o) => (
        <li key={o.key} class="kp-order" data-order-id={o.orderId}>
          <div class="kp-order-top">
            <span>{formatDateTime(o.createdAt)}</span>
            <span class={`kp-status kp-status-${o.status}`}>{at(lang, `status.${o.status}`)}</span>
            <span class="kp-amount">{formatMoney(o.amount, lang)}</span>
          </div>
          <div class="kp-order-items">
            {o.items
              .map((i) => `${i.title}${i.sku ? `（${i.sku}）` : ''} ×${i.quantity}`)
              .join('；')}
          </div>
          <div class="kp-muted kp-order-id">{o.orderId}</div>
        </li>
      )}
    </ListSection>
  );
}

/** The contact log as given (the card sorts it newest first). */
export function ContactLog(props: { lang: Lang; contacts: readonly ContactEntry[] }): JSX.Element {
  const { lang } = props;
  return (
    <ListSection lang={lang} name="contacts" items={props.contacts}>
      {(c) => (
        <li key={c.id}>
          {formatDateTime(c.at)} · {t(lang, `channel.${c.channel}`)} ·{' '}
          {pt(lang, `purpose.${c.purpose}`)}
          {c.staff && <> · {c.staff}</>}
          {c.paidAfterAt !== undefined && (
            <span class="kp-ok"> · {pt(lang, 'card.paidAfter')}</span>
          )}
          <div class="kp-muted">{c.template}</div>
        </li>
      )}
    </ListSection>
  );
}
