/**
 * THE message contract. Every message between our contexts is declared here: its input schema,
 * its output type and who may send it. The background registers one handler per message from an
 * object that `satisfies Handlers`, so a message without a handler fails to compile; one wrapper
 * (serveMessages) checks the sender, parses the input with zod and returns typed errors.
 *
 * Keep messages few: extension pages read Dexie directly; writes go through the background.
 */
import { z } from './zod';
import {
  Channel,
  ContactEntry,
  MetaPatch,
  PageHealth,
  Platform,
  type CustomerMeta,
} from './schemas';
import type { BuiltInTemplates } from './reminders/templates';
import { describeError, isEnvelope, type Reply } from './request';
import { STAGED_KEY } from './importers/staging';
import { SearchRequest, type SearchAnswer } from './search/answer';
import type { Settings } from './settings';
import type { RowSummary } from './summary';

// The zod-free sending half (request, Reply, Envelope, describeError) lives in ./request so the
// content script can send without loading zod; it is re-exported here for everyone else.
export { describeError, isEnvelope, request, type Envelope, type Reply } from './request';

/** Who may send a message: a content script in a tab, or one of our extension pages. */
export type Sender = 'content' | 'page' | 'any';

/** Id limits, one per kind of id: a message is refused, not truncated, past them. */
const CustomerKey = z.string().max(300);
const OrderKey = z.string().max(200);
const ShopId = z.string().max(64);
/** Input of the messages that act on one customer. */
const OneCustomer = z.object({ customerKey: CustomerKey });

/** Orders in one importBatch. */
export const IMPORT_BATCH_MAX = 5000;

/**
 * The orders of a staged importBatch, parsed from the JSON text the import worker staged
 * (lib/importers/staging). Throws a sentence when the text is not a JSON array of at most
 * IMPORT_BATCH_MAX entries.
 */
export function batchOrders(text: string): unknown[] {
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch (e) {
    throw new Error(`importBatch: the batch is not JSON (${describeError(e)})`, { cause: e });
  }
  if (!Array.isArray(parsed)) throw new Error('importBatch: the batch is not a list of orders');
  if (parsed.length > IMPORT_BATCH_MAX)
    throw new Error(
      `importBatch: ${parsed.length} orders in one batch (at most ${IMPORT_BATCH_MAX})`,
    );
  return parsed;
}

const RowRef = z.object({
  orderId: z.string().max(64),
  /** Auto-close time the row shows, if any. */
  autoCloseAt: z.number().int().optional(),
  /** Digest of the answer the page holds for this row (lib/row-answer): unchanged, not resent. */
  seen: z.string().max(16).optional(),
});

