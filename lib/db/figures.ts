/**
 * Each shop's customer figures (last purchase, purchase counts, spend: what the shop statistics
 * rank) kept in a few hundred compact blocks per shop, so a full RFM/tier recompute reads
 * {@link FIGURE_BUCKETS} records instead of every customer (in Chromium every IndexedDB record
 * read has a fixed cost however small it is).
 *
 * The blocks follow every put or delete of a customer, by any writer (ingest, forget, shop
 * delete, restore), through lib/db/figures-log's middleware: written just behind the customers in
 * a transaction of their own, and repaired on start if the worker stopped in between.
 */
import type { DBCoreMutateRequest, DBCoreTable, DBCoreTransaction } from 'dexie';
import { customerFigures, FIGURES_STRIDE } from '../customers';
import { shopKey } from '../keys';
import type { Customer } from '../schemas';

/**
 * Blocks per shop. A large import touches nearly all of them (one put each, so fewer is better
 * for imports); a page of orders touches a few dozen (more blocks would make each smaller). A
 * full recompute reads them all at once.
 */
export const FIGURE_BUCKETS = 256;

/** One block: customers of one shop whose key hashes to `bucket`, and their figures. */
export interface FiguresBlock {
  shopKey: string;
  bucket: number;
  /** Customer keys, in the order of `values`. */
  keys: string[];
  /** FIGURES_STRIDE numbers per key (lib/customers customerFigures). */
  values: Float64Array;
}

/** FNV-1a over the UTF-16 units: a stable, even spread of customer keys over the buckets. */
export function bucketOf(customerKey: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < customerKey.length; i++) {
    h ^= customerKey.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return (h >>> 0) % FIGURE_BUCKETS;
}

type Change = { key: string; figures: readonly number[] | undefined };

/** One customer's figures to set in its shop's block (undefined: remove it from the block). */
export interface FigureChange {
  key: string;
  shopKey: string;
  figures: readonly number[] | undefined;
}

/** The change a written (or, with `gone`, deleted) customer makes to its block. */
export function figureChangeOf(customer: Customer, gone = false): FigureChange {
  return {
    key: customer.key,
    shopKey: shopKey(customer.platform, customer.shopId),
    figures: gone ? undefined : customerFigures(customer),
  };
}

/**
 * From this many changes to one block on, its keys are indexed in a map; below, each change finds
 * its key by a scan (a page of orders changes one or two customers of a block of hundreds, and
 * indexing every key of every block it touched cost more than the rest of the write-behind).
 */
const INDEX_KEYS_FROM = 8;

/**
 * Applies customer changes to blocks (pure): a customer with figures is set, one without (or
 * deleted) is removed. Returns the blocks to write and the block keys that became empty.
 */
export function applyFigureChanges(
  blocks: readonly (FiguresBlock | undefined)[],
  ids: readonly [string, number][],
  changesByBlock: readonly Change[][],
): { put: FiguresBlock[]; remove: [string, number][] } {
  const put: FiguresBlock[] = [];
  const remove: [string, number][] = [];
  ids.forEach(([shop, bucket], b) => {
    const block = blocks[b];
    const changes = changesByBlock[b] ?? [];
    // Copies (the caller's blocks stay as they were), changed in place; `values` grows by doubling.
    const keys = block ? block.keys.slice() : [];
    let values = block ? new Float64Array(block.values) : new Float64Array(0);
    const at = changes.length >= INDEX_KEYS_FROM ? new Map(keys.map((k, i) => [k, i])) : undefined;
    const find = (key: string) => {
      if (at) return at.get(key);
      const i = keys.indexOf(key);
      return i < 0 ? undefined : i;
    };
    for (const { key, figures } of changes) {
      const i = find(key);
      if (figures) {
        if (i === undefined) {
          const end = keys.length * FIGURES_STRIDE;
          if (end + FIGURES_STRIDE > values.length) {
            const grown = new Float64Array(Math.max(2 * values.length, end + FIGURES_STRIDE));
            grown.set(values.subarray(0, end));
            values = grown;
          }
          values.set(figures, end);
          at?.set(key, keys.length);
          keys.push(key);
        } else values.set(figures, i * FIGURES_STRIDE);
      } else if (i !== undefined) {
        // Swap with the last entry, then drop the last: order within a block does not matter.
        const last = keys.length - 1;
        const lastKey = keys[last]!;
        keys[i] = lastKey;
        at?.set(lastKey, i);
        values.copyWithin(i * FIGURES_STRIDE, last * FIGURES_STRIDE, (last + 1) * FIGURES_STRIDE);
        keys.pop();
        at?.delete(key);
      }
    }
    const size = keys.length * FIGURES_STRIDE;
    if (keys.length > 0)
      put.push({
        shopKey: shop,
        bucket,
        keys,
        values: values.length === size ? values : values.slice(0, size),
      });
    else if (block) remove.push([shop, bucket]);
  });
  return { put, remove };
}

