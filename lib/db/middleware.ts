/** Dexie's DBCore middleware plumbing, so each middleware states only what it changes. */
import type { DBCore, Middleware } from 'dexie';

/** A DBCore middleware that overrides `down`'s transaction and/or table with `over(down)`. */
export function dbcoreMiddleware(
  name: string,
  over: (down: DBCore) => Partial<Pick<DBCore, 'transaction' | 'table'>>,
): Middleware<DBCore> {
  return { stack: 'dbcore', name, create: (down) => ({ ...down, ...over(down) }) };
}