export const contract = {
  /** Content script -> background: orders read from the page; answers each row's summary. */
  sync: {
    from: 'content',
    input: z.object({
      adapter: z.string().max(40),
      platform: Platform,
      shopId: ShopId,
      /** Validated one by one by the background: a bad order is rejected, not the batch. */
      orders: z.array(z.unknown()).max(2000),
      /** Rows on screen to describe (including ones whose orders were sent before). */
      rows: z.array(RowRef).max(2000),
      health: PageHealth.optional(),
    }),
    output: {} as {
      /** The rows whose answer differs from the one the page said it holds (`seen`). */
      summaries: RowSummary[];
      /** Order ids whose answer is the one the page holds (absent from an older background). */
      same?: string[];
      rejected: { index: number; orderId?: string; reason: string }[];
      overlayEnabled: boolean;
      /** Rows the background has no order for (the content script resends them). */
      unknown: string[];
      /** Keeping history is paused: nothing from this page was stored. */
      paused?: boolean;
    },
  },
  /**
   * Content script -> background: badges before writes. The rows' summaries from what is stored,
   * with the page's new orders applied in memory by ingest's rules; nothing is written. The
   * `sync` that follows stores the orders and its answer stands.
   */
  lookup: {
    from: 'content',
    input: z.object({
      platform: Platform,
      shopId: ShopId,
      orders: z.array(z.unknown()).max(2000),
      rows: z.array(RowRef).max(2000),
    }),
    output: {} as {
      summaries: RowSummary[];
      same?: string[];
      overlayEnabled: boolean;
      unknown: string[];
    },
  },
  /**
   * Content script -> background: inject the overlay's on-demand half (chip cards, 催付 panel)
   * into the sender's tab, in the content script's own world. The answer carries the built-in
   * reminder templates, which the script does not bundle (data, not code, on the page).
   */
  loadAssistant: {
    from: 'content',
    input: z.object({}),
    output: {} as { injected: true; templates: BuiltInTemplates },
  },
  /**
   * Content script or popup -> background: the seller's settings, parsed with the zod schema (a
   * field storage holds wrong falls back to its default). The order script asks instead of
   * reading storage, so it carries neither the schema nor a validator of its own; the popup asks
   * for a stored value no note says was checked (lib/browser/settings-read).
   */
  getSettings: {
    from: 'any',
    input: z.object({}),
    output: {} as Settings,
  },
  /** Copying a message counts as a contact. */
  logContact: {
    from: 'any',
    input: z.object({
      customerKey: CustomerKey,
      orderKey: OrderKey.optional(),
      channel: Channel,
      template: z.string().max(100),
      purpose: ContactEntry.shape.purpose,
      overrode: ContactEntry.shape.overrode,
    }),
    output: {} as { entry: ContactEntry },
  },
  /** Tags, note, blacklist of one customer: only the fields sent change. Our pages only. */
  updateMeta: {
    from: 'page',
    input: MetaPatch.extend({ customerKey: CustomerKey }),
    output: {} as { meta: CustomerMeta },
  },
  /**
   * Import of one batch from an order-report file (options page): the orders, or the key of their
   * JSON text, staged by the import worker (lib/importers/staging; read with batchOrders).
   */
  importBatch: {
    from: 'page',
    input: z.union([
      z.object({ orders: z.array(z.unknown()).max(IMPORT_BATCH_MAX) }),
      z.object({ staged: z.string().regex(STAGED_KEY, 'not a staged batch key') }),
    ]),
    output: {} as {
      written: number;
      unchanged: number;
      rejected: { index: number; reason: string }[];
    },
  },
  /** Mark a care / recall / repurchase message as done for today's list. */
  markCareDone: {
    from: 'page',
    input: z.object({ id: z.string().max(400), customerKey: CustomerKey }),
    output: {} as { ok: true },
  },
  /** Remove every trace of one buyer (privacy). */
  forgetBuyer: {
    from: 'page',
    input: OneCustomer,
    output: {} as { ordersCleared: number; contactsDeleted: number },
  },
  /** The seller's merge: customer `from` joins `into` (orders, tags, notes, contacts). */
  mergeCustomers: {
    from: 'page',
    input: z.object({ from: CustomerKey, into: CustomerKey }),
    output: {} as { joined: boolean },
  },
  /** Splits a joined customer back out (undoes a merge or an automatic join). */
  splitCustomer: {
    from: 'page',
    input: OneCustomer,
    output: {} as { into: string; orders: number } | { into: null; orders: 0 },
  },
  /** Delete all data of one shop. */
  deleteShop: {
    from: 'page',
    input: z.object({ shopKey: z.string().max(200) }),
    output: {} as { orders: number; customers: number },
  },
  /**
   * A page showed a shop's stored statistics after an import outdated them: the background
   * recounts and stores them (at most once a minute per shop), and the page's live queries re-run.
   */
  refreshStats: {
    from: 'page',
    input: z.object({ shopKey: z.string().max(200) }),
    output: {} as { ok: true },
  },
  /** Restore a backup (options page): validated record by record, merged in one transaction. */
  restore: {
    from: 'page',
    input: z.object({ backup: z.unknown() }),
    output: {} as { tables: Record<string, number> },
  },
  /**
   * Team sync (options page): checks the server, the credentials, the database and the team
   * passphrase without saving anything; the answer is a sentence for the seller.
   */
  syncTest: {
    from: 'page',
    input: z.object({
      url: z.string().max(500),
      db: z.string().max(200),
      user: z.string().max(200),
      password: z.string().max(500),
      passphrase: z.string().max(500),
      encrypt: z.boolean(),
    }),
    output: {} as
      | { ok: true; docCount: number; sealed: boolean }
      | { ok: false; code: string; message: { zh_CN: string; en: string } },
  },
  /** Team sync: run an exchange now (options page, popup). */
  syncNow: {
    from: 'page',
    input: z.object({}),
    output: {} as { ok: true },
  },
  /** Opening the assistant on an unpaid order: "being handled by" this 客服 on other desks. */
  claimOrder: {
    from: 'content',
    input: z.object({ orderKey: OrderKey, customerKey: CustomerKey }),
    output: {} as { ok: true },
  },
  /**
   * Popup -> background: search as you type, answered from the background's in-memory index
   * (lib/search/memory-index); lib/search/client.ts asks and falls back to the database.
   */
  search: {
    from: 'page',
    input: SearchRequest,
    output: {} as SearchAnswer,
  },
} as const;

