/**
 * The dashboard page: filters, nine chart cards, and the list of customers behind whatever the
 * seller clicks. Reads Dexie directly (indexed queries), computes after a frame so the loading
 * state paints first, and spreads a big shop's pass over several frames.
 */
import type { ComponentChildren } from 'preact';
import { useEffect, useMemo, useRef, useState } from 'preact/hooks';
import { ChartCard } from '@/components/dashboard/ChartCard';
import { CustomerList, type CustomerListRow } from '@/components/dashboard/CustomerList';
import { EmptyState } from '@/components/dashboard/EmptyState';
import { Filters } from '@/components/dashboard/Filters';
import type { Lang } from '@/lib/i18n';
import {
  RANGE_PRESETS,
  csvFileName,
  customersCsv,
  dashboardSteps,
  displayRow,
  percent,
  rangeOf,
  rowsFor,
  type Dashboard,
  type RangePreset,
} from '@/lib/dashboard';
import { t as dt } from '@/lib/i18n/dashboard';
import type { KezhiDb } from '@/lib/db';
import { useLiveQuery } from '@/lib/db/live';
import type { Shop } from '@/lib/schemas';
import type { Settings } from '@/lib/settings';
import { CHARTS, type ChartDef } from './charts';
import { EChart } from './EChart';
import { loadHistory } from './load';

/** Everything the page needs from outside, passed in so tests can hand in fakes. */
export interface AppProps {
  db: KezhiDb;
  loadSettings: () => Promise<Settings>;
  /** Calls back with new settings; returns the unsubscribe function. */
  watchSettings?: (cb: (s: Settings) => void) => () => void;
  /** Opens the options page (the import lives there). */
  openOptions: () => void;
  /** Saves a text file. */
  download: (fileName: string, text: string) => void;
  now?: () => number;
  /** Resolves after the browser has painted (requestAnimationFrame, then a task). */
  nextFrame?: () => Promise<void>;
}

/** Rows the list shows at most; the CSV always has them all. */
export const LIST_LIMIT = 200;
/** How long the page waits for writes to settle before recomputing. */
const REFRESH_QUIET_MS = 1500;
/** Work per frame in the customer pass. */
const FRAME_BUDGET_MS = 12;

const defaultNextFrame = (): Promise<void> =>
  new Promise((resolve) => {
    const task = () => setTimeout(resolve, 0);
    if (typeof requestAnimationFrame === 'function') requestAnimationFrame(task);
    else task();
  });

type State =
  | { status: 'loading'; previous?: Dashboard }
  | { status: 'ok'; dashboard: Dashboard }
  | { status: 'empty' }
  | { status: 'error'; message: string };

type Picked = { label: string; keys: readonly string[] };

