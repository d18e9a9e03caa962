/**
 * The page's side of the conversation with the background: what it has already sent, the answers
 * it holds, and the batches it asks in. It paints nothing itself: answers go to `hooks.apply`.
 */
import type { Adapter, PageRow } from '@/lib/adapters/types';
import { send } from '@/lib/browser/rpc';
import type { OrderInput } from '@/lib/schemas';
import type { RowSummary } from '@/lib/summary';

/** Rows per message: the background answers each batch in one transaction. */
const BATCH = 200;

/** What a read tells the shop's health report. */
export interface Health {
  adapter: string;
  ok: boolean;
  recognised: number;
  coverage?: string;
  at: number;
}

/** Where the answers go. */
export interface SyncHooks {
  /** New answers; with `onlyChanged`, only rows whose answer differs need a repaint. */
  apply(summaries: readonly RowSummary[], onlyChanged: boolean): void;
  /** The background could not answer (stopped worker, full disk). */
  fail(error: string): void;
}

type RowRef = { orderId: string; autoCloseAt: number | undefined; seen: string | undefined };

export class OrderSync {
  /** What we last sent per order id (JSON), so unchanged rows are not sent again. */
  private sent = new Map<string, string>();
  private autoClose = new Map<string, number>();
  /** The latest answer per order id. */
  readonly summaries = new Map<string, RowSummary>();
  /** The shop's overlay switch, as the background last said. */
  overlayEnabled = true;
  shopId = 'default';

  constructor(
    private adapter: Adapter,
    private hooks: SyncHooks,
  ) {}

  /** An order we have not sent as it is now. */
  isFresh(order: OrderInput): boolean {
    return this.sent.get(order.orderId) !== JSON.stringify(order);
  }

  /** Notes the rows' countdowns; returns their fresh orders and the rows that need an answer. */
  news(rows: readonly PageRow[]): { fresh: OrderInput[]; ids: string[] } {
    const fresh: OrderInput[] = [];
    for (const r of rows) {
      if (r.autoCloseAt) this.autoClose.set(r.orderId, r.autoCloseAt);
      if (r.order && this.isFresh(r.order)) fresh.push(r.order);
    }
    const freshIds = new Set(fresh.map((o) => o.orderId));
    const ids = rows
      .filter((r) => freshIds.has(r.orderId) || !this.summaries.has(r.orderId))
      .map((r) => r.orderId);
    return { fresh, ids };
  }

  /** A successful read's health entry. */
  health(recognised: number, coverage?: string): Health {
    return {
      adapter: this.adapter.id,
      ok: true,
      recognised,
      ...(coverage ? { coverage } : {}),
      at: Date.now(),
    };
  }

  /**
   * Asks for the rows' badges from what the background already knows, the page's new orders
   * applied in memory (nothing written). False when it could not answer: the sync answers then.
   */
  lookup(orders: OrderInput[], rowIds: string[]): Promise<boolean> {
    return this.inBatches(orders, rowIds, async (batch, rows) => {
      const reply = await send('lookup', {
        platform: this.adapter.platform,
        shopId: this.shopId,
        orders: batch,
        rows,
      });
      if (!reply.ok) return false;
      this.take(reply.value, false);
      return true;
    });
  }

  /** Sends the orders to be stored and asks for the rows' badges. */
  async sync(
    orders: OrderInput[],
    rowIds: string[],
    health?: Health,
    { onlyChanged = false } = {},
  ): Promise<void> {
    await this.inBatches(orders, rowIds, async (batch, rows, first) => {
      const reply = await send('sync', {
        adapter: this.adapter.id,
        platform: this.adapter.platform,
        shopId: this.shopId,
        orders: batch,
        rows,
        health: first ? health : undefined,
      });
      if (!reply.ok) {
        this.hooks.fail(reply.error);
        return false;
      }
      const rejected = new Set(reply.value.rejected.map((r) => r.index));
      batch.forEach((o, j) => {
        if (!rejected.has(j)) this.sent.set(o.orderId, JSON.stringify(o));
      });
      this.take(reply.value, onlyChanged);
      return true;
    });
  }

  /** A read that failed (or a capture that did not parse) goes to the shop's health alone. */
  async reportHealth(ok: boolean, recognised: number, problem?: string): Promise<void> {
    await send('sync', {
      adapter: this.adapter.id,
      platform: this.adapter.platform,
      shopId: this.shopId,
      orders: [],
      rows: [],
      health: {
        adapter: this.adapter.id,
        ok,
        recognised,
        problem: problem?.slice(0, 300),
        at: Date.now(),
      },
    });
  }

  /** An answer: new summaries kept, and the ones it says are unchanged (`same`) taken as held. */
  private take(
    reply: { summaries: RowSummary[]; same?: string[]; overlayEnabled: boolean },
    onlyChanged: boolean,
  ): void {
    this.overlayEnabled = reply.overlayEnabled;
    for (const s of reply.summaries) this.summaries.set(s.orderId, s);
    const held = (reply.same ?? []).flatMap((id) => this.summaries.get(id) ?? []);
    this.hooks.apply([...reply.summaries, ...held], onlyChanged);
  }

  /** Walks orders and rows in step, BATCH at a time, until `ask` says stop. */
  private async inBatches(
    orders: OrderInput[],
    rowIds: string[],
    ask: (batch: OrderInput[], rows: RowRef[], first: boolean) => Promise<boolean>,
  ): Promise<boolean> {
    for (let i = 0; i < Math.max(orders.length, rowIds.length); i += BATCH) {
      const rows = rowIds.slice(i, i + BATCH).map((orderId) => ({
        orderId,
        autoCloseAt: this.autoClose.get(orderId),
        // The answer held for the row: if it is still the same, only its id comes back.
        seen: this.summaries.get(orderId)?.digest,
      }));
      if (!(await ask(orders.slice(i, i + BATCH), rows, i === 0))) return false;
    }
    return true;
  }
}
