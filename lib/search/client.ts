/**
 * The popup's search through the background: the background ranks from its in-memory index
 * (lib/search/memory-index) and answers customer keys; the popup reads only the records it shows.
 * When the background does not answer in time, answers an error, or is still building its index,
 * the popup searches the database itself (search.ts), with the same result shape either way.
 */
import { send } from '../browser/rpc';
import type { Reply } from '../request';
import { SearchAnswer, type SearchRequest } from './answer';
import { MAX_RAW_UNITS } from './normalize';
import type { RankableCustomer, RankedResult } from './score';
import { searchCustomers, type SearchableTable, type Settle } from './search';

/** The part of a Dexie `Table<C>` the client uses: the database search, and reading by key. */
export interface ClientTable<C> extends SearchableTable<C> {
  bulkGet(keys: string[]): PromiseLike<(C | undefined)[]>;
}

/** Sends the `search` message (lib/browser/rpc by default; tests pass their own). */
export type AskBackground = (input: SearchRequest) => Promise<Reply<unknown>>;

export interface SearchViaBackgroundOptions {
  limit?: number;
  /** As for search.ts `searchCustomers`: inside a liveQuery pass `(p) => Dexie.waitFor(p)`. */
  settle?: Settle;
  ask?: AskBackground;
  /** How long to wait for the background (a stopped worker takes a while to wake). */
  timeoutMs?: number;
}

/** A worker that has not answered by then is left to wake while the database answers. */
export const ASK_TIMEOUT_MS = 300;

const askBackground: AskBackground = (input) => send('search', input);

/** The background's ranked keys, or null when it could not give them. */
async function askForKeys(
  ask: AskBackground,
  input: SearchRequest,
  timeoutMs: number,
): Promise<Extract<SearchAnswer, { status: 'ready' }>['results'] | null> {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const late = new Promise<null>((resolve) => {
    timer = setTimeout(() => resolve(null), timeoutMs);
  });
  try {
    const reply = await Promise.race([ask(input).catch(() => null), late]);
    if (!reply?.ok) return null;
    const answer = SearchAnswer.safeParse(reply.value);
    return answer.success && answer.data.status === 'ready' ? answer.data.results : null;
  } finally {
    clearTimeout(timer);
  }
}

/**
 * Customers for a typed query, ranked as search.ts `searchCustomers` ranks them (same shape), by
 * way of the background's index; the database search when the background cannot answer. A
 * customer deleted between the answer and the read is left out. An empty query asks too: the
 * first question starts the background's index build, so the popup may ask '' when it opens.
 */
export async function searchViaBackground<C extends RankableCustomer>(
  table: ClientTable<C>,
  q: string,
  opts: SearchViaBackgroundOptions = {},
): Promise<RankedResult<C>[]> {
  const { limit = 20, settle = (p) => p, ask = askBackground, timeoutMs = ASK_TIMEOUT_MS } = opts;
  const input = { q: q.slice(0, MAX_RAW_UNITS), limit };
  const keys = await settle(askForKeys(ask, input, timeoutMs));
  if (keys === null) return searchCustomers(table, q, limit, settle);
  const records = await table.bulkGet(keys.map((k) => k.key));
  return keys.flatMap(({ score, match }, i) => {
    const customer = records[i];
    return customer === undefined ? [] : [{ customer, score, match }];
  });
}
