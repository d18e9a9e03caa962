/** The card's history: favourite items, the latest receiver, orders and the contact log. */
import type { ComponentChildren, JSX } from 'preact';
import type { Lang } from '@/lib/i18n';
import { t } from '@/lib/i18n/overlay';
import { t as pt } from '@/lib/i18n/popup';
import { formatMoney } from '@/lib/reminders';
import type { ContactEntry, Order } from '@/lib/schemas';
import { favouriteItems, formatDateTime, maskAddress, maskPhone } from './format';

/** A titled list, or a line saying it is empty. */
function ListSection<T>(props: {
  title: string;
  empty: string;
  listClass: string;
  items: readonly T[];
  children: (item: T) => ComponentChildren;
}): JSX.Element {
  return (
    <section class="kp-section">
      <h3 class="kp-h3">{props.title}</h3>
      {props.items.length === 0 ? (
        <p class="kp-muted">{props.empty}</p>
      ) : (
        <ol class={props.listClass}>{props.items.map(props.children)}</ol>
      )}
    </section>
  );
}

/** What the customer buys most, from `orders` (newest first). */
export function Favourites(props: { lang: Lang; orders: readonly Order[] }): JSX.Element {
  const { lang } = props;
  return (
    <ListSection
      title={pt(lang, 'card.favourites')}
      empty={pt(lang, 'card.favouritesNone')}
      listClass="kp-favs"
      items={favouriteItems(props.orders)}
    >
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
  const { lang, orders } = props;
  return (
    <ListSection
      title={pt(lang, 'card.orders', { n: orders.length })}
      empty={pt(lang, 'card.ordersNone')}
      listClass="kp-orders"
      items={orders}
    >
      {(o) => (
        <li key={o.key} class="kp-order" data-order-id={o.orderId}>
          <div class="kp-order-top">
            <span>{formatDateTime(o.createdAt)}</span>
            <span class={`kp-status kp-status-${o.status}`}>{t(lang, `status.${o.status}`)}</span>
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
    <ListSection
      title={pt(lang, 'card.contacts')}
      empty={pt(lang, 'card.contactsNone')}
      listClass="kp-contacts"
      items={props.contacts}
    >
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
