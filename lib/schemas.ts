/**
 * The data contract. Every record that crosses a boundary (page -> content script -> background ->
 * IndexedDB, file -> importer, backup -> restore) is parsed by one of these schemas.
 * Money is integer fen, times are epoch milliseconds, ids are strings.
 */
import { z } from './zod';
import { IDENTITY_IDS, ORDER_SOURCE_IDS, ORDER_STATUS_IDS, PLATFORM_IDS } from './order-check';

export const Platform = z.enum(PLATFORM_IDS);
export type Platform = z.infer<typeof Platform>;

export const OrderStatus = z.enum(ORDER_STATUS_IDS);
export type OrderStatus = z.infer<typeof OrderStatus>;

// Plain values, kept zod-free for the popup's first load and the content script.
export { isPurchase, PLATFORMS, PURCHASE_STATUSES, STATUS_RANK } from './order-status';

/** Strings from pages are bounded: a 1 MB nickname is hostile, not a nickname. */
const text = (max: number) =>
  z
    .string()
    .max(max)
    // Lone surrogates cannot be stored or rendered faithfully; refuse them at the boundary.
    .refine((s) => s.isWellFormed(), { message: 'malformed unicode' });

export const Id = text(64).regex(/^[\w.:#~\-/@+]{1,64}$/, 'id has unexpected characters');
export const Fen = z.number().int().min(0).max(1e12);
/**
 * A sum of many orders' fen (a customer's spend): its own bound, since a buyer with several
 * orders near the single-order cap legitimately sums past it. Still a safe integer.
 */
export const FenTotal = z.number().int().min(0).max(Number.MAX_SAFE_INTEGER);
/** 2000-01-01 .. 2100-01-01: anything outside is a parse error, not a date. */
export const EpochMs = z.number().int().min(946684800000).max(4102444800000);

export const OrderItem = z.object({
  title: text(500),
  sku: text(300).optional(),
  quantity: z.number().int().min(1).max(100000),
  /** Unit price in fen, when the page shows it. */
  unitPrice: Fen.optional(),
  /** Platform item / product id, for repurchase cycles per item. */
  itemId: text(64).optional(),
});
export type OrderItem = z.infer<typeof OrderItem>;

/**
 * Which kind of key names the buyer (lib/keys buyerIdFor, strongest first): the platform's account
 * id, an e-mail, an unmasked account nick, an opaque token for a masked buyer (千牛 encodeId, whose
 * stability is measured per shop), a display name anyone may share, or nothing (the order stands
 * alone). `known` and `masked` are the values stored before schema version 4 (read as nick and
 * none; the v4 upgrade rewrites them, old backups still parse).
 */
export const Identity = z.enum(IDENTITY_IDS);
export type Identity = z.infer<typeof Identity>;

export const OrderSource = z.enum(ORDER_SOURCE_IDS);
export type OrderSource = z.infer<typeof OrderSource>;

/** An order as an adapter or importer produces it (before it gets its database keys). */
export const OrderInput = z.object({
  platform: Platform,
  shopId: Id,
  orderId: Id,
  /** The platform's buyer id where known; otherwise derived from the nick (see buyerIdFor). */
  buyerId: text(220).min(1),
  buyerNick: text(200),
  identity: Identity,
  status: OrderStatus,
  createdAt: EpochMs,
  paidAt: EpochMs.optional(),
  /** Amount actually paid (or payable, while unpaid), in fen. */
  amount: Fen,
  items: z.array(OrderItem).max(500),
  receiverName: text(100).optional(),
  receiverPhone: text(40).optional(),
  region: text(200).optional(),
  /** Fen refunded so far when the page says (partial refunds keep the rest as spend). */
  refundedAmount: Fen.optional(),
  /** The raw status text or code when `status` is `unknown`, for health to report. */
  rawStatus: text(60).optional(),
  /** When the platform will auto-close an unpaid order, if the page says. */
  autoCloseAt: EpochMs.optional(),
  /** The platform's own time of the current status (e.g. JD orderCompleteTime), if the page says. */
  statusAt: EpochMs.optional(),
  source: OrderSource,
});
export type OrderInput = z.infer<typeof OrderInput>;

/** A stored order: OrderInput plus its keys and bookkeeping. */
export const Order = OrderInput.extend({
  /** `${platform}:${shopId}:${orderId}` */
  key: z.string(),
  /** `${platform}:${shopId}:${buyerId}` */
  customerKey: z.string(),
  /** Last 4 digits of the receiver phone where the page showed them (for search). */
  phoneTail: z.string().optional(),
  /** Last time any page or import showed us this order. */
  seenAt: EpochMs,
  /** While a refund is under way: the status before it, to return to if it ends without refund. */
  preRefundStatus: OrderStatus.optional(),
});
export type Order = z.infer<typeof Order>;

/**
 * Per-customer aggregates, kept current on every ingest and always equal to a recompute from
 * the customer's orders (a property test holds us to it). Purchases are kept as parallel arrays
 * sorted by time so "as of this order" questions need no order-table reads.
 */
export const Customer = z.object({
  key: z.string(),
  platform: Platform,
  shopId: Id,
  buyerId: z.string(),
  nick: z.string(),
  identity: Identity,
  /** Every order of this customer, any status. */
  orderCount: z.number().int().min(0),
  firstOrderAt: z.number().int(),
  lastOrderAt: z.number().int(),
  /** Purchases (paid/shipped/completed orders) sorted by createdAt: time, amount, order id. */
  purchaseAt: z.array(z.number().int()),
  purchaseAmount: z.array(Fen),
  purchaseOrderIds: z.array(z.string()),
  purchaseCount: z.number().int().min(0),
  totalSpent: FenTotal,
  itemsBought: z.number().int().min(0),
  lastPurchaseAt: z.number().int().optional(),
  /** Newest order ids first (at most CUSTOMER_ORDER_IDS), for order-id search terms. */
  orderIds: z.array(z.string()),
  /** createdAt of each id in orderIds (parallel array), so new orders slot in without a read. */
  orderTimes: z.array(z.number().int()),
  /** Search keys (lower-case): nick, receiver names, their pinyin, phone tails, order-id tails. */
  searchTerms: z.array(z.string()),
  receiverNames: z.array(z.string()),
  phoneTails: z.array(z.string()),
});
export type Customer = z.infer<typeof Customer>;

/** How many recent order ids a customer record keeps for search. */
export const CUSTOMER_ORDER_IDS = 50;

export const Channel = z.enum(['chat', 'sms', 'email', 'phone']);
export type Channel = z.infer<typeof Channel>;

export const Tone = z.enum(['polite', 'brief', 'warm']);
export type Tone = z.infer<typeof Tone>;

/** What staff confirmed past when they copied anyway: a reason not to remind, or a warning. */
export const OverrideCode = z.enum([
  'not-unpaid',
  'unknown-status',
  'auto-closed',
  'sibling-paid',
  'blacklisted',
  'cap-reached',
  'quiet-hours',
  'too-soon',
  'would-exceed-cap',
  'compliance',
]);
export type OverrideCode = z.infer<typeof OverrideCode>;

export const ContactEntry = z.object({
  id: z.string(),
  customerKey: z.string(),
  orderKey: z.string().optional(),
  at: EpochMs,
  channel: Channel,
  /** Template id, e.g. `remind.new.chat.polite` or `care.day7`. */
  template: z.string().max(100),
  /** Which member of staff (free text from settings, e.g. 客服小王). */
  staff: z.string().max(50).default(''),
  purpose: z.enum(['remind', 'care', 'recall', 'repurchase', 'other']).default('remind'),
  /** Set when the order was later seen paid: reminder response tracking. */
  paidAfterAt: EpochMs.optional(),
  /** The contact was made with a second click past these warnings (the seller is in charge). */
  overrode: z.array(OverrideCode).max(10).optional(),
  /** Which desk (browser profile) logged it, for team sync; absent before sync. */
  device: z.string().max(64).optional(),
});
export type ContactEntry = z.infer<typeof ContactEntry>;

export const CustomerMeta = z.object({
  customerKey: z.string(),
  tags: z.array(text(30)).max(50).default([]),
  note: text(5000).default(''),
  blacklisted: z.boolean().default(false),
  blacklistReason: text(500).default(''),
  updatedAt: EpochMs,
});
export type CustomerMeta = z.infer<typeof CustomerMeta>;

/**
 * A seller's edit of one customer's meta: only the fields present change. No defaults on purpose:
 * zod fills `.default()` even inside `.optional()`, which turned "add a tag" into "wipe the note".
 * Shared by updateMeta and team sync (issue 16).
 */
export const MetaPatch = z.object({
  tags: z.array(text(30)).max(50).optional(),
  note: text(5000).optional(),
  blacklisted: z.boolean().optional(),
  blacklistReason: text(500).optional(),
});
export type MetaPatch = z.infer<typeof MetaPatch>;

export const PageHealth = z.object({
  /** Adapter id, e.g. `taobao-old`. */
  adapter: z.string().max(40),
  ok: z.boolean(),
  /** Rows or JSON orders recognised on the last look. */
  recognised: z.number().int().min(0),
  /** Why the page was not recognised, in a sentence the seller can read. */
  problem: z.string().max(300).optional(),
  /** How much of the page was read: "28 of 30 rows; 2 without status: 订单异常". */
  coverage: z.string().max(300).optional(),
  at: EpochMs,
});
export type PageHealth = z.infer<typeof PageHealth>;

/** What a shop has seen of one kind of buyer key (lib/identity KindEvidence). */
export const KindEvidence = z.object({
  orders: z.number().int().min(0),
  keys: z.number().int().min(0),
  repeatOrders: z.number().int().min(0),
  crossDayRepeats: z.number().int().min(0),
  sameOnRevisit: z.number().int().min(0),
  changedOnRevisit: z.number().int().min(0),
  conflicts: z.number().int().min(0),
  lastProblem: z.string().max(100).optional(),
  seenDays: z.array(z.number().int()).max(400),
  orderDays: z.array(z.number().int()).max(400),
});

export const Shop = z.object({
  /** `${platform}:${shopId}` */
  key: z.string(),
  platform: Platform,
  shopId: Id,
  name: z.string().max(100),
  lastSeenAt: z.number().int(),
  pagesRecognised: z.number().int().min(0),
  health: PageHealth.optional(),
  /** Orders were ingested since the shop statistics were last computed. */
  statsDirty: z.boolean().optional(),
  /** Per kind of buyer key, the evidence of whether it recognises returning buyers (ingest). */
  identityEvidence: z
    .object({
      platform: KindEvidence.optional(),
      email: KindEvidence.optional(),
      nick: KindEvidence.optional(),
      token: KindEvidence.optional(),
      name: KindEvidence.optional(),
      none: KindEvidence.optional(),
    })
    .optional(),
});
export type Shop = z.infer<typeof Shop>;

// Keys and the buyer-identity rule live in a zod-free module the content script can import.
export { buyerIdFor, customerKey, isMaskedNick, orderKey, shopKey, splitShopKey } from './keys';
