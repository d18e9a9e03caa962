/**
 * What travels: one server document per shared record, of these kinds. Derived data (customer
 * aggregates, statistics, figure blocks, search keys) never travels; each desk rebuilds it from
 * the orders that arrive. Bodies are sealed (lib/sync/crypto) unless the team chose plain
 * documents on a server on this machine.
 */
import { z } from '../zod';
import { ContactEntry, EpochMs, Id, OrderInput, Platform, type Order } from '../schemas';
import { MetaClock, Stamp } from './meta-clock';
import { openJson, sealedId, sealJson, type TeamKeys } from './crypto';
import type { CouchDoc } from './couch';

export const SyncKind = z.enum(['order', 'meta', 'contact', 'shop', 'forget', 'claim']);
export type SyncKind = z.infer<typeof SyncKind>;

/** A forgotten buyer: named by the hash of their key, never the key. */
export const Tombstone = z.object({
  keyHash: z.string().regex(/^[0-9a-f]{64}$/),
  /** The anonymous buyer id their orders move to, the same on every desk. */
  anonId: z.string().regex(/^forgotten:[\w-]{1,64}$/),
  at: EpochMs,
});
export type Tombstone = z.infer<typeof Tombstone>;

/** "Being handled by": one 客服 opened the assistant on an unpaid order. */
export const Claim = z.object({
  orderKey: z.string().max(200),
  customerKey: z.string().max(300),
  staff: z.string().max(50),
  device: z.string().max(64),
  at: EpochMs,
});
export type Claim = z.infer<typeof Claim>;

export const SharedShop = z.object({
  platform: Platform,
  shopId: Id,
  name: z.string().max(100),
  s: Stamp,
});
export type SharedShop = z.infer<typeof SharedShop>;

const DATA = {
  order: OrderInput,
  meta: MetaClock,
  contact: ContactEntry,
  shop: SharedShop,
  forget: Tombstone,
  claim: Claim,
} as const;

export type SyncData = {
  order: OrderInput;
  meta: MetaClock;
  contact: ContactEntry;
  shop: SharedShop;
  forget: Tombstone;
  claim: Claim;
};

export type SyncEntry = {
  [K in SyncKind]: { kind: K; key: string; data: SyncData[K] };
}[SyncKind];

/** The local name of a shared record: `${kind}|${key}` (keys themselves contain colons). */
export const docKeyOf = (kind: SyncKind, key: string): string => `${kind}|${key}`;

/** An order as shared: what a page sighting carries, without local bookkeeping (seenAt, keys). */
export function sharedOrder(o: Order): OrderInput {
  const { key: _k, customerKey: _c, phoneTail: _p, seenAt: _s, ...input } = o;
  return input;
}

/** The id check document: fixed, so every desk finds it. */
export const CHECK_ID = 'kezhi-check';

export interface Codec {
  sealed: boolean;
  idOf(kind: SyncKind, key: string): Promise<string>;
  encode(id: string, entry: SyncEntry): Promise<Record<string, unknown>>;
  /** The entry, or a reason it cannot be read (altered, foreign or of another format). */
  decode(doc: CouchDoc): Promise<SyncEntry | { error: string }>;
}

const Envelope = z.object({ kind: SyncKind, key: z.string().max(400), data: z.unknown() });

function validate(raw: unknown): SyncEntry | { error: string } {
  const env = Envelope.safeParse(raw);
  if (!env.success) return { error: 'not a Kezhi sync document' };
  const parsed = DATA[env.data.kind].safeParse(env.data.data);
  if (!parsed.success) {
    const first = parsed.error.issues[0];
    return { error: `${env.data.kind}: ${first?.path.join('.') ?? ''} ${first?.message ?? ''}` };
  }
  return { kind: env.data.kind, key: env.data.key, data: parsed.data } as SyncEntry;
}

/** Documents readable by whoever can read the database (a server on this machine only). */
export const plainCodec: Codec = {
  sealed: false,
  idOf: (kind, key) => Promise.resolve(`${kind}:${key}`),
  encode: (_id, e) => Promise.resolve({ kz: 1, kind: e.kind, key: e.key, data: e.data }),
  decode: (doc) =>
    Promise.resolve(doc.kz === 1 ? validate(doc) : { error: 'not a plain document' }),
};

/** Sealed documents: ids are keyed hashes, bodies AES-GCM under the team key. */
export function sealedCodec(keys: TeamKeys): Codec {
  return {
    sealed: true,
    idOf: (kind, key) => sealedId(keys, docKeyOf(kind, key)),
    async encode(id, e) {
      return { kz: 2, ...(await sealJson(keys, id, { kind: e.kind, key: e.key, data: e.data })) };
    },
    async decode(doc) {
      if (doc.kz !== 2 || typeof doc.iv !== 'string' || typeof doc.c !== 'string')
        return { error: 'not a sealed document' };
      const plain = await openJson(keys, doc._id, { iv: doc.iv, c: doc.c });
      if (plain === undefined) return { error: 'cannot be opened with the team key' };
      const e = validate(plain);
      // The id is bound as additional data, but also check the body names the same record.
      if (!('error' in e) && (await sealedId(keys, docKeyOf(e.kind, e.key))) !== doc._id)
        return { error: 'body does not match its id' };
      return e;
    },
  };
}
