/**
 * Structural equality for JSON-like values (plain objects, arrays, strings, numbers, booleans,
 * null): a key holding undefined counts as absent, as JSON has it. NaN equals nothing, so a value
 * holding one is never taken for another: callers use a false answer to do the work again.
 *
 * Walks without allocating beyond each object's key list: the background compares every row's
 * answer with the one it last digested (lib/row-answer), and ingest every stored order with its
 * merge; records read from the background's cache share their strings and arrays, which compare
 * at once.
 */
export function deepEqual(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (typeof a !== 'object' || typeof b !== 'object' || a === null || b === null) return false;
  const isArray = Array.isArray(a);
  if (isArray !== Array.isArray(b)) return false;
  if (isArray) {
    const x = a as unknown[];
    const y = b as unknown[];
    if (x.length !== y.length) return false;
    for (let i = 0; i < x.length; i++) if (!deepEqual(x[i], y[i])) return false;
    return true;
  }
  const x = a as Record<string, unknown>;
  const y = b as Record<string, unknown>;
  // Every key of `a` holding a value is equal in `b`; then `b` may hold no more values than that.
  let defined = 0;
  for (const k of Object.keys(x)) {
    const v = x[k];
    if (v === undefined) {
      if (y[k] !== undefined) return false;
      continue;
    }
    if (!Object.hasOwn(y, k) || !deepEqual(v, y[k])) return false;
    defined++;
  }
  for (const k of Object.keys(y)) if (y[k] !== undefined && --defined < 0) return false;
  return true;
}
