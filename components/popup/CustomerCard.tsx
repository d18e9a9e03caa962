/**
 * One buyer's whole story in the popup: badges, lifecycle and RFM with the rules behind them,
 * rhythm and spend, favourite items, orders newest first, the contact log, and what the seller
 * keeps by hand (tags, note, blacklist). Esc goes back to the list.
 * Presentational: props in, JSX out; every edit is a callback.
 */
import type { JSX } from 'preact';
import { useEffect, useId, useRef, useState } from 'preact/hooks';
import {
  GROUP_LABELS,
  KIND_LABELS,
  RHYTHM_LABELS,
  SEGMENT_LABELS,
  STAGE_LABELS,
  TIER_LABELS,
  explain,
  type CustomerView,
} from '@/lib/customers';
import type { Lang } from '@/lib/i18n';
import { formatMoney } from '@/lib/reminders';
import { isUncertain, type Verdict } from '@/lib/identity';
import type { ContactEntry, Customer, Order } from '@/lib/schemas';
import type { Settings } from '@/lib/settings';
import { CustomerBadges } from '../CustomerBadges';
import { t } from '@/lib/i18n/overlay';
import { favouriteItems, formatDateTime, maskAddress, maskPhone } from './format';
import { t as pt } from '@/lib/i18n/popup';
import { BLACKLIST_REASONS, COMMON_TAGS, PLATFORM_LABELS } from '@/components/popup/choices';

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
function IdentityJoins(props: {
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

/** The longest tag CustomerMeta accepts. */
const TAG_MAX = 30;

function Fact(props: { label: string; value: string; why?: string }): JSX.Element {
  return (
    <div class="kp-fact">
      <dt>{props.label}</dt>
      <dd>
        {props.value}
        {props.why && <div class="kp-why">{props.why}</div>}
      </dd>
    </div>
  );
}

function TagEditor(props: {
  lang: Lang;
  tags: string[];
  knownTags: readonly string[];
  onTags: (tags: string[]) => void;
}): JSX.Element {
  const { lang, tags } = props;
  const [draft, setDraft] = useState('');
  const listId = useId();
  const suggestions = [...new Set([...COMMON_TAGS, ...props.knownTags])].filter(
    (s) => !tags.includes(s),
  );
  const add = (raw: string) => {
    const tag = Array.from(raw.trim()).slice(0, TAG_MAX).join('');
    if (tag && !tags.includes(tag)) props.onTags([...tags, tag]);
    setDraft('');
  };
  return (
    <section class="kp-section" aria-label={pt(lang, 'card.tags')}>
      <h3 class="kp-h3">{pt(lang, 'card.tags')}</h3>
      <ul class="kp-tags">
        {tags.map((tag) => (
          <li key={tag} class="kp-tag">
            <bdi>{tag}</bdi>
            <button
              type="button"
              class="kp-x"
              aria-label={pt(lang, 'card.tagRemove', { tag })}
              onClick={() => props.onTags(tags.filter((x) => x !== tag))}
            >
              ×
            </button>
          </li>
        ))}
      </ul>
      <input
        class="kp-field"
        aria-label={pt(lang, 'card.tagAdd')}
        placeholder={pt(lang, 'card.tagPlaceholder')}
        list={listId}
        maxLength={TAG_MAX}
        value={draft}
        onInput={(e) => setDraft(e.currentTarget.value)}
        onKeyDown={(e) => {
          if (e.key === 'Enter' && !e.isComposing) {
            e.preventDefault();
            add(draft);
          }
        }}
      />
      <datalist id={listId}>
        {suggestions.map((s) => (
          <option key={s} value={s} />
        ))}
      </datalist>
      {suggestions.length > 0 && (
        <div class="kp-suggest">
          <span class="kp-muted">{pt(lang, 'card.tagSuggest')}</span>
          {suggestions.slice(0, 8).map((s) => (
            <button key={s} type="button" class="kp-chipbtn" onClick={() => add(s)}>
              + <bdi>{s}</bdi>
            </button>
          ))}
        </div>
      )}
    </section>
  );
}

function NoteEditor(props: {
  lang: Lang;
  note: string;
  onNote: (note: string) => void;
}): JSX.Element {
  const { lang } = props;
  const [draft, setDraft] = useState(props.note);
  const editing = useRef(false);
  // A note saved elsewhere (another staff member's overlay) shows up unless we are typing.
  useEffect(() => {
    if (!editing.current) setDraft(props.note);
  }, [props.note]);
  const save = () => {
    if (draft !== props.note) props.onNote(draft);
  };
  return (
    <section class="kp-section">
      <label class="kp-h3" for="kp-note">
        {pt(lang, 'card.note')}
      </label>
      <textarea
        id="kp-note"
        class="kp-field kp-note"
        rows={3}
        maxLength={5000}
        placeholder={pt(lang, 'card.notePlaceholder')}
        value={draft}
        onFocus={() => (editing.current = true)}
        onInput={(e) => setDraft(e.currentTarget.value)}
        onBlur={() => {
          editing.current = false;
          save();
        }}
        onKeyDown={(e) => {
          if (e.key === 'Enter' && (e.ctrlKey || e.metaKey)) {
            e.preventDefault();
            save();
          }
        }}
      />
    </section>
  );
}

function Blacklist(props: {
  lang: Lang;
  blacklisted: boolean;
  reason: string;
  onBlacklist: (blacklisted: boolean, reason: string) => void;
}): JSX.Element {
  const { lang } = props;
  const [reason, setReason] = useState(props.reason);
  useEffect(() => setReason(props.reason), [props.reason]);
  const listId = useId();
  return (
    <section class="kp-section kp-blacklist">
      <label class="kp-check">
        <input
          type="checkbox"
          checked={props.blacklisted}
          onChange={(e) => props.onBlacklist(e.currentTarget.checked, reason.trim())}
        />
        {pt(lang, 'card.blacklist')}
      </label>
      <input
        class="kp-field"
        aria-label={pt(lang, 'card.blacklistReason')}
        placeholder={pt(lang, 'card.blacklistPlaceholder')}
        list={listId}
        maxLength={500}
        value={reason}
        onInput={(e) => setReason(e.currentTarget.value)}
        onBlur={() => {
          if (reason.trim() !== props.reason) props.onBlacklist(props.blacklisted, reason.trim());
        }}
      />
      <datalist id={listId}>
        {BLACKLIST_REASONS.map((r) => (
          <option key={r} value={r} />
        ))}
      </datalist>
    </section>
  );
}

function Forget(props: { lang: Lang; onForget: () => void }): JSX.Element {
  const { lang } = props;
  const [asking, setAsking] = useState(false);
  return (
    <section class="kp-section kp-forget">
      {asking ? (
        <div role="alertdialog" aria-label={pt(lang, 'card.forget')}>
          <p>{pt(lang, 'card.forgetConfirm')}</p>
          <button type="button" class="kp-danger" onClick={props.onForget}>
            {pt(lang, 'card.forgetYes')}
          </button>{' '}
          <button type="button" onClick={() => setAsking(false)}>
            {pt(lang, 'card.forgetNo')}
          </button>
        </div>
      ) : (
        <button type="button" class="kp-link-danger" onClick={() => setAsking(true)}>
          {pt(lang, 'card.forget')}
        </button>
      )}
    </section>
  );
}

/** The receiver details of the newest order that has any, masked unless the seller chose not to. */
function Receiver(props: {
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

/** The customer card. */
export function CustomerCard(props: CustomerCardProps): JSX.Element {
  const { lang, view, customer, settings } = props;
  const root = useRef<HTMLDivElement>(null);
  useEffect(() => root.current?.focus(), [customer.key]);
  const orders = [...props.orders].sort(
    (a, b) => b.createdAt - a.createdAt || (a.orderId < b.orderId ? 1 : -1),
  );
  const contacts = [...props.contacts].sort((a, b) => b.at - a.at);
  const favourites = favouriteItems(orders);
  const money = (fen: number) => formatMoney(fen, lang);
  const ex = view.explanations;
  const none = pt(lang, 'card.none');
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
            {PLATFORM_LABELS[customer.platform][lang]} · <bdi>{props.shopName}</bdi>
          </div>
        </div>
      </header>
      <CustomerBadges
        view={view}
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

      <section class="kp-section" aria-label={pt(lang, 'card.profile')}>
        <dl class="kp-facts">
          <Fact
            label={pt(lang, 'card.lifecycle')}
            value={`${STAGE_LABELS[view.stage][lang]} · ${GROUP_LABELS[view.group][lang]}`}
            why={explain(ex.stage, lang)}
          />
          <Fact
            label={pt(lang, 'card.kind')}
            value={KIND_LABELS[view.kind][lang]}
            why={explain(ex.kind, lang)}
          />
          <Fact
            label={pt(lang, 'card.tier')}
            value={TIER_LABELS[view.tier][lang]}
            why={explain(ex.tier, lang)}
          />
          <Fact
            label={pt(lang, 'card.rfm')}
            value={`R${view.rfm.r} F${view.rfm.f} M${view.rfm.m}`}
            why={explain(ex.rfm, lang)}
          />
          <Fact
            label={pt(lang, 'card.segment')}
            value={SEGMENT_LABELS[view.segment][lang]}
            why={explain(ex.segment, lang)}
          />
          <Fact label={pt(lang, 'card.rhythm')} value={RHYTHM_LABELS[view.rhythm][lang]} />
          <Fact
            label={pt(lang, 'card.purchases')}
            value={pt(lang, 'card.purchasesValue', { n: view.purchaseCount })}
          />
          <Fact
            label={pt(lang, 'card.recency')}
            value={
              view.recencyDays === null
                ? none
                : pt(lang, 'card.recencyValue', { n: view.recencyDays })
            }
          />
          <Fact
            label={pt(lang, 'card.aov')}
            value={view.purchaseCount > 0 ? money(view.avgOrderValue) : none}
          />
          <Fact label={pt(lang, 'card.total')} value={money(view.totalSpent)} />
        </dl>
      </section>

      <section class="kp-section">
        <h3 class="kp-h3">{pt(lang, 'card.favourites')}</h3>
        {favourites.length === 0 ? (
          <p class="kp-muted">{pt(lang, 'card.favouritesNone')}</p>
        ) : (
          <ol class="kp-favs">
            {favourites.map((f) => (
              <li key={f.title}>
                <bdi>{f.title}</bdi>{' '}
                <span class="kp-muted">{pt(lang, 'card.favouriteCount', { n: f.count })}</span>
              </li>
            ))}
          </ol>
        )}
      </section>

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

      <section class="kp-section">
        <h3 class="kp-h3">{pt(lang, 'card.orders', { n: orders.length })}</h3>
        {orders.length === 0 ? (
          <p class="kp-muted">{pt(lang, 'card.ordersNone')}</p>
        ) : (
          <ol class="kp-orders">
            {orders.map((o) => (
              <li key={o.key} class="kp-order" data-order-id={o.orderId}>
                <div class="kp-order-top">
                  <span>{formatDateTime(o.createdAt)}</span>
                  <span class={`kp-status kp-status-${o.status}`}>
                    {t(lang, `status.${o.status}`)}
                  </span>
                  <span class="kp-amount">{money(o.amount)}</span>
                </div>
                <div class="kp-order-items">
                  {o.items
                    .map((i) => `${i.title}${i.sku ? `（${i.sku}）` : ''} ×${i.quantity}`)
                    .join('；')}
                </div>
                <div class="kp-muted kp-order-id">{o.orderId}</div>
              </li>
            ))}
          </ol>
        )}
      </section>

      <section class="kp-section">
        <h3 class="kp-h3">{pt(lang, 'card.contacts')}</h3>
        {contacts.length === 0 ? (
          <p class="kp-muted">{pt(lang, 'card.contactsNone')}</p>
        ) : (
          <ol class="kp-contacts">
            {contacts.map((c) => (
              <li key={c.id}>
                {formatDateTime(c.at)} · {t(lang, `channel.${c.channel}`)} ·{' '}
                {pt(lang, `purpose.${c.purpose}`)}
                {c.staff && <> · {c.staff}</>}
                {c.paidAfterAt !== undefined && (
                  <span class="kp-ok"> · {pt(lang, 'card.paidAfter')}</span>
                )}
                <div class="kp-muted">{c.template}</div>
              </li>
            ))}
          </ol>
        )}
      </section>

      <Forget lang={lang} onForget={props.onForget} />
    </div>
  );
}
