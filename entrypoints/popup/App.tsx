/**
 * The popup: find any buyer in a keystroke and show their whole story. Reads Dexie directly
 * (liveQuery: what the background writes shows at once); every write is a message to the
 * background (lib/browser/rpc `send`).
 */
import type { JSX } from 'preact';
import { useEffect, useLayoutEffect, useMemo, useState } from 'preact/hooks';
import { BADGE_CSS } from '@/components/CustomerBadges';
import type { CustomerCardProps } from '@/components/popup/CustomerCard';
import type { DueListProps } from '@/components/popup/DueList';
import { lazyComponent, lazyModule, useLazyModule } from '@/components/lazy';
import { SearchPanel } from '@/components/popup/SearchPanel';
import { ALL_SHOPS, ShopBar, type ShopRowData } from '@/components/popup/ShopBar';
import { t } from '@/lib/i18n/popup';
import type { KezhiDb } from '@/lib/db';
import { useLiveQuery } from '@/lib/db/live';
import { send } from '@/lib/browser/rpc';
// The zod-free reader: the schema library is not in the popup's first load.
import { readSettings, watchReadSettings } from '@/lib/browser/settings-read';
import type { Settings } from '@/lib/settings';
import { DEFAULT_SETTINGS } from '@/lib/settings-defaults';
import { copyText } from '@/components/copy-text';
import { openDashboard, openOptions, openWelcome } from './actions';
import type { DueRow } from './due';
import { LIST_TABLES, type RecentPrefetch } from './recent-read';
import { recentRows, searchRows } from './rows';
import { readShops } from './shops';
import { SyncLine } from '@/components/popup/SyncLine';
import { useSyncStatus } from './sync-status';

const NO_SHOPS: readonly ShopRowData[] = [];

/** Why a part of the popup could not load, in the seller's language. */
const loadFailed = (error: string, props: { lang: Settings['language'] }) => (
  <p class="kp-alert" role="alert">
    {t(props.lang, 'error.load', { error })}
  </p>
);

// The card and the care list load after the first list is on screen (their code is about a
// third of the popup's): the first list compiles only what it shows.
const CustomerCard = lazyComponent<CustomerCardProps>(
  () => import('@/components/popup/CustomerCard').then((m) => m.CustomerCard),
  { fallback: ({ lang }) => <p class="kp-muted">{t(lang, 'card.loading')}</p>, failed: loadFailed },
);
const DueList = lazyComponent<DueListProps<DueRow>>(
  () => import('@/components/popup/DueList').then((m) => m.DueList<DueRow>),
  { failed: loadFailed },
);
const cardCode = lazyModule(() => import('./card'));
const dueCode = lazyModule(() => import('./due'));

/**
 * True once `ready` has been true through a paint and the page has then been idle (at most
 * 200 ms later: an idle period may never come on a busy machine).
 */
function useIdleAfter(ready: boolean): boolean {
  const [idle, setIdle] = useState(false);
  useEffect(() => {
    if (!ready || idle) return;
    // useEffect runs after the paint; requestIdleCallback is missing in some test DOMs.
    if (typeof requestIdleCallback !== 'function') {
      const t = setTimeout(() => setIdle(true), 0);
      return () => clearTimeout(t);
    }
    const id = requestIdleCallback(() => setIdle(true), { timeout: 200 });
    return () => cancelIdleCallback(id);
  }, [ready, idle]);
  return idle;
}

/** Props of {@link App}. */
export interface AppProps {
  db: KezhiDb;
  /** The clock (tests pass a fixed one). */
  now?: () => number;
  /** The settings, asked for before the App's code loaded (main.tsx); else the App asks. */
  settings?: Promise<Settings>;
  /** Every shop's recent list, read before the App's code loaded (main.tsx). */
  recent?: RecentPrefetch;
}

/** The popup root. */
export function App({ db, now = Date.now, settings: asked, recent }: AppProps): JSX.Element {
  const [settings, setSettings] = useState<Settings | null>(null);
  // Asked for in the render's own task: the list waits on the settings, and an effect would
  // wait for a paint of the empty popup first.
  useLayoutEffect(() => {
    let alive = true;
    (asked ?? readSettings()).then(
      (s) => alive && setSettings(s),
      () => alive && setSettings(DEFAULT_SETTINGS),
    );
    const stop = watchReadSettings(setSettings);
    return () => {
      alive = false;
      stop();
    };
  }, []);
  if (!settings) return <div class="kp-app" />;
  return <Popup db={db} now={now} settings={settings} recent={recent} />;
}