/** Customer changes grouped by the block they belong to: block ids and, in the same order, changes. */
function groupByBlock(changes: readonly FigureChange[]): {
  ids: [string, number][];
  lists: Change[][];
} {
  const byBlock = new Map<string, { id: [string, number]; list: Change[] }>();
  for (const { key, shopKey: shop, figures } of changes) {
    const id: [string, number] = [shop, bucketOf(key)];
    const k = `${id[1]}|${id[0]}`;
    const entry = byBlock.get(k) ?? { id, list: [] };
    entry.list.push({ key, figures });
    byBlock.set(k, entry);
  }
  const entries = [...byBlock.values()];
  return { ids: entries.map((e) => e.id), lists: entries.map((e) => e.list) };
}

/** Builds every shop's figure blocks from the customers (the v3 upgrade, and tests). */
export function figureBlocksOf(customers: Iterable<Customer>): FiguresBlock[] {
  const { ids, lists } = groupByBlock([...customers].map((c) => figureChangeOf(c)));
  return applyFigureChanges(
    ids.map(() => undefined),
    ids,
    lists,
  ).put;
}

/** Writes customer changes into their blocks, within `trans` (which must hold figures). */
export async function updateBlocks(
  figures: DBCoreTable,
  trans: DBCoreTransaction,
  changes: readonly FigureChange[],
): Promise<void> {
  if (changes.length === 0) return;
  const { ids, lists } = groupByBlock(changes);
  const stored = await readBlocks(figures, trans, ids);
  const { put, remove } = applyFigureChanges(stored, ids, lists);
  if (put.length > 0) await figures.mutate({ type: 'put', trans, values: put });
  if (remove.length > 0) await figures.mutate({ type: 'delete', trans, keys: remove });
}

/**
 * The stored blocks for `ids`. When a change touches a good share of one shop's blocks (an import
 * batch), one range read of the shop's blocks replaces hundreds of gets.
 */
async function readBlocks(
  figures: DBCoreTable,
  trans: DBCoreTransaction,
  ids: readonly [string, number][],
): Promise<(FiguresBlock | undefined)[]> {
  const shops = new Set(ids.map(([shop]) => shop));
  if (shops.size !== 1 || ids.length < FIGURE_BUCKETS / 4)
    return (await figures.getMany({ trans, keys: [...ids] })) as (FiguresBlock | undefined)[];
  const [shop] = shops;
  const all = (
    await figures.query({
      trans,
      values: true,
      query: {
        index: figures.schema.primaryKey,
        range: {
          type: 2 /* DBCoreRangeType.Range */,
          lower: [shop, -Infinity],
          upper: [shop, Infinity],
        },
      },
    })
  ).result as FiguresBlock[];
  const byBucket = new Map(all.map((b) => [b.bucket, b]));
  return ids.map(([, bucket]) => byBucket.get(bucket));
}

/** The customers whose records a delete request removes (read before the delete). */
export async function deletedCustomers(
  table: DBCoreTable,
  req: Extract<DBCoreMutateRequest, { type: 'delete' | 'deleteRange' }>,
): Promise<Customer[]> {
  const found =
    req.type === 'delete'
      ? await table.getMany({ trans: req.trans, keys: req.keys })
      : (
          await table.query({
            trans: req.trans,
            values: true,
            query: { index: table.schema.primaryKey, range: req.range },
          })
        ).result;
  return (found as (Customer | undefined)[]).filter((c): c is Customer => c !== undefined);
}
