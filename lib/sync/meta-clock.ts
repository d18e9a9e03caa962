/**
 * Seller edits (tags, note, blacklist) merged per field across desks. Each field keeps the
 * (time, device) stamp of its last write and the later stamp wins, device breaking ties, so
 * every desk reaches the same value whatever order the edits arrive in. Tags are add/remove
 * sets: a tag is present when its latest add is later than its latest remove, so one desk adding
 * 高端 while another removes 活动顾客 keeps both edits.
 */
import { z } from '../zod';
import type { CustomerMeta } from '../schemas';

export const Stamp = z.tuple([z.number().int().min(0), z.string().max(64)]);
/** [time, device]. */
export type Stamp = z.infer<typeof Stamp>;

const Field = <T extends z.ZodType>(value: T) => z.object({ v: value, s: Stamp });

export const MetaClock = z.object({
  customerKey: z.string().max(300),
  note: Field(z.string().max(5000)).optional(),
  blacklisted: Field(z.boolean()).optional(),
  blacklistReason: Field(z.string().max(500)).optional(),
  /** tag -> the stamps of its latest add and latest remove. */
  tags: z
    .record(z.string().max(30), z.object({ add: Stamp.optional(), rem: Stamp.optional() }))
    .default({}),
});
export type MetaClock = z.infer<typeof MetaClock>;

/** Is stamp a later than b? Time first, then device id, so ties resolve alike everywhere. */
export function later(a: Stamp | undefined, b: Stamp | undefined): boolean {
  if (!a) return false;
  if (!b) return true;
  return a[0] !== b[0] ? a[0] > b[0] : a[1] > b[1];
}

const pick = <F extends { s: Stamp }>(a: F | undefined, b: F | undefined): F | undefined =>
  later(b?.s, a?.s) ? b : a;

/** Merges two clocks of the same customer: commutative, associative and idempotent. */
export function mergeClocks(a: MetaClock, b: MetaClock): MetaClock {
  const tags: MetaClock['tags'] = {};
  for (const tag of new Set([...Object.keys(a.tags), ...Object.keys(b.tags)])) {
    const x = a.tags[tag];
    const y = b.tags[tag];
    const add = later(y?.add, x?.add) ? y?.add : x?.add;
    const rem = later(y?.rem, x?.rem) ? y?.rem : x?.rem;
    tags[tag] = { ...(add ? { add } : {}), ...(rem ? { rem } : {}) };
  }
  const out: MetaClock = { customerKey: a.customerKey, tags };
  const note = pick(a.note, b.note);
  const blacklisted = pick(a.blacklisted, b.blacklisted);
  const blacklistReason = pick(a.blacklistReason, b.blacklistReason);
  if (note) out.note = note;
  if (blacklisted) out.blacklisted = blacklisted;
  if (blacklistReason) out.blacklistReason = blacklistReason;
  return out;
}

/** The tags a clock says are present, sorted (a stable order on every desk). */
export function presentTags(c: MetaClock): string[] {
  return Object.entries(c.tags)
    .filter(([, t]) => later(t.add, t.rem))
    .map(([tag]) => tag)
    .sort();
}

export type MetaPatch = Partial<
  Pick<CustomerMeta, 'tags' | 'note' | 'blacklisted' | 'blacklistReason'>
>;

/**
 * Stamps a local edit. Tags given in full become adds of the new ones and removes of the dropped
 * ones (relative to what the clock shows), so an untouched tag keeps its older stamp.
 */
export function stampEdit(
  prev: MetaClock | undefined,
  customerKey: string,
  patch: MetaPatch,
  stamp: Stamp,
): MetaClock {
  const next: MetaClock = prev ? { ...prev, tags: { ...prev.tags } } : { customerKey, tags: {} };
  if (patch.note !== undefined) next.note = { v: patch.note, s: stamp };
  if (patch.blacklisted !== undefined) next.blacklisted = { v: patch.blacklisted, s: stamp };
  if (patch.blacklistReason !== undefined)
    next.blacklistReason = { v: patch.blacklistReason, s: stamp };
  if (patch.tags) {
    const wanted = new Set(patch.tags.map((t) => t.trim()).filter(Boolean));
    const had = new Set(presentTags(next));
    for (const tag of wanted) if (!had.has(tag)) next.tags[tag] = { ...next.tags[tag], add: stamp };
    for (const tag of had) if (!wanted.has(tag)) next.tags[tag] = { ...next.tags[tag], rem: stamp };
  }
  return next;
}

/** The clock seen as the stored record (updatedAt: the latest stamp's time). */
export function metaOfClock(c: MetaClock, fallbackAt: number): CustomerMeta {
  const stamps = [c.note?.s, c.blacklisted?.s, c.blacklistReason?.s];
  for (const t of Object.values(c.tags)) stamps.push(t.add, t.rem);
  const at = Math.max(0, ...stamps.map((s) => s?.[0] ?? 0));
  return {
    customerKey: c.customerKey,
    tags: presentTags(c).slice(0, 50),
    note: c.note?.v ?? '',
    blacklisted: c.blacklisted?.v ?? false,
    blacklistReason: c.blacklistReason?.v ?? '',
    updatedAt: at > 0 ? at : fallbackAt,
  };
}

/**
 * A clock for a record written before sync was on (or restored from a backup): each field
 * stamped with the record's own time, so an edit made since on another desk wins.
 */
export function clockOfMeta(m: CustomerMeta, device: string): MetaClock {
  const s: Stamp = [m.updatedAt, device];
  const tags: MetaClock['tags'] = {};
  for (const tag of m.tags) tags[tag] = { add: s };
  return {
    customerKey: m.customerKey,
    tags,
    ...(m.note ? { note: { v: m.note, s } } : {}),
    ...(m.blacklisted ? { blacklisted: { v: true, s } } : {}),
    ...(m.blacklistReason ? { blacklistReason: { v: m.blacklistReason, s } } : {}),
  };
}
