/**
 * The search box and its list, keyboard first: the input has focus on open, ↑/↓ move through the
 * list, Enter opens the highlighted customer, Esc clears the query. With an empty query the list
 * is the recent customers and `idle` (the due-today list) shows above it.
 * Presentational: props in, JSX out.
 */
import type { ComponentChildren, JSX } from 'preact';
import { useCallback, useEffect, useId, useMemo, useRef, useState } from 'preact/hooks';
import {
  KIND_LABELS,
  SEGMENT_LABELS,
  TIER_LABELS,
  type Kind,
  type Segment,
  type Tier,
} from '@/lib/customers';
import type { Lang } from '@/lib/i18n';
import type { Identity, Platform } from '@/lib/schemas';
import { formatDate } from './format';
import { t } from '@/lib/i18n/popup';
import { ShopLine } from './ShopLine';

/** One row of the list: a customer as the list shows them. */
export interface ResultRowData {
  key: string;
  nick: string;
  platform: Platform;
  shopName: string;
  identity: Identity;
  /** No 新客/老客, tier or segment is claimed (lib/identity isUncertain); else from identity. */
  uncertain?: boolean;
  tier: Tier;
  segment: Segment;
  kind: Kind;
  lastOrderAt: number;
  blacklisted: boolean;
  /** What the query matched, already phrased (search results only). */
  matched?: string;
}

/** Props of {@link SearchPanel}. */
export interface SearchPanelProps {
  lang: Lang;
  query: string;
  onQuery: (q: string) => void;
  /** Results for a query, or the recent customers for an empty one; null while loading. */
  rows: ResultRowData[] | null;
  /**
   * The rows are for an earlier query (the new one is still being looked up). Enter then waits
   * for the fresh rows, so a fast "type and Enter" never opens a stale result.
   */
  pending?: boolean;
  onOpen: (key: string) => void;
  /** Shown above the list when the query is empty (the due-today list). */
  idle?: ComponentChildren;
  /** The customer to highlight first (the one last opened, when coming back from its card). */
  initialKey?: string | null;
}

/** One customer in the list. */
export function ResultRow(props: {
  row: ResultRowData;
  lang: Lang;
  active: boolean;
  id: string;
  /** The row's place in the list (what {@link ResultRow.onHover} reports). */
  index: number;
  onOpen: (key: string) => void;
  onHover: (index: number) => void;
}): JSX.Element {
  const { row, lang } = props;
  const uncertain = row.uncertain ?? row.identity === 'masked';
  return (
    <li
      id={props.id}
      role="option"
      aria-selected={props.active}
      class={props.active ? 'kp-row kp-active' : 'kp-row'}
      data-key={row.key}
      onClick={() => props.onOpen(row.key)}
      onMouseMove={() => props.onHover(props.index)}
    >
      <div class="kp-row-top">
        <bdi class="kp-nick">{row.nick}</bdi>
        {row.blacklisted && <span class="kp-pill kp-red">{t(lang, 'row.blacklisted')}</span>}
        <ShopLine class="kp-muted kp-shop" lang={lang} of={row} />
      </div>
      <div class="kp-row-bottom">
        {uncertain ? (
          <span class="kp-pill">{t(lang, 'row.uncertain')}</span>
        ) : (
          <>
            <span class={`kp-pill kp-tier-${row.tier}`}>{TIER_LABELS[row.tier][lang]}</span>
            <span class="kp-pill">{SEGMENT_LABELS[row.segment][lang]}</span>
            <span class="kp-pill">{KIND_LABELS[row.kind][lang]}</span>
          </>
        )}
        <span class="kp-muted">
          {t(lang, 'row.lastOrder', { date: formatDate(row.lastOrderAt) })}
        </span>
        {row.matched && <span class="kp-match">{row.matched}</span>}
      </div>
    </li>
  );
}

