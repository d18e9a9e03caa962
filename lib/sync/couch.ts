/**
 * A small client for CouchDB's documented HTTP API (the endpoints every CouchDB-compatible server
 * has): database info, documents, `_bulk_docs`, `_all_docs`, `_changes` and `_local` checkpoint
 * documents. Errors come back classified, with a sentence the seller can act on.
 */
import type { Message } from '../backup/format';

export interface CouchTarget {
  /** Server origin (and path prefix, if the server sits under one), e.g. https://db.shop.cn */
  url: string;
  db: string;
  user: string;
  password: string;
}

export type CouchErrorCode =
  'unauthorized' | 'forbidden' | 'no-database' | 'offline' | 'server' | 'insecure';

const MESSAGES: Record<CouchErrorCode, Message> = {
  unauthorized: {
    zh_CN: '用户名或密码不对（401）',
    en: 'Wrong user name or password (401)',
  },
  forbidden: {
    zh_CN: '这个用户没有该数据库的权限（403）：请在数据库的 _security 里加入此用户',
    en: 'This user has no access to the database (403): add the user to its _security members',
  },
  'no-database': {
    zh_CN: '服务器上没有这个数据库（404）：请先创建',
    en: 'The database does not exist on the server (404): create it first',
  },
  offline: {
    zh_CN: '连不上服务器：它可能没开，或地址不对；改动会先存在本机，连上后再发',
    en: 'Cannot reach the server: it may be down or the address is wrong; changes wait here until it is back',
  },
  server: { zh_CN: '服务器出错', en: 'The server answered with an error' },
  insecure: {
    zh_CN: '除本机（localhost）外，服务器地址必须是 https://',
    en: 'The server address must be https:// (plain http only for localhost)',
  },
};

export class CouchError extends Error {
  constructor(
    readonly code: CouchErrorCode,
    readonly status?: number,
    detail?: string,
  ) {
    super(`${MESSAGES[code].en}${detail ? `: ${detail}` : ''}`);
  }
  get text(): Message {
    return MESSAGES[this.code];
  }
}

/** Is this URL's host this machine (where plain http is acceptable)? */
export function isLocalUrl(url: string): boolean {
  try {
    const h = new URL(url).hostname;
    return h === 'localhost' || h === '127.0.0.1' || h === '[::1]';
  } catch {
    return false;
  }
}

/** A parsed server URL (origin plus path, no trailing slash), or a CouchError. */
export function checkServerUrl(text: string): string {
  let u: URL;
  try {
    u = new URL(text.trim());
  } catch {
    throw new CouchError('insecure', undefined, 'not a URL');
  }
  if (u.protocol === 'https:' || (u.protocol === 'http:' && isLocalUrl(u.href)))
    return `${u.origin}${u.pathname.replace(/\/+$/, '')}`;
  throw new CouchError('insecure');
}

export interface ChangeRow {
  id: string;
  seq: string | number;
  deleted?: boolean;
  changes: { rev: string }[];
  doc?: CouchDoc;
}

export interface ChangesPage {
  results: ChangeRow[];
  last_seq: string | number;
  /** Changes after this page (CouchDB 2+; some compatible servers leave it out). */
  pending?: number;
}

export interface CouchDoc {
  _id: string;
  _rev?: string;
  _deleted?: boolean;
  _conflicts?: string[];
  [k: string]: unknown;
}

export type BulkResult = {
  id: string;
  rev?: string;
  ok?: boolean;
  error?: string;
  reason?: string;
};

export class CouchClient {
  readonly base: string;
  private readonly auth: string | undefined;
  /** Does the server answer `_bulk_get`? Unknown until asked. */
  private hasBulkGet: boolean | undefined;

  constructor(
    target: CouchTarget,
    private readonly fetchFn: typeof fetch = (...a) => fetch(...a),
  ) {
    this.base = `${checkServerUrl(target.url)}/${encodeURIComponent(target.db)}`;
    this.auth = target.user
      ? `Basic ${btoa(String.fromCharCode(...new TextEncoder().encode(`${target.user}:${target.password}`)))}`
      : undefined;
  }

  private async call<T>(
    method: string,
    path: string,
    body?: unknown,
    opts: { allow404?: boolean; signal?: AbortSignal } = {},
  ): Promise<T | undefined> {
    let res: Response;
    try {
      res = await this.fetchFn(`${this.base}${path}`, {
        method,
        headers: {
          Accept: 'application/json',
          ...(body === undefined ? {} : { 'Content-Type': 'application/json' }),
          ...(this.auth ? { Authorization: this.auth } : {}),
        },
        body: body === undefined ? undefined : JSON.stringify(body),
        // Never the browser's cookies: the seller's CouchDB session is not ours to ride on.
        credentials: 'omit',
        signal: opts.signal,
      });
    } catch (e) {
      if (opts.signal?.aborted) throw e;
      throw new CouchError('offline', undefined, e instanceof Error ? e.message : String(e));
    }
    if (res.status === 404 && opts.allow404) return undefined;
    if (!res.ok) {
      const text = await res.text().catch(() => '');
      if (res.status === 401) throw new CouchError('unauthorized', 401);
      if (res.status === 403) throw new CouchError('forbidden', 403);
      if (res.status === 404) throw new CouchError('no-database', 404);
      throw new CouchError('server', res.status, `${res.status} ${text.slice(0, 200)}`);
    }
    return (await res.json()) as T;
  }