/** The dashboard page. */
export function App(props: AppProps) {
  const { db } = props;
  const now = props.now ?? Date.now;
  const nextFrame = props.nextFrame ?? defaultNextFrame;

  const [settings, setSettings] = useState<Settings | undefined>(undefined);
  const [shop, setShop] = useState<string>('all');
  const [preset, setPreset] = useState<RangePreset>('all');
  const [state, setState] = useState<State>({ status: 'loading' });
  const [picked, setPicked] = useState<Picked | null>(null);
  const [dataVersion, setDataVersion] = useState(0);
  const lang: Lang = settings?.language ?? 'zh_CN';

  useEffect(() => {
    let live = true;
    props.loadSettings().then(
      (s) => live && setSettings(s),
      (e: unknown) => live && setState({ status: 'error', message: String(e) }),
    );
    const stop = props.watchSettings?.((s) => setSettings(s));
    return () => {
      live = false;
      stop?.();
    };
  }, []);

  useEffect(() => {
    document.documentElement.lang = lang === 'zh_CN' ? 'zh-CN' : 'en';
    document.title = dt(lang, 'page.title');
  }, [lang]);

  const shopsLive = useLiveQuery(() => db.shops.toArray(), [db]);
  const shops: Shop[] | undefined = shopsLive.status === 'ok' ? shopsLive.value : undefined;
  // The shop list changes on every ingest (lastSeenAt); only keys and names matter here.
  const shopsKey = shops ? JSON.stringify(shops.map((s) => [s.key, s.name])) : undefined;
  const shopName = useMemo(() => {
    const names = new Map<string, string>();
    for (const s of shops ?? [])
      names.set(s.key, settings?.shops[s.key]?.name || s.name || s.shopId);
    return (key: string) => names.get(key) ?? key;
  }, [shopsKey, settings]);

  // Any write to the tables re-runs this query; a quiet moment after the last one, recompute.
  const tick = useRef(0);
  const changes = useLiveQuery(async () => {
    await Promise.all([db.orders.count(), db.customers.count(), db.contacts.count()]);
    return ++tick.current;
  }, [db]);
  const changeCount = changes.status === 'ok' ? changes.value : 0;
  useEffect(() => {
    if (changeCount <= 1) return;
    const timer = setTimeout(() => setDataVersion((v) => v + 1), REFRESH_QUIET_MS);
    return () => clearTimeout(timer);
  }, [changeCount]);

  useEffect(() => {
    if (!settings || !shops) return;
    if (shops.length === 0) {
      setState({ status: 'empty' });
      return;
    }
    let cancelled = false;
    setState((s) => ({
      status: 'loading',
      previous: s.status === 'ok' ? s.dashboard : s.status === 'loading' ? s.previous : undefined,
    }));
    const run = async () => {
      // Let the loading state paint before the heavy work starts.
      await nextFrame();
      const at = now();
      const range = rangeOf(preset, at);
      const chosen = shop === 'all' ? shops : shops.filter((s) => s.key === shop);
      const history = await loadHistory(db, chosen, range);
      if (cancelled) return;
      const steps = dashboardSteps({ ...history, settings, now: at, range });
      let started = performance.now();
      for (;;) {
        const step = steps.next();
        if (step.done) {
          const dashboard = step.value;
          // Nothing anywhere: the empty state. A quiet shop or period keeps the filters on screen.
          const nothingAtAll = preset === 'all' && shop === 'all' && dashboard.customers === 0;
          setState(nothingAtAll ? { status: 'empty' } : { status: 'ok', dashboard });
          return;
        }
        if (performance.now() - started > FRAME_BUDGET_MS) {
          await nextFrame();
          if (cancelled) return;
          started = performance.now();
        }
      }
    };
    run().catch((e: unknown) => {
      if (!cancelled)
        setState({ status: 'error', message: e instanceof Error ? e.message : String(e) });
    });
    return () => {
      cancelled = true;
    };
  }, [settings, shopsKey, shop, preset, dataVersion]);

  // A filter change makes the open list stale.
  useEffect(() => setPicked(null), [shop, preset]);

  const dashboard =
    state.status === 'ok'
      ? state.dashboard
      : state.status === 'loading'
        ? state.previous
        : undefined;

  const listRows = useMemo(
    () => (picked && dashboard ? rowsFor(picked.keys, dashboard.rows) : []),
    [picked, dashboard],
  );

  const exportList = () => {
    if (!picked) return;
    props.download(csvFileName(picked.label, now()), customersCsv(listRows, lang, shopName));
  };

  if (state.status === 'empty') {
    return (
      <Page lang={lang}>
        <EmptyState
          title={dt(lang, 'empty.title')}
          body={dt(lang, 'empty.body')}
          action={dt(lang, 'empty.action')}
          onAction={props.openOptions}
        />
      </Page>
    );
  }

  return (
    <Page lang={lang}>
      <Filters
        shopLabel={dt(lang, 'filter.shop')}
        rangeLabel={dt(lang, 'filter.range')}
        shops={[
          { value: 'all', label: dt(lang, 'filter.allShops') },
          ...(shops ?? []).map((s) => ({ value: s.key, label: shopName(s.key) })),
        ]}
        shop={shop}
        ranges={RANGE_PRESETS.map((r) => ({ value: r, label: dt(lang, `range.${r}`) }))}
        range={preset}
        onShop={setShop}
        onRange={(r) => setPreset(r as RangePreset)}
      />
      <p class="status" role="status" data-testid="dashboard-status">
        {state.status === 'loading'
          ? dt(lang, 'loading')
          : state.status === 'error'
            ? dt(lang, 'error', { message: state.message })
            : dashboard
              ? `${dt(lang, 'summary.customers', { n: dashboard.customers })} · ${dt(lang, 'summary.purchasing', { n: dashboard.purchasing })}${dashboard.uncertain.customers > 0 ? ` · ${dt(lang, 'summary.uncertain', { n: dashboard.uncertain.customers })}` : ''}`
              : ''}
      </p>
      {dashboard && dashboard.customers === 0 && (
        <p class="card-empty">{dt(lang, 'empty.range')}</p>
      )}
      {dashboard && dashboard.customers > 0 && (
        <div class="grid" aria-busy={state.status === 'loading'}>
          {CHARTS.map((def) => (
            <Card key={def.name} def={def} dashboard={dashboard} lang={lang} onPick={setPicked} />
          ))}
        </div>
      )}
      {picked && dashboard && (
        <CustomerList
          title={dt(lang, 'list.title', { bucket: picked.label, n: listRows.length })}
          columns={[
            dt(lang, 'col.nick'),
            dt(lang, 'col.shop'),
            dt(lang, 'col.tier'),
            dt(lang, 'col.purchases'),
            dt(lang, 'col.spend'),
            dt(lang, 'col.lastOrder'),
          ]}
          rows={listRows
            .slice(0, LIST_LIMIT)
            .map((r): CustomerListRow => ({ key: r.key, ...displayRow(r, lang, shopName) }))}
          more={
            listRows.length > LIST_LIMIT
              ? dt(lang, 'list.more', { shown: LIST_LIMIT, n: listRows.length })
              : undefined
          }
          emptyText={dt(lang, 'list.empty')}
          exportLabel={dt(lang, 'list.export')}
          closeLabel={dt(lang, 'list.close')}
          onExport={exportList}
          onClose={() => setPicked(null)}
        />
      )}
    </Page>
  );
}