/** Search box plus result list (or due-today and recent customers when the query is empty). */
export function SearchPanel(props: SearchPanelProps): JSX.Element {
  const { lang, query, rows } = props;
  const listId = useId();
  const input = useRef<HTMLInputElement>(null);
  const [active, setActive] = useState(0);
  const searching = query.trim() !== '';
  const count = rows?.length ?? 0;
  const optionId = (i: number) => `${listId}-opt-${i}`;

  useEffect(() => input.current?.focus(), []);
  // A new query (or a new best result) starts at the top; the first rows after coming back from
  // a card start on the customer that was opened.
  const firstKey = rows?.[0]?.key;
  const seeded = useRef(false);
  useEffect(() => {
    if (!rows) return;
    const wanted = seeded.current ? -1 : rows.findIndex((r) => r.key === props.initialKey);
    seeded.current = true;
    setActive(Math.max(0, wanted));
  }, [query, firstKey, rows === null]);
  const current = Math.min(active, Math.max(0, count - 1));
  useEffect(() => {
    // Keep the highlighted row in view (jsdom has no scrollIntoView, hence the optional call).
    document.getElementById(optionId(current))?.scrollIntoView?.({ block: 'nearest' });
  }, [current]);

  // Handlers that keep one identity across renders, so the rows below can be reused as they are.
  const onOpen = useRef(props.onOpen);
  onOpen.current = props.onOpen;
  const openRow = useCallback((key: string) => onOpen.current(key), []);
  // The rows' elements are made again only when the rows, the highlight or the language change:
  // a keystroke's first render (the query, with the earlier rows marked stale) then reuses them.
  // Keyed by place, not by customer: the next query's rows patch these in place instead of
  // replacing every element of the list.
  const items = useMemo(
    () =>
      rows?.map((row, i) => (
        <ResultRow
          key={i}
          id={optionId(i)}
          index={i}
          row={row}
          lang={lang}
          active={i === current}
          onOpen={openRow}
          onHover={setActive}
        />
      )),
    [rows, current, lang, listId],
  );

  const queuedEnter = useRef(false);
  useEffect(() => {
    if (props.pending || !queuedEnter.current || !rows) return;
    queuedEnter.current = false;
    const row = rows[0];
    if (row) props.onOpen(row.key);
  }, [props.pending, rows]);

  const onKeyDown = (e: KeyboardEvent) => {
    if (e.isComposing) return; // an IME is still choosing characters: its keys are not ours
    if (e.key === 'ArrowDown') {
      e.preventDefault();
      if (count > 0) setActive(Math.min(current + 1, count - 1));
    } else if (e.key === 'ArrowUp') {
      e.preventDefault();
      setActive(Math.max(current - 1, 0));
    } else if (e.key === 'Enter') {
      if (props.pending) {
        e.preventDefault();
        queuedEnter.current = true;
        return;
      }
      const row = rows?.[current];
      if (row) {
        e.preventDefault();
        props.onOpen(row.key);
      }
    } else if (e.key === 'Escape') {
      if (query !== '') {
        // Clearing is ours; with nothing to clear, Esc closes the popup as the browser does.
        e.preventDefault();
        e.stopPropagation();
        props.onQuery('');
      }
    }
  };
  return (
    <div class="kp-search" aria-busy={rows === null || !!props.pending}>
      <input
        ref={input}
        class="kp-input"
        type="search"
        role="combobox"
        aria-label={t(lang, 'search.label')}
        aria-expanded={count > 0}
        aria-controls={listId}
        aria-activedescendant={count > 0 ? optionId(current) : undefined}
        aria-autocomplete="list"
        placeholder={t(lang, 'search.placeholder')}
        value={query}
        autoComplete="off"
        spellcheck={false}
        onInput={(e) => {
          queuedEnter.current = false;
          props.onQuery(e.currentTarget.value);
        }}
        onKeyDown={onKeyDown}
      />
      {!searching && props.idle}
      <h2 class="kp-h2">{t(lang, searching ? 'search.results' : 'recent.title')}</h2>
      {rows === null ? (
        <p class="kp-muted">{t(lang, 'search.loading')}</p>
      ) : count === 0 ? (
        <div class="kp-empty" role="status">
          {searching ? (
            <>
              <p>{t(lang, 'search.none', { q: query.trim() })}</p>
              <p class="kp-muted">{t(lang, 'search.hint')}</p>
            </>
          ) : (
            <p class="kp-muted">{t(lang, 'recent.none')}</p>
          )}
        </div>
      ) : (
        <>
          <ul
            id={listId}
            role="listbox"
            class={props.pending ? 'kp-list kp-stale' : 'kp-list'}
            aria-label={t(lang, 'search.results')}
          >
            {items}
          </ul>
          <p class="kp-muted kp-keys">{t(lang, 'search.keys')}</p>
        </>
      )}
    </div>
  );
}
