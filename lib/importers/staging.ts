/**
 * Where a report import's batches wait between the import worker and the background: a small
 * IndexedDB database of its own (not the history), written by the worker that parsed the batch and
 * taken, read and deleted in one transaction, by the background that stores it. The options page
 * passes only the batch's key on (importBatch `staged`), so its main thread never holds, copies or
 * serializes the orders: a trace of a 30k-row import showed that page's per-batch task at 26 to
 * 42 ms (most of it the message carrying the text) and garbage-collector pauses of up to 38 ms
 * from those texts. Raw IndexedDB: the worker loads no Dexie for one store.
 */

const DB_NAME = 'kezhi-import-staging';
const STORE = 'batches';

/** A staged batch's key: the job's tag (letters, digits, - and _), a colon, the batch number. */
export const STAGED_KEY = /^[\w-]{1,40}:\d{1,7}$/;

/** A batch left behind longer than this (its import page closed mid-way) is dropped. */
export const STAGED_MAX_AGE_MS = 60 * 60_000;

interface Staged {
  text: string;
  at: number;
}

let opening: Promise<IDBDatabase> | undefined;
/** The factory `opening` came from (tests give every test a fresh one). */
let openedFrom: IDBFactory | undefined;

/** The staging database, opened once per context (reopened if another context upgrades it). */
function open(): Promise<IDBDatabase> {
  if (openedFrom !== indexedDB) opening = undefined;
  openedFrom = indexedDB;
  opening ??= new Promise<IDBDatabase>((resolve, reject) => {
    const req = indexedDB.open(DB_NAME, 1);
    req.onupgradeneeded = () => req.result.createObjectStore(STORE);
    req.onsuccess = () => {
      const db = req.result;
      db.onversionchange = () => {
        db.close();
        opening = undefined;
      };
      resolve(db);
    };
    req.onerror = () => reject(req.error ?? new Error(`${DB_NAME} did not open`));
    req.onblocked = () => reject(new Error(`${DB_NAME} is blocked by another page`));
  }).catch((e: unknown) => {
    opening = undefined;
    throw e;
  });
  return opening;
}

/** Runs `work` in one transaction of the store; resolves with its result once it commits. */
async function inStore<T>(
  mode: IDBTransactionMode,
  work: (store: IDBObjectStore, done: (value: T) => void) => void,
): Promise<T> {
  const db = await open();
  return new Promise<T>((resolve, reject) => {
    const tx = db.transaction(STORE, mode);
    let result: T;
    work(tx.objectStore(STORE), (value) => (result = value));
    tx.oncomplete = () => resolve(result);
    tx.onerror = () => reject(tx.error ?? new Error(`${DB_NAME}: transaction failed`));
    tx.onabort = () => reject(tx.error ?? new Error(`${DB_NAME}: transaction aborted`));
  });
}

function checkKey(key: string): void {
  if (!STAGED_KEY.test(key))
    throw new Error(`importBatch: ${JSON.stringify(key)} is not a batch key`);
}

/** Stages one batch's JSON text under `key` (the worker, before it names the key to the page). */
export function stageBatch(key: string, text: string, now = Date.now()): Promise<void> {
  checkKey(key);
  return inStore<void>('readwrite', (store) => {
    store.put({ text, at: now } satisfies Staged, key);
  });
}

/**
 * The batch staged under `key`, removed in the same transaction (a batch is stored once), or
 * undefined when there is none.
 */
export function takeBatch(key: string): Promise<string | undefined> {
  checkKey(key);
  return inStore<string | undefined>('readwrite', (store, done) => {
    const req = store.get(key);
    req.onsuccess = () => {
      const value = req.result as Partial<Staged> | undefined;
      done(typeof value?.text === 'string' ? value.text : undefined);
      store.delete(key);
    };
  });
}

/** The text staged under `key`, taken; a sentence when there is none. */
export async function takeStaged(key: string): Promise<string> {
  const text = await takeBatch(key);
  if (text === undefined)
    throw new Error(
      `importBatch: no batch staged as ${key} (taken already, or its import page was closed)`,
    );
  return text;
}

/** Drops every batch of one job (the worker, when the job ends in any way). */
export function clearJob(tag: string): Promise<void> {
  checkKey(`${tag}:0`);
  return inStore<void>('readwrite', (store) => {
    store.delete(IDBKeyRange.bound(`${tag}:`, `${tag}:\uffff`));
  });
}

/** Drops batches staged before `now - maxAgeMs` (the background, when it starts). */
export function dropStale(now = Date.now(), maxAgeMs = STAGED_MAX_AGE_MS): Promise<number> {
  return inStore<number>('readwrite', (store, done) => {
    let dropped = 0;
    done(0);
    const req = store.openCursor();
    req.onsuccess = () => {
      const cursor = req.result;
      if (!cursor) return;
      const at = (cursor.value as Partial<Staged> | undefined)?.at;
      if (typeof at !== 'number' || at < now - maxAgeMs) {
        cursor.delete();
        done(++dropped);
      }
      cursor.continue();
    };
  });
}