export type Contract = typeof contract;
export type MessageName = keyof Contract;
export type Input<K extends MessageName> = z.infer<Contract[K]['input']>;
export type Output<K extends MessageName> = Contract[K]['output'];

/** A handler gets validated input and who sent it. */
export type Handlers = {
  [K in MessageName]: (
    input: Input<K>,
    sender: { tabId?: number; url?: string },
  ) => Promise<Output<K>>;
};

/** What we know of a message's sender (the parts of runtime.MessageSender we check). */
export interface SenderInfo {
  id?: string;
  url?: string;
  tab?: { id?: number };
}

/**
 * Checks the sender and the input, then runs the handler. Never throws: a bad message gets a
 * typed error. `extensionId` and `extensionOrigin` come from the runtime.
 */
export async function dispatch(
  handlers: Handlers,
  message: unknown,
  sender: SenderInfo,
  self: { extensionId: string; extensionOrigin: string },
): Promise<Reply<unknown>> {
  if (!isEnvelope(message)) return { ok: false, error: 'not a Kezhi message' };
  if (!Object.hasOwn(contract, message.name))
    return { ok: false, error: `unknown message ${message.name}` };
  const name = message.name as MessageName;
  // Messages from other extensions (or web pages through externally_connectable, which we do
  // not declare) carry another id: refuse them.
  if (sender.id !== self.extensionId) return { ok: false, error: 'sender is not this extension' };
  // Our own pages (popup, options, dashboard; also when opened in a tab) have our origin;
  // content scripts run in a tab on a platform's page.
  const fromPage = (sender.url ?? '').startsWith(self.extensionOrigin);
  const fromContent = !!sender.tab && !fromPage;
  const allowed = contract[name].from;
  if (
    (allowed === 'content' && !fromContent) ||
    (allowed === 'page' && !fromPage) ||
    (!fromPage && !fromContent)
  )
    return { ok: false, error: `${name} may not be sent from here` };
  const parsed = contract[name].input.safeParse(message.input);
  if (!parsed.success) {
    const first = parsed.error.issues[0];
    return {
      ok: false,
      error: `invalid ${name}: ${first?.path.join('.') ?? ''} ${first?.message ?? ''}`.trim(),
    };
  }
  try {
    const handler = handlers[name] as (
      i: unknown,
      s: { tabId?: number; url?: string },
    ) => Promise<unknown>;
    return {
      ok: true,
      // A tab id only for content scripts: our own pages opened in a tab are not bound to it.
      value: await handler(parsed.data, {
        tabId: fromContent ? sender.tab?.id : undefined,
        url: sender.url,
      }),
    };
  } catch (e) {
    return { ok: false, error: describeError(e) };
  }
}
