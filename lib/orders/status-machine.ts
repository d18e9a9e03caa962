/**
 * The order status machine, written as a table: for a stored status and a fresh sighting's status,
 * what happens to the stored order. The platforms' flows it encodes:
 * - forward: unpaid → paid → shipped → completed; a stale page showing an earlier step is ignored;
 * - a refund (退款中 / 订单部分退款中) can start from any paid step; when it ends without a refund
 *   (退款关闭: withdrawn or refused) the page shows the order's normal status again, and the order
 *   returns to where it was before the refund (the pre-refund status is kept on the order);
 * - closed (交易关闭/已取消) and fully refunded are final: only a newer sighting whose platform
 *   timestamp (`statusAt`) is later than what we know moves them;
 * - `unknown` (a status text nobody could map) never overrides a known status.
 * Pure and zod-free: the content script, the background and tests share it.
 */
import type { OrderStatus } from '../schemas';

/**
 * stay: keep the stored status (stale or uninformative sighting); move: take the sighting's;
 * restore: a refund ended without refund, go back to the pre-refund status (or the sighting's,
 * whichever is further along); newer: take the sighting's only with a later platform timestamp.
 */
export type Move = 'stay' | 'move' | 'restore' | 'newer';

type Row = Record<OrderStatus, Move>;

const S = 'stay' as const;
const M = 'move' as const;
const R = 'restore' as const;
const N = 'newer' as const;

/** Rows: the stored status; columns: the sighting's status. */
export const TRANSITIONS: Readonly<Record<OrderStatus, Readonly<Row>>> = {
  // prettier-ignore
  unpaid:             { unpaid: S, paid: M, shipped: M, completed: M, closed: M, refunding: M, refunded: M, partially_refunded: M, unknown: S },
  // prettier-ignore
  paid:               { unpaid: S, paid: S, shipped: M, completed: M, closed: M, refunding: M, refunded: M, partially_refunded: M, unknown: S },
  // prettier-ignore
  shipped:            { unpaid: S, paid: S, shipped: S, completed: M, closed: M, refunding: M, refunded: M, partially_refunded: M, unknown: S },
  // prettier-ignore
  completed:          { unpaid: S, paid: S, shipped: S, completed: S, closed: M, refunding: M, refunded: M, partially_refunded: M, unknown: S },
  // prettier-ignore
  refunding:          { unpaid: S, paid: R, shipped: R, completed: R, closed: M, refunding: S, refunded: M, partially_refunded: M, unknown: S },
  // A partial refund under way can itself be withdrawn; one more item refunded stays partial.
  // prettier-ignore
  partially_refunded: { unpaid: S, paid: R, shipped: R, completed: R, closed: M, refunding: M, refunded: M, partially_refunded: S, unknown: S },
  // prettier-ignore
  closed:             { unpaid: N, paid: N, shipped: N, completed: N, closed: S, refunding: N, refunded: N, partially_refunded: N, unknown: S },
  // prettier-ignore
  refunded:           { unpaid: N, paid: N, shipped: N, completed: N, closed: N, refunding: N, refunded: S, partially_refunded: N, unknown: S },
  // prettier-ignore
  unknown:            { unpaid: M, paid: M, shipped: M, completed: M, closed: M, refunding: M, refunded: M, partially_refunded: M, unknown: S },
};

/** The steps of a normal order, in order: where a withdrawn refund goes back to. */
const FORWARD: readonly OrderStatus[] = ['paid', 'shipped', 'completed'];
const REFUND_UNDER_WAY: ReadonlySet<OrderStatus> = new Set(['refunding', 'partially_refunded']);

/** What the machine needs of an order (stored or sighted). */
export interface StatusFacts {
  status: OrderStatus;
  /** The status before a refund started, while one is under way. */
  preRefundStatus?: OrderStatus;
  /** The platform's own time of the status, when the page gives one. */
  statusAt?: number;
  /** When we last saw the order. */
  seenAt: number;
}

export interface StatusOutcome {
  status: OrderStatus;
  preRefundStatus: OrderStatus | undefined;
  /** The sighting's status was taken (its other fields are then the fresher ones too). */
  accepted: boolean;
}

/** The stored order's status after a sighting. */
export function nextStatus(stored: StatusFacts, sighting: StatusFacts): StatusOutcome {
  const move = TRANSITIONS[stored.status][sighting.status];
  const keep: StatusOutcome = {
    status: stored.status,
    preRefundStatus: stored.preRefundStatus,
    accepted: sighting.status === stored.status,
  };
  switch (move) {
    case 'stay':
      return keep;
    case 'newer': {
      // Without a platform time on the stored order, the sighting must date the change after we
      // last saw it final.
      const known = stored.statusAt ?? stored.seenAt;
      if (sighting.statusAt === undefined || sighting.statusAt <= known) return keep;
      return take(stored, sighting.status);
    }
    case 'restore': {
      const pre = stored.preRefundStatus;
      const back =
        pre && FORWARD.indexOf(pre) > FORWARD.indexOf(sighting.status) ? pre : sighting.status;
      return { status: back, preRefundStatus: undefined, accepted: true };
    }
    case 'move':
      return take(stored, sighting.status);
  }
}

function take(stored: StatusFacts, status: OrderStatus): StatusOutcome {
  let preRefundStatus: OrderStatus | undefined;
  if (REFUND_UNDER_WAY.has(status))
    // Entering a refund remembers where the order was; moving between refund states keeps it.
    preRefundStatus = FORWARD.includes(stored.status)
      ? stored.status
      : REFUND_UNDER_WAY.has(stored.status)
        ? stored.preRefundStatus
        : undefined;
  return { status, preRefundStatus, accepted: true };
}

/** The amount an order adds to its buyer's spend: what was paid less what was refunded. */
export function netAmount(o: { amount: number; refundedAmount?: number; status: OrderStatus }) {
  if (o.status !== 'partially_refunded' || o.refundedAmount === undefined) return o.amount;
  return Math.max(0, o.amount - o.refundedAmount);
}
