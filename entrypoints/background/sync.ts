/**
 * Team sync in the background worker: connects with the options' settings, pulls and pushes in
 * batches, and stays live with a `_changes` longpoll while the worker is awake. MV3 stops an idle
 * worker after ~30 s, so an alarm every 30 s wakes it to resume from the checkpoint; any message
 * from an open order page wakes it too. Local writes queue in the outbox whatever happens.
 */
import { browser } from 'wxt/browser';
import { getDb } from '@/lib/db';
import { CouchClient, CouchError } from '@/lib/sync/couch';
import { deviceId, queueAll } from '@/lib/sync/local';
import { Replicator } from '@/lib/sync/replicator';
import { openSyncStore, setState, getState, type SyncStore } from '@/lib/sync/store';
import {
  joinTeam,
  parseSyncConfig,
  SYNC_CONFIG_KEY,
  SYNC_STATUS_KEY,
  TeamError,
  type SyncConfig,
  type SyncStatus,
} from '@/lib/sync/team';
import { loadSettings, REVISION_KEY } from '@/lib/browser/settings-store';
import { t as syncT } from '@/lib/i18n/sync';

export const SYNC_ALARM = 'kezhi-sync';
/** How long one longpoll waits for a change (under the worker's 30 s idle limit). */
const LONGPOLL_MS = 25_000;

let store: SyncStore | undefined;
/** The sync bookkeeping database (opened on first use, never at import time). */
export function syncStore(): SyncStore {
  store ??= openSyncStore();
  return store;
}

export async function loadSyncConfig(): Promise<SyncConfig> {
  const raw = await browser.storage.local.get(SYNC_CONFIG_KEY);
  return parseSyncConfig(raw[SYNC_CONFIG_KEY]);
}

/** Is team sync on (local changes are queued only then; tombstones always)? */
export async function syncEnabled(): Promise<boolean> {
  const c = await loadSyncConfig();
  return c.enabled && c.url !== '' && c.db !== '';
}

export const syncDevice = (): Promise<string> => deviceId(syncStore());

const targetOf = (c: SyncConfig) => `${c.url}|${c.db}|${c.encrypt}`;

let session: { target: string; rep: Replicator } | undefined;
let running: Promise<void> | undefined;
let rerun = false;
let live = false;
let loopAbort: AbortController | undefined;

async function setStatus(s: Partial<SyncStatus>): Promise<void> {
  const prev = (await browser.storage.local.get(SYNC_STATUS_KEY))[SYNC_STATUS_KEY] as
    SyncStatus | undefined;
  const pending = await syncStore().outbox.count();
  await browser.storage.local.set({
    [SYNC_STATUS_KEY]: { state: 'off', ...prev, pending, ...s } satisfies SyncStatus,
  });
}

/** A client for the options page's "test connection" and for the replicator. */
export function clientFor(c: SyncConfig): CouchClient {
  return new CouchClient({ url: c.url, db: c.db, user: c.user, password: c.password });
}

async function connect(c: SyncConfig): Promise<Replicator> {
  const target = targetOf(c);
  if (session?.target === target) return session.rep;
  const s = syncStore();
  const client = clientFor(c);
  await client.info();
  const codec = await joinTeam(client, c);
  const device = await deviceId(s);
  if ((await getState<string>(s, 'target')) !== target) {
    // Another server or database: start its feed from the beginning and share this desk's history.
    await s.transaction('rw', s.revs, s.state, async () => {
      await s.revs.clear();
      await s.state.delete('since');
      await setState(s, 'target', target);
    });
    await queueAll(getDb(), s, Date.now());
  }
  const rep = new Replicator({ db: getDb(), store: s, client, codec, device });
  session = { target, rep };
  return rep;
}

async function bump(): Promise<void> {
  await browser.storage.local.set({ [REVISION_KEY]: Date.now() });
}

function describe(e: unknown): Pick<SyncStatus, 'state' | 'error' | 'errorCode'> {
  if (e instanceof CouchError)
    return { state: e.code === 'offline' ? 'offline' : 'error', error: e.text, errorCode: e.code };
  if (e instanceof TeamError) return { state: 'error', error: e.text, errorCode: e.code };
  const msg = e instanceof Error ? e.message : String(e);
  return { state: 'error', error: { zh_CN: `同步出错：${msg}`, en: `Sync failed: ${msg}` } };
}