function Popup(props: {
  db: KezhiDb;
  now: () => number;
  settings: Settings;
  recent: RecentPrefetch | undefined;
}): JSX.Element {
  const { db, now, settings, recent } = props;
  const lang = settings.language;
  const syncStatus = useSyncStatus();
  const [query, setQuery] = useState('');
  const [shop, setShop] = useState(ALL_SHOPS);
  const [openKey, setOpenKey] = useState<string | null>(null);
  const [lastOpened, setLastOpened] = useState<string | null>(null);
  const [notice, setNotice] = useState<string | undefined>();
  const [copiedId, setCopiedId] = useState<string | null>(null);
  /** The last split, so the seller can undo it (merging the two again). */
  const [undoSplit, setUndoSplit] = useState<{ from: string; into: string } | null>(null);

  useEffect(() => {
    document.documentElement.lang = lang === 'zh_CN' ? 'zh-CN' : 'en';
  }, [lang]);

  const shops = useLiveQuery(() => readShops(db, settings), [settings]);
  // The list and the card are what staff wait for: their queries start with the render.
  const list = useLiveQuery(
    async () => {
      const rows = query.trim()
        ? await searchRows(db, query, shop, settings, now())
        : await recentRows(
            db,
            shop,
            settings,
            now(),
            shop === ALL_SHOPS ? recent?.take() : undefined,
          );
      return { query, shop, rows };
    },
    [query, shop, settings],
    { timing: 'now', watch: { db, tables: LIST_TABLES } },
  );
  // The due list reads many customers (slow in a large shop); it waits until the results are on
  // screen so the popup's first paint (what staff open it for) never queues behind it. It shows
  // only with an empty query: typing stops an unfinished load and pauses it (searches must not
  // queue behind it either), and its last rows stay for when the query is cleared.
  const listReady = list.status !== 'loading';
  // Once the first list is painted and the page is idle, the card's and the care list's code
  // loads (a click then waits for its reads alone) and the care list is read: a keystroke the
  // moment the list shows is not kept waiting behind them.
  const settled = useIdleAfter(listReady);
  useEffect(() => {
    if (!settled) return;
    void CustomerCard.preload().catch(() => undefined);
    void DueList.preload().catch(() => undefined);
  }, [settled]);
  const dueReads = useLazyModule(dueCode, settled);
  const cardReads = useLazyModule(cardCode, settled || openKey !== null);
  const searching = query.trim() !== '';
  const loadDue = dueReads.module?.loadDue;
  const due = useLiveQuery(
    async (signal) => ({
      shop,
      settings,
      rows: loadDue ? await loadDue(db, shop, settings, now(), signal) : [],
    }),
    [shop, settings, loadDue],
    { enabled: settled && !searching && loadDue !== undefined },
  );
  const dueRows =
    due.status === 'ok' && due.value.shop === shop && due.value.settings === settings
      ? due.value.rows
      : null;
  const loadCard = cardReads.module?.loadCard;
  // Tagged with the key it was read for: until the open key's answer is in, the card says it
  // is loading (not the last key's answer, nor "not found").
  const card = useLiveQuery(
    async () => ({
      key: openKey,
      value: openKey && loadCard ? await loadCard(db, openKey, settings, now()) : null,
    }),
    [openKey, settings, loadCard],
    { timing: 'now', enabled: openKey === null || loadCard !== undefined },
  );

  // Esc from anywhere in the card (even with focus lost to the page body) goes back.
  useEffect(() => {
    if (!openKey) return;
    const onKey = (e: KeyboardEvent) => {
      if (e.key === 'Escape' && !e.defaultPrevented) {
        e.preventDefault();
        setOpenKey(null);
      }
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [openKey]);

  const fail = (error: string) => setNotice(t(lang, 'error.send', { error }));
  const run = async (p: Promise<{ ok: true } | { ok: false; error: string }>): Promise<boolean> => {
    const reply = await p;
    if (!reply.ok) fail(reply.error);
    else setNotice(undefined);
    return reply.ok;
  };
  const open = (key: string) => {
    setOpenKey(key);
    setLastOpened(key);
    setNotice(undefined);
  };

  const onCopy = async (row: DueRow) => {
    if (row.text === undefined) return;
    if (!(await copyText(row.text))) {
      setNotice(t(lang, 'error.copy'));
      return;
    }
    setCopiedId(row.id);
    await run(
      send('logContact', {
        customerKey: row.customerKey,
        ...(row.orderKey === undefined ? {} : { orderKey: row.orderKey }),
        channel: 'chat',
        template: row.templateId,
        purpose: row.purpose,
      }),
    );
  };

  // Made again only when what it shows changes: not on every keystroke's two renders.
  const shopRows = shops.status === 'ok' ? shops.value : NO_SHOPS;
  const bar = useMemo(
    () => (
      <ShopBar
        lang={lang}
        shops={shopRows}
        selected={shop}
        onSelect={setShop}
        onOptions={() => void openOptions()}
        onDashboard={() => void openDashboard()}
        onWelcome={() => void openWelcome()}
      />
    ),
    [lang, shopRows, shop],
  );

  const rowsFresh = list.status === 'ok' && list.value.query === query && list.value.shop === shop;
  const rows = list.status === 'ok' ? list.value.rows : null;
  const errors = [
    ...[shops, list, due, card].flatMap((l) => (l.status === 'error' ? [l.error] : [])),
    ...[dueReads.error, cardReads.error].filter((e): e is string => e !== undefined),
  ];

  let body: JSX.Element;
  if (openKey) {
    if (card.status !== 'ok' || card.value.key !== openKey)
      body = <p class="kp-muted">{t(lang, 'card.loading')}</p>;
    else if (card.value.value === null)
      body = (
        <div class="kp-card">
          <button type="button" class="kp-back" onClick={() => setOpenKey(null)}>
            ← {t(lang, 'card.back')}
          </button>
          <p>{t(lang, 'card.notFound')}</p>
        </div>
      );
    else {
      const c = card.value.value;
      const key = c.customer.key;
      body = (
        <CustomerCard
          lang={lang}
          settings={settings}
          customer={c.customer}
          view={c.view}
          shopName={c.shopName}
          orders={c.orders}
          contacts={c.contacts}
          meta={c.meta}
          knownTags={c.knownTags}
          tokenVerdict={c.tokenVerdict}
          joined={c.joined}
          sameName={c.sameName}
          onMerge={(from) => {
            setUndoSplit(null);
            void run(send('mergeCustomers', { from, into: key }));
          }}
          onSplit={(from) =>
            void send('splitCustomer', { customerKey: from }).then((r) => {
              if (!r.ok) fail(r.error);
              else if (r.value.into) setUndoSplit({ from, into: r.value.into });
            })
          }
          onBack={() => setOpenKey(null)}
          onTags={(tags) => void run(send('updateMeta', { customerKey: key, tags }))}
          onNote={(note) => void run(send('updateMeta', { customerKey: key, note }))}
          onBlacklist={(blacklisted, blacklistReason) =>
            void run(send('updateMeta', { customerKey: key, blacklisted, blacklistReason }))
          }
          onForget={() =>
            void run(send('forgetBuyer', { customerKey: key })).then((ok) => {
              if (ok) {
                setOpenKey(null);
                setLastOpened(null);
              }
            })
          }
        />
      );
    }
  } else {
    body = (
      <SearchPanel
        lang={lang}
        query={query}
        onQuery={setQuery}
        rows={rows}
        pending={!rowsFresh}
        onOpen={open}
        initialKey={lastOpened}
        idle={
          <DueList
            lang={lang}
            rows={dueRows}
            copiedId={copiedId}
            onCopy={(row) => void onCopy(row)}
            onDone={(row) =>
              void run(send('markCareDone', { id: row.id, customerKey: row.customerKey }))
            }
            onOpen={open}
          />
        }
      />
    );
  }

  return (
    <div class="kp-app" lang={lang === 'zh_CN' ? 'zh-CN' : 'en'}>
      <style>{BADGE_CSS}</style>
      {bar}
      {settings.historyPaused && (
        <p class="kp-notice" role="status" data-testid="paused">
          {t(lang, 'paused.notice')}
        </p>
      )}
      {undoSplit && (
        <p class="kp-notice" role="status">
          {t(lang, 'join.splitDone')}{' '}
          <button
            type="button"
            class="kp-linkbtn"
            onClick={() => {
              const u = undoSplit;
              setUndoSplit(null);
              void run(send('mergeCustomers', { from: u.from, into: u.into }));
            }}
          >
            {t(lang, 'join.undoSplit')}
          </button>
        </p>
      )}
      <SyncLine lang={lang} status={syncStatus} />
      {notice && (
        <p class="kp-alert" role="alert">
          {notice}
        </p>
      )}
      {errors.map((e) => (
        <p key={e} class="kp-alert" role="alert">
          {t(lang, 'error.load', { error: e })}
        </p>
      ))}
      {body}
    </div>
  );
}