  /** Database info: proves the address, the credentials, the permission and the database. */
  async info(): Promise<{ db_name: string; doc_count: number; update_seq: unknown }> {
    return (await this.call('GET', ''))!;
  }

  async get(id: string): Promise<CouchDoc | undefined> {
    return this.call<CouchDoc>('GET', `/${encodeURIComponent(id)}`, undefined, { allow404: true });
  }

  async bulkDocs(docs: CouchDoc[]): Promise<BulkResult[]> {
    return (await this.call<BulkResult[]>('POST', '/_bulk_docs', { docs }))!;
  }

  /** The current winning revision of each id (deleted ones included), with bodies. */
  async allDocs(
    keys: string[],
  ): Promise<{ key: string; value?: { rev: string; deleted?: boolean }; doc?: CouchDoc | null }[]> {
    const r = await this.call<{ rows: never[] }>(
      'POST',
      '/_all_docs?include_docs=true&conflicts=true',
      {
        keys,
      },
    );
    return r!.rows;
  }

  /**
   * Named revisions of many documents in one request (`_bulk_get`). A server without it (CouchDB
   * before 2.3 says 404 or 405 there, some compatible hosts 400 or 501) is asked per document
   * with `open_revs` from then on.
   */
  async bulkGet(wanted: readonly { id: string; rev: string }[]): Promise<CouchDoc[]> {
    if (wanted.length === 0) return [];
    if (this.hasBulkGet !== false) {
      try {
        const r = await this.call<{ results: { docs: { ok?: CouchDoc }[] }[] }>(
          'POST',
          '/_bulk_get',
          { docs: wanted },
        );
        this.hasBulkGet = true;
        return r!.results.flatMap((x) => x.docs.flatMap((d) => (d.ok ? [d.ok] : [])));
      } catch (e) {
        if (!(e instanceof CouchError && [400, 404, 405, 501].includes(e.status ?? 0))) throw e;
        this.hasBulkGet = false;
      }
    }
    const byId = new Map<string, string[]>();
    for (const w of wanted) byId.set(w.id, [...(byId.get(w.id) ?? []), w.rev]);
    const each = await Promise.all([...byId].map(([id, revs]) => this.openRevs(id, revs)));
    return each.flat();
  }

  /** Every leaf revision named, as JSON (open_revs). */
  async openRevs(id: string, revs: string[]): Promise<CouchDoc[]> {
    const r = await this.call<{ ok?: CouchDoc }[]>(
      'GET',
      `/${encodeURIComponent(id)}?open_revs=${encodeURIComponent(JSON.stringify(revs))}`,
    );
    return (r ?? []).flatMap((x) => (x.ok ? [x.ok] : []));
  }

  /**
   * One page of the changes feed after `since`, bodies included. With `waitMs` it is a longpoll:
   * the server holds the request until something changes or the time is up.
   */
  async changes(
    since: string | number,
    limit: number,
    waitMs?: number,
    signal?: AbortSignal,
  ): Promise<ChangesPage> {
    const q = new URLSearchParams({
      since: String(since),
      limit: String(limit),
      include_docs: 'true',
      conflicts: 'true',
    });
    if (!waitMs)
      return (await this.call('GET', `/_changes?${q.toString()}`, undefined, { signal }))!;
    q.set('feed', 'longpoll');
    q.set('timeout', String(waitMs));
    // Some CouchDB-compatible servers (pouchdb-server) hold an idle longpoll past its timeout:
    // give up on our side a little later, as "nothing changed".
    const ours = new AbortController();
    const timer = setTimeout(() => ours.abort(), waitMs + 2000);
    const onAbort = () => ours.abort();
    signal?.addEventListener('abort', onAbort);
    try {
      return (await this.call('GET', `/_changes?${q.toString()}`, undefined, {
        signal: ours.signal,
      }))!;
    } catch (e) {
      if (ours.signal.aborted && !signal?.aborted) return { results: [], last_seq: since };
      throw e;
    } finally {
      clearTimeout(timer);
      signal?.removeEventListener('abort', onAbort);
    }
  }

  async getLocal(name: string): Promise<CouchDoc | undefined> {
    return this.call<CouchDoc>('GET', `/_local/${encodeURIComponent(name)}`, undefined, {
      allow404: true,
    });
  }

  /** Saves a checkpoint document (never replicated, per the replication protocol). */
  async putLocal(name: string, body: Record<string, unknown>): Promise<void> {
    const prev = await this.getLocal(name);
    await this.call('PUT', `/_local/${encodeURIComponent(name)}`, {
      ...body,
      ...(prev?._rev ? { _rev: prev._rev } : {}),
    });
  }

  async put(doc: CouchDoc): Promise<{ rev: string }> {
    return (await this.call<{ rev: string }>('PUT', `/${encodeURIComponent(doc._id)}`, doc))!;
  }
}