const PAUSED_TEXT = { zh_CN: syncT('zh_CN', 'paused'), en: syncT('en', 'paused') };

/** One exchange (pull to the end, then push), then the live loop. Calls made meanwhile join it. */
export function runSync(): Promise<void> {
  running ??= (async () => {
    const c = await loadSyncConfig();
    if (!(c.enabled && c.url && c.db)) {
      session = undefined;
      await setStatus({ state: 'off', error: undefined, errorCode: undefined });
      return;
    }
    // Keeping history paused: teammates' changes are not pulled in, ours wait in the outbox.
    if ((await loadSettings()).historyPaused) {
      loopAbort?.abort();
      session = undefined;
      await setStatus({ state: 'off', error: PAUSED_TEXT, errorCode: undefined });
      return;
    }
    try {
      if (!session) await setStatus({ state: 'connecting' });
      const rep = await connect(c);
      await setStatus({ state: 'syncing', error: undefined, errorCode: undefined });
      await rep.syncOnce(async (p) => {
        // Each page is already in the database: open pages redraw, the popup shows how far.
        if (p.applied > 0) await bump();
        await setStatus({ pulled: p.received, total: p.total });
      });
      await setStatus({ state: 'ok', lastSyncAt: Date.now(), pulled: undefined, total: undefined });
      startLive(rep);
    } catch (e) {
      session = undefined;
      await setStatus(describe(e));
    }
  })().finally(() => {
    running = undefined;
    if (!rerun) return;
    rerun = false;
    void runSync();
  });
  return running;
}

/** Longpoll while awake: a change on another desk shows here within a second or two. */
function startLive(rep: Replicator): void {
  if (live) return;
  live = true;
  loopAbort = new AbortController();
  const signal = loopAbort.signal;
  void (async () => {
    try {
      while (!signal.aborted) {
        const p = await rep.pull(LONGPOLL_MS, signal);
        if (p.applied > 0) await bump();
        await rep.push();
        await setStatus({ state: 'ok', lastSyncAt: Date.now() });
      }
    } catch (e) {
      if (!signal.aborted) {
        session = undefined;
        await setStatus(describe(e));
      }
    } finally {
      live = false;
    }
  })();
}

let pushTimer: ReturnType<typeof setTimeout> | undefined;
/** A local change was queued: push it soon (a burst of changes goes as one request). */
export function schedulePush(): void {
  clearTimeout(pushTimer);
  pushTimer = setTimeout(() => {
    const rep = session?.rep;
    if (!rep) return void runSync();
    void rep
      .push()
      .then(() => setStatus({ state: 'ok', lastSyncAt: Date.now() }))
      .catch((e: unknown) => {
        session = undefined;
        return setStatus(describe(e));
      });
  }, 300);
}

/** Runs a local bookkeeping step for sync without ever failing the write it follows. */
export async function noteLocal(step: (s: SyncStore) => Promise<void>): Promise<void> {
  try {
    if (!(await syncEnabled())) return;
    await step(syncStore());
    schedulePush();
  } catch (e) {
    console.warn('kezhi: sync bookkeeping failed', e);
  }
}

/** Settings changed: drop the session, reconnect (or stop) with the new ones. */
export function restartSync(): void {
  loopAbort?.abort();
  session = undefined;
  // A run already going read the old settings: run again after it (not at the next alarm).
  if (running) rerun = true;
  else void runSync();
}

/** Wires the alarm that wakes a sleeping worker, and starts syncing. */
export function startSync(): void {
  void browser.alarms.create(SYNC_ALARM, { periodInMinutes: 0.5 });
  browser.alarms.onAlarm.addListener((a) => {
    if (a.name === SYNC_ALARM && !live) void runSync();
  });
  browser.storage.onChanged.addListener((changes, area) => {
    if (area === 'local' && SYNC_CONFIG_KEY in changes) restartSync();
  });
  void runSync();
}