/** The page frame every state shares: title and subtitle over the content. */
function Page({ lang, children }: { lang: Lang; children: ComponentChildren }) {
  return (
    <main class="dash">
      <header class="dash-head">
        <h1>{dt(lang, 'page.title')}</h1>
        <p>{dt(lang, 'page.subtitle')}</p>
      </header>
      {children}
    </main>
  );
}

/** A second line of figures for the cards that have one. */
function detailOf(def: ChartDef, d: Dashboard, lang: Lang): string | undefined {
  if (def.name === 'ladder' && d.ladder.purchasing > 0)
    return d.ladder.ladder.rates.map((r) => `${r.from}→${r.to} ${percent(r.rate)}`).join(' · ');
  if (def.name === 'reminders' && d.reminders.total.sent > 0)
    return (
      dt(lang, 'reminders.detail', {
        sent: d.reminders.total.sent,
        paid: d.reminders.total.paid,
      }) +
      (d.reminders.total.overridden > 0
        ? dt(lang, 'reminders.overridden', { n: d.reminders.total.overridden })
        : '')
    );
  return undefined;
}

function Card(props: {
  def: ChartDef;
  dashboard: Dashboard;
  lang: Lang;
  onPick: (p: Picked) => void;
}) {
  const { def, dashboard: d, lang, onPick } = props;
  const option = useMemo(() => def.option(d, lang), [def, d, lang]);
  const buckets = useMemo(() => def.buckets(d, lang), [def, d, lang]);
  const title = dt(lang, def.title);
  const open = (i: number | undefined) => {
    const b = i === undefined ? undefined : buckets[i];
    if (b) onPick({ label: `${title} · ${b.label}`, keys: b.keys });
  };
  const hasData = def.hasData(d);
  return (
    <ChartCard
      name={def.name}
      title={title}
      takeaway={def.takeaway(d, lang)}
      detail={detailOf(def, d, lang)}
      empty={hasData ? undefined : dt(lang, 'chart.noData')}
      hint={dt(lang, 'chart.hint')}
      tableLabel={dt(lang, 'chart.table')}
      rows={buckets.map((b) => ({ label: b.label, value: b.value, customers: b.keys.length }))}
      onRow={open}
    >
      <EChart option={option} label={title} onPick={(click) => open(def.bucketAt(click, d))} />
    </ChartCard>
  );
}
