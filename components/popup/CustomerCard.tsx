/**
 * One buyer's whole story in the popup: badges, lifecycle and RFM with the rules behind them,
 * rhythm and spend, favourite items, orders newest first, the contact log, and what the seller
 * keeps by hand (tags, note, blacklist). Esc goes back to the list.
 * Presentational: props in, JSX out; every edit is a callback.
 */
import type { JSX } from 'preact';
import { useEffect, useRef } from 'preact/hooks';
import type { CustomerView } from '@/lib/customers';
import type { Lang } from '@/lib/i18n';
import { t as pt } from '@/lib/i18n/popup';
import { isUncertain, type Verdict } from '@/lib/identity';
import type { ContactEntry, Customer, Order } from '@/lib/schemas';
import type { Settings } from '@/lib/settings';
import { CustomerBadges } from '../CustomerBadges';
import { Blacklist, Forget, NoteEditor, TagEditor } from './CardEditors';
import { ContactLog, Favourites, OrderList, Receiver } from './CardHistory';
import { CardProfile } from './CardProfile';
import { IdentityJoins, type JoinedRow } from './IdentityJoins';
import { ShopLine } from './ShopLine';

export type { JoinedRow };

/** The hand-kept part of a customer (CustomerMeta without its bookkeeping). */
export interface CardMeta {
  tags: string[];
  note: string;
  blacklisted: boolean;
  blacklistReason: string;
}

/** Props of {@link CustomerCard}. */
export interface CustomerCardProps {
  lang: Lang;
  settings: Settings;
  customer: Customer;
  /** describeCustomer without asOf: the buyer as they are now. */
  view: CustomerView;
  shopName: string;
  /** The customer's orders, any order: the card sorts them newest first. */
  orders: readonly Order[];
  contacts: readonly ContactEntry[];
  meta: CardMeta;
  /** Tags used on other customers, suggested after the common ones. */
  knownTags: readonly string[];
  onBack: () => void;
  onTags: (tags: string[]) => void;
  onNote: (note: string) => void;
  onBlacklist: (blacklisted: boolean, reason: string) => void;
  onForget: () => void;
  /** Whether this shop's buyer tokens recognise returning buyers (lib/identity). */
  tokenVerdict?: Verdict;
  /** Customers joined into this one: each can be split back out (undoes the merge). */
  joined?: readonly JoinedRow[];
  /** Other customers of the shop under the same name, offered for the seller's merge. */
  sameName?: readonly JoinedRow[];
  onMerge?: (fromKey: string) => void;
  onSplit?: (key: string) => void;
}

/** The customer card. */
export function CustomerCard(props: CustomerCardProps): JSX.Element {
  const { lang, view, customer, settings } = props;
  const root = useRef<HTMLDivElement>(null);
  useEffect(() => root.current?.focus(), [customer.key]);
  const orders = [...props.orders].sort(
    (a, b) => b.createdAt - a.createdAt || (a.orderId < b.orderId ? 1 : -1),
  );
  const contacts = [...props.contacts].sort((a, b) => b.at - a.at);
  const masked = isUncertain(customer.identity, customer.purchaseCount, props.tokenVerdict);

  return (
    <div
      ref={root}
      class="kp-card"
      tabIndex={-1}
      onKeyDown={(e) => {
        if (e.key === 'Escape' && !e.isComposing) {
          e.preventDefault();
          e.stopPropagation();
          props.onBack();
        }
      }}
    >
      <header class="kp-card-head">
        <button
          type="button"
          class="kp-back"
          onClick={props.onBack}
          title={pt(lang, 'card.backHint')}
        >
          ← {pt(lang, 'card.back')}
        </button>
        <div>
          <h2 class="kp-card-nick">
            <bdi>{customer.nick}</bdi>
          </h2>
          <div class="kp-muted">
            <ShopLine lang={lang} of={{ platform: customer.platform, shopName: props.shopName }} />
          </div>
        </div>
      </header>
      <CustomerBadges
        view={view}
        asOfOrder={false}
        identity={masked ? 'masked' : 'known'}
        tags={props.meta.tags}
        blacklisted={props.meta.blacklisted}
        blacklistReason={props.meta.blacklistReason}
        settings={settings}
        lang={lang}
        compact={false}
      />
      {masked && <p class="kp-muted">{pt(lang, 'card.uncertain')}</p>}
      <IdentityJoins
        lang={lang}
        joined={props.joined ?? []}
        sameName={props.sameName ?? []}
        onMerge={props.onMerge}
        onSplit={props.onSplit}
      />
      <CardProfile lang={lang} view={view} />
      <Favourites lang={lang} orders={orders} />

      <Receiver lang={lang} orders={orders} show={settings.showPersonalData} />

      <TagEditor
        lang={lang}
        tags={props.meta.tags}
        knownTags={props.knownTags}
        onTags={props.onTags}
      />
      <NoteEditor lang={lang} note={props.meta.note} onNote={props.onNote} />
      <Blacklist
        lang={lang}
        blacklisted={props.meta.blacklisted}
        reason={props.meta.blacklistReason}
        onBlacklist={props.onBlacklist}
      />
      <OrderList lang={lang} orders={orders} />
      <ContactLog lang={lang} contacts={contacts} />

      <Forget lang={lang} onForget={props.onForget} />
    </div>
  );
}
