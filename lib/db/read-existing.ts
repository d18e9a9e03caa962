/** Below this many keys, one get per key is as cheap as anything. */
const RANGE_READ_MIN = 16;

/**
 * The stored records for `keys` (undefined where none), as bulkGet returns them. Every get is a
 * round trip to the database and most keys of an import are new, so one bounded key read over
 * the batch's range first says which keys exist, and only those are read. A range crowded with other records (a batch scattered over a big shop) falls
 * back to one get per key.
 */
export async function readExisting<T, K extends string>(
  table: {
    bulkGet(keys: K[]): Promise<(T | undefined)[]>;
    where(index: ':id'): {
      between(
        lower: K,
        upper: K,
        includeLower: boolean,
        includeUpper: boolean,
      ): { limit(n: number): { primaryKeys(): Promise<K[]> } };
    };
  },
  keys: readonly K[],
): Promise<(T | undefined)[]> {
  if (keys.length < RANGE_READ_MIN) return table.bulkGet([...keys]);
  let lo = keys[0]!;
  let hi = keys[0]!;
  for (const k of keys) {
    if (k < lo) lo = k;
    if (k > hi) hi = k;
  }
  const limit = keys.length * 2;
  const inRange = await table
    .where(':id')
    .between(lo, hi, true, true)
    .limit(limit + 1)
    .primaryKeys();
  if (inRange.length > limit) return table.bulkGet([...keys]);
  const present = new Set(inRange);
  const wanted = keys.filter((k) => present.has(k));
  const found = wanted.length > 0 ? await table.bulkGet(wanted) : [];
  const byKey = new Map(wanted.map((k, i) => [k, found[i]]));
  return keys.map((k) => byKey.get(k));
}
